#include "model/schema/entity.h"

#include "model/schema/enum_names.h"

namespace kvlab::model {
namespace {
using T = AttributeType;
constexpr auto kTypeNames = detail::makeEnumNames<T>(
    std::pair{T::S, "S"}, std::pair{T::N, "N"}, std::pair{T::B, "B"}, std::pair{T::BOOL, "BOOL"},
    std::pair{T::NULL_, "NULL"}, std::pair{T::L, "L"}, std::pair{T::M, "M"}, std::pair{T::SS, "SS"},
    std::pair{T::NS, "NS"}, std::pair{T::BS, "BS"});
}  // namespace

std::string_view attributeTypeName(AttributeType type) { return kTypeNames.name(type); }
std::optional<AttributeType> parseAttributeType(std::string_view name) {
  return kTypeNames.parse(name);
}

std::vector<std::string> enumValues(std::string_view format) {
  constexpr std::string_view kPrefix = "enum:";
  if (!format.starts_with(kPrefix)) return {};
  std::vector<std::string> values{""};
  for (const char c : format.substr(kPrefix.size())) {
    if (c == '|') {
      values.emplace_back();
    } else {
      values.back() += c;
    }
  }
  return values;
}

const Attribute* Entity::findAttribute(std::string_view attributeName) const {
  for (const Attribute& attribute : attributes) {
    if (attribute.name == attributeName) return &attribute;
  }
  return nullptr;
}

}  // namespace kvlab::model
