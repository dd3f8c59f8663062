#include "simulator/workload/random.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <set>
#include <vector>

namespace kvlab::sim {
namespace {

std::vector<std::uint64_t> firstDraws(Random random, int count) {
  std::vector<std::uint64_t> draws;
  for (int i = 0; i < count; ++i) draws.push_back(random.nextU64());
  return draws;
}

TEST(SplitMix64, shouldMatchTheReferenceOutputsForSeed1234567) {
  // Vigna's splitmix64.c (and Java's SplittableRandom) from seed 1234567.
  std::uint64_t state = 1234567;
  EXPECT_EQ(splitMix64(state), 6457827717110365317ULL);
  EXPECT_EQ(splitMix64(state), 3203168211198807973ULL);
  EXPECT_EQ(splitMix64(state), 9817491932198370423ULL);
  EXPECT_EQ(splitMix64(state), 4593380528125082431ULL);
  EXPECT_EQ(splitMix64(state), 16408922859458223821ULL);
}

TEST(Random, shouldProduceTheXoshiro256StarStarSequenceOfItsSplitMixSeededState) {
  // Expected values computed with an independent implementation of xoshiro256** 1.0 whose state
  // is the first four SplitMix64 outputs from seed 0.
  Random random(0);
  EXPECT_EQ(random.nextU64(), 11091344671253066420ULL);
  EXPECT_EQ(random.nextU64(), 13793997310169335082ULL);
  EXPECT_EQ(random.nextU64(), 1900383378846508768ULL);
  EXPECT_EQ(random.nextU64(), 7684712102626143532ULL);
}

TEST(Random, shouldRepeatTheSameSequenceForTheSameSeed) {
  EXPECT_EQ(firstDraws(Random(42), 1000), firstDraws(Random(42), 1000));
  EXPECT_EQ(firstDraws(Random::forStream(42, 7), 1000), firstDraws(Random::forStream(42, 7), 1000));
}

TEST(Random, shouldGiveDifferentSequencesForDifferentSeeds) {
  EXPECT_NE(firstDraws(Random(1), 4), firstDraws(Random(2), 4));
}

TEST(Random, shouldGiveEachStreamOfASeedItsOwnSequence) {
  std::set<std::vector<std::uint64_t>> sequences;
  for (std::uint64_t stream = 0; stream < 100; ++stream) {
    sequences.insert(firstDraws(Random::forStream(42, stream), 4));
  }
  EXPECT_EQ(sequences.size(), 100U);
  EXPECT_NE(firstDraws(Random::forStream(1, 2), 4), firstDraws(Random::forStream(2, 1), 4));
  EXPECT_NE(firstDraws(Random::forStream(42, 0), 4), firstDraws(Random(42), 4));
}

TEST(Random, shouldGiveUncorrelatedNeighbouringStreams) {
  // Streams 0 and 1 of one seed: the correlation of their doubles over 10^5 draws is about
  // N(0, 1/sqrt(10^5) = 0.0032); 0.02 is more than 6 sigma.
  Random a = Random::forStream(9, 0);
  Random b = Random::forStream(9, 1);
  constexpr int kDraws = 100'000;
  double sumA = 0, sumB = 0, sumAB = 0, sumAA = 0, sumBB = 0;
  for (int i = 0; i < kDraws; ++i) {
    const double x = a.nextDouble();
    const double y = b.nextDouble();
    sumA += x;
    sumB += y;
    sumAB += x * y;
    sumAA += x * x;
    sumBB += y * y;
  }
  const double covariance = sumAB / kDraws - (sumA / kDraws) * (sumB / kDraws);
  const double varianceA = sumAA / kDraws - (sumA / kDraws) * (sumA / kDraws);
  const double varianceB = sumBB / kDraws - (sumB / kDraws) * (sumB / kDraws);
  EXPECT_LT(std::abs(covariance / std::sqrt(varianceA * varianceB)), 0.02);
}

TEST(Random, shouldNameStreamsByFnv1aOfTheName) {
  EXPECT_EQ(Random::streamIdOf(""), 0xCBF29CE484222325ULL);
  EXPECT_EQ(Random::streamIdOf("a"), 0xAF63DC4C8601EC8CULL);  // FNV-1a 64 test vector
  EXPECT_NE(Random::streamIdOf("AP1"), Random::streamIdOf("AP2"));
}

TEST(Random, shouldDrawDoublesInTheHalfOpenUnitIntervalWithMeanOneHalf) {
  Random random(3);
  constexpr int kDraws = 1'000'000;
  double sum = 0;
  double lowest = 1;
  double highest = 0;
  for (int i = 0; i < kDraws; ++i) {
    const double u = random.nextDouble();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    lowest = std::min(lowest, u);
    highest = std::max(highest, u);
  }
  // The mean of 10^6 uniforms has sigma 1/sqrt(12 * 10^6) = 2.9e-4.
  EXPECT_NEAR(sum / kDraws, 0.5, 5 * 2.9e-4);
  EXPECT_LT(lowest, 1e-5);
  EXPECT_GT(highest, 1 - 1e-5);
}

TEST(Random, shouldMapTheTop53BitsToTheDouble) {
  // A stream whose next draw is known: the double is exactly (bits >> 11) * 2^-53.
  Random copy(77);
  Random random(77);
  const std::uint64_t bits = copy.nextU64();
  EXPECT_EQ(random.nextDouble(), static_cast<double>(bits >> 11) * 0x1.0p-53);
}

TEST(Random, shouldDrawBoundedNumbersBelowTheBoundAndCoverEveryValue) {
  Random random(5);
  std::vector<int> counts(7, 0);
  for (int i = 0; i < 70'000; ++i) {
    const std::uint64_t value = random.nextBelow(7);
    ASSERT_LT(value, 7U);
    ++counts[value];
  }
  // Each count is Binomial(70000, 1/7): mean 10000, sigma 92.6.
  for (int count : counts) EXPECT_NEAR(count, 10'000, 5 * 92.6);
}

TEST(Random, shouldDriveStandardLibraryDistributions) {
  Random random(11);
  std::uniform_int_distribution<int> die(1, 6);
  for (int i = 0; i < 100; ++i) {
    const int roll = die(random);
    EXPECT_GE(roll, 1);
    EXPECT_LE(roll, 6);
  }
}

}  // namespace
}  // namespace kvlab::sim
