#include "model/capacity/write_units.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace kvlab::model::capacity {
namespace {

constexpr std::int64_t kKB = 1024;

TEST(WriteUnits, aWriteOfExactlyOneKilobyteIsOneUnitAndOneByteMoreIsTwo) {
  EXPECT_EQ(writeBlocks(kKB), 1);
  EXPECT_EQ(writeBlocks(kKB + 1), 2);
  EXPECT_EQ(putItemWriteUnits(1), 1);
}

TEST(WriteUnits, aPutThatReplacesALargerItemIsChargedForTheLargerOne) {
  EXPECT_EQ(putItemWriteUnits(500, 5 * kKB), 5);
  EXPECT_EQ(putItemWriteUnits(5 * kKB, 500), 5);
}

TEST(WriteUnits, anUpdateIsChargedForTheLargerOfBeforeAndAfterEvenIfLittleChanges) {
  EXPECT_EQ(updateItemWriteUnits(3 * kKB, 1 * kKB), 3);
  EXPECT_EQ(updateItemWriteUnits(3 * kKB, 3 * kKB + 1), 4);
  EXPECT_EQ(updateItemWriteUnits(0, 200), 1);  // an update that creates the item
}

TEST(WriteUnits, deletingAMissingItemCostsOneUnit) { EXPECT_EQ(deleteItemWriteUnits(0), 1); }

TEST(WriteUnits, batchWriteItemChargesDeletesByTheDeletedItem) {
  const std::vector<ItemWrite> writes{ItemWrite::remove(2500), ItemWrite::put(100)};
  EXPECT_EQ(batchWriteItemWriteUnits(writes).value(), 3 + 1);
}

TEST(WriteUnits, aTransactionDoublesEachActionRoundedOnItsOwn) {
  const std::vector<ItemWrite> writes{ItemWrite::put(1500), ItemWrite::update(500, 700),
                                      ItemWrite::remove(0)};
  EXPECT_EQ(transactWriteItemsWriteUnits(writes).value(), 2 * 2 + 2 * 1 + 2 * 1);
}

// The rule chosen (AWS tooling, "empirically verified"): the existing item's size. Under DG-2023
// an existing item would be charged for the new item's size and a new item would cost 1.
TEST(FailedConditionalWrite, isChargedForTheExistingItemNotTheAttemptedOne) {
  EXPECT_EQ(failedConditionalWriteUnits(WriteOperation::Put, 1 * kKB, 3 * kKB), 1);
  EXPECT_EQ(failedConditionalWriteUnits(WriteOperation::Update, 3 * kKB, 1 * kKB), 3);
  EXPECT_EQ(failedConditionalWriteUnits(WriteOperation::Delete, 2 * kKB, 0), 2);
}

TEST(FailedConditionalWrite, aPutOnAMissingKeyIsChargedForTheNewItem) {
  EXPECT_EQ(failedConditionalWriteUnits(WriteOperation::Put, 0, 3 * kKB), 3);
}

TEST(FailedConditionalWrite, anUpdateOrDeleteOfAMissingItemCostsOneUnit) {
  EXPECT_EQ(failedConditionalWriteUnits(WriteOperation::Update, 0, 3 * kKB), 1);
  EXPECT_EQ(failedConditionalWriteUnits(WriteOperation::Delete, 0, 0), 1);
}

}  // namespace
}  // namespace kvlab::model::capacity
