#include "simulator/metrics/latency_histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace kvlab::sim {
namespace {

// 3 significant digits need 2 x 10^3 sub-buckets, rounded up to a power of two: 2,048.
constexpr int kSubBucketBits = 11;
constexpr std::int64_t kSubBucketCount = std::int64_t{1} << kSubBucketBits;  // 2048
constexpr int kHalfBits = kSubBucketBits - 1;
constexpr std::int64_t kHalfCount = kSubBucketCount / 2;  // 1024
constexpr std::int64_t kSubBucketMask = kSubBucketCount - 1;
// Buckets needed to hold kHighestTrackable = 2^36: 2048 x 2^(buckets - 1) > 2^36.
constexpr int kBucketCount = 36 - kSubBucketBits + 2;
constexpr int kCountsLength = (kBucketCount + 1) * static_cast<int>(kHalfCount);

}  // namespace

LatencyHistogram::LatencyHistogram()
    : counts_(kCountsLength, 0), minIndex_(kCountsLength), maxIndex_(-1) {}

int LatencyHistogram::indexOf(std::int64_t value) {
  // HdrHistogram's countsArrayIndex with a unit magnitude of 0.
  const auto v = static_cast<std::uint64_t>(value);
  const int bucketIndex = 64 - kSubBucketBits - std::countl_zero(v | kSubBucketMask);
  const auto subBucketIndex = static_cast<std::int64_t>(v >> bucketIndex);
  return static_cast<int>(((static_cast<std::int64_t>(bucketIndex) + 1) << kHalfBits) +
                          (subBucketIndex - kHalfCount));
}

std::int64_t LatencyHistogram::highestEquivalent(int index) {
  int bucketIndex = (index >> kHalfBits) - 1;
  std::int64_t subBucketIndex = (index & (kHalfCount - 1)) + kHalfCount;
  if (bucketIndex < 0) {
    subBucketIndex -= kHalfCount;
    bucketIndex = 0;
  }
  const std::int64_t lowest = subBucketIndex << bucketIndex;
  return lowest + (std::int64_t{1} << bucketIndex) - 1;
}

void LatencyHistogram::record(std::int64_t micros, std::int64_t count) {
  const std::int64_t value = std::clamp<std::int64_t>(micros, 0, kHighestTrackable);
  const int index = indexOf(value);
  counts_[index] += count;
  total_ += count;
  sum_ += static_cast<double>(value) * static_cast<double>(count);
  minIndex_ = std::min(minIndex_, index);
  maxIndex_ = std::max(maxIndex_, index);
}

void LatencyHistogram::add(const LatencyHistogram& other) {
  for (int i = other.minIndex_; i <= other.maxIndex_; ++i) counts_[i] += other.counts_[i];
  total_ += other.total_;
  sum_ += other.sum_;
  minIndex_ = std::min(minIndex_, other.minIndex_);
  maxIndex_ = std::max(maxIndex_, other.maxIndex_);
}

void LatencyHistogram::reset() {
  for (int i = minIndex_; i <= maxIndex_; ++i) counts_[i] = 0;
  total_ = 0;
  sum_ = 0;
  minIndex_ = kCountsLength;
  maxIndex_ = -1;
}

std::int64_t LatencyHistogram::min() const {
  if (total_ == 0) return 0;
  // The lowest equivalent value of the lowest index.
  const std::int64_t high = highestEquivalent(minIndex_);
  const int bucketIndex = std::max(0, (minIndex_ >> kHalfBits) - 1);
  return high - (std::int64_t{1} << bucketIndex) + 1;
}

std::int64_t LatencyHistogram::max() const {
  return total_ == 0 ? 0 : highestEquivalent(maxIndex_);
}

double LatencyHistogram::mean() const {
  return total_ == 0 ? 0.0 : sum_ / static_cast<double>(total_);
}

std::int64_t LatencyHistogram::valueAtPercentile(double percentile) const {
  std::int64_t value = 0;
  valuesAtPercentiles(&percentile, &value, 1);
  return value;
}

void LatencyHistogram::valuesAtPercentiles(const double* percentiles, std::int64_t* values,
                                           int n) const {
  int next = 0;
  if (total_ == 0) {
    for (int i = 0; i < n; ++i) values[i] = 0;
    return;
  }
  auto countAt = [&](double p) {
    const double clamped = std::clamp(p, 0.0, 100.0);
    return std::max<std::int64_t>(
        1, static_cast<std::int64_t>(clamped / 100.0 * static_cast<double>(total_) + 0.5));
  };
  std::int64_t cumulative = 0;
  for (int i = minIndex_; i <= maxIndex_ && next < n; ++i) {
    cumulative += counts_[i];
    while (next < n && cumulative >= countAt(percentiles[next])) {
      values[next++] = highestEquivalent(i);
    }
  }
  for (; next < n; ++next) values[next] = highestEquivalent(maxIndex_);
}

}  // namespace kvlab::sim
