#include "model/design/design_comparison.h"

#include <array>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <utility>

namespace kvlab::model {
namespace {

constexpr std::array kMeasures = {
    ComparisonMeasure::Gsis,
    ComparisonMeasure::Lsis,
    ComparisonMeasure::PatternsServedByKey,
    ComparisonMeasure::ReadUnitsPerSecond,
    ComparisonMeasure::WriteUnitsPerSecond,
    ComparisonMeasure::OnDemandMonthly,
    ComparisonMeasure::ProvisionedMonthly,
    ComparisonMeasure::StorageMonthly,
};

double measureOf(const DesignPlan& plan, ComparisonMeasure measure) {
  switch (measure) {
    case ComparisonMeasure::Gsis:
      return plan.gsiCount;
    case ComparisonMeasure::Lsis:
      return plan.lsiCount;
    case ComparisonMeasure::PatternsServedByKey:
      return plan.servedCount();
    case ComparisonMeasure::ReadUnitsPerSecond:
      return plan.readUnitsPerSecond;
    case ComparisonMeasure::WriteUnitsPerSecond:
      return plan.writeUnitsPerSecond;
    case ComparisonMeasure::OnDemandMonthly:
      return plan.monthlyCost.onDemand;
    case ComparisonMeasure::ProvisionedMonthly:
      return plan.monthlyCost.provisioned;
    case ComparisonMeasure::StorageMonthly:
      return plan.monthlyCost.storage;
  }
  return 0;
}

// `value` to the hundredth as the front ends write it ("%.2f", the C++ streams' fixed notation
// alike), with a negative zero written as zero.
std::string hundredths(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%.2f", value);
  std::string out = text;
  return out == "-0.00" ? "0.00" : out;
}

bool differsAsShown(ComparisonValueKind kind, double a, double b) {
  if (kind == ComparisonValueKind::Count) return a != b;
  return hundredths(a) != hundredths(b);
}

// The same index and operation with the same units per request: the user would read the same
// line in both plans. Units are compared exactly: the planner computes them from the same
// inputs the same way, so two designs that serve a pattern alike give equal numbers.
bool servedAlike(const PatternPlan& a, const PatternPlan& b) {
  return a.index == b.index && a.operation == b.operation &&
         a.readUnitsPerRequest == b.readUnitsPerRequest &&
         a.writeUnitsPerRequest == b.writeUnitsPerRequest;
}

}  // namespace

const ComparisonSummaryRow& DesignComparison::row(ComparisonMeasure measure) const {
  for (const ComparisonSummaryRow& candidate : rows) {
    if (candidate.measure == measure) return candidate;
  }
  throw std::logic_error("DesignComparison::row: a comparison without every measure");
}

int DesignComparison::differingRowCount() const {
  int count = 0;
  for (const ComparisonSummaryRow& candidate : rows) count += candidate.differs ? 1 : 0;
  return count;
}

std::string_view comparisonMeasureLabel(ComparisonMeasure measure) {
  switch (measure) {
    case ComparisonMeasure::Gsis:
      return "GSIs";
    case ComparisonMeasure::Lsis:
      return "LSIs";
    case ComparisonMeasure::PatternsServedByKey:
      return "patterns served by key";
    case ComparisonMeasure::ReadUnitsPerSecond:
      return "read units/s (mean)";
    case ComparisonMeasure::WriteUnitsPerSecond:
      return "write units/s (mean)";
    case ComparisonMeasure::OnDemandMonthly:
      return "on-demand a month";
    case ComparisonMeasure::ProvisionedMonthly:
      return "provisioned a month";
    case ComparisonMeasure::StorageMonthly:
      return "storage a month";
  }
  return "";
}

ComparisonValueKind comparisonValueKind(ComparisonMeasure measure) {
  switch (measure) {
    case ComparisonMeasure::Gsis:
    case ComparisonMeasure::Lsis:
    case ComparisonMeasure::PatternsServedByKey:
      return ComparisonValueKind::Count;
    case ComparisonMeasure::ReadUnitsPerSecond:
    case ComparisonMeasure::WriteUnitsPerSecond:
      return ComparisonValueKind::Units;
    case ComparisonMeasure::OnDemandMonthly:
    case ComparisonMeasure::ProvisionedMonthly:
    case ComparisonMeasure::StorageMonthly:
      return ComparisonValueKind::Dollars;
  }
  return ComparisonValueKind::Units;
}

DesignComparison compareDesignPlans(const DesignPlan& a, const DesignPlan& b) {
  DesignComparison comparison;
  comparison.designA = a.design;
  comparison.designB = b.design;
  for (ComparisonMeasure measure : kMeasures) {
    ComparisonSummaryRow row;
    row.measure = measure;
    row.kind = comparisonValueKind(measure);
    row.a = measureOf(a, measure);
    row.b = measureOf(b, measure);
    row.differs = differsAsShown(row.kind, row.a, row.b);
    comparison.rows.push_back(row);
  }
  for (const PatternPlan& p : a.patterns) {
    const PatternPlan* q = b.find(p.patternId);
    if (q != nullptr && servedAlike(p, *q)) continue;
    PatternDifference difference{p.patternId, p.patternName, p, std::nullopt};
    if (q != nullptr) difference.b = *q;
    comparison.patterns.push_back(std::move(difference));
  }
  for (const PatternPlan& q : b.patterns) {
    if (a.find(q.patternId) != nullptr) continue;
    comparison.patterns.push_back({q.patternId, q.patternName, std::nullopt, q});
  }
  return comparison;
}

}  // namespace kvlab::model
