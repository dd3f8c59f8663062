#pragma once

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
  std::uint32_t kind = 0;
  std::uint64_t a = 0;
  std::uint64_t b = 0;
};

inline constexpr std::uint32_t kFirstEngineEventKind = 16;

// Pending events in the order they happen: a binary heap ordered by (time, sequence), so events
// at the same microsecond come out in the order they were pushed, and a run is the same every
// time. Pushing and popping are O(log n) and allocate only when the heap grows. Not thread-safe.
class EventQueue {
 public:
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }

  // Adds an event at `time`; returns the sequence number it was given.
  std::uint64_t push(VirtualTime time, std::uint32_t kind, std::uint64_t a = 0,
                     std::uint64_t b = 0);

  // The earliest event. Requires !empty().
  const Event& top() const { return heap_.front(); }

  // Removes and returns the earliest event. Requires !empty().
  Event pop();

  // Drops every event; sequence numbers keep counting.
  void clear() { heap_.clear(); }

 private:
  std::vector<Event> heap_;
  std::uint64_t nextSequence_ = 0;
};

}  // namespace kvlab::sim
