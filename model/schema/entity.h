#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/schema/extra_fields.h"

namespace kvlab::model {

// DynamoDB's attribute types.
enum class AttributeType { S, N, B, BOOL, NULL_, L, M, SS, NS, BS };

// The type's name as DynamoDB and kvlab/1 write it ("S", "BOOL", "NULL", ...).
std::string_view attributeTypeName(AttributeType type);
// The type named by `name`, or nothing when `name` is not one of DynamoDB's types.
std::optional<AttributeType> parseAttributeType(std::string_view name);

// The values of an attribute format "enum:a|b|c" in order ({"a", "b", "c"}; an empty value
// stays, so "enum:" gives {""}), or none when `format` is not an enum.
std::vector<std::string> enumValues(std::string_view format);

struct Attribute {
  std::string name;
  AttributeType type = AttributeType::S;
  std::optional<std::int64_t> size;      // average bytes of the value
  std::optional<std::string> format;     // generator hint: iso8601, email, uuid, enum:a|b|c
  std::optional<std::int64_t> distinct;  // distinct values across the entity's items
  // The share of the entity's items that carry the attribute, in (0, 1]; absent: all of them. An
  // index keyed on an attribute few items carry is sparse (R8).
  std::optional<double> presence;
  ExtraFields extra;
};

struct Entity {
  std::string name;
  std::vector<std::string> identifier;
  std::vector<Attribute> attributes;
  std::optional<std::int64_t> count;  // expected items
  std::optional<bool> stored;         // false: embedded in another entity's item
  ExtraFields extra;

  // The attribute called `name`, or null.
  const Attribute* findAttribute(std::string_view attributeName) const;
  bool isStored() const { return stored.value_or(true); }
};

}  // namespace kvlab::model
