#pragma once

#include <cstdint>
#include <string_view>

#include "simulator/workload/random.h"

namespace kvlab::sim {

// Chooses key numbers for one access pattern: which of the table's items a request touches.
// Each distribution maps one uniform number u in [0, 1) to a key number, so a fixed u gives a
// fixed key (the test vectors in workloads.md) and `next` costs one draw from the stream.
// Key numbers are dense integers; strings (`ycsbKeyName`) are made only for output.
//
// Thread-safety: `valueAt` and `next` only read the generator, so one generator may serve many
// threads, each with its own Random. `advanceLatest` writes and needs exclusive access.
class KeyGenerator {
 public:
  virtual ~KeyGenerator() = default;

  // The distribution's registered name ("zipfian", "ycsb-scrambled", ...), for results that must
  // say which one was used.
  virtual std::string_view kind() const = 0;

  // The key number for u. Requires 0 <= u < 1. Returns a value in [minValue(), maxValue()].
  virtual std::int64_t valueAt(double u) const = 0;

  // The smallest and largest key numbers `valueAt` can return right now.
  virtual std::int64_t minValue() const = 0;
  virtual std::int64_t maxValue() const = 0;

  // Tells the generator that key numbers up to `newestKey` now exist (after inserts). Only the
  // distributions anchored on the newest key (`latest`, `exponential`) move; the others ignore
  // it. A smaller value than before is ignored, as in YCSB.
  virtual void advanceLatest(std::int64_t newestKey) { (void)newestKey; }

  // The key number for the next draw of `random`.
  std::int64_t next(Random& random) const { return valueAt(random.nextDouble()); }
};

}  // namespace kvlab::sim
