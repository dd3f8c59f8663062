#include "model/schema/access_pattern.h"

#include "model/schema/enum_names.h"

namespace kvlab::model {
namespace {
using A = Action;
constexpr auto kActionNames = detail::makeEnumNames<A>(
    std::pair{A::Get, "get"}, std::pair{A::Query, "query"}, std::pair{A::Scan, "scan"},
    std::pair{A::Put, "put"}, std::pair{A::Update, "update"}, std::pair{A::Delete, "delete"},
    std::pair{A::Transaction, "transaction"}, std::pair{A::Aggregate, "aggregate"});
using R = RangeOp;
constexpr auto kRangeOpNames = detail::makeEnumNames<R>(
    std::pair{R::Between, "between"}, std::pair{R::BeginsWith, "begins_with"},
    std::pair{R::Less, "<"}, std::pair{R::LessOrEqual, "<="}, std::pair{R::Greater, ">"},
    std::pair{R::GreaterOrEqual, ">="});
constexpr auto kOrderNames = detail::makeEnumNames<SortOrder>(std::pair{SortOrder::Asc, "asc"},
                                                              std::pair{SortOrder::Desc, "desc"});
constexpr auto kConsistencyNames = detail::makeEnumNames<Consistency>(
    std::pair{Consistency::Eventual, "eventual"}, std::pair{Consistency::Strong, "strong"});
using F = AggregateFunction;
constexpr auto kFunctionNames =
    detail::makeEnumNames<F>(std::pair{F::Count, "count"}, std::pair{F::Sum, "sum"},
                             std::pair{F::Min, "min"}, std::pair{F::Max, "max"});
using D = KeyDistributionKind;
constexpr auto kDistributionNames = detail::makeEnumNames<D>(
    std::pair{D::Uniform, "uniform"}, std::pair{D::Zipfian, "zipfian"},
    std::pair{D::YcsbScrambled, "ycsb-scrambled"}, std::pair{D::Hotspot, "hotspot"},
    std::pair{D::Latest, "latest"}, std::pair{D::Exponential, "exponential"});
}  // namespace

std::string_view actionName(Action action) { return kActionNames.name(action); }
std::optional<Action> parseAction(std::string_view name) { return kActionNames.parse(name); }
std::string_view rangeOpName(RangeOp op) { return kRangeOpNames.name(op); }
std::optional<RangeOp> parseRangeOp(std::string_view name) { return kRangeOpNames.parse(name); }
std::string_view sortOrderName(SortOrder order) { return kOrderNames.name(order); }
std::optional<SortOrder> parseSortOrder(std::string_view name) { return kOrderNames.parse(name); }
std::string_view consistencyName(Consistency consistency) {
  return kConsistencyNames.name(consistency);
}
std::optional<Consistency> parseConsistency(std::string_view name) {
  return kConsistencyNames.parse(name);
}
std::string_view aggregateFunctionName(AggregateFunction function) {
  return kFunctionNames.name(function);
}
std::optional<AggregateFunction> parseAggregateFunction(std::string_view name) {
  return kFunctionNames.parse(name);
}
std::string_view keyDistributionKindName(KeyDistributionKind kind) {
  return kDistributionNames.name(kind);
}
std::optional<KeyDistributionKind> parseKeyDistributionKind(std::string_view name) {
  return kDistributionNames.parse(name);
}

bool AccessPattern::isWrite() const {
  return action == Action::Put || action == Action::Update || action == Action::Delete ||
         action == Action::Transaction;
}

}  // namespace kvlab::model
