#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "simulator/core/virtual_clock.h"

namespace kvlab::sim {

// Something that happens at a virtual time: a request arriving, a retry after a back-off, an
// index write landing. `kind` says what (kinds below kFirstEngineEventKind belong to the runner,
// the rest to the engine); `a` and `b` are the owner's payload (a slot, a key hash, ids packed
// together), so that an event carries no pointer and costs no allocation.
struct Event {
  VirtualTime time = 0;
  std::uint64_t sequence = 0;  // set by the queue: the order events were pushed in
  std::uint32_t kind = 0;      // below kMaxEventKinds
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  std::uint64_t c = 0;
};

inline constexpr std::uint32_t kFirstEngineEventKind = 16;
inline constexpr std::uint32_t kMaxEventKinds = 1u << 16;

// Pending events in the order they happen: by (time, sequence), so events at the same microsecond
// come out in the order they were pushed, and a run is the same every time. Not thread-safe.
//
// A radix heap (Ahuja, Mehlhorn, Orlin and Tarjan, 1990) on the time: a simulation only moves
// forward, so every event pushed is at or after the earliest one taken, and the heap keeps events
// in 65 buckets by the highest bit in which their time differs from that earliest time. Bucket 0
// holds the events at exactly that time, first pushed first. When it runs dry, the first
// non-empty bucket is spread over the lower ones around its earliest time; each event moves down
// only a few times in its life, always sequentially, so pushing and popping cost O(1) amortized
// (a binary heap of 10^5 pending retries costs a cache miss per level). Every bucket stays in
// push order (a bucket is spread only into empty buckets; pushes append the newest), which is
// what keeps same-time events in sequence order. Pushing an event before the earliest one taken
// (allowed, if rare: an engine's second tick may schedule at the tick) rebuilds the buckets.
// Allocates only when a bucket grows. Sequence numbers go up to 2^48 (at 10^8 events a second,
// a month of wall time); kinds must be below kMaxEventKinds (push throws std::logic_error).
class EventQueue {
 public:
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }

  // Adds an event at `time`; returns the sequence number it was given.
  std::uint64_t push(VirtualTime time, std::uint32_t kind, std::uint64_t a = 0, std::uint64_t b = 0,
                     std::uint64_t c = 0) {
    if (kind >= kMaxEventKinds) [[unlikely]] {
      badKind(kind);
    }
    const std::uint64_t sequence = nextSequence_++;
    const std::uint64_t key = keyOf(time);
    if (key < last_) [[unlikely]] {
      rebuild(key);
    }
    buckets_[bucketOf(key)].push_back(Entry{time, (sequence << 16) | kind, a, b, c});
    ++size_;
    return sequence;
  }

  // Takes the next sequence number without pushing anything: for an event kept elsewhere that
  // must order against the queue's as if it had been pushed now.
  std::uint64_t takeSequence() { return nextSequence_++; }

  // The earliest event. Requires !empty(). Logically const: it may regroup the buckets.
  Event top() const {
    settle();
    return buckets_[0][head_].event();
  }

  // Removes and returns the earliest event. Requires !empty().
  Event pop() {
    settle();
    std::vector<Entry>& first = buckets_[0];
    const Event event = first[head_++].event();
    if (head_ == first.size()) {
      first.clear();
      head_ = 0;
    }
    --size_;
    return event;
  }

  // Drops every event; sequence numbers keep counting.
  void clear();

  // The bytes the queue holds for its events (the capacity of its buckets), for a memory budget.
  std::size_t memoryBytes() const {
    std::size_t bytes = 0;
    for (const std::vector<Entry>& bucket : buckets_) bytes += bucket.capacity() * sizeof(Entry);
    return bytes;
  }

 private:
  static constexpr int kBucketCount = 65;

  // An event as the queue keeps it: the sequence and the kind in one word, 40 bytes in all.
  struct Entry {
    VirtualTime time;
    std::uint64_t sequenceAndKind;
    std::uint64_t a;
    std::uint64_t b;
    std::uint64_t c;
    std::uint64_t sequence() const { return sequenceAndKind >> 16; }
    Event event() const {
      return Event{time,
                   sequenceAndKind >> 16,
                   static_cast<std::uint32_t>(sequenceAndKind & (kMaxEventKinds - 1)),
                   a,
                   b,
                   c};
    }
  };

  // Times as unsigned keys in the same order (negative times before positive ones).
  static std::uint64_t keyOf(VirtualTime time) {
    return static_cast<std::uint64_t>(time) ^ (std::uint64_t{1} << 63);
  }
  // The bucket of `key`: 0 for last_, else one past the highest bit in which they differ.
  int bucketOf(std::uint64_t key) const { return 64 - std::countl_zero(key ^ last_); }
  // Makes bucket 0 hold the earliest events. Requires !empty().
  void settle() const {
    if (head_ == buckets_[0].size()) spread();
  }
  void spread() const;
  void rebuild(std::uint64_t key);
  [[noreturn]] static void badKind(std::uint32_t kind);

  mutable std::array<std::vector<Entry>, kBucketCount> buckets_;
  mutable std::size_t head_ = 0;    // the next event of bucket 0
  mutable std::uint64_t last_ = 0;  // the key of bucket 0: at most every pending key
  std::size_t size_ = 0;
  std::uint64_t nextSequence_ = 0;
};

}  // namespace kvlab::sim
