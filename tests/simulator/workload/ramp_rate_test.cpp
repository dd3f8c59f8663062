#include "simulator/workload/ramp_rate.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace kvlab::sim {
namespace {

TEST(RampRate, shouldHoldTheStartRateBeforeTheRampAndTheEndRateAfterIt) {
  const RampRate ramp(100, 500, 60, 120);
  EXPECT_EQ(ramp.rateAt(0), 100);
  EXPECT_EQ(ramp.rateAt(59.9), 100);
  EXPECT_EQ(ramp.rateAt(180), 500);
  EXPECT_EQ(ramp.rateAt(1e6), 500);
}

TEST(RampRate, shouldMoveInAStraightLineDuringTheRamp) {
  const RampRate ramp(100, 500, 60, 120);
  EXPECT_DOUBLE_EQ(ramp.rateAt(60), 100);
  EXPECT_DOUBLE_EQ(ramp.rateAt(90), 200);
  EXPECT_DOUBLE_EQ(ramp.rateAt(120), 300);
  const RampRate down(500, 100, 0, 100);
  EXPECT_DOUBLE_EQ(down.rateAt(25), 400);
}

TEST(RampRate, shouldBoundAWindowByItsLargerEnd) {
  const RampRate up(100, 500, 60, 120);
  EXPECT_DOUBLE_EQ(up.maxRateBetween(90, 120), 300);
  EXPECT_DOUBLE_EQ(up.maxRateBetween(0, 1000), 500);
  const RampRate down(500, 100, 0, 100);
  EXPECT_DOUBLE_EQ(down.maxRateBetween(25, 50), 400);
}

TEST(RampRate, shouldStepWhenTheDurationIsZero) {
  const RampRate step(10, 20, 5, 0);
  EXPECT_EQ(step.rateAt(4.999), 10);
  EXPECT_EQ(step.rateAt(5), 20);
  EXPECT_EQ(step.maxRateBetween(0, 5), 20);
}

TEST(RampRate, shouldNameTheBadParameter) {
  EXPECT_NE(RampRate::check(-1, 5, 0, 10).find("start rate"), std::string::npos);
  EXPECT_NE(RampRate::check(1, -5, 0, 10).find("end rate"), std::string::npos);
  EXPECT_NE(RampRate::check(1, 5, 0, -10).find("duration"), std::string::npos);
  EXPECT_THROW(RampRate(1, 5, 0, -10), std::invalid_argument);
  EXPECT_EQ(RampRate(1, 5, 0, 10).kind(), "ramp");
}

}  // namespace
}  // namespace kvlab::sim
