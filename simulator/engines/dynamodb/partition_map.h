#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace kvlab::sim {

// One partition of a table or GSI: a range of 64-bit key hashes, its per-second throughput state
// and the units it served each second of its life.
struct Partition {
  int id = 0;
  int parent = -1;
  std::uint64_t low = 0;   // inclusive
  std::uint64_t high = 0;  // inclusive
  std::int64_t fromSecond = 0;
  std::optional<std::int64_t> untilSecond;

  // This second: the bucket's use (with any overdraft carried from the last second), what was
  // served, and what was asked (served + throttled), reads and writes apart.
  double readLoad = 0;
  double writeLoad = 0;
  double readServed = 0;
  double writeServed = 0;
  double readDemand = 0;
  double writeDemand = 0;
  int hotSeconds = 0;      // consecutive seconds with demand above the limit
  double storedBytes = 0;  // the items whose keys hash into the range (ItemStore)

  // The heaviest keys since the partition last had a calm second: a Space-Saving summary of
  // four counters, weighted by the share of the partition's capacity asked for. Split points
  // come from it.
  struct KeyWeight {
    std::uint64_t hash = 0;
    double weight = 0;
  };
  std::array<KeyWeight, 4> heavy{};
  int heavyUsed = 0;
  double windowWeight = 0;

  std::int64_t throttles = 0;
  std::vector<double> readHeat;  // one per second from fromSecond
  std::vector<double> writeHeat;

  bool holdsOneKey() const { return low == high; }
  void noteKey(std::uint64_t hash, double weight);
  void forgetKeys() {
    heavyUsed = 0;
    windowWeight = 0;
  }
};

// The partitions of one table or GSI: contiguous ranges of the 64-bit key-hash space, found by a
// binary search. Starts with `count` equal ranges; a partition splits in two at a hash, and every
// partition that ever existed is kept for the heat map. Not thread-safe.
class PartitionMap {
 public:
  PartitionMap(int count, std::int64_t second);

  int size() const { return static_cast<int>(active_.size()); }
  Partition& at(int index) { return active_[index]; }
  const Partition& at(int index) const { return active_[index]; }

  // The index of the partition that holds `hash`.
  int find(std::uint64_t hash) const;

  // Splits partition `index` into [low, splitAt - 1] and [splitAt, high] at the start of
  // `second`. Requires low < splitAt <= high. Indexes after `index` move up by one.
  void split(int index, std::uint64_t splitAt, std::int64_t second);

  // Every partition that ever existed: the split ones, then the current ones, by id.
  std::vector<const Partition*> history() const;

 private:
  void rebuildLows();

  std::vector<Partition> active_;
  std::vector<Partition> retired_;
  std::vector<std::uint64_t> lows_;
  // While the ranges are the constructor's equal ones: their width (partition i holds
  // [i x width + 1, (i + 1) x width], the first from 0, the last to the end), so find() divides
  // instead of searching (loading a million items finds a million partitions). 0 after a split.
  std::uint64_t equalWidth_ = 0;
  int nextId_ = 0;
};

}  // namespace kvlab::sim
