#include "simulator/engines/dynamodb/partition_map.h"

#include <gtest/gtest.h>

#include <limits>

#include "simulator/workload/random.h"

namespace kvlab::sim {
namespace {

// The partition that holds a hash is the one whose [low, high] contains it, after any splits.
TEST(PartitionMap, shouldFindThePartitionWhoseRangeHoldsTheHash) {
  PartitionMap map(8, 0);
  Random random(5);
  for (int s = 0; s < 40; ++s) {
    const int index = static_cast<int>(random.nextBelow(static_cast<std::uint64_t>(map.size())));
    const Partition& p = map.at(index);
    if (p.holdsOneKey()) continue;
    map.split(index, p.low + 1 + random.nextBelow(p.high - p.low), s);
  }
  auto check = [&](std::uint64_t hash) {
    const int found = map.find(hash);
    ASSERT_GE(found, 0);
    ASSERT_LT(found, map.size());
    EXPECT_LE(map.at(found).low, hash);
    EXPECT_GE(map.at(found).high, hash);
  };
  check(0);
  check(std::numeric_limits<std::uint64_t>::max());
  for (int i = 0; i < map.size(); ++i) {
    check(map.at(i).low);
    check(map.at(i).high);
  }
  for (int i = 0; i < 10000; ++i) check(random.nextU64());
}

// Before any split the ranges are equal and find() divides: it must agree with the ranges at
// every edge, for counts that divide 2^64 - 1 and counts that do not.
TEST(PartitionMap, shouldFindThePartitionOfEqualRangesAtTheirEdges) {
  for (const int count : {2, 3, 7, 8, 60, 4096}) {
    const PartitionMap map(count, 0);
    for (int i = 0; i < map.size(); ++i) {
      const Partition& p = map.at(i);
      for (const std::uint64_t hash : {p.low, p.low + 1, p.high - 1, p.high}) {
        EXPECT_EQ(map.find(hash), i) << count << " partitions, hash " << hash;
      }
    }
    Random random(static_cast<std::uint64_t>(count));
    for (int n = 0; n < 1000; ++n) {
      const std::uint64_t hash = random.nextU64();
      const Partition& p = map.at(map.find(hash));
      EXPECT_LE(p.low, hash);
      EXPECT_GE(p.high, hash);
    }
  }
}

TEST(PartitionMap, shouldFindTheOnlyPartitionOfAMapOfOne) {
  PartitionMap map(1, 0);
  EXPECT_EQ(map.find(0), 0);
  EXPECT_EQ(map.find(std::numeric_limits<std::uint64_t>::max()), 0);
}

}  // namespace
}  // namespace kvlab::sim
