#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "simulator/workload/key_generator.h"

namespace kvlab::sim {

// YCSB's ZipfianGenerator (core/src/main/java/site/ycsb/generator/ZipfianGenerator.java): Gray et
// al.'s method from "Quickly Generating Billion-Record Synthetic Databases" (SIGMOD 1994), with
// item `min` the most popular, `min + 1` the next, and so on.
//
// For u in [0, 1) and n items: if u * zetan < 1 it returns min; else if u * zetan < 1 + 0.5^theta
// it returns min + 1; else min + (long)(n * (eta * u - eta + 1)^alpha), with alpha = 1 / (1 -
// theta) and eta = (1 - (2/n)^(1-theta)) / (1 - zeta(2, theta) / zetan). Ranks 0 and 1 get exactly
// Zipf's mass; from rank 2 on it is a continuous approximation that gives rank 2 about 19% more
// than Zipf (at n = 10^6, theta = 0.99). For the distribution itself, see `probability` and
// `headMass`.
//
// Differences from YCSB, all at the edges:
// - The constructor without `zetan` computes it with the accurate `zeta`, in microseconds, where
//   YCSB's naive loop takes minutes for 10^10 items; the values differ by about 1e-12 relative.
//   Pass `zetaYcsb(n, theta)` to reproduce YCSB's constant.
// - When pow rounds (eta * u - eta + 1)^alpha up to 1 (u within about 1e-16 of 1), YCSB returns
//   one past the last item; this returns the last item.
// Kept YCSB quirks: growing the item count (`growTo`) adds the new zeta terms incrementally and
// recomputes eta with the constructor's item count, not the new one.
//
// Thread-safety: `valueAt`, `probability` and `headMass` only read, so concurrent draws with
// separate Randoms are safe; `growTo` needs exclusive access.
class ZipfianGenerator final : public KeyGenerator {
 public:
  // YCSB's ZIPFIAN_CONSTANT; CoreWorkload has no property to change it.
  static constexpr double kYcsbTheta = 0.99;

  // Why (min, max, theta) cannot make a generator, or empty when it can: needs min <= max and
  // 0 < theta < 1 (Gray's method divides by 1 - theta).
  static std::string check(std::int64_t min, std::int64_t max, double theta);

  // Items min..max inclusive. Requires `check(min, max, theta)` to be empty (throws
  // std::invalid_argument otherwise, a programming error).
  ZipfianGenerator(std::int64_t min, std::int64_t max, double theta = kYcsbTheta);
  // The same with zeta over the item count given, as YCSB's constructor with `zetan` (the
  // scrambled generator passes its ZETAN constant). Requires zetan >= 1.
  ZipfianGenerator(std::int64_t min, std::int64_t max, double theta, double zetan);

  std::string_view kind() const override { return "zipfian"; }

  // Gray's method for the current item count (see the class comment).
  std::int64_t valueAt(double u) const override {
    const double uz = u * zetan_;
    if (uz < 1.0) return base_;
    if (uz < oneThreshold_) return base_ + 1;
    return base_ + rankAbove(u, itemCount_);
  }

  // YCSB's nextLong(itemCount) without the zeta update, for a caller that keeps the count: the
  // last step multiplies by `itemCount`. Requires itemCount >= 1.
  std::int64_t valueAt(double u, std::int64_t itemCount) const {
    const double uz = u * zetan_;
    if (uz < 1.0) return base_;
    if (uz < oneThreshold_) return base_ + 1;
    return base_ + rankAbove(u, itemCount);
  }

  std::int64_t minValue() const override { return base_; }
  std::int64_t maxValue() const override { return base_ + itemCount_ - 1; }

  // Extends the items to min .. min + itemCount - 1: adds zeta's new terms one by one, as YCSB
  // does (or recomputes zeta accurately when more than a million terms are added), and recomputes
  // eta with the constructor's item count (YCSB's quirk). A count not larger than the current one
  // is ignored, as in YCSB with allowitemcountdecrease=false.
  void growTo(std::int64_t itemCount);

  std::int64_t itemCount() const { return itemCount_; }
  double theta() const { return theta_; }
  double zetan() const { return zetan_; }
  double zeta2theta() const { return zeta2theta_; }
  double alpha() const { return alpha_; }
  double eta() const { return eta_; }

  // The probability that a draw returns min + rank, from the closed form of Gray's method
  // (zero outside 0 <= rank < itemCount).
  double probability(std::int64_t rank) const;

  // The probability that a draw returns one of the k most popular items min .. min + k - 1,
  // i.e. P(X < min + k) = 1 - (1 - (k/n)^(1-theta)) / eta for k >= 3 (1/zetan for k = 1,
  // zeta2theta/zetan for k = 2, 0 for k <= 0, 1 for k >= n). Exact for the generator's current
  // eta and item count; after `growTo`, YCSB's eta quirk leaves a gap of order 1e-6 between the
  // k = 2 and k = 3 cases, as in YCSB itself.
  double headMass(std::int64_t k) const;

 private:
  std::int64_t rankAbove(double u, std::int64_t itemCount) const;

  std::int64_t base_;
  std::int64_t constructorItems_;
  std::int64_t itemCount_;
  double theta_;
  double zetan_;
  double zeta2theta_;
  double alpha_;
  double eta_;
  double oneThreshold_;  // 1 + 0.5^theta, cached as cockroachdb/cockroach#37958 suggests
};

}  // namespace kvlab::sim
