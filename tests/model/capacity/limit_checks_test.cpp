#include "model/capacity/limit_checks.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "model/capacity/read_units.h"
#include "model/capacity/write_units.h"

namespace kvlab::model::capacity {
namespace {

using ::testing::HasSubstr;

constexpr std::int64_t kKB = 1024;
constexpr std::int64_t kMB = 1024 * kKB;

TEST(ItemSizeLimit, anItemOfExactlyFourHundredKilobytesIsAllowed) {
  EXPECT_FALSE(checkItemSize(409'600).has_value());
}

TEST(ItemSizeLimit, oneByteOverFourHundredKilobytesIsRejected) {
  auto error = checkItemSize(409'601);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->code, ErrorCode::ItemTooLarge);
  EXPECT_THAT(error->message, HasSubstr("409601"));
  EXPECT_THAT(error->message, HasSubstr("409600"));
}

TEST(ItemSizeLimit, anItemAndItsLocalIndexEntriesMustFitTogether) {
  const std::vector<std::int64_t> fits{4'800, 4'800};
  EXPECT_FALSE(checkItemSizeWithLocalIndexes(400'000, fits).has_value());
  const std::vector<std::int64_t> tooMuch{4'800, 4'801};
  auto error = checkItemSizeWithLocalIndexes(400'000, tooMuch);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->code, ErrorCode::ItemTooLarge);
}

TEST(KeyLimits, aPartitionKeyValueTakesOneTo2048Bytes) {
  EXPECT_FALSE(checkPartitionKeyValue(1).has_value());
  EXPECT_FALSE(checkPartitionKeyValue(2048).has_value());
  auto tooLong = checkPartitionKeyValue(2049, "PK");
  ASSERT_TRUE(tooLong.has_value());
  EXPECT_EQ(tooLong->code, ErrorCode::InvalidKeyValue);
  EXPECT_THAT(tooLong->message, HasSubstr("PK"));
  EXPECT_THAT(tooLong->message, HasSubstr("2048"));
  EXPECT_TRUE(checkPartitionKeyValue(0).has_value());
}

TEST(KeyLimits, aSortKeyValueTakesOneTo1024Bytes) {
  EXPECT_FALSE(checkSortKeyValue(1024).has_value());
  auto tooLong = checkSortKeyValue(1025, "SK");
  ASSERT_TRUE(tooLong.has_value());
  EXPECT_EQ(tooLong->code, ErrorCode::InvalidKeyValue);
  EXPECT_THAT(tooLong->message, HasSubstr("SK"));
  EXPECT_TRUE(checkSortKeyValue(0).has_value());
}

TEST(BatchLimits, batchGetItemTakesAHundredKeysButNotAHundredAndOne) {
  const std::vector<std::int64_t> hundred(100, 100);
  EXPECT_TRUE(batchGetItemReadUnits(hundred, Consistency::Strong).ok());
  const std::vector<std::int64_t> hundredAndOne(101, 100);
  auto units = batchGetItemReadUnits(hundredAndOne, Consistency::Strong);
  ASSERT_FALSE(units.ok());
  EXPECT_EQ(units.error().code, ErrorCode::TooManyItems);
  EXPECT_THAT(units.error().message, HasSubstr("101"));
}

TEST(BatchLimits, batchGetItemReturnsAtMostSixteenMegabytes) {
  const std::vector<std::int64_t> large(41, 400 * kKB);  // 16.02 MB
  auto units = batchGetItemReadUnits(large, Consistency::Eventual);
  ASSERT_FALSE(units.ok());
  EXPECT_EQ(units.error().code, ErrorCode::RequestTooLarge);
  EXPECT_FALSE(checkBatchGetItem(100, 16 * kMB).has_value());
}

TEST(BatchLimits, batchWriteItemTakesTwentyFiveRequestsButNotTwentySix) {
  const std::vector<ItemWrite> twentyFive(25, ItemWrite::put(100));
  EXPECT_EQ(batchWriteItemWriteUnits(twentyFive).value(), 25);
  const std::vector<ItemWrite> twentySix(26, ItemWrite::put(100));
  auto units = batchWriteItemWriteUnits(twentySix);
  ASSERT_FALSE(units.ok());
  EXPECT_EQ(units.error().code, ErrorCode::TooManyItems);
}

TEST(BatchLimits, batchWriteItemCarriesAtMostSixteenMegabytes) {
  auto error = checkBatchWriteItem(25, 16 * kMB + 1);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->code, ErrorCode::RequestTooLarge);
  EXPECT_THAT(error->message, HasSubstr("16 MB"));
}

TEST(TransactionLimits, aTransactionTakesAHundredActionsButNotAHundredAndOne) {
  const std::vector<ItemWrite> hundred(100, ItemWrite::put(100));
  EXPECT_EQ(transactWriteItemsWriteUnits(hundred).value(), 200);
  const std::vector<ItemWrite> hundredAndOne(101, ItemWrite::put(100));
  auto writes = transactWriteItemsWriteUnits(hundredAndOne);
  ASSERT_FALSE(writes.ok());
  EXPECT_EQ(writes.error().code, ErrorCode::TooManyItems);

  const std::vector<std::int64_t> readHundredAndOne(101, 100);
  auto reads = transactGetItemsReadUnits(readHundredAndOne);
  ASSERT_FALSE(reads.ok());
  EXPECT_EQ(reads.error().code, ErrorCode::TooManyItems);
}

TEST(TransactionLimits, aTransactionsItemsTotalAtMostFourMegabytes) {
  const std::vector<ItemWrite> elevenLargeItems(11, ItemWrite::put(400 * kKB));  // 4.3 MB
  auto writes = transactWriteItemsWriteUnits(elevenLargeItems);
  ASSERT_FALSE(writes.ok());
  EXPECT_EQ(writes.error().code, ErrorCode::RequestTooLarge);
  EXPECT_THAT(writes.error().message, HasSubstr("4 MB"));

  const std::vector<std::int64_t> tenLargeItems(10, 400 * kKB);  // 3.9 MB
  EXPECT_TRUE(transactGetItemsReadUnits(tenLargeItems).ok());
}

}  // namespace
}  // namespace kvlab::model::capacity
