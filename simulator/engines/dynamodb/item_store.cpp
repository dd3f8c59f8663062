#include "simulator/engines/dynamodb/item_store.h"

#include <algorithm>

namespace kvlab::sim {

int ItemStore::addKeySpace(std::int64_t count, std::int64_t stride) {
  Space space;
  space.count = std::max<std::int64_t>(1, count);
  space.stride = std::max<std::int64_t>(1, stride);
  space.offset = collections_.size();
  const auto kept = static_cast<std::size_t>((space.count + space.stride - 1) / space.stride);
  collections_.resize(collections_.size() + kept);
  spaces_.push_back(space);
  return static_cast<int>(spaces_.size() - 1);
}

double ItemStore::load(int space, std::int64_t key, std::uint64_t hash, double items,
                       double bytesPerItem) {
  Collection* c = find(space, key);
  if (c == nullptr) return 0;
  const auto stride = static_cast<double>(spaces_[space].stride);
  c->hash = hash;
  change(*c, items * stride, items * bytesPerItem * stride);
  return items * bytesPerItem * stride;
}

void ItemStore::change(Collection& collection, double items, double bytes) {
  collection.items += items;
  collection.bytes += bytes;
  totalBytes_ += bytes;
  histogram_[collection.hash >> (64 - kHistogramBits)] += bytes;
}

ItemStore::Collection* ItemStore::find(int space, std::int64_t key) {
  const Space& s = spaces_[space];
  if (key < 0 || key >= s.count || key % s.stride != 0) return nullptr;
  return &collections_[s.offset + static_cast<std::size_t>(key / s.stride)];
}

std::pair<std::size_t, std::size_t> ItemStore::rangeOf(std::uint64_t low,
                                                       std::uint64_t high) const {
  if (byHash_.size() != collections_.size()) {
    byHash_.resize(collections_.size());
    for (std::size_t i = 0; i < byHash_.size(); ++i) byHash_[i] = static_cast<std::uint32_t>(i);
    std::sort(byHash_.begin(), byHash_.end(), [&](std::uint32_t x, std::uint32_t y) {
      return collections_[x].hash != collections_[y].hash
                 ? collections_[x].hash < collections_[y].hash
                 : x < y;
    });
  }
  auto hashAt = [&](std::uint32_t i) { return collections_[i].hash; };
  const auto first = std::partition_point(byHash_.begin(), byHash_.end(),
                                          [&](std::uint32_t i) { return hashAt(i) < low; });
  const auto last = std::partition_point(first, byHash_.end(),
                                         [&](std::uint32_t i) { return hashAt(i) <= high; });
  return {static_cast<std::size_t>(first - byHash_.begin()),
          static_cast<std::size_t>(last - byHash_.begin())};
}

double ItemStore::bytesIn(std::uint64_t low, std::uint64_t high) const {
  constexpr int shift = 64 - kHistogramBits;
  constexpr double width = static_cast<double>(std::uint64_t{1} << shift);
  const std::uint64_t first = low >> shift;
  const std::uint64_t last = high >> shift;
  // The part of histogram range `b` that [low, high] covers.
  auto covered = [&](std::uint64_t b) {
    const std::uint64_t from = std::max(low, b << shift);
    const std::uint64_t to = std::min(high, (b << shift) + ((std::uint64_t{1} << shift) - 1));
    return (static_cast<double>(to - from) + 1) / width;
  };
  double bytes = 0;
  for (std::uint64_t b = first; b <= last; ++b) {
    bytes += (b == first || b == last) ? histogram_[b] * std::min(1.0, covered(b)) : histogram_[b];
  }
  return bytes;
}

std::optional<std::uint64_t> ItemStore::splitPointBySize(std::uint64_t low,
                                                         std::uint64_t high) const {
  const auto [first, last] = rangeOf(low, high);
  double total = 0;
  for (std::size_t i = first; i < last; ++i) total += collections_[byHash_[i]].bytes;
  if (total <= 0) return low + (high - low) / 2 + 1;
  // The first collection at which the running sum reaches half: split before it, or after it
  // when it is the first with bytes in the range.
  double sum = 0;
  for (std::size_t i = first; i < last; ++i) {
    const Collection& c = collections_[byHash_[i]];
    if (c.bytes <= 0) continue;
    if (sum + c.bytes >= total / 2) {
      if (sum > 0 && c.hash > low) return c.hash;
      // The collection is the first with bytes: cut after it, when anything follows it.
      for (std::size_t j = i + 1; j < last; ++j) {
        const Collection& next = collections_[byHash_[j]];
        if (next.bytes > 0 && next.hash > c.hash) return c.hash + 1;
      }
      return std::nullopt;
    }
    sum += c.bytes;
  }
  return std::nullopt;
}

bool ItemStore::sampled() const {
  return std::any_of(spaces_.begin(), spaces_.end(), [](const Space& s) { return s.stride > 1; });
}

std::size_t ItemStore::memoryBytes() const {
  return collections_.capacity() * sizeof(Collection) + byHash_.capacity() * sizeof(std::uint32_t) +
         spaces_.capacity() * sizeof(Space) + histogram_.capacity() * sizeof(double);
}

}  // namespace kvlab::sim
