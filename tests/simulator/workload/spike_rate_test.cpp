#include "simulator/workload/spike_rate.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace kvlab::sim {
namespace {

TEST(SpikeRate, shouldRunAtThePeakDuringTheSpikeOnly) {
  const SpikeRate spike(100, 5000, 300, 60);
  EXPECT_EQ(spike.rateAt(0), 100);
  EXPECT_EQ(spike.rateAt(299.99), 100);
  EXPECT_EQ(spike.rateAt(300), 5000);
  EXPECT_EQ(spike.rateAt(359.99), 5000);
  EXPECT_EQ(spike.rateAt(360), 100);
}

TEST(SpikeRate, shouldBoundAWindowByThePeakOnlyWhenTheWindowMeetsTheSpike) {
  const SpikeRate spike(100, 5000, 300, 60);
  EXPECT_EQ(spike.maxRateBetween(0, 299), 100);
  EXPECT_EQ(spike.maxRateBetween(0, 300), 5000);
  EXPECT_EQ(spike.maxRateBetween(320, 330), 5000);
  EXPECT_EQ(spike.maxRateBetween(359, 400), 5000);
  EXPECT_EQ(spike.maxRateBetween(360, 400), 100);
}

TEST(SpikeRate, shouldAllowADipBelowTheBase) {
  const SpikeRate dip(1000, 0, 10, 5);
  EXPECT_EQ(dip.rateAt(12), 0);
  EXPECT_EQ(dip.maxRateBetween(11, 14), 0);
  EXPECT_EQ(dip.maxRateBetween(5, 12), 1000);
}

TEST(SpikeRate, shouldHaveNoSpikeWhenItsLengthIsZero) {
  const SpikeRate none(100, 5000, 10, 0);
  EXPECT_EQ(none.rateAt(10), 100);
  EXPECT_EQ(none.maxRateBetween(0, 20), 100);
}

TEST(SpikeRate, shouldNameTheBadParameter) {
  EXPECT_NE(SpikeRate::check(-1, 5, 0, 1).find("base rate"), std::string::npos);
  EXPECT_NE(SpikeRate::check(1, -5, 0, 1).find("peak rate"), std::string::npos);
  EXPECT_NE(SpikeRate::check(1, 5, 0, -1).find("length"), std::string::npos);
  EXPECT_THROW(SpikeRate(1, 5, 0, -1), std::invalid_argument);
  EXPECT_EQ(SpikeRate(1, 5, 0, 1).kind(), "spike");
}

}  // namespace
}  // namespace kvlab::sim
