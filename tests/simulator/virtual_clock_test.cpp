#include "simulator/core/virtual_clock.h"

#include <gtest/gtest.h>

#include <cmath>

#include "simulator/workload/random.h"

namespace kvlab::sim {
namespace {

// roundHalfAway must be std::llround bit for bit, or simulations would change their bytes.
TEST(VirtualClock, shouldRoundExactlyAsLlroundDoes) {
  const double edges[] = {0.0,
                          -0.0,
                          0.5,
                          -0.5,
                          1.5,
                          -1.5,
                          2.5,
                          -2.5,
                          0.49999999999999994,
                          -0.49999999999999994,
                          4503599627370495.5,
                          -4503599627370495.5,
                          0x1p52,
                          0x1p53 + 2,
                          0x1p62 - 1024,
                          0x1p62,
                          -0x1p62,
                          1e18,
                          -1e18,
                          123456.7890123,
                          1e-300,
                          -1e-300};
  for (const double x : edges) EXPECT_EQ(roundHalfAway(x), std::llround(x)) << x;
  Random random(11);
  for (int i = 0; i < 200000; ++i) {
    // Random bit patterns over a wide range of magnitudes, and values near halves.
    const double magnitude = std::ldexp(1.0, static_cast<int>(random.nextBelow(70)) - 10);
    const double x = (random.nextDouble() - 0.5) * magnitude;
    const double half = std::floor(x) + 0.5;
    EXPECT_EQ(roundHalfAway(x), std::llround(x)) << x;
    EXPECT_EQ(roundHalfAway(half), std::llround(half)) << half;
    EXPECT_EQ(roundHalfAway(std::nextafter(half, 0.0)), std::llround(std::nextafter(half, 0.0)));
  }
}

TEST(VirtualClock, shouldConvertSecondsAndMillisToMicroseconds) {
  EXPECT_EQ(fromSeconds(1.5), 1500000);
  EXPECT_EQ(fromMillis(0.0005), 1);  // half a microsecond rounds away from zero
  EXPECT_EQ(fromMillis(-0.0005), -1);
  EXPECT_EQ(fromMillis(2.0004), 2000);
}

}  // namespace
}  // namespace kvlab::sim
