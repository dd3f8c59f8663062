#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "simulator/workload/key_generator.h"

namespace kvlab::sim {

// A key popularity as a project or workload file states it: a registered kind and its parameters.
// Parameters a kind does not use are ignored.
struct KeyDistribution {
  std::string kind = "uniform";
  double theta = 0.99;                   // zipfian, ycsb-scrambled
  double hotFraction = 0.2;              // hotspot: share of the keys that are hot
  double hotOpFraction = 0.8;            // hotspot: share of the requests that go to them
  double percentile = 95.0;              // exponential: this % of reads ...
  double recentFraction = 0.8571428571;  // exponential: ... fall in this newest share of the keys
};

// One registered distribution: its name, what it does, and the YCSB source it follows.
struct KeyDistributionKind {
  std::string_view name;
  std::string_view description;
  std::string_view source;
};

// The registered kinds, in a fixed order: uniform, zipfian, ycsb-scrambled, hotspot, latest,
// exponential.
const std::vector<KeyDistributionKind>& keyDistributionKinds();

// A generator of key numbers 0 .. itemCount - 1 for `distribution`:
// - uniform: UniformGenerator(0, itemCount - 1);
// - zipfian: ZipfianGenerator(0, itemCount - 1, theta), key 0 the hottest (Gray, as YCSB's
//   ZipfianGenerator);
// - ycsb-scrambled: ScrambledZipfianGenerator(0, itemCount - 1, theta). YCSB's CoreWorkload sizes
//   it for the keys still to be inserted too and redraws keys not yet inserted; here the count is
//   what the caller passes;
// - hotspot: HotspotGenerator(0, itemCount - 1, hotFraction, hotOpFraction);
// - latest: SkewedLatestGenerator(itemCount - 1), keys 1 .. itemCount - 1;
// - exponential: ExponentialGenerator(itemCount - 1, percentile, itemCount * recentFraction).
// On failure (unknown kind, a parameter out of range, itemCount too small) returns nullptr and,
// when `error` is given, says which parameter and what was expected.
std::unique_ptr<KeyGenerator> makeKeyGenerator(const KeyDistribution& distribution,
                                               std::int64_t itemCount,
                                               std::string* error = nullptr);

}  // namespace kvlab::sim
