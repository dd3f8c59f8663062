#include "simulator/engines/dynamodb/capacity_owner.h"

#include <gtest/gtest.h>

namespace kvlab::sim {
namespace {

CapacityOwner::Config table(double read, double write) {
  CapacityOwner::Config c;
  c.name = "table";
  c.readCapacityUnits = read;
  c.writeCapacityUnits = write;
  return c;
}

DynamoDbOptions provisionedOptions() {
  DynamoDbOptions o;
  o.mode = CapacityMode::Provisioned;
  return o;
}

// Reference vector 17 (§4.2).
TEST(CapacityOwner, shouldStartWithThePartitionsOfTheThroughputFormula) {
  const DynamoDbOptions o = provisionedOptions();
  EXPECT_EQ(CapacityOwner(table(1000, 500), o).partitionCount(), 1);
  EXPECT_EQ(CapacityOwner(table(1000, 1000), o).partitionCount(), 2);
  EXPECT_EQ(CapacityOwner(table(5000, 2000), o).partitionCount(), 4);
  CapacityOwner::Config big = table(10, 10);
  big.storedBytes = static_cast<std::int64_t>(25) * 1024 * 1024 * 1024;  // 25 GB: 3 partitions
  EXPECT_EQ(CapacityOwner(big, o).partitionCount(), 3);
  DynamoDbOptions onDemand;  // a new on-demand table: 12,000 / 3,000 + 4,000 / 1,000
  EXPECT_EQ(CapacityOwner(table(0, 0), onDemand).partitionCount(), 8);
}

// Writes `units` on partition `p` one unit at a time while there is capacity; returns how many
// were served.
int writeWhileAdmitted(CapacityOwner& owner, int p, int units) {
  int served = 0;
  for (int i = 0; i < units; ++i) {
    if (owner.checkWrite(p) != ThroughputLimit::None) break;
    owner.consume(p, static_cast<std::uint64_t>(i), 0, 1);
    ++served;
  }
  return served;
}

// Reference vector 18 (§4.4): 400 WCU over 4 partitions, traffic 50/50/50/150: the hot partition
// is boosted to 150 with no throttling.
TEST(CapacityOwner, shouldBoostAHotPartitionWithinTheTablesCapacity) {
  DynamoDbOptions o = provisionedOptions();
  o.initialPartitions = 4;
  o.burst = false;
  CapacityOwner owner(table(400, 400), o);
  for (int second = 1; second <= 5; ++second) {
    EXPECT_EQ(writeWhileAdmitted(owner, 0, 50), 50);
    EXPECT_EQ(writeWhileAdmitted(owner, 1, 50), 50);
    EXPECT_EQ(writeWhileAdmitted(owner, 2, 50), 50);
    EXPECT_EQ(writeWhileAdmitted(owner, 3, 150), 150);
    owner.onSecond(second);
  }
  // Without adaptive capacity each partition has its 100.
  o.adaptiveCapacity = false;
  CapacityOwner even(table(400, 400), o);
  EXPECT_EQ(writeWhileAdmitted(even, 3, 150), 100);
}

// Reference vector 19 (§4.3): 150 RCU idle for 5 minutes bank 45,000 units, which last
// 45,000 / (200 - 150) = 900 s at 200 reads a second.
TEST(CapacityOwner, shouldSpendTheBurstBankOverNineHundredSeconds) {
  CapacityOwner owner(table(150, 10), provisionedOptions());
  std::int64_t second = 0;
  for (; second < 300; ++second) owner.onSecond(second + 1);
  int lasted = 0;
  for (int s = 0; s < 1000; ++s) {
    int served = 0;
    for (int i = 0; i < 200; ++i) {
      if (owner.checkRead(0) != ThroughputLimit::None) break;
      owner.consume(0, 1, 1, 0);
      ++served;
    }
    owner.onSecond(++second);
    if (served < 200) break;
    ++lasted;
  }
  EXPECT_NEAR(lasted, 900, 1);
}

// Reference vector 20 (§4.5): on demand serves up to twice the previous peak at once.
TEST(CapacityOwner, shouldServeTwiceThePreviousPeakOnDemand) {
  DynamoDbOptions o;
  o.partitionReadUnits = 1e9;  // only the table's limit here
  CapacityOwner owner(table(0, 0), o);
  auto readWhileAdmitted = [&](double chunk, int chunks) {
    double served = 0;
    for (int i = 0; i < chunks; ++i) {
      if (owner.checkRead(0) != ThroughputLimit::None) break;
      owner.consume(0, 1, chunk, 0);
      served += chunk;
    }
    return served;
  };
  EXPECT_EQ(readWhileAdmitted(1000, 100), 12000);  // a new table: 12,000
  owner.onSecond(1);
  EXPECT_EQ(readWhileAdmitted(1000, 100), 24000);  // twice the peak of 12,000
  owner.onSecond(2);
  EXPECT_EQ(readWhileAdmitted(1000, 100), 48000);
  owner.onSecond(3);
  EXPECT_EQ(readWhileAdmitted(1000, 50), 50000);  // a peak of 50,000 ...
  owner.onSecond(4);
  EXPECT_EQ(readWhileAdmitted(1000, 200), 100000);  // ... allows 100,000
  EXPECT_EQ(owner.checkRead(0), ThroughputLimit::Warm);
}

}  // namespace
}  // namespace kvlab::sim
