#include "simulator/workload/scrambled_zipfian_generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <numeric>
#include <vector>

#include "simulator/workload/ycsb_key_name.h"
#include "simulator/workload/zipf_head_mass.h"

namespace kvlab::sim {
namespace {

// Inner ranks summed exactly by the table tests; the rest is spread evenly (see keyMasses).
constexpr std::int64_t kExactRanks = 10'000'000;

TEST(ScrambledZipfian, shouldUseYcsbsInnerGeneratorOverTenBillionAndOneRanks) {
  const ScrambledZipfianGenerator scrambled(0, 999);
  EXPECT_EQ(scrambled.inner().itemCount(), 10'000'000'001);
  EXPECT_EQ(scrambled.inner().zetan(), 26.46902820178302);
  EXPECT_EQ(scrambled.inner().theta(), 0.99);
  EXPECT_EQ(scrambled.itemCount(), 1000);
}

TEST(ScrambledZipfian, shouldMapFixedUToTheValueYcsbReturns) {
  // Expected keys from an independent port of YCSB's code (Python doubles), item count 10^6 + 1.
  const ScrambledZipfianGenerator scrambled(0, 1'000'000);
  EXPECT_EQ(scrambled.valueAt(0.01), 801320);  // inner rank 0
  EXPECT_EQ(scrambled.valueAt(0.05), 216074);  // inner rank 1
  EXPECT_EQ(scrambled.valueAt(0.1), 293804);   // inner rank 6
  EXPECT_EQ(scrambled.valueAt(0.5), 686676);   // inner rank 134552
  EXPECT_EQ(scrambled.valueAt(0.9), 736200);   // inner rank 1170869537
  EXPECT_EQ(scrambled.valueAt(0.99), 153002);  // inner rank 8086205587
}

TEST(ScrambledZipfian, shouldMapFixedUToTheSameInnerRanksForAnyItemCount) {
  const ScrambledZipfianGenerator scrambled(0, 1000);
  EXPECT_EQ(scrambled.valueAt(0.01), 144);
  EXPECT_EQ(scrambled.valueAt(0.05), 610);
  EXPECT_EQ(scrambled.valueAt(0.1), 942);
  EXPECT_EQ(scrambled.valueAt(0.5), 367);
  EXPECT_EQ(scrambled.valueAt(0.9), 991);
  EXPECT_EQ(scrambled.valueAt(0.99), 745);
}

TEST(ScrambledZipfian, shouldOffsetKeysByMin) {
  const ScrambledZipfianGenerator scrambled(1000, 2000);
  EXPECT_EQ(scrambled.valueAt(0.01), 1144);
  EXPECT_EQ(scrambled.minValue(), 1000);
  EXPECT_EQ(scrambled.maxValue(), 2000);
}

TEST(ScrambledZipfian, shouldRecomputeZetaForAnotherTheta) {
  const ScrambledZipfianGenerator scrambled(0, 999, 0.5);
  EXPECT_EQ(scrambled.inner().theta(), 0.5);
  // zeta(n, 1/2) = 2 sqrt(n) + zeta(1/2) + 1 / (2 sqrt(n)) + O(n^-1.5), n = 10^10 + 1.
  const double n = 1e10 + 1;
  EXPECT_NEAR(scrambled.inner().zetan(), 2 * std::sqrt(n) - 1.4603545088095868 + 0.5 / std::sqrt(n),
              1e-8);
}

// What YCSB's `requestdistribution=zipfian` gives each of `recordCount` loaded keys: the scrambled
// generator over recordCount + 1 keys with the extra key redrawn (workloads.md 2.3), so the masses
// of the first recordCount keys renormalised, sorted from the hottest.
std::vector<double> ycsbRequestMasses(std::int64_t recordCount, std::int64_t* hottestKey,
                                      double* hottestUnsorted = nullptr) {
  const ScrambledZipfianGenerator scrambled(0, recordCount);
  std::vector<double> masses = scrambled.keyMasses(kExactRanks);
  masses.pop_back();
  const double kept = std::accumulate(masses.begin(), masses.end(), 0.0);
  for (double& mass : masses) mass /= kept;
  *hottestKey = std::max_element(masses.begin(), masses.end()) - masses.begin();
  if (hottestUnsorted != nullptr) *hottestUnsorted = masses[*hottestKey];
  std::sort(masses.begin(), masses.end(), std::greater<>());
  return masses;
}

double topShare(const std::vector<double>& sorted, double fraction) {
  const auto count = static_cast<std::ptrdiff_t>(static_cast<double>(sorted.size()) * fraction);
  return std::accumulate(sorted.begin(), sorted.begin() + count, 0.0);
}

struct ScrambledRow {
  std::int64_t recordCount;
  std::int64_t hottestKey;
  double hottest, second, top01, top1, top10, top50;
};

// The head (hottest key to top 1%) is exact to 1e-5. The top 10% and 50% sum many keys' shares of
// ranks beyond 10^7, which keyMasses spreads evenly instead of hashing one by one, so those two
// are checked to 1e-3 (at 10^8 exact ranks they agree to 4e-5, at a cost of seconds).
void expectRow(const ScrambledRow& row) {
  SCOPED_TRACE(row.recordCount);
  std::int64_t hottestKey = 0;
  const std::vector<double> sorted = ycsbRequestMasses(row.recordCount, &hottestKey);
  EXPECT_EQ(hottestKey, row.hottestKey);
  EXPECT_NEAR(sorted[0], row.hottest, 1e-5);
  EXPECT_NEAR(sorted[1], row.second, 1e-5);
  EXPECT_NEAR(topShare(sorted, 0.001), row.top01, 1e-5);
  EXPECT_NEAR(topShare(sorted, 0.01), row.top1, 1e-5);
  EXPECT_NEAR(topShare(sorted, 0.1), row.top10, 1e-3);
  EXPECT_NEAR(topShare(sorted, 0.5), row.top50, 1e-3);
}

TEST(ScrambledZipfian, shouldReproduceYcsbsKeyMassesForAThousandRecords) {
  expectRow({1'000, 144, 0.038608, 0.019955, 0.038608, 0.126090, 0.290031, 0.662120});
  EXPECT_EQ(ycsbKeyName(144), "user1573987489603120213");
}

TEST(ScrambledZipfian, shouldReproduceYcsbsKeyMassesForAHundredThousandRecords) {
  expectRow({100'000, 42439, 0.037785, 0.019029, 0.207743, 0.304120, 0.448772, 0.732493});
}

TEST(ScrambledZipfian, shouldReproduceYcsbsKeyMassesForAMillionRecords) {
  expectRow({1'000'000, 801320, 0.037780, 0.019022, 0.299493, 0.399928, 0.543655, 0.783230});
  const ScrambledZipfianGenerator scrambled(0, 1'000'000);
  EXPECT_EQ(scrambled.keyForRank(1), 216074);  // the second hottest key
  EXPECT_EQ(ycsbKeyName(801320), "user2933389304617401955");
}

TEST(ScrambledZipfian, shouldGiveKeyMassesThatSumToOne) {
  const ScrambledZipfianGenerator scrambled(0, 999);
  const std::vector<double> masses = scrambled.keyMasses(100'000);
  EXPECT_EQ(masses.size(), 1000U);
  EXPECT_NEAR(std::accumulate(masses.begin(), masses.end(), 0.0), 1.0, 1e-12);
}

TEST(ScrambledZipfian, shouldBeMuchFlatterThanZipfOverTheSameKeys) {
  // With 10^6 keys the hottest key gets about 1/ZETAN = 3.78% and the top 1% about 40%, where
  // Zipf over the same keys gives 6.5% and 66%.
  const ScrambledZipfianGenerator scrambled(0, 999'999);
  std::vector<double> masses = scrambled.keyMasses(1'000'000);
  std::sort(masses.begin(), masses.end(), std::greater<>());
  EXPECT_NEAR(masses[0], 1 / ScrambledZipfianGenerator::kZetan, 1e-5);
  EXPECT_LT(masses[0], exactZipfProbability(0, 1'000'000, 0.99) * 0.6);
  EXPECT_NEAR(topShare(masses, 0.01), 0.40, 0.005);
  EXPECT_LT(topShare(masses, 0.01), exactZipfHeadMass(10'000, 1'000'000, 0.99) - 0.25);
}

TEST(ScrambledZipfian, shouldSampleTheHottestKeyAtItsProbabilityWithinFiveSigma) {
  const ScrambledZipfianGenerator scrambled(0, 1'000'000);
  Random random(1994);
  constexpr int kDraws = 1'000'000;
  int hits = 0;
  for (int i = 0; i < kDraws; ++i) hits += scrambled.next(random) == 801320;
  const double p = 0.037780;
  EXPECT_NEAR(static_cast<double>(hits) / kDraws, p, 5 * std::sqrt(p * (1 - p) / kDraws));
}

TEST(ScrambledZipfian, shouldReportWhyParametersAreInvalid) {
  EXPECT_EQ(ScrambledZipfianGenerator::check(0, 9, 0.99), "");
  EXPECT_NE(ScrambledZipfianGenerator::check(9, 0, 0.99), "");
  EXPECT_NE(ScrambledZipfianGenerator::check(0, 9, 1.0), "");
  EXPECT_THROW(ScrambledZipfianGenerator(9, 0), std::invalid_argument);
  EXPECT_EQ(ScrambledZipfianGenerator(0, 9).kind(), "ycsb-scrambled");
}

}  // namespace
}  // namespace kvlab::sim
