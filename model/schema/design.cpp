#include "model/schema/design.h"

#include "model/schema/enum_names.h"

namespace kvlab::model {
namespace {
constexpr auto kProjectionNames = detail::makeEnumNames<Projection>(
    std::pair{Projection::All, "ALL"}, std::pair{Projection::KeysOnly, "KEYS_ONLY"},
    std::pair{Projection::Include, "INCLUDE"});
using O = Operation;
constexpr auto kOperationNames = detail::makeEnumNames<O>(
    std::pair{O::GetItem, "GetItem"}, std::pair{O::Query, "Query"}, std::pair{O::Scan, "Scan"},
    std::pair{O::BatchGetItem, "BatchGetItem"}, std::pair{O::PutItem, "PutItem"},
    std::pair{O::UpdateItem, "UpdateItem"}, std::pair{O::DeleteItem, "DeleteItem"},
    std::pair{O::TransactWriteItems, "TransactWriteItems"},
    std::pair{O::TransactGetItems, "TransactGetItems"});

template <typename Range>
auto findByEntity(const Range& range, std::string_view entity) -> decltype(&*range.begin()) {
  for (const auto& keys : range) {
    if (keys.entity == entity) return &keys;
  }
  return nullptr;
}

template <typename Range>
auto findByName(const Range& range, std::string_view name) -> decltype(&*range.begin()) {
  for (const auto& item : range) {
    if (item.name == name) return &item;
  }
  return nullptr;
}
}  // namespace

std::string_view projectionName(Projection projection) { return kProjectionNames.name(projection); }
std::optional<Projection> parseProjection(std::string_view name) {
  return kProjectionNames.parse(name);
}
std::string_view operationName(Operation operation) { return kOperationNames.name(operation); }
std::optional<Operation> parseOperation(std::string_view name) {
  return kOperationNames.parse(name);
}

const std::string* EntityKeys::find(std::string_view keyAttribute) const {
  for (const auto& [attribute, text] : templates) {
    if (attribute == keyAttribute) return &text;
  }
  return nullptr;
}

const EntityKeys* SecondaryIndex::findEntity(std::string_view entity) const {
  return findByEntity(entityKeys, entity);
}
const EntityKeys* Design::findEntity(std::string_view entity) const {
  return findByEntity(entityKeys, entity);
}
const SecondaryIndex* Design::findGsi(std::string_view name) const {
  return findByName(gsis, name);
}
const SecondaryIndex* Design::findLsi(std::string_view name) const {
  return findByName(lsis, name);
}

}  // namespace kvlab::model
