#include "simulator/workload/ycsb_key_name.h"

#include <gtest/gtest.h>

namespace kvlab::sim {
namespace {

TEST(YcsbKeyName, shouldPrefixUserToTheHashedKeyNumber) {
  EXPECT_EQ(ycsbKeyName(144), "user1573987489603120213");
  EXPECT_EQ(ycsbKeyName(801320), "user2933389304617401955");
}

TEST(YcsbKeyName, shouldUseTheKeyNumberItselfForOrderedInserts) {
  EXPECT_EQ(ycsbKeyName(42, false), "user42");
}

TEST(YcsbKeyName, shouldPadWithZerosOnlyWhenThePaddingExceedsTheDigitCount) {
  EXPECT_EQ(ycsbKeyName(42, false, 5), "user00042");
  EXPECT_EQ(ycsbKeyName(123456, false, 5), "user123456");
  EXPECT_EQ(ycsbKeyName(144, true, 1), "user1573987489603120213");
}

}  // namespace
}  // namespace kvlab::sim
