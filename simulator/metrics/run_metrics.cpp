#include "simulator/metrics/run_metrics.h"

namespace kvlab::sim {

LatencySummary summarize(const LatencyHistogram& histogram) {
  static constexpr double kPercentiles[] = {50.0, 95.0, 99.0, 99.9};
  std::int64_t values[4];
  histogram.valuesAtPercentiles(kPercentiles, values, 4);
  LatencySummary summary;
  summary.count = histogram.count();
  summary.p50 = toMillis(values[0]);
  summary.p95 = toMillis(values[1]);
  summary.p99 = toMillis(values[2]);
  summary.p999 = toMillis(values[3]);
  summary.max = toMillis(histogram.max());
  summary.mean = histogram.mean() / 1e3;
  return summary;
}

void RunMetrics::setup(std::vector<std::string> patternIds, std::vector<std::string> reasonNames,
                       VirtualTime bucket) {
  reasons_ = std::move(reasonNames);
  bucket_ = bucket;
  patterns_.clear();
  patterns_.resize(patternIds.size());
  for (std::size_t i = 0; i < patternIds.size(); ++i) {
    patterns_[i].id = std::move(patternIds[i]);
    patterns_[i].throttlesByReason.assign(reasons_.size(), 0);
  }
}

void RunMetrics::recordSuccess(std::uint32_t pattern, VirtualTime latency, int retries) {
  (void)retries;
  PatternState& p = patterns_[pattern];
  ++p.total.succeeded;
  ++p.bucket.succeeded;
  p.latency.record(latency);
  p.bucketLatency.record(latency);
}

void RunMetrics::recordFailure(std::uint32_t pattern, VirtualTime latency, int retries) {
  (void)latency;
  (void)retries;
  PatternState& p = patterns_[pattern];
  ++p.total.failed;
  ++p.bucket.failed;
}

void RunMetrics::recordThrottle(std::uint32_t pattern, int reason, bool firstForRequest) {
  PatternState& p = patterns_[pattern];
  ++p.total.throttled;
  ++p.bucket.throttled;
  ++p.throttlesByReason[reason];
  if (firstForRequest) ++p.throttledRequests;
}

void RunMetrics::closeBucket(VirtualTime bucketStart) {
  for (PatternState& p : patterns_) {
    TimeBucket row;
    row.startSeconds = toSeconds(bucketStart);
    row.requests = p.bucket.requests;
    row.succeeded = p.bucket.succeeded;
    row.failed = p.bucket.failed;
    row.throttled = p.bucket.throttled;
    row.readUnits = p.bucket.readUnits;
    row.writeUnits = p.bucket.writeUnits;
    row.latency = summarize(p.bucketLatency);
    p.timeline.push_back(row);
    p.bucket = Counters{};
    p.bucketLatency.reset();
  }
}

std::int64_t RunMetrics::requests() const {
  std::int64_t total = 0;
  for (const PatternState& p : patterns_) total += p.total.requests;
  return total;
}

std::vector<PatternResult> RunMetrics::results() const {
  std::vector<PatternResult> out;
  out.reserve(patterns_.size());
  for (const PatternState& p : patterns_) {
    PatternResult r;
    r.id = p.id;
    r.requests = p.total.requests;
    r.succeeded = p.total.succeeded;
    r.failed = p.total.failed;
    r.throttled = p.total.throttled;
    r.throttledRequests = p.throttledRequests;
    r.retries = p.retries;
    r.readUnits = p.total.readUnits;
    r.writeUnits = p.total.writeUnits;
    for (std::size_t i = 0; i < reasons_.size(); ++i) {
      if (p.throttlesByReason[i] > 0)
        r.throttlesByReason.emplace_back(reasons_[i], p.throttlesByReason[i]);
    }
    r.latency = summarize(p.latency);
    r.timeline = p.timeline;
    out.push_back(std::move(r));
  }
  return out;
}

LatencySummary RunMetrics::overallLatency() const {
  LatencyHistogram all;
  for (const PatternState& p : patterns_) all.add(p.latency);
  return summarize(all);
}

}  // namespace kvlab::sim
