#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "simulator/workload/fnv_hash64.h"
#include "simulator/workload/key_generator.h"
#include "simulator/workload/zipfian_generator.h"

namespace kvlab::sim {

// YCSB's ScrambledZipfianGenerator (core/src/main/java/site/ycsb/generator/
// ScrambledZipfianGenerator.java), what YCSB's `requestdistribution=zipfian` really uses: a Gray
// Zipfian over 10^10 + 1 inner ranks, whatever the item count, each rank hashed with fnvhash64 and
// reduced modulo the item count: min + fnvhash64(inner) % itemCount.
//
// The hot keys are scattered over the key space, and the distribution over the item count is much
// flatter than Zipf: the hottest key gets about 1/ZETAN = 3.78% at any item count, and with 10^6
// items the top 1% of keys get 40% of requests where exact Zipf gives them 66%. Results must say
// which of `zipfian` and `ycsb-scrambled` they used.
//
// With theta = 0.99 the inner generator uses YCSB's ZETAN constant; another theta gets zeta over
// 10^10 + 1 terms from the accurate `zeta` (YCSB's loop would take minutes). Immutable after
// construction; thread-safe.
class ScrambledZipfianGenerator final : public KeyGenerator {
 public:
  // YCSB's constants: ITEM_COUNT, ZETAN (zeta(10^10, 0.99) by YCSB's naive loop; the exact value
  // is 26.469028201751479) and USED_ZIPFIAN_CONSTANT.
  static constexpr std::int64_t kInnerItemCount = 10'000'000'000;
  static constexpr double kZetan = 26.46902820178302;
  static constexpr double kUsedTheta = 0.99;

  // Why (min, max, theta) cannot make a generator, or empty: needs min <= max and 0 < theta < 1.
  static std::string check(std::int64_t min, std::int64_t max, double theta);

  // Key numbers min..max inclusive (YCSB's constructor). Requires `check` to be empty (throws
  // std::invalid_argument otherwise).
  ScrambledZipfianGenerator(std::int64_t min, std::int64_t max,
                            double theta = ZipfianGenerator::kYcsbTheta);

  std::string_view kind() const override { return "ycsb-scrambled"; }

  std::int64_t valueAt(double u) const override { return keyForRank(inner_.valueAt(u)); }
  std::int64_t minValue() const override { return min_; }
  std::int64_t maxValue() const override { return min_ + itemCount_ - 1; }

  // The key number inner rank `rank` lands on: min + fnvhash64(rank) % itemCount.
  std::int64_t keyForRank(std::int64_t rank) const {
    return min_ + fnvHashModulo(rank, itemCount_);
  }

  std::int64_t itemCount() const { return itemCount_; }
  // The Gray Zipfian over 10^10 + 1 ranks that the keys are hashed from.
  const ZipfianGenerator& inner() const { return inner_; }

  // The probability of each key number min + i, at index i. Inner ranks below `exactRanks` are
  // added exactly (their Gray mass, on the key they hash to); the mass of all later ranks, which
  // hashing spreads almost evenly, is split equally among the keys. With exactRanks = 10^7 the
  // per-key error is about 1e-6 of the total; covering all 10^10 + 1 ranks is exact but takes
  // minutes. Costs memory for itemCount doubles.
  std::vector<double> keyMasses(std::int64_t exactRanks) const;

 private:
  std::int64_t min_;
  std::int64_t itemCount_;
  ZipfianGenerator inner_;
};

}  // namespace kvlab::sim
