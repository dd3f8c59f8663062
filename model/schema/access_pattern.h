#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/schema/cache_spec.h"
#include "model/schema/extra_fields.h"

namespace kvlab::model {

enum class Action { Get, Query, Scan, Put, Update, Delete, Transaction, Aggregate };
std::string_view actionName(Action action);  // "get", "query", ...
std::optional<Action> parseAction(std::string_view name);

enum class RangeOp { Between, BeginsWith, Less, LessOrEqual, Greater, GreaterOrEqual };
std::string_view rangeOpName(RangeOp op);  // "between", "begins_with", "<", ...
std::optional<RangeOp> parseRangeOp(std::string_view name);

enum class SortOrder { Asc, Desc };
std::string_view sortOrderName(SortOrder order);
std::optional<SortOrder> parseSortOrder(std::string_view name);

enum class Consistency { Eventual, Strong };
std::string_view consistencyName(Consistency consistency);
std::optional<Consistency> parseConsistency(std::string_view name);

enum class AggregateFunction { Count, Sum, Min, Max };
std::string_view aggregateFunctionName(AggregateFunction function);
std::optional<AggregateFunction> parseAggregateFunction(std::string_view name);

// How requests pick keys. ycsb-scrambled and exponential follow YCSB's generators.
enum class KeyDistributionKind { Uniform, Zipfian, YcsbScrambled, Hotspot, Latest, Exponential };
std::string_view keyDistributionKindName(KeyDistributionKind kind);
std::optional<KeyDistributionKind> parseKeyDistributionKind(std::string_view name);

struct KeyRange {
  std::string attribute;
  RangeOp op = RangeOp::Between;
  ExtraFields extra;
};

struct AggregateSpec {
  AggregateFunction function = AggregateFunction::Count;
  std::optional<std::string> attribute;
  ExtraFields extra;
};

// Requests per second.
struct Rate {
  double mean = 0;
  std::optional<double> peak;
  ExtraFields extra;

  double peakOrMean() const { return peak.value_or(mean); }
};

struct KeyDistribution {
  KeyDistributionKind kind = KeyDistributionKind::Uniform;
  std::optional<double> theta;          // zipfian skew
  std::optional<double> hotFraction;    // hotspot: share of keys that are hot
  std::optional<double> hotOpFraction;  // hotspot: share of requests that go to them
  ExtraFields extra;
};

// One thing the application does with the data. Optional fields keep whether the file stated
// them, so that what is written back is what was read; defaults come from the accessors.
struct AccessPattern {
  std::string id;
  std::string name;
  Action action = Action::Get;
  std::vector<std::string> entities;
  std::vector<std::string> equals;
  std::optional<KeyRange> range;
  std::optional<SortOrder> order;
  std::optional<std::string> sortBy;
  std::optional<std::vector<std::string>> filter;
  std::optional<std::int64_t> limit;
  std::optional<AggregateSpec> aggregate;
  std::optional<Consistency> consistency;
  std::optional<std::int64_t> itemsPerRequest;
  std::optional<Rate> rate;
  std::optional<KeyDistribution> keyDistribution;
  std::optional<CacheSpec> cache;  // how the cache engine runs it (inferred when absent)
  ExtraFields extra;

  Consistency consistencyOrDefault() const { return consistency.value_or(Consistency::Eventual); }
  bool isWrite() const;  // put, update, delete; a transaction counts as a write
};

}  // namespace kvlab::model
