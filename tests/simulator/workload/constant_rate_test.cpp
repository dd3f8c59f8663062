#include "simulator/workload/constant_rate.h"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

namespace kvlab::sim {
namespace {

TEST(ConstantRate, shouldHaveTheSameRateAtEveryInstant) {
  const ConstantRate rate(250);
  EXPECT_EQ(rate.rateAt(0), 250);
  EXPECT_EQ(rate.rateAt(1e6), 250);
  EXPECT_EQ(rate.maxRateBetween(10, 20), 250);
  EXPECT_EQ(rate.kind(), "constant");
}

TEST(ConstantRate, shouldRefuseANegativeOrNonFiniteRate) {
  EXPECT_NE(ConstantRate::check(-1).find("constant"), std::string::npos);
  EXPECT_NE(ConstantRate::check(std::numeric_limits<double>::infinity()), "");
  EXPECT_EQ(ConstantRate::check(0), "");
  EXPECT_THROW(ConstantRate(-1), std::invalid_argument);
}

}  // namespace
}  // namespace kvlab::sim
