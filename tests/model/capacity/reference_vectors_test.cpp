// The test vectors of ../shared/reference/dynamodb-rules.md §7 that concern sizes, units and
// prices (1-16 and 22), one test each, in the reference's order. 17-21 are partition and
// simulator matters and are tested with the simulator.

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "model/capacity/attribute_value.h"
#include "model/capacity/capacity_planning.h"
#include "model/capacity/cost.h"
#include "model/capacity/index_write.h"
#include "model/capacity/item_size.h"
#include "model/capacity/price_sheet.h"
#include "model/capacity/read_units.h"
#include "model/capacity/storage.h"
#include "model/capacity/write_charge.h"
#include "model/capacity/write_units.h"
#include "tests/support/test_files.h"

namespace kvlab::model::capacity {
namespace {

constexpr std::int64_t kKB = 1024;
constexpr double kCent = 1e-9;  // dollar amounts compared to well below a cent

PriceSheet usEast1Sheet() {
  PriceSheetLoad load =
      PriceSheet::load(test::sourceDir() / "data" / "prices" / "us-east-1-2024-11.json");
  EXPECT_TRUE(load.ok()) << (load.errors.empty() ? "" : load.errors.front().message());
  return load.sheet.value_or(PriceSheet{});
}

// §7.1
TEST(ItemSize, theShirtItemOfTheDeveloperGuideIsTwentyThreeBytes) {
  const Item item{{"shirt-color", AttributeValue::string("R")},
                  {"shirt-size", AttributeValue::string("M")}};
  auto size = itemSize(item);
  ASSERT_TRUE(size.ok()) << size.error().message;
  EXPECT_EQ(size.value(), 23);
}

// §7.2
TEST(ReadUnits, aThreeAndAHalfKilobyteItemRoundsToOneBlockForEveryReadType) {
  EXPECT_EQ(getItemReadUnits(3500, Consistency::Strong), 1.0);
  EXPECT_EQ(getItemReadUnits(3500, Consistency::Eventual), 0.5);
  const std::vector<std::int64_t> one{3500};
  auto transactional = transactGetItemsReadUnits(one);
  ASSERT_TRUE(transactional.ok());
  EXPECT_EQ(transactional.value(), 2.0);
}

// §7.3
TEST(ReadUnits, aTenKilobyteItemCostsThreeStrongOrOneAndAHalfEventualUnits) {
  EXPECT_EQ(getItemReadUnits(10 * kKB, Consistency::Strong), 3.0);
  EXPECT_EQ(getItemReadUnits(10 * kKB, Consistency::Eventual), 1.5);
}

// §7.4
TEST(Units, anEightKilobyteReadAndTwoAndThreeKilobyteWritesMatchThePricingPages) {
  EXPECT_EQ(getItemReadUnits(8 * kKB, Consistency::Strong), 2.0);
  EXPECT_EQ(getItemReadUnits(8 * kKB, Consistency::Eventual), 1.0);
  EXPECT_EQ(itemReadUnits(8 * kKB, ReadType::Transactional), 4.0);

  EXPECT_EQ(putItemWriteUnits(2 * kKB), 2);
  EXPECT_EQ(itemWriteUnits(2 * kKB, WriteType::Transactional), 4);
  EXPECT_EQ(putItemWriteUnits(3 * kKB), 3);
  const std::vector<ItemWrite> threeKilobytes{ItemWrite::put(3 * kKB)};
  auto transactional = transactWriteItemsWriteUnits(threeKilobytes);
  ASSERT_TRUE(transactional.ok());
  EXPECT_EQ(transactional.value(), 6);
}

// §7.5
TEST(ReadUnits, getItemOfAMissingItemStillCostsTheMinimum) {
  EXPECT_EQ(getItemReadUnits(0, Consistency::Strong), 1.0);
  EXPECT_EQ(getItemReadUnits(0, Consistency::Eventual), 0.5);
}

// §7.6
TEST(ReadUnits, batchGetItemRoundsEachItemSoOneAndAHalfPlusSixAndAHalfKilobytesCostThree) {
  const std::vector<std::int64_t> items{1536, 6656};
  auto units = batchGetItemReadUnits(items, Consistency::Strong);
  ASSERT_TRUE(units.ok());
  EXPECT_EQ(units.value(), 3.0);  // 4 KB + 8 KB, not ceil(8 KB / 4 KB) = 2
}

// §7.7
TEST(ReadUnits, aQueryOfTenItemsTotallingFortyPointEightKilobytesRoundsOnceToElevenUnits) {
  const std::vector<std::int64_t> items(10, 4178);  // 41,780 bytes = 40.8 KB
  const QueryCharge strong = queryReadUnits(items, Consistency::Strong);
  EXPECT_EQ(strong.units, 11.0);  // 44 KB; rounding each item would give 20
  EXPECT_EQ(strong.bytesRead, 41780);
  EXPECT_EQ(queryReadUnits(items, Consistency::Eventual).units, 5.5);
}

// §7.8
TEST(ReadUnits, aQueryOfFifteenHundredSixtyFourByteItemsCostsTwentyFourStrongUnits) {
  const std::vector<std::int64_t> items(1500, 64);  // 96,000 bytes
  const QueryCharge strong = queryReadUnits(items, Consistency::Strong);
  EXPECT_EQ(strong.units, 24.0);
  EXPECT_EQ(strong.pages, 1);
  EXPECT_EQ(queryReadUnits(items, Consistency::Eventual).units, 12.0);
  EXPECT_EQ(estimatedQueryReadUnits(1500, 64, Consistency::Strong).units, 24.0);
}

// §7.9
TEST(ReadUnits, eventuallyConsistentReadsTotallingEightyKilobytesCostTenUnits) {
  const std::vector<std::int64_t> items(20, 4 * kKB);  // 80 KB
  EXPECT_EQ(queryReadUnits(items, Consistency::Eventual).units, 10.0);
}

// §7.10
TEST(WriteUnits, batchWriteOfFiveHundredBytesAndThreeAndAHalfKilobytesCostsFiveNotFour) {
  const std::vector<ItemWrite> writes{ItemWrite::put(500), ItemWrite::put(3584)};
  auto units = batchWriteItemWriteUnits(writes);
  ASSERT_TRUE(units.ok());
  EXPECT_EQ(units.value(), 5);
}

// §7.11
TEST(WriteUnits, puttingOrDeletingAOnePointSixKilobyteItemCostsTwoUnits) {
  const std::int64_t size = 1639;  // 1.6 KB = 1,638.4 bytes
  EXPECT_EQ(putItemWriteUnits(size), 2);
  EXPECT_EQ(deleteItemWriteUnits(size), 2);
}

// §7.12, under the rule chosen in write_units.h (the existing item's size; see also
// write_units_test.cpp for the cases where DG-2023 would differ).
TEST(WriteUnits, aFailedConditionalWriteCostsOneForOneKilobyteTwoForTwiceThatAndOneForANewItem) {
  EXPECT_EQ(failedConditionalWriteUnits(WriteOperation::Put, 1 * kKB, 1 * kKB), 1);
  EXPECT_EQ(failedConditionalWriteUnits(WriteOperation::Put, 2 * kKB, 2 * kKB), 2);
  EXPECT_EQ(failedConditionalWriteUnits(WriteOperation::Put, 0, 1 * kKB), 1);
}

// §7.13
TEST(CapacityPlanning, eightyThreeKilobyteReadsAndAHundredSmallWritesAndASixUnitTableAddUp) {
  EXPECT_EQ(requiredReadCapacity(80, 3 * kKB, ReadType::Strong), 80.0);
  EXPECT_EQ(requiredWriteCapacity(100, 512, WriteType::Standard), 100.0);

  EXPECT_EQ(readBytesPerSecond(6, ReadType::Strong), 24.0 * kKB);
  EXPECT_EQ(readBytesPerSecond(6, ReadType::Eventual), 48.0 * kKB);
  EXPECT_EQ(readBytesPerSecond(6, ReadType::Transactional), 12.0 * kKB);
  EXPECT_EQ(writeBytesPerSecond(6, WriteType::Standard), 6.0 * kKB);
  EXPECT_EQ(writeBytesPerSecond(6, WriteType::Transactional), 3.0 * kKB);
}

// §7.14
TEST(Transactions, threeFiveHundredByteItemsCostSixUnitsToWriteOrReadAndSixMoreReadsWithDax) {
  const std::vector<ItemWrite> writes(3, ItemWrite::put(500));
  auto writeUnits = transactWriteItemsWriteUnits(writes);
  ASSERT_TRUE(writeUnits.ok());
  EXPECT_EQ(writeUnits.value(), 6);

  const std::vector<std::int64_t> items(3, 500);
  auto readUnits = transactGetItemsReadUnits(items);
  ASSERT_TRUE(readUnits.ok());
  EXPECT_EQ(readUnits.value(), 6.0);

  auto daxReads = daxTransactWriteReadUnits(items);
  ASSERT_TRUE(daxReads.ok());
  EXPECT_EQ(daxReads.value(), 6.0);
}

// §7.15
TEST(ReadUnits, aGlobalIndexQueryOfEightTwoThousandByteEntriesCostsTwoUnits) {
  const std::vector<std::int64_t> entries(8, 2000);  // 16,000 bytes -> 16 KB
  auto charge = globalIndexQueryReadUnits(entries, Consistency::Eventual);
  ASSERT_TRUE(charge.ok());
  EXPECT_EQ(charge.value().units, 2.0);
}

// §7.16
TEST(ReadUnits, aLocalIndexQueryFetchingFourItemsCostsFiveStrongOrTwoAndAHalfEventualUnits) {
  const std::vector<std::int64_t> entries(4, 200);  // 800 bytes -> 4 KB
  const std::vector<std::int64_t> fetched(4, 300);  // 4 x 4 KB
  EXPECT_EQ(localIndexQueryReadUnits(entries, fetched, Consistency::Strong).units, 5.0);
  EXPECT_EQ(localIndexQueryReadUnits(entries, fetched, Consistency::Eventual).units, 2.5);
}

// §7.22, requests.
TEST(Cost, aMillionReadsCostAnEighthOfADollarStrongAndHalfThatEventual) {
  const PriceSheet sheet = usEast1Sheet();
  const double strong = 1'000'000 * getItemReadUnits(4 * kKB, Consistency::Strong);
  const double eventual = 1'000'000 * getItemReadUnits(4 * kKB, Consistency::Eventual);
  EXPECT_NEAR(onDemandReadCost(sheet, strong), 0.125, kCent);
  EXPECT_NEAR(onDemandReadCost(sheet, eventual), 0.0625, kCent);
}

// §7.22, requests.
TEST(Cost, aMillionOneKilobyteWritesCostSixtyTwoAndAHalfCentsOrDoubleInTransactions) {
  const PriceSheet sheet = usEast1Sheet();
  const double standard = 1'000'000 * static_cast<double>(putItemWriteUnits(1 * kKB));
  const double transactional =
      1'000'000 * static_cast<double>(itemWriteUnits(1 * kKB, WriteType::Transactional));
  EXPECT_NEAR(onDemandWriteCost(sheet, standard), 0.625, kCent);
  EXPECT_NEAR(onDemandWriteCost(sheet, transactional), 1.25, kCent);
}

// §7.22, provisioned.
TEST(Cost, aHundredWriteAndAHundredReadUnitsFor730HoursCostFiftySixNinetyFour) {
  const ProvisionedCost cost = provisionedMonthlyCost(usEast1Sheet(), 100, 100);
  EXPECT_NEAR(cost.write, 47.45, kCent);
  EXPECT_NEAR(cost.read, 9.49, kCent);
  EXPECT_NEAR(cost.total(), 56.94, kCent);
}

// §7.22, storage.
TEST(Cost, aMillionThousandByteItemsStoreForTwentySevenAndAHalfCentsInDecimalGigabytes) {
  const std::int64_t stored = storedTableBytes(1'000'000, 1000);
  EXPECT_EQ(stored, 1'100'000'000);
  EXPECT_NEAR(storageMonthlyCost(usEast1Sheet(), stored), 0.275, kCent);
  // The binary reading (1.1e9 / 2^30 GiB) would give $0.256; this tool bills decimal GB.
}

// §7.22, index writes.
TEST(IndexWrites, aOnePointFiveKilobyteInsertCostsFourUnitsWithAnAllProjectionGlobalIndex) {
  // An item of exactly 1,536 bytes that has the GSI's key attributes.
  Item item{{"PK", AttributeValue::string("CUSTOMER#1")},
            {"SK", AttributeValue::string("ORDER#1")},
            {"GSI1PK", AttributeValue::string("STATUS#open")},
            {"data", AttributeValue::string("")}};
  const std::int64_t withoutData = itemSize(item).value();
  item[3].value = AttributeValue::string(std::string(1536 - withoutData, 'x'));
  ASSERT_EQ(itemSize(item).value(), 1536);

  const IndexShape gsi{"GSI1", IndexKind::Global, {"PK", "SK"}, {"GSI1PK"}, Projection::All, {}};
  auto gsiWrite = indexWriteFor(std::nullopt, item, gsi);
  ASSERT_TRUE(gsiWrite.ok());
  EXPECT_EQ(gsiWrite.value().change, IndexChange::Insert);

  const WriteCharge charge =
      chargeWrite(ItemWrite::put(1536), WriteType::Standard, {gsiWrite.value()});
  EXPECT_EQ(charge.tableUnits(), 2);
  EXPECT_EQ(charge.globalIndexUnits("GSI1"), 2);
  EXPECT_EQ(charge.totalUnits(), 4);
}

// §7.22, index writes.
TEST(IndexWrites, anUpdateChangingTheIndexKeyOfAPointFourKilobyteEntryAddsTwoUnits) {
  const IndexShape gsi{"GSI1",     IndexKind::Global,    {"PK", "SK"},
                       {"GSI1PK"}, Projection::KeysOnly, {}};
  const IndexWrite write = indexWrite(gsi, IndexChange::KeyChange, 410, 410);  // 0.4 KB entries
  EXPECT_EQ(write.writes, 2);
  EXPECT_EQ(write.units, 2);

  const WriteCharge charge =
      chargeWrite(ItemWrite::update(1536, 2600), WriteType::Standard, {write});
  EXPECT_EQ(charge.tableUnits(), 3);  // max(before, after) = 2,600 bytes
  EXPECT_EQ(charge.globalIndexUnits(), 2);
  EXPECT_EQ(charge.totalUnits(), 5);
}

}  // namespace
}  // namespace kvlab::model::capacity
