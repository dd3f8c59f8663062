#include "model/capacity/read_units.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace kvlab::model::capacity {
namespace {

constexpr std::int64_t kKB = 1024;
constexpr std::int64_t kMB = 1024 * kKB;

TEST(ReadUnits, aReadOfExactlyFourKilobytesIsOneBlockAndOneByteMoreIsTwo) {
  EXPECT_EQ(readBlocks(4 * kKB), 1);
  EXPECT_EQ(readBlocks(4 * kKB + 1), 2);
  EXPECT_EQ(readBlocks(0), 1);
}

TEST(ReadUnits, eachReadTypeHasItsMultiplier) {
  EXPECT_EQ(readUnitsPerBlock(ReadType::Eventual), 0.5);
  EXPECT_EQ(readUnitsPerBlock(ReadType::Strong), 1.0);
  EXPECT_EQ(readUnitsPerBlock(ReadType::Transactional), 2.0);
}

TEST(ReadUnits, batchGetItemChargesTheMinimumForAKeyThatFindsNothing) {
  const std::vector<std::int64_t> items{0, 100};
  EXPECT_EQ(batchGetItemReadUnits(items, Consistency::Eventual).value(), 1.0);
}

TEST(QueryUnits, anEmptyResultCostsOneBlockInOneCall) {
  const QueryCharge strong = queryReadUnits({}, Consistency::Strong);
  EXPECT_EQ(strong.units, 1.0);
  EXPECT_EQ(strong.pages, 1);
  EXPECT_EQ(strong.bytesRead, 0);
  EXPECT_EQ(queryReadUnits({}, Consistency::Eventual).units, 0.5);
  EXPECT_EQ(estimatedQueryReadUnits(0, 500, Consistency::Eventual).units, 0.5);
}

TEST(QueryUnits, twoMegabytesOfSmallItemsTakeTwoPagesOfOneMegabyte) {
  const std::vector<std::int64_t> items(2048, 1 * kKB);
  const QueryCharge charge = queryReadUnits(items, Consistency::Strong);
  EXPECT_EQ(charge.pages, 2);
  EXPECT_EQ(charge.units, 512.0);
  EXPECT_EQ(charge.bytesRead, 2 * kMB);
}

TEST(QueryUnits, aPageEndsWithTheItemThatReachesOneMegabyte) {
  const std::vector<std::int64_t> four(4, 300 * kKB);  // 1,200 KB in one page
  const QueryCharge one = queryReadUnits(four, Consistency::Strong);
  EXPECT_EQ(one.pages, 1);
  EXPECT_EQ(one.units, 300.0);
  const std::vector<std::int64_t> five(5, 300 * kKB);
  const QueryCharge two = queryReadUnits(five, Consistency::Strong);
  EXPECT_EQ(two.pages, 2);
  EXPECT_EQ(two.units, 300.0 + 75.0);
}

TEST(QueryUnits, eachPageIsRoundedOnItsOwn) {
  // Two pages of 1 MB + 100 bytes each: 257 blocks each, not ceil(2 MB + 200 B) = 513.
  const std::vector<std::int64_t> items{kMB + 100, kMB + 100};
  EXPECT_EQ(queryReadUnits(items, Consistency::Strong).units, 514.0);
}

TEST(QueryUnits, theEstimateFromAnAverageSizeMatchesTheSameItemsListed) {
  for (std::int64_t count : std::vector<std::int64_t>{1, 7, 1500, 4000, 10'000}) {
    for (std::int64_t size : std::vector<std::int64_t>{64, 1000, 4096, 300 * kKB}) {
      const std::vector<std::int64_t> items(static_cast<std::size_t>(count), size);
      const QueryCharge listed = queryReadUnits(items, Consistency::Strong);
      const QueryCharge estimated = estimatedQueryReadUnits(count, size, Consistency::Strong);
      EXPECT_EQ(estimated.units, listed.units) << count << " x " << size;
      EXPECT_EQ(estimated.pages, listed.pages) << count << " x " << size;
      EXPECT_EQ(estimated.bytesRead, listed.bytesRead) << count << " x " << size;
    }
  }
}

TEST(ScanUnits, aScanIsChargedForTheItemsItEvaluatesLikeAQuery) {
  const std::vector<std::int64_t> evaluated(100, 1000);  // 100,000 bytes whatever a filter keeps
  EXPECT_EQ(scanReadUnits(evaluated, Consistency::Strong).units, 25.0);
}

TEST(GlobalIndexReads, shouldRefuseAStronglyConsistentRead) {
  const std::vector<std::int64_t> entries{100};
  auto charge = globalIndexQueryReadUnits(entries, Consistency::Strong);
  ASSERT_FALSE(charge.ok());
  EXPECT_EQ(charge.error().code, ErrorCode::UnsupportedConsistency);
}

TEST(LocalIndexReads, withoutFetchesAnIndexQueryCostsWhatItsEntriesCost) {
  const std::vector<std::int64_t> entries(4, 200);
  EXPECT_EQ(localIndexQueryReadUnits(entries, {}, Consistency::Strong).units, 1.0);
}

}  // namespace
}  // namespace kvlab::model::capacity
