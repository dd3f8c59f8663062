#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "model/capacity/attribute_value.h"
#include "model/capacity/result.h"

// The size DynamoDB charges for an item, from concrete values or from declared average sizes.
// Rules and sources: docs/capacity-and-cost.md, "Item size". All functions are pure; safe to call
// from any thread.
namespace kvlab::model::capacity {

// The size of a Number's value, by the rule of the zaccharles/dynamodb-calculator (AWS documents
// only "about 1 byte per 2 significant digits, plus 1"): 0 is 1 byte; otherwise the significant
// digits are grouped in pairs aligned on the decimal point, the pairs spanned are counted, 1 is
// added, and 1 more for a negative number; at most 21. `decimalText` is a decimal with an optional
// sign, fraction and exponent ("-12.50", "1E-130"). Fails with InvalidNumber for other text, for
// more than 38 significant digits, and for a magnitude outside 1E-130 .. 9.99...E+125.
Result<std::int64_t> numberSize(std::string_view decimalText);

// The size of a value, not counting any name: S and B their byte length, N per numberSize, BOOL
// and NULL 1, L and M 3 + 1 per element + the elements (a Map member counts its name's bytes), SS,
// NS and BS the sum of their elements. Fails on an invalid Number, an empty set, or Lists and Maps
// nested more than 32 levels deep; the error's path says where (`tags[2]`, `address.city`).
Result<std::int64_t> valueSize(const AttributeValue& value);

// The UTF-8 bytes of the name plus valueSize(); fails as valueSize() does, and on a name that is
// empty or over 64 KB.
Result<std::int64_t> attributeSize(const Attribute& attribute);

// The sum of attributeSize() over the item's attributes: the size units are charged on. Does not
// check the 400 KB limit (see checkItemSize()).
Result<std::int64_t> itemSize(const Item& item);

// Estimating from declared sizes, for the planner. `averageValueBytes` is the average size of the
// value as the project declares it: for S and B the bytes, for N the bytes of the number (clamped
// to 1..21), for L and M the whole document with its overhead, for sets the sum of the elements.
// BOOL and NULL are always 1. Negative sizes count as 0.
std::int64_t estimatedValueSize(ValueType type, std::int64_t averageValueBytes);

// A Number of `significantDigits` digits (at least 1), as ceil(digits / 2) + 1, + 1 if negative;
// at most 21. Exact when the digits are aligned in pairs on the decimal point.
std::int64_t estimatedNumberSize(int significantDigits, bool negative = false);

// A List whose elements have the given value sizes: 3 + sum(size + 1).
std::int64_t estimatedListSize(std::span<const std::int64_t> elementValueBytes);

// A Map whose members have the given sizes, each the member's name bytes plus its value size:
// 3 + sum(size + 1).
std::int64_t estimatedMapSize(std::span<const std::int64_t> memberBytes);

// One declared attribute: its name, type and average value size.
struct AttributeEstimate {
  std::string name;
  ValueType type = ValueType::S;
  std::int64_t averageValueBytes = 0;
};

// The name's bytes plus estimatedValueSize().
std::int64_t estimatedAttributeSize(std::string_view name, ValueType type,
                                    std::int64_t averageValueBytes);
std::int64_t estimatedAttributeSize(const AttributeEstimate& attribute);

// The sum of estimatedAttributeSize() over `attributes`.
std::int64_t estimatedItemSize(std::span<const AttributeEstimate> attributes);

}  // namespace kvlab::model::capacity
