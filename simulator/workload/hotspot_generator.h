#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "simulator/workload/key_generator.h"

namespace kvlab::sim {

// YCSB's HotspotIntegerGenerator (core/src/main/java/site/ycsb/generator/
// HotspotIntegerGenerator.java): a fraction `hotOpnFraction` of requests go to the hot set, the
// lowest (int)(n * hotsetFraction) key numbers from `lowerBound`, and the rest to the cold set
// above it; uniform within each. CoreWorkload's defaults are hotspotdatafraction = 0.2 and
// hotspotopnfraction = 0.8, giving each hot key 4.00/n and each cold key 0.25/n.
//
// Same sets and per-key probabilities as YCSB; the differences:
// - one draw per key: u < hotOpnFraction picks hot key floor(u / hotOpnFraction * hot), otherwise
//   cold key floor((u - hotOpnFraction) / (1 - hotOpnFraction) * cold); YCSB takes a double and
//   then |nextLong()| % size (with its modulo bias);
// - YCSB replaces a fraction outside [0, 1] by 0 and swaps reversed bounds with a warning on
//   stderr, and throws ArithmeticException when a set it draws from is empty; `check` reports
//   all of these instead;
// - YCSB's (int) cast caps the hot set at 2^31 - 1 keys; this does not.
// Immutable; thread-safe.
class HotspotGenerator final : public KeyGenerator {
 public:
  static constexpr double kYcsbHotsetFraction = 0.2;
  static constexpr double kYcsbHotOpnFraction = 0.8;

  // Why the parameters cannot make a generator, or empty: needs lowerBound <= upperBound, both
  // fractions in [0, 1], a non-empty hot set when hotOpnFraction > 0 and a non-empty cold set
  // when hotOpnFraction < 1.
  static std::string check(std::int64_t lowerBound, std::int64_t upperBound, double hotsetFraction,
                           double hotOpnFraction);

  // Requires `check(...)` to be empty (throws std::invalid_argument otherwise).
  HotspotGenerator(std::int64_t lowerBound, std::int64_t upperBound,
                   double hotsetFraction = kYcsbHotsetFraction,
                   double hotOpnFraction = kYcsbHotOpnFraction);

  std::string_view kind() const override { return "hotspot"; }

  std::int64_t valueAt(double u) const override;
  std::int64_t minValue() const override { return lowerBound_; }
  std::int64_t maxValue() const override { return lowerBound_ + hotInterval_ + coldInterval_ - 1; }

  // The hot set's size, (int)(n * hotsetFraction) as YCSB computes it, and the cold set's.
  std::int64_t hotInterval() const { return hotInterval_; }
  std::int64_t coldInterval() const { return coldInterval_; }

  // The probability of key number `key`: hotOpnFraction / hot for a hot key, (1 -
  // hotOpnFraction) / cold for a cold one, 0 outside the bounds.
  double probability(std::int64_t key) const;

 private:
  std::int64_t lowerBound_;
  std::int64_t hotInterval_;
  std::int64_t coldInterval_;
  double hotOpnFraction_;
};

}  // namespace kvlab::sim
