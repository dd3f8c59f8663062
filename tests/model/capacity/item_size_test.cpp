#include "model/capacity/item_size.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace kvlab::model::capacity {
namespace {

std::int64_t sizeOfNumber(const std::string& text) {
  auto size = numberSize(text);
  EXPECT_TRUE(size.ok()) << text << ": " << (size.ok() ? "" : size.error().message);
  return size.ok() ? size.value() : -1;
}

std::int64_t sizeOf(const AttributeValue& value) {
  auto size = valueSize(value);
  EXPECT_TRUE(size.ok()) << (size.ok() ? "" : size.error().message);
  return size.ok() ? size.value() : -1;
}

AttributeValue nestedLists(int levels) {
  AttributeValue value = AttributeValue::null();
  for (int i = 0; i < levels; ++i) value = AttributeValue::list({value});
  return value;
}

TEST(NumberSize, zeroIsOneByteHoweverItIsWritten) {
  EXPECT_EQ(sizeOfNumber("0"), 1);
  EXPECT_EQ(sizeOfNumber("-0"), 1);
  EXPECT_EQ(sizeOfNumber("0.000"), 1);
  EXPECT_EQ(sizeOfNumber("0E+5"), 1);
}

TEST(NumberSize, integersTakeOneByteForEachPairOfDigitsPlusOne) {
  EXPECT_EQ(sizeOfNumber("1"), 2);
  EXPECT_EQ(sizeOfNumber("12"), 2);
  EXPECT_EQ(sizeOfNumber("123"), 3);
  EXPECT_EQ(sizeOfNumber("12345"), 4);
  EXPECT_EQ(sizeOfNumber("007"), 2);
}

TEST(NumberSize, trailingPairsOfZerosAreTrimmedButZerosInsideAreNot) {
  EXPECT_EQ(sizeOfNumber("100"), 2);
  EXPECT_EQ(sizeOfNumber("1000000"), 2);
  EXPECT_EQ(sizeOfNumber("1001"), 3);
  EXPECT_EQ(sizeOfNumber("12.50"), sizeOfNumber("12.5"));
}

TEST(NumberSize, digitsPairOnTheDecimalPointSoOnePointFiveSpansTwoPairs) {
  EXPECT_EQ(sizeOfNumber("1.5"), 3);    // 01.50
  EXPECT_EQ(sizeOfNumber("12.5"), 3);   // 12.50
  EXPECT_EQ(sizeOfNumber("100.5"), 4);  // 01 00.50
  EXPECT_EQ(sizeOfNumber("0.5"), 2);    // .50
  EXPECT_EQ(sizeOfNumber("0.05"), 2);   // .05
  EXPECT_EQ(sizeOfNumber("0.005"), 2);  // .00 50, the leading 00 trimmed
}

TEST(NumberSize, aNegativeNumberTakesOneMoreByte) {
  EXPECT_EQ(sizeOfNumber("-1"), 3);
  EXPECT_EQ(sizeOfNumber("-12345"), 5);
}

TEST(NumberSize, exponentsAreExpandedSoTheSmallestAndLargestMagnitudesAreSmall) {
  EXPECT_EQ(sizeOfNumber("-1E-130"), 3);  // the calculator's own example
  EXPECT_EQ(sizeOfNumber("1E+125"), 2);
  EXPECT_EQ(sizeOfNumber("1.5e2"), 3);  // 150 = 01 50
}

TEST(NumberSize, thirtyEightDigitsAreAllowedAndTheSizeIsCappedAtTwentyOneBytes) {
  const std::string digits38 = "12345678901234567890123456789012345678";
  EXPECT_EQ(sizeOfNumber(digits38), 20);
  EXPECT_EQ(sizeOfNumber("-" + digits38), 21);
  // 1 integer digit and 37 decimals span 20 pairs: 21 bytes, and negative is capped at 21.
  EXPECT_EQ(sizeOfNumber("-1." + digits38.substr(1)), 21);
}

TEST(NumberSize, shouldFailOnMoreThanThirtyEightSignificantDigits) {
  auto size = numberSize("123456789012345678901234567890123456789");
  ASSERT_FALSE(size.ok());
  EXPECT_EQ(size.error().code, ErrorCode::InvalidNumber);
  EXPECT_NE(size.error().message.find("39 significant digits"), std::string::npos);
}

TEST(NumberSize, shouldFailOnMagnitudesOutsideDynamoDbsRange) {
  EXPECT_FALSE(numberSize("1E126").ok());
  EXPECT_FALSE(numberSize("1E-131").ok());
}

TEST(NumberSize, shouldFailOnTextThatIsNotADecimalNumber) {
  for (const char* text : {"", "abc", "1e", "1.2.3", "--1", " 1", "0x10", "NaN", "."}) {
    auto size = numberSize(text);
    ASSERT_FALSE(size.ok()) << text;
    EXPECT_EQ(size.error().code, ErrorCode::InvalidNumber) << text;
  }
}

TEST(ValueSize, stringsCountUtf8BytesAndBinaryCountsRawBytes) {
  EXPECT_EQ(sizeOf(AttributeValue::string("h\xC3\xA9llo")), 6);  // héllo
  EXPECT_EQ(sizeOf(AttributeValue::string("")), 0);
  EXPECT_EQ(sizeOf(AttributeValue::binary(std::string("\0\1\2", 3))), 3);
}

TEST(ValueSize, booleanAndNullAreOneByte) {
  EXPECT_EQ(sizeOf(AttributeValue::boolean(true)), 1);
  EXPECT_EQ(sizeOf(AttributeValue::null()), 1);
}

TEST(ValueSize, emptyListsAndMapsAreThreeBytes) {
  EXPECT_EQ(sizeOf(AttributeValue::list({})), 3);
  EXPECT_EQ(sizeOf(AttributeValue::map({})), 3);
}

TEST(ValueSize, listsAddOneBytePerElementToTheirElements) {
  // 3 + ("ab" 2 + 1) + (1 as a Number: 2 + 1)
  EXPECT_EQ(
      sizeOf(AttributeValue::list({AttributeValue::string("ab"), AttributeValue::number("1")})), 9);
}

TEST(ValueSize, mapMembersCountTheirNamesAndOneByteEach) {
  // 3 + ("a" 1 + "xy" 2 + 1) + ("bb" 2 + BOOL 1 + 1)
  const AttributeValue map = AttributeValue::map(
      {{"a", AttributeValue::string("xy")}, {"bb", AttributeValue::boolean(false)}});
  EXPECT_EQ(sizeOf(map), 11);
}

TEST(ValueSize, nestedDocumentsAddTheirOwnOverhead) {
  // The inner list: 3 + NULL 1 + 1 = 5; the map: 3 + "l" 1 + 5 + 1 = 10.
  const AttributeValue map =
      AttributeValue::map({{"l", AttributeValue::list({AttributeValue::null()})}});
  EXPECT_EQ(sizeOf(map), 10);
}

TEST(ValueSize, setsAreTheSumOfTheirElementsWithNoOverhead) {
  EXPECT_EQ(sizeOf(AttributeValue::stringSet({"pizza", "burger"})), 11);
  EXPECT_EQ(sizeOf(AttributeValue::numberSet({"1", "-1E-130"})), 5);
  EXPECT_EQ(sizeOf(AttributeValue::binarySet({std::string("\1\2", 2), std::string("\3", 1)})), 3);
}

TEST(ValueSize, shouldFailOnAnEmptySetNamingWhereItIs) {
  const Item item{{"tags", AttributeValue::stringSet({})}};
  auto size = itemSize(item);
  ASSERT_FALSE(size.ok());
  EXPECT_EQ(size.error().code, ErrorCode::EmptySet);
  EXPECT_EQ(size.error().path, "tags");
}

TEST(ValueSize, shouldFailOnAnInvalidNumberDeepInsideAndGiveItsPath) {
  const Item item{
      {"a", AttributeValue::list({AttributeValue::map({{"n", AttributeValue::number("x")}})})}};
  auto size = itemSize(item);
  ASSERT_FALSE(size.ok());
  EXPECT_EQ(size.error().code, ErrorCode::InvalidNumber);
  EXPECT_EQ(size.error().path, "a[0].n");
  EXPECT_NE(size.error().message.find("a[0].n"), std::string::npos);
}

TEST(ValueSize, shouldFailOnAnInvalidNumberInANumberSetAndGiveItsIndex) {
  const Item item{{"scores", AttributeValue::numberSet({"1", "one"})}};
  auto size = itemSize(item);
  ASSERT_FALSE(size.ok());
  EXPECT_EQ(size.error().path, "scores[1]");
}

TEST(ValueSize, allowsThirtyTwoLevelsOfNestingAndRejectsThirtyThree) {
  EXPECT_TRUE(valueSize(nestedLists(32)).ok());
  auto tooDeep = valueSize(nestedLists(33));
  ASSERT_FALSE(tooDeep.ok());
  EXPECT_EQ(tooDeep.error().code, ErrorCode::NestingTooDeep);
}

TEST(ItemSize, addsTheUtf8BytesOfEachNameToItsValue) {
  const Item item{{"\xC3\xB1", AttributeValue::string("abc")}};  // "ñ" is 2 bytes
  EXPECT_EQ(itemSize(item).value(), 5);
}

TEST(ItemSize, theCalculatorsSampleItemIsSeventyOneBytes) {
  // zaccharles/dynamodb-calculator's default input: 10 + 19 + 8 + 18 + 16.
  const Item item{{"id", AttributeValue::string("f0ba8d6c")},
                  {"fullName", AttributeValue::string("Zac Charles")},
                  {"isAdmin", AttributeValue::boolean(true)},
                  {"favouriteNumber", AttributeValue::number("-1E-130")},
                  {"foods", AttributeValue::stringSet({"pizza", "burger"})}};
  EXPECT_EQ(itemSize(item).value(), 71);
}

TEST(ItemSize, shouldFailOnAnEmptyAttributeName) {
  const Item item{{"", AttributeValue::string("x")}};
  auto size = itemSize(item);
  ASSERT_FALSE(size.ok());
  EXPECT_EQ(size.error().code, ErrorCode::InvalidAttributeName);
}

TEST(ItemSize, anEmptyItemIsZeroBytes) { EXPECT_EQ(itemSize(Item{}).value(), 0); }

TEST(EstimatedSize, aStringAttributeIsItsNameBytesPlusItsAverageValueBytes) {
  EXPECT_EQ(estimatedAttributeSize("email", ValueType::S, 24), 29);
  EXPECT_EQ(estimatedAttributeSize("blob", ValueType::B, 100), 104);
}

TEST(EstimatedSize, booleanAndNullAreOneByteWhateverIsDeclared) {
  EXPECT_EQ(estimatedValueSize(ValueType::BOOL, 50), 1);
  EXPECT_EQ(estimatedValueSize(ValueType::NULL_, 0), 1);
}

TEST(EstimatedSize, aNumberIsClampedBetweenOneAndTwentyOneBytes) {
  EXPECT_EQ(estimatedValueSize(ValueType::N, 8), 8);
  EXPECT_EQ(estimatedValueSize(ValueType::N, 30), 21);
  EXPECT_EQ(estimatedValueSize(ValueType::N, 0), 1);
}

TEST(EstimatedSize, aNumberOfNDigitsMatchesTheExactSizeOfAnAlignedNumber) {
  EXPECT_EQ(estimatedNumberSize(5), sizeOfNumber("12345"));
  EXPECT_EQ(estimatedNumberSize(4, true), sizeOfNumber("-1234"));
  EXPECT_EQ(estimatedNumberSize(38, true), 21);
}

TEST(EstimatedSize, listsAndMapsFromElementSizesMatchConcreteValues) {
  const std::vector<std::int64_t> elements{2, 2};
  EXPECT_EQ(
      estimatedListSize(elements),
      sizeOf(AttributeValue::list({AttributeValue::string("ab"), AttributeValue::number("1")})));
  const std::vector<std::int64_t> members{1 + 2, 2 + 1};
  EXPECT_EQ(estimatedMapSize(members),
            sizeOf(AttributeValue::map(
                {{"a", AttributeValue::string("xy")}, {"bb", AttributeValue::boolean(false)}})));
}

TEST(EstimatedSize, theShirtItemEstimatedFromDeclaredSizesIsTwentyThreeBytes) {
  const std::vector<AttributeEstimate> attributes{{"shirt-color", ValueType::S, 1},
                                                  {"shirt-size", ValueType::S, 1}};
  EXPECT_EQ(estimatedItemSize(attributes), 23);
}

}  // namespace
}  // namespace kvlab::model::capacity
