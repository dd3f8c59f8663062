#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kvlab::model::capacity {

// DynamoDB's attribute types, spelled as DynamoDB spells them.
enum class ValueType { S, N, B, BOOL, NULL_, L, M, SS, NS, BS };

// The type's DynamoDB name ("S", "BOOL", "NULL", ...).
std::string_view valueTypeName(ValueType type);
// The type called `name`, or nothing when `name` is not one of DynamoDB's types.
std::optional<ValueType> parseValueType(std::string_view name);

struct Attribute;

// One DynamoDB attribute value, enough to size it: String and Binary hold their bytes (a String
// is UTF-8), a Number holds its decimal text as written ("-12.50", "1E-130"), and the containers
// hold their elements. Nothing is validated here; itemSize() says what is wrong with a value. A
// plain value type; safe to share across threads when not modified.
class AttributeValue {
 public:
  AttributeValue();  // NULL

  static AttributeValue string(std::string utf8);
  static AttributeValue number(std::string decimalText);
  static AttributeValue binary(std::string bytes);  // raw bytes, not base64
  static AttributeValue boolean(bool value);
  static AttributeValue null();
  static AttributeValue list(std::vector<AttributeValue> elements);
  static AttributeValue map(std::vector<Attribute> members);
  static AttributeValue stringSet(std::vector<std::string> elements);
  static AttributeValue numberSet(std::vector<std::string> decimalTexts);
  static AttributeValue binarySet(std::vector<std::string> elements);

  ValueType type() const { return type_; }
  // The bytes of an S or B, the decimal text of an N; empty for other types.
  const std::string& text() const { return text_; }
  // The value of a BOOL; false for other types.
  bool asBool() const { return bool_; }
  // The elements of an L; empty for other types.
  const std::vector<AttributeValue>& elements() const { return elements_; }
  // The members of an M, in the order given; empty for other types.
  const std::vector<Attribute>& members() const { return members_; }
  // The elements of an SS, NS or BS (decimal texts for NS); empty for other types.
  const std::vector<std::string>& setElements() const { return setElements_; }

  // Same type and same content. Map members and set elements compare regardless of order; Numbers
  // compare by their text ("1.0" differs from "1").
  friend bool operator==(const AttributeValue& a, const AttributeValue& b);

 private:
  ValueType type_ = ValueType::NULL_;
  std::string text_;
  bool bool_ = false;
  std::vector<AttributeValue> elements_;
  std::vector<Attribute> members_;
  std::vector<std::string> setElements_;
};

// A named value: a top-level attribute of an item, or a member of a Map.
struct Attribute {
  std::string name;
  AttributeValue value;

  friend bool operator==(const Attribute& a, const Attribute& b) = default;
};

// An item: its top-level attributes. Names are expected to be distinct.
using Item = std::vector<Attribute>;

// The attribute of `item` called `name`, or null.
const Attribute* findAttribute(const Item& item, std::string_view name);

// Same attributes with equal values, regardless of order.
bool sameItem(const Item& a, const Item& b);

}  // namespace kvlab::model::capacity
