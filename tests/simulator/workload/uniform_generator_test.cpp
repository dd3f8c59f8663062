#include "simulator/workload/uniform_generator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace kvlab::sim {
namespace {

TEST(UniformGenerator, shouldMapFixedUToMinPlusFloorOfUTimesTheCount) {
  const UniformGenerator uniform(10, 19);
  EXPECT_EQ(uniform.valueAt(0.0), 10);
  EXPECT_EQ(uniform.valueAt(0.05), 10);
  EXPECT_EQ(uniform.valueAt(0.1), 11);
  EXPECT_EQ(uniform.valueAt(0.55), 15);
  EXPECT_EQ(uniform.valueAt(std::nextafter(1.0, 0.0)), 19);
}

TEST(UniformGenerator, shouldDrawEveryKeyEquallyOftenWithinFiveSigma) {
  const UniformGenerator uniform(0, 9);
  Random random(8);
  std::vector<int> counts(10, 0);
  constexpr int kDraws = 100'000;
  for (int i = 0; i < kDraws; ++i) ++counts[static_cast<std::size_t>(uniform.next(random))];
  const double sigma = std::sqrt(kDraws * 0.1 * 0.9);
  for (int count : counts) EXPECT_NEAR(count, kDraws / 10, 5 * sigma);
}

TEST(UniformGenerator, shouldServeASingleKey) {
  const UniformGenerator uniform(7, 7);
  EXPECT_EQ(uniform.valueAt(0.99), 7);
  EXPECT_EQ(uniform.minValue(), 7);
  EXPECT_EQ(uniform.maxValue(), 7);
}

TEST(UniformGenerator, shouldReportReversedBounds) {
  EXPECT_NE(UniformGenerator::check(5, 4).find("above max"), std::string::npos);
  EXPECT_THROW(UniformGenerator(5, 4), std::invalid_argument);
  EXPECT_EQ(UniformGenerator(0, 1).kind(), "uniform");
}

}  // namespace
}  // namespace kvlab::sim
