#include "simulator/metrics/heavy_hitters.h"

#include <gtest/gtest.h>

#include "simulator/workload/random.h"

namespace kvlab::sim {
namespace {

TEST(HeavyHitters, shouldFindTheHeavyKeysAmongManyLightOnes) {
  HeavyHitters h;
  Random random(11);
  for (int i = 0; i < 200000; ++i) {
    h.add(1000 + random.nextBelow(1000000), 1.0);  // light: about 0.2 each
    if (i % 10 == 0) h.add(7, 1.0);                // 20,000
    if (i % 20 == 0) h.add(8, 1.0);                // 10,000
  }
  const auto top = h.top(2);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].key, 7u);
  EXPECT_EQ(top[1].key, 8u);
  EXPECT_GE(top[0].weight, 20000);
  EXPECT_LE(top[0].weight, 20000 + top[0].error);
}

}  // namespace
}  // namespace kvlab::sim
