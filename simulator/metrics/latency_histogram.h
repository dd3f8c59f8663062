#pragma once

#include <cstdint>
#include <vector>

namespace kvlab::sim {

// A histogram of latencies in microseconds that keeps 3 significant decimal digits over 1 µs to
// about 19 hours: HdrHistogram's log-linear layout (Gil Tene, HdrHistogram/HdrHistogram_c), written
// here because no C or C++ HdrHistogram is packaged for Debian 12. Values are counted in buckets of
// 2,048 sub-buckets, each bucket twice as wide as the one before, so any recorded value is
// reported within 1/1,024 (< 0.1%) of itself. Recording is O(1) and never allocates; the counts
// are allocated once (about 220 KB). Not thread-safe.
class LatencyHistogram {
 public:
  // The largest value kept exactly; larger values are counted as this one.
  static constexpr std::int64_t kHighestTrackable = std::int64_t{1} << 36;

  LatencyHistogram();

  // Counts `micros` (negative values count as 0, values above kHighestTrackable as it) `count`
  // times.
  void record(std::int64_t micros, std::int64_t count = 1);

  // Adds every count of `other`.
  void add(const LatencyHistogram& other);

  // Forgets every value.
  void reset();

  std::int64_t count() const { return total_; }
  std::int64_t min() const;  // 0 when empty
  std::int64_t max() const;  // 0 when empty
  double mean() const;       // 0 when empty

  // The value at `percentile` (0 to 100): the highest value equivalent (within the precision) to
  // the one below which `percentile`% of the recorded values fall, as HdrHistogram's
  // getValueAtPercentile. 0 when empty.
  std::int64_t valueAtPercentile(double percentile) const;

  // Several percentiles in one pass over the counts; `percentiles` must be ascending. Writes one
  // value per percentile to `values`.
  void valuesAtPercentiles(const double* percentiles, std::int64_t* values, int n) const;

 private:
  static int indexOf(std::int64_t value);
  static std::int64_t highestEquivalent(int index);

  std::vector<std::int64_t> counts_;
  std::int64_t total_ = 0;
  double sum_ = 0;
  int minIndex_;  // the lowest and highest index counted since the last reset
  int maxIndex_;
};

}  // namespace kvlab::sim
