#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/design/plan.h"

namespace kvlab::model {

// The figures two designs are compared by, in the order `kvlab compare` prints them.
enum class ComparisonMeasure {
  Gsis,
  Lsis,
  PatternsServedByKey,
  ReadUnitsPerSecond,   // mean, all capacity owners
  WriteUnitsPerSecond,  // mean, all capacity owners
  OnDemandMonthly,      // US dollars
  ProvisionedMonthly,   // US dollars
  StorageMonthly,       // US dollars
};

// How a measure's values read: a whole count, units with up to two decimals, or dollars with
// cents.
enum class ComparisonValueKind { Count, Units, Dollars };

// One line of the comparison: a measure of design A and of design B.
struct ComparisonSummaryRow {
  ComparisonMeasure measure = ComparisonMeasure::Gsis;
  ComparisonValueKind kind = ComparisonValueKind::Count;
  double a = 0;
  double b = 0;
  // The values differ as they are shown: counts exactly, units to the hundredth and dollars to
  // the cent, each rounded as "%.2f" rounds. So a difference the reader cannot see is no
  // difference, and a row marked as differing always shows two different numbers.
  bool differs = false;
};

// An access pattern that the two designs serve differently: another index or operation, or other
// read or write units per request. A side is empty when its plan has no such pattern (plans of
// two projects; two designs of one project always plan the same patterns).
struct PatternDifference {
  std::string patternId;
  std::string patternName;
  std::optional<PatternPlan> a;
  std::optional<PatternPlan> b;
};

// Two plans side by side: what `kvlab compare` prints and the studio's Plan tab shows, computed
// here once so that the two cannot disagree.
struct DesignComparison {
  std::string designA;
  std::string designB;
  std::vector<ComparisonSummaryRow> rows;  // one per ComparisonMeasure, in its order
  // A's patterns that B serves differently or lacks, in A's order, then B's patterns that A
  // lacks, in B's order. Empty when both serve every pattern alike.
  std::vector<PatternDifference> patterns;

  // The row of `measure`; every comparison has one.
  const ComparisonSummaryRow& row(ComparisonMeasure measure) const;
  // How many rows differ.
  int differingRowCount() const;
};

// The measure's label as `kvlab compare` prints it: "GSIs", "read units/s (mean)",
// "on-demand a month".
std::string_view comparisonMeasureLabel(ComparisonMeasure measure);

// The kind of values `measure` has.
ComparisonValueKind comparisonValueKind(ComparisonMeasure measure);

// Compares plan `a` with plan `b` (usually two designs of one project, planned with one price
// sheet). Pure; thread-safe.
DesignComparison compareDesignPlans(const DesignPlan& a, const DesignPlan& b);

}  // namespace kvlab::model
