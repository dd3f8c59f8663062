#include "simulator/workload/hotspot_generator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace kvlab::sim {
namespace {

TEST(HotspotGenerator, shouldGiveEachHotKeyFourAndEachColdKeyAQuarterOfTheUniformShare) {
  // workloads.md 2.4: with YCSB's defaults 0.2/0.8, 4.00/N and 0.25/N.
  const std::int64_t n = 1'000'000;
  const HotspotGenerator hotspot(0, n - 1);
  EXPECT_EQ(hotspot.hotInterval(), 200'000);
  EXPECT_EQ(hotspot.coldInterval(), 800'000);
  EXPECT_DOUBLE_EQ(hotspot.probability(0) * n, 4.0);
  EXPECT_DOUBLE_EQ(hotspot.probability(199'999) * n, 4.0);
  EXPECT_DOUBLE_EQ(hotspot.probability(200'000) * n, 0.25);
  EXPECT_DOUBLE_EQ(hotspot.probability(n - 1) * n, 0.25);
  EXPECT_EQ(hotspot.probability(n), 0.0);
}

TEST(HotspotGenerator, shouldTruncateTheHotSetSizeLikeYcsbsIntCast) {
  // (int)(10 * 0.25) = 2 hot keys.
  const HotspotGenerator hotspot(0, 9, 0.25, 0.5);
  EXPECT_EQ(hotspot.hotInterval(), 2);
  EXPECT_EQ(hotspot.coldInterval(), 8);
}

TEST(HotspotGenerator, shouldMapFixedUBelowTheHotOperationFractionToTheHotSet) {
  const HotspotGenerator hotspot(100, 199, 0.2, 0.8);  // hot 100..119, cold 120..199
  EXPECT_EQ(hotspot.valueAt(0.0), 100);
  EXPECT_EQ(hotspot.valueAt(0.4), 110);
  EXPECT_EQ(hotspot.valueAt(std::nextafter(0.8, 0.0)), 119);
  EXPECT_EQ(hotspot.valueAt(0.8), 120);
  EXPECT_EQ(hotspot.valueAt(0.9), 160);
  EXPECT_EQ(hotspot.valueAt(std::nextafter(1.0, 0.0)), 199);
}

TEST(HotspotGenerator, shouldSendTheHotOperationFractionToTheHotSetWithinFiveSigma) {
  const HotspotGenerator hotspot(0, 999);
  Random random(4);
  constexpr int kDraws = 200'000;
  int hot = 0;
  for (int i = 0; i < kDraws; ++i) hot += hotspot.next(random) < 200;
  EXPECT_NEAR(static_cast<double>(hot) / kDraws, 0.8, 5 * std::sqrt(0.8 * 0.2 / kDraws));
}

TEST(HotspotGenerator, shouldSendEverythingToTheHotSetWhenTheHotOperationFractionIsOne) {
  const HotspotGenerator hotspot(0, 99, 0.1, 1.0);
  EXPECT_EQ(hotspot.valueAt(std::nextafter(1.0, 0.0)), 9);
}

TEST(HotspotGenerator, shouldReportWhatYcsbWouldSilentlyCorrectOrCrashOn) {
  EXPECT_EQ(HotspotGenerator::check(0, 9, 0.2, 0.8), "");
  EXPECT_NE(HotspotGenerator::check(9, 0, 0.2, 0.8).find("lower bound"), std::string::npos);
  EXPECT_NE(HotspotGenerator::check(0, 9, 1.5, 0.8).find("hot set fraction"), std::string::npos);
  EXPECT_NE(HotspotGenerator::check(0, 9, 0.2, -0.1).find("hot operation fraction"),
            std::string::npos);
  // 4 keys x 0.2 = 0.8: YCSB would divide by zero on the first hot request.
  EXPECT_NE(HotspotGenerator::check(0, 3, 0.2, 0.8).find("hot set is empty"), std::string::npos);
  EXPECT_NE(HotspotGenerator::check(0, 3, 1.0, 0.8).find("cold set is empty"), std::string::npos);
  EXPECT_EQ(HotspotGenerator::check(0, 3, 1.0, 1.0), "");
  EXPECT_THROW(HotspotGenerator(0, 3, 0.2, 0.8), std::invalid_argument);
  EXPECT_EQ(HotspotGenerator(0, 9).kind(), "hotspot");
}

}  // namespace
}  // namespace kvlab::sim
