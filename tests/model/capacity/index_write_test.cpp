#include "model/capacity/index_write.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace kvlab::model::capacity {
namespace {

AttributeValue s(std::string text) { return AttributeValue::string(std::move(text)); }

const IndexShape kStatusIndex{"ByStatus",         IndexKind::Global,   {"PK", "SK"},
                              {"status", "date"}, Projection::Include, {"total"}};

Item order(std::string status, std::string total, std::string note = "") {
  Item item{{"PK", s("CUSTOMER#1")},
            {"SK", s("ORDER#7")},
            {"date", s("2024-11-01")},
            {"total", AttributeValue::number(std::move(total))},
            {"note", s(std::move(note))}};
  if (!status.empty()) item.push_back({"status", s(std::move(status))});
  return item;
}

IndexChange changeOf(const std::optional<Item>& before, const std::optional<Item>& after) {
  auto write = indexWriteFor(before, after, kStatusIndex);
  EXPECT_TRUE(write.ok());
  return write.ok() ? write.value().change : IndexChange::None;
}

TEST(IndexEntry, anIncludeProjectionHoldsBothKeysAndTheIncludedAttributes) {
  const std::optional<Item> entry = indexEntry(order("open", "12"), kStatusIndex);
  ASSERT_TRUE(entry.has_value());
  std::vector<std::string> names;
  for (const Attribute& attribute : *entry) names.push_back(attribute.name);
  EXPECT_EQ(names, (std::vector<std::string>{"PK", "SK", "date", "total", "status"}));
}

TEST(IndexEntry, aKeysOnlyProjectionHoldsOnlyTheKeys) {
  IndexShape keysOnly = kStatusIndex;
  keysOnly.projection = Projection::KeysOnly;
  const std::optional<Item> entry = indexEntry(order("open", "12"), keysOnly);
  ASSERT_TRUE(entry.has_value());
  EXPECT_EQ(entry->size(), 4u);
  EXPECT_EQ(findAttribute(*entry, "total"), nullptr);
}

TEST(IndexEntry, anItemWithoutAnIndexKeyAttributeIsNotInTheIndex) {
  EXPECT_FALSE(indexEntry(order("", "12"), kStatusIndex).has_value());
}

TEST(IndexWrites, aNewItemWithTheIndexKeyIsOnePut) {
  EXPECT_EQ(changeOf(std::nullopt, order("open", "12")), IndexChange::Insert);
  EXPECT_EQ(changeOf(order("", "12"), order("open", "12")), IndexChange::Insert);
  EXPECT_EQ(indexWriteCount(IndexChange::Insert), 1);
}

TEST(IndexWrites, changingAnIndexKeyValueIsADeleteAndAPut) {
  EXPECT_EQ(changeOf(order("open", "12"), order("shipped", "12")), IndexChange::KeyChange);
  EXPECT_EQ(indexWriteCount(IndexChange::KeyChange), 2);
}

TEST(IndexWrites, removingTheIndexedAttributeOrTheItemIsOneDelete) {
  EXPECT_EQ(changeOf(order("open", "12"), order("", "12")), IndexChange::Removal);
  EXPECT_EQ(changeOf(order("open", "12"), std::nullopt), IndexChange::Removal);
  EXPECT_EQ(indexWriteCount(IndexChange::Removal), 1);
}

TEST(IndexWrites, anItemOutsideASparseIndexBeforeAndAfterWritesNothing) {
  auto write = indexWriteFor(order("", "12"), order("", "99"), kStatusIndex);
  ASSERT_TRUE(write.ok());
  EXPECT_EQ(write.value().change, IndexChange::None);
  EXPECT_EQ(write.value().writes, 0);
  EXPECT_EQ(write.value().units, 0);
}

TEST(IndexWrites, changingOnlyAProjectedNonKeyAttributeIsOnePut) {
  EXPECT_EQ(changeOf(order("open", "12"), order("open", "13")), IndexChange::ProjectedChange);
  EXPECT_EQ(indexWriteCount(IndexChange::ProjectedChange), 1);
}

TEST(IndexWrites, changingAnAttributeTheIndexDoesNotProjectWritesNothing) {
  EXPECT_EQ(changeOf(order("open", "12", "a"), order("open", "12", "b")), IndexChange::None);
}

TEST(IndexWrites, eachWriteIsSizedByItsOwnEntryRoundedUpToOneKilobyte) {
  EXPECT_EQ(indexWriteUnits(IndexChange::Insert, 0, 1500), 2);
  EXPECT_EQ(indexWriteUnits(IndexChange::Removal, 1500, 0), 2);
  EXPECT_EQ(indexWriteUnits(IndexChange::KeyChange, 1500, 400), 2 + 1);
  EXPECT_EQ(indexWriteUnits(IndexChange::ProjectedChange, 900, 1100), 2);
  EXPECT_EQ(indexWriteUnits(IndexChange::None, 900, 900), 0);
}

TEST(IndexWrites, theUnitsFollowTheEntryNotTheWholeItem) {
  // A large note that the index does not project does not make its writes larger.
  auto write =
      indexWriteFor(std::nullopt, order("open", "12", std::string(5000, 'x')), kStatusIndex);
  ASSERT_TRUE(write.ok());
  EXPECT_EQ(write.value().units, 1);
  EXPECT_EQ(write.value().index, "ByStatus");
}

TEST(IndexWrites, shouldFailOnAnInvalidValueInTheEntry) {
  auto write = indexWriteFor(std::nullopt, order("open", "twelve"), kStatusIndex);
  ASSERT_FALSE(write.ok());
  EXPECT_EQ(write.error().path, "total");
}

TEST(IndexEntrySize, anEstimateSumsTheProjectedDeclaredAttributes) {
  const std::vector<AttributeEstimate> attributes{
      {"PK", ValueType::S, 10},   {"SK", ValueType::S, 10},   {"status", ValueType::S, 6},
      {"date", ValueType::S, 10}, {"total", ValueType::N, 4}, {"note", ValueType::S, 500}};
  // PK 12 + SK 12 + status 12 + date 14 + total 9; the note is not projected.
  EXPECT_EQ(estimatedIndexEntrySize(attributes, kStatusIndex), 59);
  const std::vector<AttributeEstimate> withoutStatus{{"PK", ValueType::S, 10},
                                                     {"date", ValueType::S, 10}};
  EXPECT_FALSE(estimatedIndexEntrySize(withoutStatus, kStatusIndex).has_value());
}

}  // namespace
}  // namespace kvlab::model::capacity
