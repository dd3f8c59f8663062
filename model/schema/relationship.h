#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/schema/extra_fields.h"

namespace kvlab::model {

enum class RelationshipKind { OneToOne, OneToMany, ManyToMany };

std::string_view relationshipKindName(RelationshipKind kind);  // "one-to-many", ...
std::optional<RelationshipKind> parseRelationshipKind(std::string_view name);

// Children per parent.
struct Fanout {
  double mean = 0;
  std::optional<std::int64_t> max;
  ExtraFields extra;
};

struct Relationship {
  std::optional<std::string> name;
  std::string from;
  std::string to;
  RelationshipKind kind = RelationshipKind::OneToMany;
  std::optional<Fanout> fanout;
  ExtraFields extra;
};

}  // namespace kvlab::model
