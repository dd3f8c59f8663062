#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "simulator/metrics/run_result.h"

namespace kvlab::sim {

// Requests per second the run's servers could complete at 100% utilization, from the work its
// requests really took: each server's cores over its busy core-seconds per completed request
// (of all, since a server may see only some, as a database behind a cache), the smallest.
// Nothing without a server or when none was busy.
std::optional<double> saturationRate(const RunResult& run);

// The busiest server's utilization (0..1), or nothing when the engine models no server.
std::optional<double> busiestUtilization(const RunResult& run);

// One engine's line of a side-by-side comparison (`kvlab simulate --engine all`, the studio's
// Simulate tab): every figure computed here once, so that both show the same numbers.
struct ComparisonRow {
  std::string engine;
  double offeredPerSecond = 0;    // requests that arrived, per second of the duration
  double completedPerSecond = 0;  // requests that succeeded, per second of the duration
  std::int64_t failed = 0;
  std::int64_t throttled = 0;  // throttled attempts
  LatencySummary latency;      // of every request that succeeded; count 0: no latency
  std::optional<double> busiestUtilization;
  std::optional<double> saturationRate;  // requests per second
  double monthlyCost = 0;                // USD, the run's total
};

// One pattern's p99 on each engine, in the order of the runs.
struct PatternComparisonCell {
  bool present = false;       // the run has the pattern
  bool latencyKnown = false;  // some request of it succeeded
  double p99 = 0;             // milliseconds, when latencyKnown
  std::int64_t failed = 0;
};

struct PatternComparisonRow {
  std::string id;
  std::vector<PatternComparisonCell> cells;  // one per run
};

// The runs side by side, one row per run in their order.
std::vector<ComparisonRow> compareRuns(const std::vector<RunResult>& runs);

// p99 by pattern, side by side: one row per pattern of the first run (in its order), one cell
// per run. Empty when there are no runs.
std::vector<PatternComparisonRow> comparePatternLatency(const std::vector<RunResult>& runs);

}  // namespace kvlab::sim
