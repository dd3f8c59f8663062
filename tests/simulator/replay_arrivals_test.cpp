#include "simulator/backends/replay_arrivals.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kvlab::sim {
namespace {

std::vector<ReplayPattern> mixOf(double getRate, double putRate) {
  KeyDistribution zipfian;
  zipfian.kind = "zipfian";
  zipfian.theta = 0.99;
  return {ReplayPattern{"GET", getRate, zipfian, 1000}, ReplayPattern{"PUT", putRate, {}, 50}};
}

std::int64_t countOf(const ReplayArrivals& drawn, std::uint32_t pattern) {
  return std::count_if(drawn.arrivals.begin(), drawn.arrivals.end(),
                       [&](const ReplayArrival& a) { return a.pattern == pattern; });
}

TEST(ReplayArrivals, shouldDrawEveryPatternAtItsRateInTimeOrderWithKeysInRange) {
  const ReplayArrivals drawn = openLoopArrivals(mixOf(900, 100), 7, 10, 1'000'000);
  EXPECT_FALSE(drawn.capped);
  EXPECT_NEAR(static_cast<double>(countOf(drawn, 0)), 9000, 300);
  EXPECT_NEAR(static_cast<double>(countOf(drawn, 1)), 1000, 100);
  EXPECT_TRUE(std::is_sorted(
      drawn.arrivals.begin(), drawn.arrivals.end(),
      [](const ReplayArrival& a, const ReplayArrival& b) { return a.time < b.time; }));
  for (const ReplayArrival& a : drawn.arrivals) {
    EXPECT_GE(a.time, 0);
    EXPECT_LT(a.time, 10'000'000);
    EXPECT_LT(a.key, a.pattern == 0 ? 1000 : 50);
  }
}

// A cap of 1,000 on a 90/10 mix keeps about 900 and 100: each pattern its share, not the first
// pattern's arrivals whole (a bug the three replays each had once).
TEST(ReplayArrivals, shouldCapEachPatternAtItsShareOfTheMix) {
  const ReplayArrivals drawn = openLoopArrivals(mixOf(900, 100), 7, 10, 1000);
  EXPECT_TRUE(drawn.capped);
  EXPECT_EQ(countOf(drawn, 0), 900);
  EXPECT_EQ(countOf(drawn, 1), 100);
}

// The same seed gives the same requests; a pattern's draws do not depend on the other patterns.
TEST(ReplayArrivals, shouldDrawTheSameRequestsForTheSameSeed) {
  const ReplayArrivals a = openLoopArrivals(mixOf(900, 100), 3, 5, 1'000'000);
  const ReplayArrivals b = openLoopArrivals(mixOf(900, 100), 3, 5, 1'000'000);
  ASSERT_EQ(a.arrivals.size(), b.arrivals.size());
  for (std::size_t i = 0; i < a.arrivals.size(); ++i) {
    EXPECT_EQ(a.arrivals[i].time, b.arrivals[i].time);
    EXPECT_EQ(a.arrivals[i].key, b.arrivals[i].key);
  }
  const ReplayArrivals alone = openLoopArrivals({mixOf(900, 100)[1]}, 3, 5, 1'000'000);
  std::vector<ReplayArrival> puts;
  for (const ReplayArrival& r : a.arrivals)
    if (r.pattern == 1) puts.push_back(r);
  ASSERT_EQ(puts.size(), alone.arrivals.size());
  for (std::size_t i = 0; i < puts.size(); ++i) {
    EXPECT_EQ(puts[i].time, alone.arrivals[i].time);
    EXPECT_EQ(puts[i].key, alone.arrivals[i].key);
  }
}

}  // namespace
}  // namespace kvlab::sim
