#include "simulator/workload/daily_rate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace kvlab::sim {
namespace {

// The mean of rateAt over one day, by the trapezoid rule on a grid finer than the table's.
double dailyMean(const DailyRate& rate) {
  constexpr int kSteps = 86'400;
  const double step = rate.dayLengthSeconds() / kSteps;
  double sum = 0;
  for (int i = 0; i < kSteps; ++i) sum += rate.rateAt(i * step);
  return sum / kSteps;
}

double dailyMax(const DailyRate& rate) {
  double top = 0;
  for (int minute = 0; minute < 1440; ++minute) top = std::max(top, rate.rateAt(minute * 60.0));
  return top;
}

TEST(DailyRate, shouldHaveADefaultShapeOfTwentyFourHoursPeakingAtEightPm) {
  const std::vector<double>& shape = DailyRate::defaultHourlyShape();
  ASSERT_EQ(shape.size(), 24U);
  EXPECT_EQ(std::max_element(shape.begin(), shape.end()) - shape.begin(), 20);
  EXPECT_EQ(std::min_element(shape.begin(), shape.end()) - shape.begin(), 4);
  EXPECT_NEAR(std::accumulate(shape.begin(), shape.end(), 0.0) / 24, 0.68, 1e-12);
}

TEST(DailyRate, shouldMeetTheMeanAndThePeakExactly) {
  for (const auto& [mean, peak] :
       std::vector<std::pair<double, double>>{{500, 2000}, {100, 147}, {100, 120}, {10, 1000}}) {
    const DailyRate rate(mean, peak);
    EXPECT_NEAR(dailyMean(rate), mean, 1e-6 * mean) << mean << "/" << peak;
    EXPECT_DOUBLE_EQ(dailyMax(rate), peak) << mean << "/" << peak;
    EXPECT_DOUBLE_EQ(rate.rateAt(20 * 3600.0), peak);
  }
}

TEST(DailyRate, shouldUseTheShapeAsGivenWhenThePeakOverTheMeanIsTheShapes) {
  // The default shape's mean is 0.68 of its peak: mean 68, peak 100 needs no sharpening.
  const DailyRate rate(68, 100);
  EXPECT_NEAR(rate.sharpness(), 1.0, 1e-9);
  EXPECT_NEAR(rate.rateAt(4 * 3600.0), 26, 1e-9);
  EXPECT_NEAR(rate.rateAt(12.5 * 3600.0), (86 + 85) / 2.0, 1e-9);
}

TEST(DailyRate, shouldBeFlatWhenThePeakEqualsTheMean) {
  const DailyRate rate(300, 300);
  EXPECT_EQ(rate.sharpness(), 0.0);
  EXPECT_DOUBLE_EQ(rate.rateAt(4 * 3600.0), 300);
  EXPECT_DOUBLE_EQ(rate.rateAt(20 * 3600.0), 300);
}

TEST(DailyRate, shouldDeepenTheTroughForALargerPeakOverMean) {
  EXPECT_LT(DailyRate(500, 2000).rateAt(4 * 3600.0), DailyRate(500, 1000).rateAt(4 * 3600.0));
}

TEST(DailyRate, shouldCompressAWholeDayIntoTheGivenDayLength) {
  // A 600 s run with the day compressed into it: the peak at 20/24 of the run.
  const DailyRate compressed(100, 200, 600);
  EXPECT_DOUBLE_EQ(compressed.rateAt(500), 200);
  EXPECT_DOUBLE_EQ(compressed.rateAt(1100), 200);  // and again a day later
  EXPECT_NEAR(dailyMean(compressed), 100, 1e-4);
}

TEST(DailyRate, shouldStartAtTheGivenHourOfTheDay) {
  const DailyRate atEight(100, 200, DailyRate::kRealDaySeconds, 20);
  EXPECT_DOUBLE_EQ(atEight.rateAt(0), 200);
  const DailyRate atMidnight(100, 200);
  EXPECT_DOUBLE_EQ(atEight.rateAt(3600), atMidnight.rateAt(21 * 3600.0));
}

TEST(DailyRate, shouldBoundEveryWindowByTheLargestRateInIt) {
  const DailyRate rate(500, 2000, 3600);
  for (double from = 0; from < 7200; from += 37.3) {
    for (double length : {0.5, 7.0, 90.0, 1000.0}) {
      const double bound = rate.maxRateBetween(from, from + length);
      double largest = 0;
      for (int i = 0; i <= 200; ++i) {
        const double rateAtPoint = rate.rateAt(from + length * i / 200);
        ASSERT_LE(rateAtPoint, bound * (1 + 1e-12)) << from << " +" << length;
        largest = std::max(largest, rateAtPoint);
      }
      // Tight: no more than the curve's rise over one sampling step above the sampled maximum.
      EXPECT_LE(bound, largest + 2000 * 0.05) << from << " +" << length;
    }
  }
  EXPECT_EQ(rate.maxRateBetween(0, 3600), 2000);
}

TEST(DailyRate, shouldAcceptACustomShape) {
  // Two points: night at 1, day at 3 (relative), joined by straight lines.
  const DailyRate rate(2, 3, 100, 0, {1, 3});
  EXPECT_NEAR(rate.sharpness(), 1.0, 1e-9);
  EXPECT_NEAR(rate.rateAt(0), 1, 1e-9);
  EXPECT_NEAR(rate.rateAt(50), 3, 1e-9);
  EXPECT_NEAR(rate.rateAt(25), 2, 1e-9);
}

TEST(DailyRate, shouldNameTheBadParameter) {
  EXPECT_NE(DailyRate::check(100, 50, 86400, 0).find("below the mean"), std::string::npos);
  EXPECT_NE(DailyRate::check(0, 50, 86400, 0).find("mean rate is 0"), std::string::npos);
  EXPECT_NE(DailyRate::check(10, 50, 0, 0).find("day length"), std::string::npos);
  EXPECT_NE(DailyRate::check(10, 50, 86400, 24).find("start hour"), std::string::npos);
  EXPECT_NE(DailyRate::check(10, 50, 86400, 0, {}).find("points"), std::string::npos);
  EXPECT_NE(DailyRate::check(10, 50, 86400, 0, {1, 0}).find("shape point 1"), std::string::npos);
  EXPECT_NE(DailyRate::check(1, 5000, 86400, 0).find("more than this shape can reach"),
            std::string::npos);
  EXPECT_EQ(DailyRate::check(0, 0, 86400, 0), "");
  EXPECT_THROW(DailyRate(100, 50), std::invalid_argument);
  EXPECT_EQ(DailyRate(1, 1).kind(), "daily");
}

}  // namespace
}  // namespace kvlab::sim
