#include "simulator/workload/key_distribution.h"

#include <gtest/gtest.h>

#include <string>

namespace kvlab::sim {
namespace {

TEST(KeyDistribution, shouldMakeEveryRegisteredKindByName) {
  for (const KeyDistributionKind& kind : keyDistributionKinds()) {
    KeyDistribution distribution;
    distribution.kind = std::string(kind.name);
    std::string error;
    const auto generator = makeKeyGenerator(distribution, 1000, &error);
    ASSERT_NE(generator, nullptr) << kind.name << ": " << error;
    EXPECT_EQ(generator->kind(), kind.name);
    EXPECT_GE(generator->minValue(), 0);
    EXPECT_LE(generator->maxValue(), 999);
    EXPECT_FALSE(kind.description.empty());
    EXPECT_NE(kind.source.find(".java"), std::string_view::npos);
  }
}

TEST(KeyDistribution, shouldListZipfianAndYcsbScrambledAsSeparateKinds) {
  std::string names;
  for (const KeyDistributionKind& kind : keyDistributionKinds())
    names += std::string(kind.name) + " ";
  EXPECT_EQ(names, "uniform zipfian ycsb-scrambled hotspot latest exponential ");
}

TEST(KeyDistribution, shouldKeepKeysWithinTheItemCount) {
  Random random(99);
  for (const KeyDistributionKind& kind : keyDistributionKinds()) {
    KeyDistribution distribution;
    distribution.kind = std::string(kind.name);
    const auto generator = makeKeyGenerator(distribution, 50);
    ASSERT_NE(generator, nullptr);
    for (int i = 0; i < 10'000; ++i) {
      const std::int64_t key = generator->next(random);
      ASSERT_GE(key, 0) << kind.name;
      ASSERT_LT(key, 50) << kind.name;
    }
  }
}

TEST(KeyDistribution, shouldPassThetaToTheZipfian) {
  KeyDistribution distribution;
  distribution.kind = "zipfian";
  distribution.theta = 0.5;
  const auto generator = makeKeyGenerator(distribution, 1'000'000);
  ASSERT_NE(generator, nullptr);
  // Less skew: u = 0.5 lands far deeper than the 860 of theta 0.99.
  EXPECT_GT(generator->valueAt(0.5), 100'000);
}

TEST(KeyDistribution, shouldNameAnUnknownKindAndListTheKnownOnes) {
  KeyDistribution distribution;
  distribution.kind = "zipf";
  std::string error;
  EXPECT_EQ(makeKeyGenerator(distribution, 10, &error), nullptr);
  EXPECT_NE(error.find("unknown key distribution 'zipf'"), std::string::npos);
  EXPECT_NE(error.find("ycsb-scrambled"), std::string::npos);
}

TEST(KeyDistribution, shouldNameTheParameterOutOfRange) {
  std::string error;
  KeyDistribution zipfian;
  zipfian.kind = "zipfian";
  zipfian.theta = 1.2;
  EXPECT_EQ(makeKeyGenerator(zipfian, 10, &error), nullptr);
  EXPECT_NE(error.find("theta"), std::string::npos);

  KeyDistribution hotspot;
  hotspot.kind = "hotspot";
  hotspot.hotOpFraction = 2;
  EXPECT_EQ(makeKeyGenerator(hotspot, 10, &error), nullptr);
  EXPECT_NE(error.find("hot operation fraction"), std::string::npos);

  KeyDistribution exponential;
  exponential.kind = "exponential";
  exponential.recentFraction = 0;
  EXPECT_EQ(makeKeyGenerator(exponential, 10, &error), nullptr);
  EXPECT_NE(error.find("recent fraction"), std::string::npos);
}

TEST(KeyDistribution, shouldRefuseAnEmptyTable) {
  std::string error;
  EXPECT_EQ(makeKeyGenerator(KeyDistribution{}, 0, &error), nullptr);
  EXPECT_NE(error.find("item count 0"), std::string::npos);
  KeyDistribution latest;
  latest.kind = "latest";
  EXPECT_EQ(makeKeyGenerator(latest, 1, &error), nullptr);
}

}  // namespace
}  // namespace kvlab::sim
