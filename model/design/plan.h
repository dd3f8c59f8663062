#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/design/item_estimate.h"
#include "model/schema/design.h"

namespace kvlab::model {

// Something a user should know about how a pattern runs. `code` is stable for tools: scan,
// filter, client-sort, strong-read-on-gsi, hot-key, item-too-large, collection-too-large,
// fetch-items, key-lookup-first, transaction-too-large, aggregate-client-side, no-rate,
// multi-query, related-items, stated-plan-differs, key-change.
struct PlanWarning {
  std::string code;
  std::string message;
  // hot-key: the units a second the busiest key value takes at peak, and the partition's limit.
  double amount = 0;
  double limit = 0;
};

// How one access pattern runs on one design, and what it costs per request.
struct PatternPlan {
  std::string patternId;
  std::string patternName;
  // Answered through keys: a GetItem, a Query or a write by primary key (or a Scan when the
  // pattern asks for one). False when only a Scan of what the pattern does not ask for can do it.
  bool served = false;
  std::string index = "table";  // "table" or the name of a GSI or LSI
  Operation operation = Operation::GetItem;
  std::string keyCondition;  // written out from the templates; empty for a Scan or a PutItem
  bool scan = false;
  std::vector<std::string> filter;  // attributes tested after the key condition
  double itemsPerRequest = 0;       // items read (or written) by one request, on average
  double readUnitsPerRequest = 0;
  double writeUnitsPerRequest = 0;  // the table's and every index's
  // Per request, by who pays: "table" (the table and its LSIs) or a GSI's name.
  std::vector<std::pair<std::string, double>> readUnitsByCapacity;
  std::vector<std::pair<std::string, double>> writeUnitsByCapacity;
  double requestsPerSecondMean = 0;
  double requestsPerSecondPeak = 0;
  std::string reason;  // one line: why this index and operation, or why it is not served
  std::vector<PlanWarning> warnings;
  std::optional<StatedPlan> stated;  // what the design's author wrote, when they did
  bool agreesWithStated = true;      // same index and operation as the stated plan
};

// The load on one capacity owner: the table (with its LSIs) or one GSI.
struct CapacityLoad {
  std::string name;  // "table" or the GSI's name
  double readUnitsMean = 0;
  double readUnitsPeak = 0;
  double writeUnitsMean = 0;
  double writeUnitsPeak = 0;
  double items = 0;            // items or index entries stored
  double storedBytes = 0;      // with DynamoDB's 100-byte overhead per item or entry (an estimate)
  double onDemandMonthly = 0;  // US dollars
  double provisionedMonthly = 0;  // sized to the peak with the headroom
  double provisionedReadCapacity = 0;
  double provisionedWriteCapacity = 0;
  double storageMonthly = 0;
};

struct MonthlyCost {
  double onDemand = 0;     // request units at the mean rates
  double provisioned = 0;  // capacity units sized to the peak rates
  double storage = 0;
};

// How a whole design serves a project's access patterns, and what it costs.
struct DesignPlan {
  std::string design;
  std::string tableName;
  std::vector<PatternPlan> patterns;   // in the project's order
  std::vector<ItemEstimate> items;     // per entity keyed by the design
  std::vector<CapacityLoad> capacity;  // the table first, then each GSI in order
  int gsiCount = 0;
  int lsiCount = 0;
  double readUnitsPerSecond = 0;  // mean, all capacity owners
  double writeUnitsPerSecond = 0;
  double readUnitsPerSecondPeak = 0;
  double writeUnitsPerSecondPeak = 0;
  MonthlyCost monthlyCost;
  std::string priceSheet;  // "us-east-1 2024-11-01" as the sheet says
  double provisionedHeadroom = 0;
  std::vector<PlanWarning> warnings;  // about the design as a whole

  int servedCount() const;
  const PatternPlan* find(const std::string& patternId) const;
};

}  // namespace kvlab::model
