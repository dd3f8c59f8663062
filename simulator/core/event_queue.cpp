#include "simulator/core/event_queue.h"

#include <algorithm>

namespace kvlab::sim {
namespace {

// std::*_heap build a max-heap, so "less" means "later".
bool later(const Event& x, const Event& y) {
  if (x.time != y.time) return x.time > y.time;
  return x.sequence > y.sequence;
}

}  // namespace

std::uint64_t EventQueue::push(VirtualTime time, std::uint32_t kind, std::uint64_t a,
                               std::uint64_t b) {
  const std::uint64_t sequence = nextSequence_++;
  heap_.push_back(Event{time, sequence, kind, a, b});
  std::push_heap(heap_.begin(), heap_.end(), later);
  return sequence;
}

Event EventQueue::pop() {
  std::pop_heap(heap_.begin(), heap_.end(), later);
  Event event = heap_.back();
  heap_.pop_back();
  return event;
}

}  // namespace kvlab::sim
