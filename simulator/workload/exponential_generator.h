#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "simulator/workload/key_generator.h"

namespace kvlab::sim {

// YCSB's `requestdistribution=exponential`: ExponentialGenerator(percentile, range)
// (core/src/main/java/site/ycsb/generator/ExponentialGenerator.java) gives an offset back from
// the newest key, with gamma = -ln(1 - percentile/100) / range and offset = -ln(u) / gamma, so that
// `percentile`% of offsets fall below `range`. CoreWorkload reads key latest - (int)offset and
// draws again while that is below 0; it passes percentile = exponential.percentile (default 95)
// and range = recordcount * exponential.frac (default 0.8571428571, i.e. 6/7; YCSB's comment says
// "1/7").
//
// This draws from the same distribution without the loop: u is mapped through the inverse CDF of
// the offset conditioned on offset < latest + 1, offset = -ln(1 - u * (1 - e^(-gamma (latest+1))))
// / gamma, so every draw is a key in [0, latest]. `ycsbOffsetAt` gives YCSB's raw offset.
// Not thread-safe while `advanceLatest` runs; `valueAt` alone is.
class ExponentialGenerator final : public KeyGenerator {
 public:
  static constexpr double kYcsbPercentile = 95.0;
  static constexpr double kYcsbFraction = 0.8571428571;

  // Why the parameters cannot make a generator, or empty: needs latest >= 0,
  // 0 < percentile < 100 and range > 0.
  static std::string check(std::int64_t latest, double percentile, double range);

  // Keys 0..latest, offsets with `percentile`% below `range`. Requires `check(...)` to be empty
  // (throws std::invalid_argument otherwise).
  ExponentialGenerator(std::int64_t latest, double percentile, double range);

  std::string_view kind() const override { return "exponential"; }

  std::int64_t valueAt(double u) const override;
  std::int64_t minValue() const override { return 0; }
  std::int64_t maxValue() const override { return latest_; }

  // Key numbers up to `newestKey` now exist; gamma stays as constructed (as in YCSB, where it
  // depends on recordcount only). A smaller value is ignored.
  void advanceLatest(std::int64_t newestKey) override;

  // -ln(1 - percentile/100) / range.
  double gamma() const { return gamma_; }
  // 1 / gamma: the mean offset before rejection (286,121 for 10^6 records and the defaults).
  double meanOffset() const { return 1.0 / gamma_; }
  // YCSB's ExponentialGenerator.nextValue for u: -ln(u) / gamma (infinite for u = 0).
  double ycsbOffsetAt(double u) const;
  // P(offset < x) before rejection: 1 - e^(-gamma x).
  double offsetBelowProbability(double x) const;
  // P(key >= latest + 1 - x), i.e. the share of reads that hit the newest x keys, after
  // rejection. At 10^6 records and the defaults, the newest 6/7 get 97.97%.
  double newestKeysMass(double x) const;

 private:
  std::int64_t latest_;
  double gamma_;
  double acceptedMass_;  // 1 - e^(-gamma (latest + 1)): P(offset < latest + 1)
};

}  // namespace kvlab::sim
