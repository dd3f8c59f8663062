#pragma once
// The requests a replay on a real server sends, drawn as the simulator draws them: each
// pattern's arrivals and keys come from random streams of its own ("arrivals:ID", "keys:ID"),
// so a replay and a simulation of the same seed see the same workload. Shared by the PostgreSQL,
// Redis and DynamoDB API replays.

#include <cstdint>
#include <string>
#include <vector>

#include "simulator/workload/key_distribution.h"

namespace kvlab::sim {

// One request: when it arrives (microseconds from the start), its pattern (an index into the
// replay's patterns) and its key number.
struct ReplayArrival {
  std::int64_t time = 0;
  std::uint32_t pattern = 0;
  std::int64_t key = 0;
};

// One pattern of a replay's mix.
struct ReplayPattern {
  std::string id;        // names its random streams
  double rate = 0;       // requests a second, already scaled; <= 0: it sends nothing
  KeyDistribution keys;  // a distribution that cannot draw from keyCount keys falls back to uniform
  std::int64_t keyCount = 1;
};

struct ReplayArrivals {
  std::vector<ReplayArrival> arrivals;  // in time order (ties: by pattern, then draw)
  bool capped = false;                  // the cap left some arrivals out
};

// Open loop: every pattern's Poisson arrivals at its constant rate over [0, durationSeconds),
// each with a key. A cap of `maxRequests` takes from each pattern its share of the mix
// (ceil(maxRequests x rate / total rate) arrivals, its first ones), not the first patterns'
// arrivals whole.
ReplayArrivals openLoopArrivals(const std::vector<ReplayPattern>& patterns, std::uint64_t seed,
                                double durationSeconds, std::int64_t maxRequests);

}  // namespace kvlab::sim
