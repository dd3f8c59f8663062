#include "simulator/workload/zipf_head_mass.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace kvlab::sim {
namespace {

constexpr double kTheta = 0.99;

TEST(ZipfHeadMass, shouldGiveExactZipfsProbabilitiesForAMillionKeys) {
  EXPECT_NEAR(exactZipfProbability(0, 1'000'000, kTheta), 0.064969449, 5e-10);
  EXPECT_NEAR(exactZipfProbability(1, 1'000'000, kTheta), 0.032710674, 5e-10);
  EXPECT_NEAR(exactZipfProbability(2, 1'000'000, kTheta), 0.021895716, 5e-10);
}

TEST(ZipfHeadMass, shouldGiveExactZipfsHeadMassesForAMillionKeys) {
  EXPECT_NEAR(exactZipfHeadMass(1'000, 1'000'000, kTheta), 0.50214583, 5e-9);
  EXPECT_NEAR(exactZipfHeadMass(10'000, 1'000'000, kTheta), 0.66427113, 5e-9);
  EXPECT_NEAR(exactZipfHeadMass(100'000, 1'000'000, kTheta), 0.83020159, 5e-9);
}

TEST(ZipfHeadMass, shouldGiveGraysHeadMassesForAMillionKeys) {
  EXPECT_NEAR(grayZipfHeadMass(1'000, 1'000'000, kTheta), 0.51027187, 5e-9);
  EXPECT_NEAR(grayZipfHeadMass(10'000, 1'000'000, kTheta), 0.66977054, 5e-9);
  EXPECT_NEAR(grayZipfHeadMass(100'000, 1'000'000, kTheta), 0.83298440, 5e-9);
  EXPECT_NEAR(grayZipfProbability(2, 1'000'000, kTheta), 0.026144257, 5e-10);
}

struct SizeRow {
  std::int64_t n;
  double zetaN;
  double p0;
  double top1Exact;
  double top1Gray;
  double top10Exact;
  double top10Gray;
};

TEST(ZipfHeadMass, shouldReproduceTheOtherSizesTableOfWorkloadsMd) {
  const SizeRow rows[] = {
      {1'000, 7.72895, 0.129384, 0.38247, 0.39835, 0.68503, 0.69571},
      {100'000, 12.77834, 0.078257, 0.60485, 0.61276, 0.80013, 0.80415},
      {10'000'000, 18.06624, 0.055352, 0.70730, 0.71134, 0.85197, 0.85401},
  };
  for (const SizeRow& row : rows) {
    SCOPED_TRACE(row.n);
    EXPECT_NEAR(1.0 / exactZipfProbability(0, row.n, kTheta), row.zetaN, 5e-6);
    EXPECT_NEAR(exactZipfProbability(0, row.n, kTheta), row.p0, 5e-7);
    EXPECT_NEAR(exactZipfHeadMass(row.n / 100, row.n, kTheta), row.top1Exact, 5e-6);
    EXPECT_NEAR(grayZipfHeadMass(row.n / 100, row.n, kTheta), row.top1Gray, 5e-6);
    EXPECT_NEAR(exactZipfHeadMass(row.n / 10, row.n, kTheta), row.top10Exact, 5e-6);
    EXPECT_NEAR(grayZipfHeadMass(row.n / 10, row.n, kTheta), row.top10Gray, 5e-6);
  }
}

TEST(ZipfHeadMass, shouldBeZeroForNoKeysAndOneForAllKeys) {
  EXPECT_EQ(exactZipfHeadMass(0, 100, kTheta), 0.0);
  EXPECT_EQ(exactZipfHeadMass(100, 100, kTheta), 1.0);
  EXPECT_EQ(grayZipfHeadMass(0, 100, kTheta), 0.0);
  EXPECT_EQ(grayZipfHeadMass(100, 100, kTheta), 1.0);
  EXPECT_EQ(exactZipfProbability(100, 100, kTheta), 0.0);
}

}  // namespace
}  // namespace kvlab::sim
