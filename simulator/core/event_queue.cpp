#include "simulator/core/event_queue.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace kvlab::sim {

void EventQueue::spread() const {
  buckets_[0].clear();
  head_ = 0;
  int source = 1;
  while (buckets_[source].empty()) ++source;  // !empty(): some bucket holds an event
  std::vector<Entry>& from = buckets_[source];
  std::uint64_t earliest = std::numeric_limits<std::uint64_t>::max();
  for (const Entry& e : from) earliest = std::min(earliest, keyOf(e.time));
  last_ = earliest;
  // Every event of `source` lands in a lower bucket, all of them empty now, in the order it had.
  for (const Entry& e : from) buckets_[bucketOf(keyOf(e.time))].push_back(e);
  from.clear();
}

void EventQueue::rebuild(std::uint64_t key) {
  std::vector<Entry> all;
  all.reserve(size_);
  all.insert(all.end(), buckets_[0].begin() + static_cast<std::ptrdiff_t>(head_),
             buckets_[0].end());
  for (int i = 1; i < kBucketCount; ++i)
    all.insert(all.end(), buckets_[i].begin(), buckets_[i].end());
  std::sort(all.begin(), all.end(),
            [](const Entry& x, const Entry& y) { return x.sequence() < y.sequence(); });
  for (std::vector<Entry>& b : buckets_) b.clear();
  head_ = 0;
  last_ = key;
  for (const Entry& e : all) buckets_[bucketOf(keyOf(e.time))].push_back(e);
}

void EventQueue::badKind(std::uint32_t kind) {
  throw std::logic_error("event kind " + std::to_string(kind) + " is not below " +
                         std::to_string(kMaxEventKinds));
}

void EventQueue::clear() {
  for (std::vector<Entry>& b : buckets_) b.clear();
  head_ = 0;
  last_ = 0;
  size_ = 0;
}

}  // namespace kvlab::sim
