#include "simulator/metrics/heavy_hitters.h"

#include <algorithm>
#include <bit>
#include <numbers>

namespace kvlab::sim {
HeavyHitters::HeavyHitters(int capacity, int width)
    : counts_(2 * std::bit_ceil(static_cast<std::uint64_t>(std::max(2, width))), 0.0),
      mask_(std::bit_ceil(static_cast<std::uint64_t>(std::max(2, width))) - 1),
      candidates_(std::max(1, capacity)) {}

void HeavyHitters::add(std::uint64_t key, double weight) {
  total_ += weight;
  const std::uint64_t h = mix(key);
  double& a = counts_[h & mask_];
  double& b = counts_[(mask_ + 1) + ((h >> 32) & mask_)];
  a += weight;
  b += weight;
  const double estimate = std::min(a, b);
  const int capacity = static_cast<int>(candidates_.size());
  if (used_ == capacity && estimate <= threshold_) return;
  for (int i = 0; i < used_; ++i) {
    if (candidates_[i].key == key) {
      const double before = candidates_[i].weight;
      candidates_[i].weight = estimate;
      // Estimates only grow: the threshold moves only when the lightest candidate gained.
      if (used_ == capacity && before <= threshold_) {
        threshold_ = candidates_[0].weight;
        for (int j = 1; j < used_; ++j) threshold_ = std::min(threshold_, candidates_[j].weight);
      }
      return;
    }
  }
  if (used_ < capacity) {
    candidates_[used_++] = Entry{key, estimate, 0};
  } else {
    int lightest = 0;
    for (int i = 1; i < used_; ++i) {
      if (candidates_[i].weight < candidates_[lightest].weight) lightest = i;
    }
    candidates_[lightest] = Entry{key, estimate, 0};
  }
  if (used_ == capacity) {
    threshold_ = candidates_[0].weight;
    for (int j = 1; j < used_; ++j) threshold_ = std::min(threshold_, candidates_[j].weight);
  }
}

std::vector<HeavyHitters::Entry> HeavyHitters::top(int n) const {
  std::vector<Entry> sorted(candidates_.begin(), candidates_.begin() + used_);
  const double error = std::numbers::e / static_cast<double>(mask_ + 1) * total_;
  for (Entry& e : sorted) e.error = error;
  std::sort(sorted.begin(), sorted.end(), [](const Entry& x, const Entry& y) {
    if (x.weight != y.weight) return x.weight > y.weight;
    return x.key < y.key;
  });
  if (static_cast<int>(sorted.size()) > n) sorted.resize(std::max(0, n));
  return sorted;
}

}  // namespace kvlab::sim
