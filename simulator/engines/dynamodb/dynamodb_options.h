#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "simulator/engines/dynamodb/retry_policy.h"
#include "simulator/engines/dynamodb/service_time_model.h"

namespace kvlab::sim {

enum class CapacityMode { OnDemand, Provisioned };

// Provisioned read and write capacity units of one capacity owner ("table" or a GSI's name).
struct ProvisionedThroughput {
  std::string owner;
  double readCapacityUnits = 0;
  double writeCapacityUnits = 0;
};

// Provisioned mode's auto scaling (Application Auto Scaling's target tracking, as DynamoDB sets it
// up): the alarms look at each minute's consumed units against the provisioned capacity. Scale out
// when utilization stays above the target for `scaleOutMinutes` minutes in a row; scale in when it
// stays `scaleInMargin` (20 points) or more below the target for `scaleInMinutes` in a row (AWS
// re:Post "dynamodb-auto-scaling": above 70% for 2 consecutive minutes; 20% below the target for
// 15 consecutive minutes). The new capacity is the minute's consumption over the target, between
// `minCapacity` and `maxCapacity`, in force `delaySeconds` after the alarm (a model choice: the
// alarm's evaluation and UpdateTable take about a minute). Decreases are limited as DynamoDB
// limits them: 4 a day at any time, then one more for each hour without one (27 a day).
struct AutoScalingOptions {
  bool enabled = false;
  double targetUtilization = 0.70;
  double minCapacity = 1;
  double maxCapacity = 40000;  // the default per-table quota (§4.5)
  int scaleOutMinutes = 2;
  int scaleInMinutes = 15;
  double scaleInMargin = 0.20;
  double delaySeconds = 60;
  int decreasesAnyTimePerDay = 4;
};

// How the DynamoDB engine models a table. The defaults are DynamoDB's documented behaviour, each
// with its section of ../shared/reference/dynamodb-rules.md; the switches let a test or a user
// turn one mechanism off to see what it does. A value type.
struct DynamoDbOptions {
  CapacityMode mode = CapacityMode::OnDemand;
  // Provisioned mode: capacity per owner; an owner not listed gets what the planner sized for it
  // (the peak rate with its headroom).
  std::vector<ProvisionedThroughput> provisioned;

  // §4.1: what one partition serves per second, reads and writes throttled independently, and
  // the data it holds (10 GB, binary).
  double partitionReadUnits = 3000;
  double partitionWriteUnits = 1000;
  double partitionBytes = 10.0 * 1024 * 1024 * 1024;
  // The partitions each owner starts with; 0: from the formula of §4.2 (a what-if and test hook).
  int initialPartitions = 0;

  // §4.3: unused provisioned capacity is banked for up to this many seconds. The bank starts with
  // `initialBurstSeconds` of capacity (0: a table that has just met its load).
  bool burst = true;
  double burstSeconds = 300;
  double initialBurstSeconds = 0;

  // §4.4: a hot partition may use up to the per-partition maximum while the table stays within
  // its capacity. Off: each partition gets its even share of the table's capacity, no more.
  bool adaptiveCapacity = true;

  // §4.4 "split for heat": a partition whose demand stays above its limit this many seconds in a
  // row is split in two, down to a single key.
  bool splitForHeat = true;
  int splitAfterSeconds = 3;
  int maxPartitionsPerOwner = 4096;

  // §4.5: a new on-demand table serves this much at once, and at most `onDemandPeakFactor` times
  // its previous peak.
  double onDemandInitialReadUnits = 12000;
  double onDemandInitialWriteUnits = 4000;
  double onDemandPeakFactor = 2;

  // §3.2: a GSI entry is written a fraction of a second after the base item (lognormal).
  double indexPropagationMedianMillis = 50;
  double indexPropagationSigma = 0.5;

  AutoScalingOptions autoScaling;

  // Items stored per table or GSI at most: beyond it the engine keeps a systematic sample of the
  // items (every n-th) and counts each as n, and says so in the run's notes.
  std::int64_t maxStoredItems = 1000000;

  RetryPolicy retry;
  ServiceTimeModel serviceTime;

  // The provisioned capacity stated for `owner`, if any.
  const ProvisionedThroughput* findProvisioned(const std::string& owner) const;
};

// Reads options given as KEY=VALUE text (the command line's --engine-option):
//   capacity=on-demand|provisioned
//   provisioned=OWNER:RCU:WCU     (repeatable; OWNER is "table" or a GSI name)
//   burst=on|off   adaptive=on|off   split=on|off   split-after=SECONDS
//   max-attempts=N   base-delay-ms=MS   initial-burst-seconds=S   partitions=N
//   autoscaling=on|off   autoscaling-target=PERCENT   autoscaling-min=UNITS
//   autoscaling-max=UNITS   autoscaling-delay=SECONDS   max-items=N   partition-gb=GB
// Applies them to `options`. On a bad key or value returns the message and leaves `options`
// partly updated.
std::optional<std::string> applyDynamoDbOptions(
    const std::vector<std::pair<std::string, std::string>>& settings, DynamoDbOptions& options);

}  // namespace kvlab::sim
