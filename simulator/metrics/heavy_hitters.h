#pragma once

#include <cstdint>
#include <vector>

namespace kvlab::sim {

// The heaviest keys of a stream, in fixed memory: a Count-Min sketch (Cormode and Muthukrishnan,
// 2005) of `width` x 2 counters estimates every key's weight, and the `capacity` keys with the
// largest estimates are kept as candidates. A key's estimate is never below its true weight and
// exceeds it by at most e / width x total with probability 1 - e^-2 (the `error` reported).
// Adding a weight costs two hashed counter updates and, only for a key heavy enough to be a
// candidate, a scan of the candidates; it never allocates. Not thread-safe.
class HeavyHitters {
 public:
  struct Entry {
    std::uint64_t key = 0;
    double weight = 0;  // the sketch's estimate: at least the key's true weight
    double error = 0;   // the estimate's bound above the true weight
  };

  // `width` is rounded up to a power of two.
  explicit HeavyHitters(int capacity = 16, int width = 16384);

  // Adds `weight` (> 0) to `key`.
  void add(std::uint64_t key, double weight);

  // Starts loading the counters of `key` into the cache, for an add() soon after; changes nothing.
  void prefetch(std::uint64_t key) const {
    const std::uint64_t h = mix(key);
    __builtin_prefetch(&counts_[h & mask_]);
    __builtin_prefetch(&counts_[(mask_ + 1) + ((h >> 32) & mask_)]);
  }

  double total() const { return total_; }

  // The candidates, heaviest first; ties by key, so the order is deterministic.
  std::vector<Entry> top(int n) const;

 private:
  // SplitMix64's finalizer: spreads keys over the counters.
  static std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  std::vector<double> counts_;  // two rows of width_
  std::uint64_t mask_;
  std::vector<Entry> candidates_;
  int used_ = 0;
  double threshold_ = 0;  // the lightest candidate's estimate once all are taken
  double total_ = 0;
};

}  // namespace kvlab::sim
