#include "simulator/workload/poisson_arrivals.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <vector>

#include "simulator/workload/constant_rate.h"
#include "simulator/workload/csv_rate.h"
#include "simulator/workload/daily_rate.h"
#include "simulator/workload/ramp_rate.h"
#include "simulator/workload/spike_rate.h"

namespace kvlab::sim {
namespace {

std::vector<double> allArrivals(PoissonArrivals arrivals) {
  std::vector<double> times;
  while (const std::optional<double> time = arrivals.next()) times.push_back(*time);
  return times;
}

// Arrivals in [from, to).
std::int64_t countBetween(const std::vector<double>& times, double from, double to) {
  std::int64_t count = 0;
  for (double t : times) count += t >= from && t < to;
  return count;
}

// A Poisson count with mean m is within 5 sqrt(m) of m except with probability 6e-7.
void expectPoissonCount(std::int64_t count, double mean) {
  EXPECT_NEAR(static_cast<double>(count), mean, 5 * std::sqrt(mean));
}

TEST(PoissonArrivals, shouldDeliverTheConstantRateOverALongWindow) {
  const ConstantRate rate(1000);
  const std::vector<double> times = allArrivals(PoissonArrivals(rate, Random(1), 0, 1000));
  expectPoissonCount(static_cast<std::int64_t>(times.size()), 1'000'000);
}

TEST(PoissonArrivals, shouldRepeatTheSameArrivalsForTheSameSeed) {
  const RampRate rate(10, 1000, 0, 100);
  EXPECT_EQ(allArrivals(PoissonArrivals(rate, Random::forStream(5, 1), 0, 100)),
            allArrivals(PoissonArrivals(rate, Random::forStream(5, 1), 0, 100)));
  EXPECT_NE(allArrivals(PoissonArrivals(rate, Random::forStream(5, 1), 0, 100)),
            allArrivals(PoissonArrivals(rate, Random::forStream(5, 2), 0, 100)));
}

TEST(PoissonArrivals, shouldProduceIncreasingTimesWithinTheInterval) {
  const ConstantRate rate(50);
  const std::vector<double> times = allArrivals(PoissonArrivals(rate, Random(2), 10, 110));
  ASSERT_FALSE(times.empty());
  EXPECT_GE(times.front(), 10);
  EXPECT_LT(times.back(), 110);
  for (std::size_t i = 1; i < times.size(); ++i) ASSERT_LE(times[i - 1], times[i]);
}

TEST(PoissonArrivals, shouldHaveExponentialGapsNotRegularOnes) {
  // For a Poisson process a gap exceeds the mean gap with probability e^-1 = 0.3679.
  const ConstantRate rate(100);
  const std::vector<double> times = allArrivals(PoissonArrivals(rate, Random(3), 0, 2000));
  std::int64_t longGaps = 0;
  for (std::size_t i = 1; i < times.size(); ++i) longGaps += times[i] - times[i - 1] > 0.01;
  const double n = static_cast<double>(times.size() - 1);
  const double p = std::exp(-1.0);
  EXPECT_NEAR(static_cast<double>(longGaps) / n, p, 5 * std::sqrt(p * (1 - p) / n));
}

TEST(PoissonArrivals, shouldHaveCountsPerSecondWithVarianceEqualToTheirMean) {
  const ConstantRate rate(200);
  const std::vector<double> times = allArrivals(PoissonArrivals(rate, Random(4), 0, 2000));
  std::vector<double> counts(2000, 0);
  for (double t : times) ++counts[static_cast<std::size_t>(t)];
  double sum = 0, squares = 0;
  for (double c : counts) {
    sum += c;
    squares += c * c;
  }
  const double mean = sum / 2000;
  const double variance = squares / 2000 - mean * mean;
  // The sample variance of 2000 Poisson(200) counts has a standard error of about
  // 200 * sqrt(2 / 2000) = 6.3.
  EXPECT_NEAR(variance, 200, 5 * 6.3);
}

TEST(PoissonArrivals, shouldFollowARampIntegral) {
  // 0 -> 2000 requests/s over 1000 s: 10^6 in all, 250,000 in the first half.
  const RampRate rate(0, 2000, 0, 1000);
  const std::vector<double> times = allArrivals(PoissonArrivals(rate, Random(6), 0, 1000));
  expectPoissonCount(countBetween(times, 0, 500), 250'000);
  expectPoissonCount(countBetween(times, 500, 1000), 750'000);
}

TEST(PoissonArrivals, shouldConcentrateArrivalsInASpike) {
  const SpikeRate rate(100, 10'000, 200.5, 30);
  const std::vector<double> times = allArrivals(PoissonArrivals(rate, Random(7), 0, 600));
  expectPoissonCount(countBetween(times, 200.5, 230.5), 300'000);
  expectPoissonCount(countBetween(times, 0, 200.5), 20'050);
  expectPoissonCount(countBetween(times, 230.5, 600), 36'950);
}

TEST(PoissonArrivals, shouldDeliverADailyCurvesMeanOverADay) {
  // A day compressed into 1,000 s, mean 500/s: 500,000 arrivals, 20:00-21:00 the busiest hour.
  const DailyRate rate(500, 2000, 1000);
  PoissonArrivals arrivals(rate, Random(8), 0, 1000, 0.5);
  const std::vector<double> times = allArrivals(arrivals);
  expectPoissonCount(static_cast<std::int64_t>(times.size()), 500'000);
  double expectedPeakHour = 0;
  for (int i = 0; i < 100'000; ++i)
    expectedPeakHour +=
        rate.rateAt(20 * 1000 / 24.0 + i * 1000 / 24.0 / 100'000) * (1000 / 24.0 / 100'000);
  expectPoissonCount(countBetween(times, 20 * 1000 / 24.0, 21 * 1000 / 24.0), expectedPeakHour);
}

TEST(PoissonArrivals, shouldFollowACsvStepFunctionAndSkipSilentWindows) {
  const auto rate = CsvRate::parse("0,0\n100,300\n200,0\n", "steps.csv");
  ASSERT_TRUE(rate.has_value());
  PoissonArrivals arrivals(*rate, Random(9), 0, 1000);
  const std::vector<double> times = allArrivals(arrivals);
  EXPECT_EQ(countBetween(times, 0, 100), 0);
  EXPECT_EQ(countBetween(times, 200, 1000), 0);
  expectPoissonCount(static_cast<std::int64_t>(times.size()), 30'000);
  // Windows of 1 s align with the steps, so every candidate is kept.
  EXPECT_EQ(arrivals.candidates(), arrivals.arrivals());
}

TEST(PoissonArrivals, shouldGiveTheSameDistributionForAnyWindow) {
  const RampRate rate(0, 1000, 0, 100);
  const std::vector<double> fine = allArrivals(PoissonArrivals(rate, Random(10), 0, 100, 0.1));
  const std::vector<double> coarse = allArrivals(PoissonArrivals(rate, Random(10), 0, 100, 50));
  expectPoissonCount(static_cast<std::int64_t>(fine.size()), 50'000);
  expectPoissonCount(static_cast<std::int64_t>(coarse.size()), 50'000);
  expectPoissonCount(countBetween(coarse, 0, 50), 12'500);
}

TEST(PoissonArrivals, shouldStopForGoodAtTheEnd) {
  const ConstantRate rate(10);
  PoissonArrivals arrivals(rate, Random(11), 0, 1);
  while (arrivals.next()) {
  }
  EXPECT_FALSE(arrivals.next().has_value());
  const ConstantRate silent(0);
  EXPECT_FALSE(PoissonArrivals(silent, Random(11), 0, 1e6).next().has_value());
  EXPECT_FALSE(PoissonArrivals(rate, Random(11), 5, 5).next().has_value());
}

TEST(PoissonArrivals, shouldReportABadIntervalOrWindow) {
  EXPECT_NE(PoissonArrivals::check(10, 5, 1).find("interval"), std::string::npos);
  EXPECT_NE(PoissonArrivals::check(0, 5, 0).find("window"), std::string::npos);
  const ConstantRate rate(1);
  EXPECT_THROW(PoissonArrivals(rate, Random(1), 0, 5, -1), std::invalid_argument);
}

}  // namespace
}  // namespace kvlab::sim
