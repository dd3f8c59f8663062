#include "model/schema/relationship.h"

#include "model/schema/enum_names.h"

namespace kvlab::model {
namespace {
using K = RelationshipKind;
constexpr auto kKindNames = detail::makeEnumNames<K>(std::pair{K::OneToOne, "one-to-one"},
                                                     std::pair{K::OneToMany, "one-to-many"},
                                                     std::pair{K::ManyToMany, "many-to-many"});
}  // namespace

std::string_view relationshipKindName(RelationshipKind kind) { return kKindNames.name(kind); }
std::optional<RelationshipKind> parseRelationshipKind(std::string_view name) {
  return kKindNames.parse(name);
}

}  // namespace kvlab::model
