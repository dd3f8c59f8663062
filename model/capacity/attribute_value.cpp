#include "model/capacity/attribute_value.h"

#include <algorithm>
#include <array>
#include <utility>

namespace kvlab::model::capacity {
namespace {

constexpr std::array<std::pair<ValueType, std::string_view>, 10> kTypeNames{{
    {ValueType::S, "S"},
    {ValueType::N, "N"},
    {ValueType::B, "B"},
    {ValueType::BOOL, "BOOL"},
    {ValueType::NULL_, "NULL"},
    {ValueType::L, "L"},
    {ValueType::M, "M"},
    {ValueType::SS, "SS"},
    {ValueType::NS, "NS"},
    {ValueType::BS, "BS"},
}};

// Equal as multisets: every element of `a` matched by a distinct equal element of `b`.
template <typename T>
bool sameElements(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.size() != b.size()) return false;
  std::vector<bool> used(b.size(), false);
  for (const T& x : a) {
    bool matched = false;
    for (std::size_t i = 0; i < b.size(); ++i) {
      if (!used[i] && x == b[i]) {
        used[i] = true;
        matched = true;
        break;
      }
    }
    if (!matched) return false;
  }
  return true;
}

}  // namespace

std::string_view valueTypeName(ValueType type) {
  for (const auto& [t, name] : kTypeNames) {
    if (t == type) return name;
  }
  return {};
}

std::optional<ValueType> parseValueType(std::string_view name) {
  for (const auto& [t, n] : kTypeNames) {
    if (n == name) return t;
  }
  return std::nullopt;
}

AttributeValue::AttributeValue() = default;

AttributeValue AttributeValue::string(std::string utf8) {
  AttributeValue v;
  v.type_ = ValueType::S;
  v.text_ = std::move(utf8);
  return v;
}

AttributeValue AttributeValue::number(std::string decimalText) {
  AttributeValue v;
  v.type_ = ValueType::N;
  v.text_ = std::move(decimalText);
  return v;
}

AttributeValue AttributeValue::binary(std::string bytes) {
  AttributeValue v;
  v.type_ = ValueType::B;
  v.text_ = std::move(bytes);
  return v;
}

AttributeValue AttributeValue::boolean(bool value) {
  AttributeValue v;
  v.type_ = ValueType::BOOL;
  v.bool_ = value;
  return v;
}

AttributeValue AttributeValue::null() { return AttributeValue(); }

AttributeValue AttributeValue::list(std::vector<AttributeValue> elements) {
  AttributeValue v;
  v.type_ = ValueType::L;
  v.elements_ = std::move(elements);
  return v;
}

AttributeValue AttributeValue::map(std::vector<Attribute> members) {
  AttributeValue v;
  v.type_ = ValueType::M;
  v.members_ = std::move(members);
  return v;
}

AttributeValue AttributeValue::stringSet(std::vector<std::string> elements) {
  AttributeValue v;
  v.type_ = ValueType::SS;
  v.setElements_ = std::move(elements);
  return v;
}

AttributeValue AttributeValue::numberSet(std::vector<std::string> decimalTexts) {
  AttributeValue v;
  v.type_ = ValueType::NS;
  v.setElements_ = std::move(decimalTexts);
  return v;
}

AttributeValue AttributeValue::binarySet(std::vector<std::string> elements) {
  AttributeValue v;
  v.type_ = ValueType::BS;
  v.setElements_ = std::move(elements);
  return v;
}

bool operator==(const AttributeValue& a, const AttributeValue& b) {
  if (a.type_ != b.type_) return false;
  switch (a.type_) {
    case ValueType::S:
    case ValueType::N:
    case ValueType::B:
      return a.text_ == b.text_;
    case ValueType::BOOL:
      return a.bool_ == b.bool_;
    case ValueType::NULL_:
      return true;
    case ValueType::L:
      return a.elements_ == b.elements_;
    case ValueType::M:
      return sameElements(a.members_, b.members_);
    case ValueType::SS:
    case ValueType::NS:
    case ValueType::BS:
      return sameElements(a.setElements_, b.setElements_);
  }
  return false;
}

const Attribute* findAttribute(const Item& item, std::string_view name) {
  auto it = std::find_if(item.begin(), item.end(),
                         [name](const Attribute& attribute) { return attribute.name == name; });
  return it == item.end() ? nullptr : &*it;
}

bool sameItem(const Item& a, const Item& b) { return sameElements(a, b); }

}  // namespace kvlab::model::capacity
