#include "simulator/workload/skewed_latest_generator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>

#include "simulator/workload/zeta.h"

namespace kvlab::sim {
namespace {

TEST(SkewedLatestGenerator, shouldReturnTheNewestKeyForTheSmallestU) {
  const SkewedLatestGenerator latest(999);
  EXPECT_EQ(latest.valueAt(0.0), 999);
  EXPECT_EQ(latest.valueAt(0.01), 999);
}

TEST(SkewedLatestGenerator, shouldMapFixedUToLatestMinusTheZipfianValue) {
  // A million keys: latest = 10^6 minus the Zipfian over 10^6 items, whose u -> value vectors are
  // in workloads.md 2.2.
  const SkewedLatestGenerator latest(1'000'000);
  EXPECT_EQ(latest.valueAt(0.07), 1'000'000 - 1);
  EXPECT_EQ(latest.valueAt(0.5), 1'000'000 - 860);
  EXPECT_EQ(latest.valueAt(0.999), 1'000'000 - 986462);
}

TEST(SkewedLatestGenerator, shouldNeverReturnKeyZeroLikeYcsb) {
  const SkewedLatestGenerator latest(9);
  EXPECT_EQ(latest.minValue(), 1);
  EXPECT_EQ(latest.valueAt(std::nextafter(1.0, 0.0)), 1);
  Random random(12);
  for (int i = 0; i < 100'000; ++i) {
    const std::int64_t key = latest.next(random);
    ASSERT_GE(key, 1);
    ASSERT_LE(key, 9);
  }
}

TEST(SkewedLatestGenerator, shouldGiveTheNewestKeyOneOverZetaWithinFiveSigma) {
  const SkewedLatestGenerator latest(10'000);
  Random random(31);
  constexpr int kDraws = 500'000;
  int newest = 0;
  for (int i = 0; i < kDraws; ++i) newest += latest.next(random) == 10'000;
  const double p = 1 / zeta(10'000, 0.99);
  EXPECT_NEAR(static_cast<double>(newest) / kDraws, p, 5 * std::sqrt(p * (1 - p) / kDraws));
}

TEST(SkewedLatestGenerator, shouldFollowInsertsAndGrowItsZipfian) {
  SkewedLatestGenerator latest(1000);
  latest.advanceLatest(1500);
  EXPECT_EQ(latest.latest(), 1500);
  EXPECT_EQ(latest.maxValue(), 1500);
  EXPECT_EQ(latest.valueAt(0.0), 1500);
  EXPECT_EQ(latest.zipfian().itemCount(), 1500);
  EXPECT_EQ(latest.zipfian().zetan(), zetaYcsb(1000, 1500, 0.99, zeta(1000, 0.99)));
  latest.advanceLatest(1200);  // older than the newest: ignored
  EXPECT_EQ(latest.latest(), 1500);
}

TEST(SkewedLatestGenerator, shouldNeedAtLeastTwoKeys) {
  EXPECT_NE(SkewedLatestGenerator::check(0), "");
  EXPECT_EQ(SkewedLatestGenerator::check(1), "");
  EXPECT_EQ(SkewedLatestGenerator(1).valueAt(0.5), 1);
  EXPECT_THROW(SkewedLatestGenerator(0), std::invalid_argument);
  EXPECT_EQ(SkewedLatestGenerator(5).kind(), "latest");
}

}  // namespace
}  // namespace kvlab::sim
