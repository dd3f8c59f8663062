#include "simulator/workload/zipfian_generator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "simulator/workload/zeta.h"

namespace kvlab::sim {
namespace {

constexpr std::int64_t kMillion = 1'000'000;

TEST(ZipfianGenerator, shouldMapFixedUToTheValueYcsbReturnsForAMillionItems) {
  // workloads.md 2.2, N = 10^6, double precision.
  const ZipfianGenerator zipfian(0, kMillion - 1);
  const std::pair<double, std::int64_t> vectors[] = {
      {0.01, 0},     {0.07, 1},      {0.1, 2},       {0.2, 9},        {0.5, 860},
      {0.9, 253526}, {0.95, 504700}, {0.99, 872507}, {0.999, 986462},
  };
  for (const auto& [u, value] : vectors) EXPECT_EQ(zipfian.valueAt(u), value) << "u = " << u;
}

TEST(ZipfianGenerator, shouldMapFixedUToTheSameValuesWithYcsbsOwnZeta) {
  const ZipfianGenerator zipfian(0, kMillion - 1, 0.99, zetaYcsb(kMillion, 0.99));
  EXPECT_EQ(zipfian.valueAt(0.5), 860);
  EXPECT_EQ(zipfian.valueAt(0.9), 253526);
  EXPECT_EQ(zipfian.valueAt(0.999), 986462);
}

TEST(ZipfianGenerator, shouldComputeYcsbsConstantsForAMillionItems) {
  const ZipfianGenerator ycsb(0, kMillion - 1, 0.99, zetaYcsb(kMillion, 0.99));
  EXPECT_DOUBLE_EQ(ycsb.eta(), 0.1362913333941101);
  EXPECT_DOUBLE_EQ(ycsb.alpha(), 99.99999999999991);
  EXPECT_EQ(ycsb.zeta2theta(), 1.5034777750283594);
  const ZipfianGenerator accurate(0, kMillion - 1);
  EXPECT_NEAR(accurate.zetan(), 15.391849746036803, 1e-14);
  EXPECT_NEAR(accurate.eta(), 0.1362913333941101, 1e-14);
}

TEST(ZipfianGenerator, shouldGiveRanksZeroAndOneExactlyZipfsMass) {
  const ZipfianGenerator zipfian(0, kMillion - 1);
  EXPECT_NEAR(zipfian.probability(0), 0.064969449, 5e-10);
  EXPECT_NEAR(zipfian.probability(1), 0.032710674, 5e-10);
}

TEST(ZipfianGenerator, shouldGiveRankTwoGraysExtraMassNotZipfs) {
  // P(item 2) tells a faithful YCSB port from an exact Zipf sampler: 0.026144 against 0.021896.
  const ZipfianGenerator zipfian(0, kMillion - 1);
  EXPECT_NEAR(zipfian.probability(2), 0.026144257, 5e-10);
}

TEST(ZipfianGenerator, shouldGiveTheHeadMassesOfWorkloadsMdForAMillionItems) {
  const ZipfianGenerator zipfian(0, kMillion - 1);
  EXPECT_NEAR(zipfian.headMass(1'000), 0.51027187, 5e-9);
  EXPECT_NEAR(zipfian.headMass(10'000), 0.66977054, 5e-9);
  EXPECT_NEAR(zipfian.headMass(100'000), 0.83298440, 5e-9);
}

TEST(ZipfianGenerator, shouldHaveAHeadMassThatMatchesTheUThresholdsOfValueAt) {
  // headMass(k) is the u below which valueAt returns less than k: just below it the value is
  // k - 1, just above it k.
  const ZipfianGenerator zipfian(0, kMillion - 1);
  for (std::int64_t k : {2, 3, 10, 1'000, 123'456, 999'999}) {
    const double threshold = zipfian.headMass(k);
    EXPECT_LT(zipfian.valueAt(threshold * (1 - 1e-9)), k) << k;
    EXPECT_GE(zipfian.valueAt(threshold * (1 + 1e-9)), k) << k;
  }
}

TEST(ZipfianGenerator, shouldHaveProbabilitiesThatSumToOne) {
  const ZipfianGenerator zipfian(0, 999);
  double total = 0;
  for (std::int64_t rank = 0; rank < 1000; ++rank) total += zipfian.probability(rank);
  EXPECT_NEAR(total, 1.0, 1e-12);
  EXPECT_EQ(zipfian.probability(-1), 0.0);
  EXPECT_EQ(zipfian.probability(1000), 0.0);
}

TEST(ZipfianGenerator, shouldOffsetEveryValueByMin) {
  const ZipfianGenerator zipfian(500, 500 + kMillion - 1);
  EXPECT_EQ(zipfian.valueAt(0.01), 500);
  EXPECT_EQ(zipfian.valueAt(0.5), 1360);
  EXPECT_EQ(zipfian.minValue(), 500);
  EXPECT_EQ(zipfian.maxValue(), 500 + kMillion - 1);
}

TEST(ZipfianGenerator, shouldStayWithinItsItemsForUJustBelowOne) {
  const ZipfianGenerator zipfian(0, 9);
  EXPECT_EQ(zipfian.valueAt(std::nextafter(1.0, 0.0)), 9);
  const ZipfianGenerator two(0, 1);  // where Gray's eta is 0/0
  EXPECT_EQ(two.valueAt(0.0), 0);
  EXPECT_EQ(two.valueAt(std::nextafter(1.0, 0.0)), 1);
}

TEST(ZipfianGenerator, shouldSampleRankZeroAtItsProbabilityWithinFiveSigma) {
  const ZipfianGenerator zipfian(0, kMillion - 1);
  Random random(2026);
  constexpr int kDraws = 1'000'000;
  int zeros = 0;
  int twos = 0;
  for (int i = 0; i < kDraws; ++i) {
    const std::int64_t value = zipfian.next(random);
    zeros += value == 0;
    twos += value == 2;
  }
  const double p0 = zipfian.probability(0);
  const double p2 = zipfian.probability(2);
  EXPECT_NEAR(static_cast<double>(zeros) / kDraws, p0, 5 * std::sqrt(p0 * (1 - p0) / kDraws));
  EXPECT_NEAR(static_cast<double>(twos) / kDraws, p2, 5 * std::sqrt(p2 * (1 - p2) / kDraws));
}

TEST(ZipfianGenerator, shouldAddZetaTermsIncrementallyWhenItGrows) {
  ZipfianGenerator zipfian(0, 999, 0.99, zetaYcsb(1000, 0.99));
  const double etaBefore = zipfian.eta();
  zipfian.growTo(1500);
  EXPECT_EQ(zipfian.itemCount(), 1500);
  EXPECT_EQ(zipfian.zetan(), zetaYcsb(1500, 0.99));
  EXPECT_EQ(zipfian.maxValue(), 1499);
  // YCSB's quirk: eta uses the constructor's 1000 items with the new zeta.
  const double expectedEta =
      (1 - std::pow(2.0 / 1000, 1 - 0.99)) / (1 - zipfian.zeta2theta() / zetaYcsb(1500, 0.99));
  EXPECT_DOUBLE_EQ(zipfian.eta(), expectedEta);
  EXPECT_NE(zipfian.eta(), etaBefore);
}

TEST(ZipfianGenerator, shouldIgnoreAShrinkingItemCountLikeYcsb) {
  ZipfianGenerator zipfian(0, 999);
  const double zetan = zipfian.zetan();
  zipfian.growTo(10);
  EXPECT_EQ(zipfian.itemCount(), 1000);
  EXPECT_EQ(zipfian.zetan(), zetan);
}

TEST(ZipfianGenerator, shouldScaleTheLastStepByAnExplicitItemCountLikeNextLong) {
  const ZipfianGenerator zipfian(0, kMillion - 1);
  // Same u, half the count: the continuous part is scaled, the two early returns are not.
  EXPECT_EQ(zipfian.valueAt(0.01, kMillion / 2), 0);
  EXPECT_EQ(zipfian.valueAt(0.9, kMillion / 2), 253526 / 2);
}

TEST(ZipfianGenerator, shouldReportWhyParametersAreInvalid) {
  EXPECT_EQ(ZipfianGenerator::check(0, 9, 0.99), "");
  EXPECT_NE(ZipfianGenerator::check(10, 9, 0.99).find("above max"), std::string::npos);
  EXPECT_NE(ZipfianGenerator::check(0, 9, 1.0).find("theta"), std::string::npos);
  EXPECT_NE(ZipfianGenerator::check(0, 9, 0.0).find("theta"), std::string::npos);
  EXPECT_NE(ZipfianGenerator::check(INT64_MIN, INT64_MAX, 0.5).find("64 bits"), std::string::npos);
  EXPECT_THROW(ZipfianGenerator(0, 9, 1.5), std::invalid_argument);
}

TEST(ZipfianGenerator, shouldCallItselfZipfian) {
  EXPECT_EQ(ZipfianGenerator(0, 9).kind(), "zipfian");
}

}  // namespace
}  // namespace kvlab::sim
