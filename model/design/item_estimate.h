#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/capacity/item_size.h"
#include "model/schema/project.h"

namespace kvlab::model {

// Expected items of an entity that states no count.
inline constexpr double kDefaultEntityCount = 100000;
// Children per parent when a relationship states no fan-out and the counts do not tell.
inline constexpr double kDefaultFanout = 10;
// The attribute a design adds to tell entities apart when one table holds several.
inline constexpr std::string_view kTypeAttribute = "EntityType";

// The size of an attribute's value when the project states none: by format (uuid 36, iso8601 24,
// email 24, enum: the mean length of its values), else by type (S and B 16, N 8, BOOL and NULL 1,
// L and M 64, sets 32).
std::int64_t defaultValueBytes(const Attribute& attribute);
// The stated or default size.
std::int64_t valueBytes(const Attribute& attribute);
// The largest a value is expected to be: twice the average for variable-size types (S, B, L, M
// and sets) without a fixed-width format, the average otherwise.
std::int64_t maxValueBytes(const Attribute& attribute);

// The estimated size of one entity's items under one design: the entity's attributes, the key
// attributes the table and its indexes add (their templates' literal text plus the values they
// name), and the type attribute when the table holds several entities.
struct ItemEstimate {
  std::string entity;
  std::vector<capacity::AttributeEstimate> attributes;  // as stored, keys included
  std::int64_t averageBytes = 0;
  std::int64_t maxBytes = 0;
};

// The bytes of a key value built from `templateText` for `entity` (literal bytes plus the values).
std::int64_t keyValueBytes(const Entity& entity, std::string_view templateText);

ItemEstimate estimateItem(const Project& project, const Design& design, const Entity& entity);

// How many of `entity`'s items are expected.
double entityCount(const Entity& entity);

// The share of an entity's items that carry `attribute`, in (0, 1]: the attribute's `presence`
// (a KV Lab extension of kvlab/1, docs/file-format.md: `"presence": 0.02` says that 2% of the
// items have the attribute, as an `escalatedTo` that only escalated tickets carry), 1 when it
// states none.
double presenceOf(const Attribute& attribute);

// The share of `entity`'s items that carry every attribute `templateText` names: an item lacking
// one has no entry in an index keyed on it (a sparse index). The smallest presence among them (the
// attributes are taken to be carried by the same items), 1 for a constant.
double keyPresence(const Entity& entity, std::string_view templateText);

// How many distinct values the combination of `attributes` takes across `entity`'s items,
// between 1 and the entity's count: the count when the attributes include the identifier; a
// parent's count when they include the identifier of a parent (a relationship to `entity`); the
// product of stated `distinct` values otherwise; count / kDefaultFanout when nothing tells.
double distinctValues(const Project& project, const Entity& entity,
                      const std::vector<std::string>& attributes);

// How many of `entity`'s items share one value of `attributes`: the relationship's mean fan-out
// when the attributes are exactly a parent's identifier, count / distinctValues otherwise.
double itemsPerValue(const Project& project, const Entity& entity,
                     const std::vector<std::string>& attributes);

}  // namespace kvlab::model
