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
// kept plus 4 for the hash order. Not thread-safe.
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
  // Builds the hash order. Call once, after the last load.
  void finishLoading();

  // The collection of key `key` in `space`, or nullptr when the key is outside the sample.
  Collection* find(int space, std::int64_t key);

  // Bytes stored with hashes in [low, high].
  double bytesIn(std::uint64_t low, std::uint64_t high) const;
  // Where to split [low, high] so that each side holds about half of its bytes: the first hash of
  // the right side. Empty when one collection holds more than the rest can balance and it is the
  // only one in the range (a collection cannot be split by its hash).
  std::optional<std::uint64_t> splitPointBySize(std::uint64_t low, std::uint64_t high) const;

  double totalBytes() const { return totalBytes_; }
  void addToTotal(double bytes) { totalBytes_ += bytes; }
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
  std::vector<std::uint32_t> byHash_;
  double totalBytes_ = 0;
};

}  // namespace kvlab::sim
