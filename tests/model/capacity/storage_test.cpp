#include "model/capacity/storage.h"

#include <gtest/gtest.h>

namespace kvlab::model::capacity {
namespace {

TEST(Storage, anItemIsStoredWithAHundredBytesOfOverhead) { EXPECT_EQ(storedItemBytes(1000), 1100); }

TEST(Storage, aGlobalTableAddsFortyEightBytesMorePerItem) {
  EXPECT_EQ(storedItemBytes(1000, Replication::GlobalTable), 1148);
}

TEST(Storage, anIndexEntryIsStoredWithAHundredBytesOfOverhead) {
  EXPECT_EQ(storedIndexEntryBytes(250), 350);
}

TEST(Storage, aTableOfItemsSumsTheirStoredSizes) {
  EXPECT_EQ(storedTableBytes(3, 1000), 3300);
  EXPECT_EQ(storedTableBytes(0, 1000), 0);
}

TEST(Storage, billedGigabytesAreDecimal) {
  EXPECT_DOUBLE_EQ(billedGigabytes(1'100'000'000), 1.1);
  EXPECT_DOUBLE_EQ(billedGigabytes(1'073'741'824), 1.073741824);
}

}  // namespace
}  // namespace kvlab::model::capacity
