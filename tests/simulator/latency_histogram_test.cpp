#include "simulator/metrics/latency_histogram.h"

#include <gtest/gtest.h>

#include <cmath>

namespace kvlab::sim {
namespace {

// Within 3 significant digits: |reported - exact| <= exact / 1000.
void expectThreeDigits(std::int64_t reported, double exact) {
  EXPECT_LE(std::abs(static_cast<double>(reported) - exact), exact / 1000.0)
      << "reported " << reported << ", exact " << exact;
}

TEST(LatencyHistogram, shouldGivePercentilesWithinThreeSignificantDigits) {
  LatencyHistogram h;
  for (std::int64_t v = 1; v <= 1000000; ++v) h.record(v);
  EXPECT_EQ(h.count(), 1000000);
  expectThreeDigits(h.valueAtPercentile(50), 500000);
  expectThreeDigits(h.valueAtPercentile(95), 950000);
  expectThreeDigits(h.valueAtPercentile(99), 990000);
  expectThreeDigits(h.valueAtPercentile(99.9), 999000);
  expectThreeDigits(h.max(), 1000000);
  EXPECT_EQ(h.min(), 1);
  EXPECT_NEAR(h.mean(), 500000.5, 0.5);
}

TEST(LatencyHistogram, shouldKeepSmallValuesExact) {
  LatencyHistogram h;
  for (std::int64_t v = 0; v < 2048; ++v) h.record(v);
  EXPECT_EQ(h.valueAtPercentile(50), 1023);
  EXPECT_EQ(h.max(), 2047);
}

TEST(LatencyHistogram, shouldKeepThreeDigitsAtEveryScale) {
  for (std::int64_t value : {3'141LL, 27'182LL, 1'414'213LL, 60'000'000LL, 9'000'000'000LL}) {
    LatencyHistogram h;
    h.record(value);
    expectThreeDigits(h.valueAtPercentile(50), static_cast<double>(value));
  }
}

TEST(LatencyHistogram, shouldGiveSeveralPercentilesInOnePassAsOneAtATime) {
  LatencyHistogram h;
  for (std::int64_t v = 1; v <= 5000; ++v) h.record(v * v);
  const double percentiles[] = {50, 95, 99, 99.9};
  std::int64_t values[4];
  h.valuesAtPercentiles(percentiles, values, 4);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(values[i], h.valueAtPercentile(percentiles[i]));
}

TEST(LatencyHistogram, shouldForgetEverythingOnReset) {
  LatencyHistogram h;
  h.record(5000, 10);
  h.reset();
  EXPECT_EQ(h.count(), 0);
  EXPECT_EQ(h.valueAtPercentile(99), 0);
  h.record(7);
  EXPECT_EQ(h.valueAtPercentile(99), 7);
}

TEST(LatencyHistogram, shouldAddAnotherHistogram) {
  LatencyHistogram a;
  LatencyHistogram b;
  for (int i = 0; i < 100; ++i) a.record(1000);
  for (int i = 0; i < 100; ++i) b.record(3000);
  a.add(b);
  EXPECT_EQ(a.count(), 200);
  expectThreeDigits(a.valueAtPercentile(75), 3000);
}

}  // namespace
}  // namespace kvlab::sim
