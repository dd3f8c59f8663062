#include "model/capacity/attribute_value.h"

#include <gtest/gtest.h>

namespace kvlab::model::capacity {
namespace {

TEST(AttributeValue, mapsAndSetsAreEqualWhateverTheirOrder) {
  const AttributeValue a = AttributeValue::map(
      {{"x", AttributeValue::number("1")}, {"y", AttributeValue::stringSet({"p", "q"})}});
  const AttributeValue b = AttributeValue::map(
      {{"y", AttributeValue::stringSet({"q", "p"})}, {"x", AttributeValue::number("1")}});
  EXPECT_EQ(a, b);
}

TEST(AttributeValue, listsAreEqualOnlyInTheSameOrder) {
  const AttributeValue a =
      AttributeValue::list({AttributeValue::string("p"), AttributeValue::string("q")});
  const AttributeValue b =
      AttributeValue::list({AttributeValue::string("q"), AttributeValue::string("p")});
  EXPECT_NE(a, b);
}

TEST(AttributeValue, aStringAndABinaryWithTheSameBytesDiffer) {
  EXPECT_NE(AttributeValue::string("ab"), AttributeValue::binary("ab"));
}

TEST(AttributeValue, typeNamesAreDynamoDbs) {
  EXPECT_EQ(valueTypeName(ValueType::NULL_), "NULL");
  EXPECT_EQ(parseValueType("BS"), ValueType::BS);
  EXPECT_FALSE(parseValueType("STRING").has_value());
}

}  // namespace
}  // namespace kvlab::model::capacity
