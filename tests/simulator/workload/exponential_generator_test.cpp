#include "simulator/workload/exponential_generator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace kvlab::sim {
namespace {

constexpr std::int64_t kRecords = 1'000'000;

ExponentialGenerator ycsbDefaults() {
  return ExponentialGenerator(kRecords - 1, ExponentialGenerator::kYcsbPercentile,
                              kRecords * ExponentialGenerator::kYcsbFraction);
}

TEST(ExponentialGenerator, shouldComputeYcsbsGammaAndMeanOffsetForAMillionRecords) {
  // workloads.md 2.4: gamma = 3.4950209860e-6, mean offset 286,121.
  const ExponentialGenerator exponential = ycsbDefaults();
  EXPECT_NEAR(exponential.gamma(), 3.4950209860e-6, 5e-16);
  EXPECT_NEAR(exponential.meanOffset(), 286121, 0.5);
}

TEST(ExponentialGenerator, shouldPutNinetySevenPercentOfOffsetsBelowTheRecordCount) {
  const ExponentialGenerator exponential = ycsbDefaults();
  EXPECT_NEAR(exponential.offsetBelowProbability(kRecords), 0.969652, 5e-7);
}

TEST(ExponentialGenerator, shouldSendNinetyEightPercentOfAcceptedReadsToTheNewestSixSevenths) {
  // After YCSB's redraw of negative keys, 97.97% fall in the newest 6/7 of the records.
  const ExponentialGenerator exponential = ycsbDefaults();
  EXPECT_NEAR(exponential.newestKeysMass(kRecords * ExponentialGenerator::kYcsbFraction), 0.9797,
              5e-5);
  EXPECT_EQ(exponential.newestKeysMass(2.0 * kRecords), 1.0);
}

TEST(ExponentialGenerator, shouldGiveYcsbsRawOffsetForFixedU) {
  const ExponentialGenerator exponential = ycsbDefaults();
  EXPECT_NEAR(exponential.ycsbOffsetAt(0.05), -std::log(0.05) / exponential.gamma(), 1e-6);
  EXPECT_NEAR(exponential.ycsbOffsetAt(0.05), kRecords * ExponentialGenerator::kYcsbFraction,
              1e-3);  // u = 0.05 is the 95th percentile
}

TEST(ExponentialGenerator, shouldMapFixedUThroughTheConditionedInverse) {
  const ExponentialGenerator exponential = ycsbDefaults();
  EXPECT_EQ(exponential.valueAt(0.0), kRecords - 1);
  // u = 0.95 / 0.969652 is P(offset < 6/7 N) within the accepted mass: the key 6/7 N back.
  const double u = 0.95 / exponential.offsetBelowProbability(kRecords);
  const auto expected = static_cast<std::int64_t>(
      kRecords - 1 - std::floor(kRecords * ExponentialGenerator::kYcsbFraction));
  EXPECT_NEAR(static_cast<double>(exponential.valueAt(u)), static_cast<double>(expected), 1.0);
  EXPECT_EQ(exponential.valueAt(std::nextafter(1.0, 0.0)), 0);
}

TEST(ExponentialGenerator, shouldSampleTheNewestSixSeventhsAtTheirMassWithinFiveSigma) {
  const ExponentialGenerator exponential = ycsbDefaults();
  Random random(77);
  constexpr int kDraws = 500'000;
  const double boundary = kRecords - kRecords * ExponentialGenerator::kYcsbFraction;
  int recent = 0;
  for (int i = 0; i < kDraws; ++i) {
    const std::int64_t key = exponential.next(random);
    ASSERT_GE(key, 0);
    ASSERT_LT(key, kRecords);
    recent += static_cast<double>(key) >= boundary;
  }
  const double p = 0.97973;
  EXPECT_NEAR(static_cast<double>(recent) / kDraws, p, 5 * std::sqrt(p * (1 - p) / kDraws));
}

TEST(ExponentialGenerator, shouldFollowInsertsWithTheSameGamma) {
  ExponentialGenerator exponential = ycsbDefaults();
  const double gamma = exponential.gamma();
  exponential.advanceLatest(2 * kRecords);
  EXPECT_EQ(exponential.maxValue(), 2 * kRecords);
  EXPECT_EQ(exponential.valueAt(0.0), 2 * kRecords);
  EXPECT_EQ(exponential.gamma(), gamma);
}

TEST(ExponentialGenerator, shouldReportWhyParametersAreInvalid) {
  EXPECT_NE(ExponentialGenerator::check(-1, 95, 10).find("negative"), std::string::npos);
  EXPECT_NE(ExponentialGenerator::check(10, 100, 10).find("percentile"), std::string::npos);
  EXPECT_NE(ExponentialGenerator::check(10, 95, 0).find("range"), std::string::npos);
  EXPECT_THROW(ExponentialGenerator(10, 0, 10), std::invalid_argument);
  EXPECT_EQ(ycsbDefaults().kind(), "exponential");
}

}  // namespace
}  // namespace kvlab::sim
