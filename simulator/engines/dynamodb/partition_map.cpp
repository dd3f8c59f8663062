#include "simulator/engines/dynamodb/partition_map.h"

#include <algorithm>
#include <limits>

namespace kvlab::sim {

void Partition::noteKey(std::uint64_t hash, double weight) {
  windowWeight += weight;
  for (int i = 0; i < heavyUsed; ++i) {
    if (heavy[i].hash == hash) {
      heavy[i].weight += weight;
      return;
    }
  }
  if (heavyUsed < static_cast<int>(heavy.size())) {
    heavy[heavyUsed++] = KeyWeight{hash, weight};
    return;
  }
  int lightest = 0;
  for (int i = 1; i < heavyUsed; ++i) {
    if (heavy[i].weight < heavy[lightest].weight) lightest = i;
  }
  heavy[lightest] = KeyWeight{hash, heavy[lightest].weight + weight};
}

PartitionMap::PartitionMap(int count, std::int64_t second) {
  count = std::max(1, count);
  const std::uint64_t width = std::numeric_limits<std::uint64_t>::max() / count;
  for (int i = 0; i < count; ++i) {
    Partition p;
    p.id = nextId_++;
    p.low = static_cast<std::uint64_t>(i) * width + (i == 0 ? 0 : 1);
    p.high = i + 1 == count ? std::numeric_limits<std::uint64_t>::max()
                            : static_cast<std::uint64_t>(i + 1) * width;
    p.fromSecond = second;
    active_.push_back(std::move(p));
  }
  equalWidth_ = width;
  rebuildLows();
}

void PartitionMap::rebuildLows() {
  lows_.resize(active_.size());
  for (std::size_t i = 0; i < active_.size(); ++i) lows_[i] = active_[i].low;
}

int PartitionMap::find(std::uint64_t hash) const {
  if (equalWidth_ != 0) {
    const std::uint64_t index = hash == 0 ? 0 : (hash - 1) / equalWidth_;
    return static_cast<int>(std::min<std::uint64_t>(index, active_.size() - 1));
  }
  // The last partition whose low is at most `hash` (lows_[0] is 0): a binary search without
  // branches to mispredict, since hashes are random.
  const std::uint64_t* base = lows_.data();
  std::size_t n = lows_.size();
  while (n > 1) {
    const std::size_t half = n / 2;
    base = base[half] <= hash ? base + half : base;
    n -= half;
  }
  return static_cast<int>(base - lows_.data());
}

void PartitionMap::split(int index, std::uint64_t splitAt, std::int64_t second) {
  Partition& old = active_[index];
  Partition left;
  left.id = nextId_++;
  left.parent = old.id;
  left.low = old.low;
  left.high = splitAt - 1;
  left.fromSecond = second;
  Partition right;
  right.id = nextId_++;
  right.parent = old.id;
  right.low = splitAt;
  right.high = old.high;
  right.fromSecond = second;
  old.untilSecond = second;
  retired_.push_back(std::move(old));
  active_[index] = std::move(left);
  active_.insert(active_.begin() + index + 1, std::move(right));
  equalWidth_ = 0;
  rebuildLows();
}

std::vector<const Partition*> PartitionMap::history() const {
  std::vector<const Partition*> all;
  for (const Partition& p : retired_) all.push_back(&p);
  for (const Partition& p : active_) all.push_back(&p);
  std::sort(all.begin(), all.end(),
            [](const Partition* x, const Partition* y) { return x->id < y->id; });
  return all;
}

}  // namespace kvlab::sim
