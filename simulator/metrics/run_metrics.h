#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "simulator/core/virtual_clock.h"
#include "simulator/metrics/latency_histogram.h"
#include "simulator/metrics/run_result.h"

namespace kvlab::sim {

// The counters and latency histograms of a run, per access pattern, overall and per time bucket.
// Engines record into it on the hot path (no allocation, no strings: patterns and throttle
// reasons are dense indexes); the runner closes buckets as virtual time passes and turns it into
// PatternResults at the end. Not thread-safe.
class RunMetrics {
 public:
  // Starts afresh for patterns `patternIds` (index i is pattern i), throttle reasons
  // `reasonNames` (index r is reason r) and buckets `bucket` microseconds long (> 0).
  void setup(std::vector<std::string> patternIds, std::vector<std::string> reasonNames,
             VirtualTime bucket);

  void recordArrival(std::uint32_t pattern) {
    ++patterns_[pattern].total.requests;
    ++patterns_[pattern].bucket.requests;
  }
  // A request that completed without error after `retries` retries.
  void recordSuccess(std::uint32_t pattern, VirtualTime latency, int retries);
  // A request given up after its last attempt (or left unfinished at the end).
  void recordFailure(std::uint32_t pattern, VirtualTime latency, int retries);
  // One throttled attempt; `firstForRequest` when the request had not been throttled before.
  void recordThrottle(std::uint32_t pattern, int reason, bool firstForRequest);
  void recordRetry(std::uint32_t pattern) { ++patterns_[pattern].retries; }
  // Units served for the pattern now. They count in the time bucket always, and in the pattern's
  // total only when `withinDuration`: what is served in the drain, after the run's duration
  // (retries, index writes, the next pages of a Scan still running), is not the run's load.
  void recordUnits(std::uint32_t pattern, double readUnits, double writeUnits,
                   bool withinDuration = true) {
    Counters& b = patterns_[pattern].bucket;
    b.readUnits += readUnits;
    b.writeUnits += writeUnits;
    if (!withinDuration) return;
    Counters& t = patterns_[pattern].total;
    t.readUnits += readUnits;
    t.writeUnits += writeUnits;
  }

  // Ends the bucket that started at `bucketStart` and starts the next one.
  void closeBucket(VirtualTime bucketStart);

  VirtualTime bucketLength() const { return bucket_; }
  std::int64_t requests() const;

  // The per-pattern results, in pattern order.
  std::vector<PatternResult> results() const;
  // The latency of every request that succeeded, whatever its pattern.
  LatencySummary overallLatency() const;

 private:
  struct Counters {
    std::int64_t requests = 0;
    std::int64_t succeeded = 0;
    std::int64_t failed = 0;
    std::int64_t throttled = 0;
    double readUnits = 0;
    double writeUnits = 0;
  };
  struct PatternState {
    std::string id;
    Counters total;
    Counters bucket;
    std::int64_t throttledRequests = 0;
    std::int64_t retries = 0;
    std::vector<std::int64_t> throttlesByReason;
    LatencyHistogram latency;
    LatencyHistogram bucketLatency;
    std::vector<TimeBucket> timeline;
  };

  std::vector<PatternState> patterns_;
  std::vector<std::string> reasons_;
  VirtualTime bucket_ = kMicrosPerSecond;
};

// The percentiles of `histogram` in milliseconds.
LatencySummary summarize(const LatencyHistogram& histogram);

}  // namespace kvlab::sim
