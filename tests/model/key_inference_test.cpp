// Key templates inferred from sample values.
#include <gtest/gtest.h>

#include "model/interop/key_inference.h"

namespace kvlab::model::interop {
namespace {

SampleColumns columnsOf(
    std::size_t items,
    std::vector<std::pair<std::string, std::vector<std::optional<std::string>>>> data) {
  SampleColumns columns;
  columns.itemCount = items;
  for (auto& [name, values] : data) columns.add(name, std::move(values));
  return columns;
}

std::string infer(const std::string& key, std::vector<std::optional<std::string>> values,
                  SampleColumns& columns, std::optional<std::string> alias = std::nullopt) {
  return inferKeyTemplate({"Order", key, std::move(alias), std::move(values)}, columns);
}

TEST(KeyInference, shouldComposeAGenericKeyFromAttributesAtWordBoundaries) {
  auto columns = columnsOf(
      2,
      {{"status", {"OPEN", "SHIPPED"}}, {"date", {"2024-01-01", "2024-02-03"}}, {"n", {"1", "2"}}});
  EXPECT_EQ(infer("SK", {"ORDER#OPEN#2024-01-01", "ORDER#SHIPPED#2024-02-03"}, columns),
            "ORDER#{status}#{date}");
  // "1" does not match inside "T10".
  EXPECT_EQ(infer("GSI1SK", {"T10", "T20"}, columns), "{orderId}");
}

TEST(KeyInference, shouldTakeTheSameWordInEverySampleForAConstant) {
  auto columns = columnsOf(2, {});
  EXPECT_EQ(infer("SK", {"#METADATA", "#METADATA"}, columns), "#METADATA");
  EXPECT_EQ(infer("SK", {"{odd}", "{odd}"}, columns), "{{odd}}");
}

TEST(KeyInference, shouldInventOneAttributeAfterTheSharedLiteralPrefix) {
  auto columns = columnsOf(2, {});
  EXPECT_EQ(infer("PK", {"USER#7", "USER#9"}, columns), "USER#{userId}");
  // The same values under another key reuse the attribute.
  EXPECT_EQ(infer("GSI1SK", {"u#7", "u#9"}, columns), "u#{userId}");
  // An id the samples share is not a constant; a date prefix is not literal.
  EXPECT_EQ(infer("GSI1PK", {"o#12345", "o#12345"}, columns), "o#{oId}");
  EXPECT_EQ(infer("GSI2PK", {"2024-01-05", "2024-01-07"}, columns), "{orderId}");
  EXPECT_EQ(columns.find("userId") >= 0, true);
}

TEST(KeyInference, shouldNameTheAttributeOfAMeaningfulKeyAfterIt) {
  auto columns = columnsOf(2, {});
  EXPECT_EQ(infer("DeviceID", {"d#1", "d#2"}, columns), "d#{DeviceID}");
  EXPECT_EQ(infer("Operator", {"Liz", "Sue"}, columns), "{Operator}");
  EXPECT_EQ(infer("PK", {"x", "y"}, columns, "CustomerId"), "{CustomerId}");
  EXPECT_EQ(infer("SK", {std::nullopt, std::nullopt}, columns), "{orderId}");
}

TEST(KeyInference, shouldTellGenericKeyNames) {
  for (const char* generic :
       {"PK", "sk", "GSI1PK", "GSI_1_SK", "gsi2-pk", "PK1", "State#Date", "hash"}) {
    EXPECT_TRUE(isGenericKeyName(generic)) << generic;
  }
  for (const char* meaningful : {"DeviceID", "customerId", "Operator", "id", "email"}) {
    EXPECT_FALSE(isGenericKeyName(meaningful)) << meaningful;
  }
}

}  // namespace
}  // namespace kvlab::model::interop
