#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/schema/extra_fields.h"

namespace kvlab::model {

// The value template of each key attribute of one entity in one table or index, in file order:
// {"PK", "CUSTOMER#{customerId}"}, {"SK", "ORDER#{orderDate}#{orderId}"}.
struct EntityKeys {
  std::string entity;
  std::vector<std::pair<std::string, std::string>> templates;

  // The template for key attribute `keyAttribute`, or null.
  const std::string* find(std::string_view keyAttribute) const;
};

enum class Projection { All, KeysOnly, Include };
std::string_view projectionName(Projection projection);  // "ALL", "KEYS_ONLY", "INCLUDE"
std::optional<Projection> parseProjection(std::string_view name);

// A global or local secondary index. An entity absent from `entityKeys` has no entry in it.
// For an LSI `pk` is the table's and may be left out of the file.
struct SecondaryIndex {
  std::string name;
  std::optional<std::string> pk;
  std::optional<std::string> sk;
  std::optional<Projection> projection;
  std::optional<std::vector<std::string>> include;
  std::vector<EntityKeys> entityKeys;
  ExtraFields extra;

  const EntityKeys* findEntity(std::string_view entity) const;
};

struct TableDef {
  std::string name;
  std::string pk;
  std::optional<std::string> sk;  // nothing: the table has no sort key (null in the file)
  ExtraFields extra;
};

enum class Operation {
  GetItem,
  Query,
  Scan,
  BatchGetItem,
  PutItem,
  UpdateItem,
  DeleteItem,
  TransactWriteItems,
  TransactGetItems
};
std::string_view operationName(Operation operation);
std::optional<Operation> parseOperation(std::string_view name);

// What a design's author says a pattern does. A tool recomputes plans; this is compared with them.
struct StatedPlan {
  std::string patternId;
  std::optional<std::string> index;  // "table" or an index name
  std::optional<Operation> operation;
  std::optional<std::string> keyCondition;
  ExtraFields extra;
};

struct Design {
  std::string name;
  TableDef table;
  std::vector<EntityKeys> entityKeys;
  std::vector<SecondaryIndex> gsis;
  std::vector<SecondaryIndex> lsis;
  bool hasLsis = false;  // whether the file had an "lsis" field (kept for round trip)
  bool hasGsis = false;  // whether the file had a "gsis" field
  std::optional<std::vector<StatedPlan>> plan;
  ExtraFields extra;

  const EntityKeys* findEntity(std::string_view entity) const;
  const SecondaryIndex* findGsi(std::string_view name) const;
  const SecondaryIndex* findLsi(std::string_view name) const;
};

}  // namespace kvlab::model
