#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace kvlab::sim {

// The items of one table or GSI, kept as their item collections: for each partition key value,
// how many items it holds and their bytes. Partitions are ranges of key hashes, so what a
// partition stores is the sum over the collections whose hash falls in its range (bytesIn), and a
// storage split divides a partition where half of its bytes lie on each side (splitPointBySize).
//
// Key spaces (one per partition-key template) hold collections for key numbers 0..count-1. When a
// key space is larger than the store's budget allows, only every `stride`-th key number is kept
// and each kept collection counts `stride` times (a systematic sample); a write to a key outside
// the sample changes nothing, and the kept ones stand for it. Memory: 24 bytes per collection
// kept, plus 4 for the hash order once a storage split needs it, plus a 32 KB histogram. Not
// thread-safe.
class ItemStore {
 public:
  struct Collection {
    std::uint64_t hash = 0;  // of the partition key value: where it lives
    double bytes = 0;        // already multiplied by the key space's stride
    double items = 0;        // likewise
  };

  // Adds a key space of `count` key numbers, keeping every `stride`-th. Returns its id.
  int addKeySpace(std::int64_t count, std::int64_t stride);
  std::int64_t strideOf(int space) const { return spaces_[space].stride; }
  // Adds `items` items of `bytes` each to key `key` of `space`, whose hash is `hash`, while
  // loading (before finishLoading). Keys outside the sample are ignored. Returns the bytes added.
  double load(int space, std::int64_t key, std::uint64_t hash, double items, double bytesPerItem);
  // Every collection kept, in key-space order.
  const std::vector<Collection>& collections() const { return collections_; }

  // The collection of key `key` in `space`, or nullptr when the key is outside the sample.
  Collection* find(int space, std::int64_t key);

  // Adds `items` items and `bytes` bytes (already scaled; negative to remove) to `collection`.
  void change(Collection& collection, double items, double bytes);

  // Bytes stored with hashes in [low, high], from a histogram of 4,096 hash ranges: exact for a
  // range made of whole histogram ranges (every partition of a table that has only doubled),
  // otherwise its edge ranges count in proportion to the part of them it covers.
  double bytesIn(std::uint64_t low, std::uint64_t high) const;
  // Where to split [low, high] so that each side holds about half of its bytes: the first hash of
  // the right side. Empty when one collection holds more than the rest can balance and it is the
  // only one in the range (a collection cannot be split by its hash).
  std::optional<std::uint64_t> splitPointBySize(std::uint64_t low, std::uint64_t high) const;

  double totalBytes() const { return totalBytes_; }
  std::size_t collectionsKept() const { return collections_.size(); }
  bool sampled() const;
  std::size_t memoryBytes() const;

 private:
  struct Space {
    std::int64_t count = 0;
    std::int64_t stride = 1;
    std::size_t offset = 0;  // of its first collection in collections_
  };
  // The positions in collections_ of the collections with hashes in [low, high], as a range of
  // byHash_.
  std::pair<std::size_t, std::size_t> rangeOf(std::uint64_t low, std::uint64_t high) const;

  std::vector<Space> spaces_;
  std::vector<Collection> collections_;
  // The collections in hash order, for range sums; built at the first range query (most runs never
  // split a partition, and sorting a million hashes costs more than a short run).
  mutable std::vector<std::uint32_t> byHash_;
  double totalBytes_ = 0;
  static constexpr int kHistogramBits = 12;
  std::vector<double> histogram_ = std::vector<double>(std::size_t{1} << kHistogramBits, 0.0);
};

}  // namespace kvlab::sim
