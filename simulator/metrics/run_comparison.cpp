#include "simulator/metrics/run_comparison.h"

#include <algorithm>

namespace kvlab::sim {

std::optional<double> saturationRate(const RunResult& run) {
  std::optional<double> rate;
  for (const ServerReport& s : run.servers) {
    if (s.busyCoreSeconds <= 0) continue;
    const double capacity = s.cores * static_cast<double>(run.succeeded) / s.busyCoreSeconds;
    rate = rate ? std::min(*rate, capacity) : capacity;
  }
  return rate;
}

std::optional<double> busiestUtilization(const RunResult& run) {
  std::optional<double> busiest;
  for (const ServerReport& s : run.servers) {
    busiest = busiest ? std::max(*busiest, s.utilization) : s.utilization;
  }
  return busiest;
}

std::vector<ComparisonRow> compareRuns(const std::vector<RunResult>& runs) {
  std::vector<ComparisonRow> rows;
  rows.reserve(runs.size());
  for (const RunResult& r : runs) {
    const double seconds = std::max(1e-9, r.durationSeconds);
    ComparisonRow row;
    row.engine = r.engine;
    row.offeredPerSecond = static_cast<double>(r.requests) / seconds;
    row.completedPerSecond = static_cast<double>(r.succeeded) / seconds;
    row.failed = r.failed;
    row.throttled = r.throttled;
    row.latency = r.latency;
    row.busiestUtilization = busiestUtilization(r);
    row.saturationRate = saturationRate(r);
    row.monthlyCost = r.monthlyCost.total;
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<PatternComparisonRow> comparePatternLatency(const std::vector<RunResult>& runs) {
  std::vector<PatternComparisonRow> rows;
  if (runs.empty()) return rows;
  for (const PatternResult& first : runs.front().patterns) {
    PatternComparisonRow row;
    row.id = first.id;
    for (const RunResult& r : runs) {
      PatternComparisonCell cell;
      for (const PatternResult& p : r.patterns) {
        if (p.id != first.id) continue;
        cell.present = true;
        cell.latencyKnown = p.latency.count > 0;
        cell.p99 = p.latency.p99;
        cell.failed = p.failed;
      }
      row.cells.push_back(cell);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace kvlab::sim
