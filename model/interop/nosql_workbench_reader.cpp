#include "model/interop/nosql_workbench_reader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "model/interop/json_support.h"
#include "model/interop/key_inference.h"
#include "model/interop/table_spec.h"
#include "model/io/json_path.h"
#include "model/schema/key_template.h"

namespace kvlab::model::interop {
namespace {

constexpr const char* kExtraKey = "nosqlWorkbench";

// Names of an attribute that tells an item's entity in a table without facets, most telling
// first (compared without case).
constexpr std::string_view kTypeAttributeNames[] = {
    "entitytype", "entity_type", "_type",    "__typename", "type", "entity",   "_et",
    "__edb_e__",  "recordtype",  "itemtype", "objecttype", "kind", "datatype", "modeltype"};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct KeyAttr {
  std::string name;
  std::string type = "S";
};

struct KeyPair {
  KeyAttr pk;
  std::optional<KeyAttr> sk;
};

KeyAttr readKeyAttribute(const Json& value, const std::string& path) {
  expectObject(value, path);
  KeyAttr key;
  key.name = requireString(value, "AttributeName", path);
  if (auto type = optionalString(value, "AttributeType", path)) {
    if (*type != "S" && *type != "N" && *type != "B") {
      throw ReadFailure{
          jsonPathMember(path, "AttributeType"),
          "expected S, N or B (the type of a key attribute), found \"" + *type + "\""};
    }
    key.type = *type;
  }
  return key;
}

KeyPair readKeyPair(const Json& object, const std::string& key, const std::string& parent) {
  const std::string path = jsonPathMember(parent, key);
  const Json& value = expectObject(requireMember(object, key, parent), path);
  KeyPair pair;
  pair.pk = readKeyAttribute(requireMember(value, "PartitionKey", path),
                             jsonPathMember(path, "PartitionKey"));
  if (const Json* sk = optionalMember(value, "SortKey"); sk != nullptr && !sk->is_null()) {
    pair.sk = readKeyAttribute(*sk, jsonPathMember(path, "SortKey"));
    if (pair.sk->name == pair.pk.name) {
      throw ReadFailure{jsonPathMember(jsonPathMember(path, "SortKey"), "AttributeName"),
                        "the sort key must differ from the partition key \"" + pair.pk.name + "\""};
    }
  }
  return pair;
}

struct Gsi {
  std::string name;
  KeyPair keys;
  Projection projection = Projection::All;
  std::vector<std::string> include;
  Json unknown;
};

std::vector<std::string> stringList(const Json& value, const std::string& path) {
  expectArray(value, path);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    out.push_back(expectString(value[i], jsonPathIndex(path, i)));
  }
  return out;
}

Gsi readGsi(const Json& value, const std::string& path) {
  expectObject(value, path);
  Gsi gsi;
  gsi.name = requireString(value, "IndexName", path);
  checkTableName(gsi.name, jsonPathMember(path, "IndexName"), "index");
  gsi.keys = readKeyPair(value, "KeyAttributes", path);
  if (const Json* projection = optionalMember(value, "Projection");
      projection != nullptr && !projection->is_null()) {
    const std::string projectionPath = jsonPathMember(path, "Projection");
    expectObject(*projection, projectionPath);
    if (auto type = optionalString(*projection, "ProjectionType", projectionPath)) {
      auto parsed = parseProjection(*type);
      if (!parsed) {
        throw ReadFailure{jsonPathMember(projectionPath, "ProjectionType"),
                          "expected ALL, KEYS_ONLY or INCLUDE, found \"" + *type + "\""};
      }
      gsi.projection = *parsed;
    }
    if (const Json* include = optionalMember(*projection, "NonKeyAttributes")) {
      gsi.include = stringList(*include, jsonPathMember(projectionPath, "NonKeyAttributes"));
    }
    if (gsi.projection == Projection::Include && gsi.include.empty()) {
      throw ReadFailure{jsonPathMember(projectionPath, "NonKeyAttributes"),
                        "an INCLUDE projection needs a non-empty list of attributes"};
    }
    if (gsi.projection != Projection::Include) gsi.include.clear();
  }
  gsi.unknown = unknownMembers(value, {"IndexName", "KeyAttributes", "Projection"});
  return gsi;
}

constexpr std::string_view kValueTypes[] = {"S", "N", "B",  "BOOL", "NULL",
                                            "L", "M", "SS", "NS",   "BS"};

// Checks that `item` is an item in DynamoDB JSON: {"attribute": {"S": "text"}, ...}.
void checkItem(const Json& item, const std::string& path) {
  expectObject(item, path);
  for (auto it = item.begin(); it != item.end(); ++it) {
    const Json& value = it.value();
    const bool ok = value.is_object() && value.size() == 1 &&
                    std::find(std::begin(kValueTypes), std::end(kValueTypes),
                              value.begin().key()) != std::end(kValueTypes);
    if (!ok) {
      throw ReadFailure{jsonPathMember(path, it.key()),
                        "expected an attribute value in DynamoDB JSON such as {\"S\": \"text\"} "
                        "or {\"N\": \"1\"}, found " +
                            shortJson(value)};
    }
  }
}

std::vector<Json> readItems(const Json& value, const std::string& path) {
  expectArray(value, path);
  std::vector<Json> items;
  for (std::size_t i = 0; i < value.size(); ++i) {
    checkItem(value[i], jsonPathIndex(path, i));
    items.push_back(value[i]);
  }
  return items;
}

// The value of `attribute` in `item` as text, for strings, numbers and binaries.
std::optional<std::string> scalarOf(const Json& item, const std::string& attribute) {
  auto it = item.find(attribute);
  if (it == item.end()) return std::nullopt;
  const std::string& type = it->begin().key();
  const Json& value = it->begin().value();
  if ((type == "S" || type == "N" || type == "B") && value.is_string()) {
    return value.get<std::string>();
  }
  if (type == "N" && value.is_number()) return value.dump();
  return std::nullopt;
}

AttributeType typeOfValue(const Json& value) {
  return parseAttributeType(value.begin().key()).value_or(AttributeType::S);
}

struct Facet {
  std::string name;
  std::optional<std::string> pkAlias;
  std::optional<std::string> skAlias;
  std::vector<std::string> nonKey;
  std::vector<Json> items;
  Json stored;  // the facet without its items
};

Facet readFacet(const Json& value, const std::string& path) {
  expectObject(value, path);
  Facet facet;
  facet.name = requireString(value, "FacetName", path);
  if (const Json* alias = optionalMember(value, "KeyAttributeAlias");
      alias != nullptr && !alias->is_null()) {
    const std::string aliasPath = jsonPathMember(path, "KeyAttributeAlias");
    expectObject(*alias, aliasPath);
    facet.pkAlias = optionalString(*alias, "PartitionKeyAlias", aliasPath);
    facet.skAlias = optionalString(*alias, "SortKeyAlias", aliasPath);
  }
  if (const Json* nonKey = optionalMember(value, "NonKeyAttributes")) {
    const std::string nonKeyPath = jsonPathMember(path, "NonKeyAttributes");
    expectArray(*nonKey, nonKeyPath);
    for (std::size_t i = 0; i < nonKey->size(); ++i) {
      const Json& element = (*nonKey)[i];
      // Names in the files seen; an {AttributeName} object is read too.
      if (element.is_object()) {
        facet.nonKey.push_back(
            requireString(element, "AttributeName", jsonPathIndex(nonKeyPath, i)));
      } else {
        facet.nonKey.push_back(expectString(element, jsonPathIndex(nonKeyPath, i)));
      }
    }
  }
  if (const Json* items = optionalMember(value, "TableData");
      items != nullptr && !items->is_null()) {
    facet.items = readItems(*items, jsonPathMember(path, "TableData"));
  }
  facet.stored = value;
  facet.stored.erase("TableData");
  return facet;
}

struct Table {
  std::string path;
  std::string name;
  KeyPair keys;
  std::vector<std::pair<std::string, AttributeType>> declared;
  std::vector<Gsi> gsis;
  std::vector<Facet> facets;
  bool hasFacets = false;
  std::vector<Json> items;
  std::optional<std::string> billingMode;
  std::optional<ThroughputSpec> throughput;
  Json raw;  // the table object as read
};

Table readTable(const Json& value, const std::string& path) {
  expectObject(value, path);
  Table table;
  table.path = path;
  table.raw = value;
  table.name = requireString(value, "TableName", path);
  checkTableName(table.name, jsonPathMember(path, "TableName"), "table");
  table.keys = readKeyPair(value, "KeyAttributes", path);
  if (const Json* nonKey = optionalMember(value, "NonKeyAttributes");
      nonKey != nullptr && !nonKey->is_null()) {
    const std::string nonKeyPath = jsonPathMember(path, "NonKeyAttributes");
    expectArray(*nonKey, nonKeyPath);
    for (std::size_t i = 0; i < nonKey->size(); ++i) {
      const std::string elementPath = jsonPathIndex(nonKeyPath, i);
      const Json& element = (*nonKey)[i];
      if (element.is_string()) {
        table.declared.emplace_back(element.get<std::string>(), AttributeType::S);
        continue;
      }
      expectObject(element, elementPath);
      const std::string name = requireString(element, "AttributeName", elementPath);
      AttributeType type = AttributeType::S;
      if (auto typeName = optionalString(element, "AttributeType", elementPath)) {
        auto parsed = parseAttributeType(*typeName);
        if (!parsed) {
          throw ReadFailure{
              jsonPathMember(elementPath, "AttributeType"),
              "expected one of S N B BOOL NULL L M SS NS BS, found \"" + *typeName + "\""};
        }
        type = *parsed;
      }
      table.declared.emplace_back(name, type);
    }
  }
  if (const Json* gsis = optionalMember(value, "GlobalSecondaryIndexes");
      gsis != nullptr && !gsis->is_null()) {
    const std::string gsisPath = jsonPathMember(path, "GlobalSecondaryIndexes");
    expectArray(*gsis, gsisPath);
    for (std::size_t i = 0; i < gsis->size(); ++i) {
      table.gsis.push_back(readGsi((*gsis)[i], jsonPathIndex(gsisPath, i)));
    }
  }
  if (const Json* facets = optionalMember(value, "TableFacets");
      facets != nullptr && !facets->is_null()) {
    const std::string facetsPath = jsonPathMember(path, "TableFacets");
    expectArray(*facets, facetsPath);
    for (std::size_t i = 0; i < facets->size(); ++i) {
      table.facets.push_back(readFacet((*facets)[i], jsonPathIndex(facetsPath, i)));
    }
    table.hasFacets = !table.facets.empty();
  }
  if (const Json* items = optionalMember(value, "TableData");
      items != nullptr && !items->is_null()) {
    table.items = readItems(*items, jsonPathMember(path, "TableData"));
  }
  table.billingMode = optionalString(value, "BillingMode", path);
  if (const Json* capacity = optionalMember(value, "ProvisionedCapacitySettings");
      capacity != nullptr && capacity->is_object()) {
    const std::string capacityPath = jsonPathMember(path, "ProvisionedCapacitySettings");
    if (const Json* throughput = optionalMember(*capacity, "ProvisionedThroughput");
        throughput != nullptr && !throughput->is_null()) {
      const std::string throughputPath = jsonPathMember(capacityPath, "ProvisionedThroughput");
      expectObject(*throughput, throughputPath);
      ThroughputSpec spec;
      spec.read = optionalCount(*throughput, "ReadCapacityUnits", throughputPath).value_or(0);
      spec.write = optionalCount(*throughput, "WriteCapacityUnits", throughputPath).value_or(0);
      table.throughput = spec;
    }
  }
  return table;
}

// `${a}#${b}` (OneTable) as a kvlab/1 template `{a}#{b}`.
std::string templateFromOneTable(const std::string& value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value.compare(i, 2, "${") == 0) {
      const std::size_t close = value.find('}', i + 2);
      if (close != std::string::npos && close > i + 2) {
        out += "{" + value.substr(i + 2, close - i - 2) + "}";
        i = close;
        continue;
      }
    }
    out += escapeTemplateLiteral(std::string_view(&value[i], 1));
  }
  return out;
}

// One entity to be: a facet, or the items of one type in a table without facets.
struct Draft {
  std::string name;
  std::optional<std::string> pkAlias;
  std::optional<std::string> skAlias;
  std::vector<std::string> listed;  // attribute names the source lists for it
  std::vector<Json> items;
  Json storedFacet;  // the facet without items, or null
};

class ModelReader {
 public:
  ModelReader(const std::string& file, ImportResult& result) : file_(file), result_(result) {}

  void read(const Json& root) {
    expectObject(root, "");
    Project& project = result_.project;
    Json extra = Json::object();
    std::optional<std::string> modelName = optionalString(root, "ModelName", "");
    if (modelName) extra["ModelName"] = *modelName;
    if (const Json* metadata = optionalMember(root, "ModelMetadata");
        metadata != nullptr && !metadata->is_null()) {
      expectObject(*metadata, "ModelMetadata");
      extra["ModelMetadata"] = *metadata;
      if (auto version = optionalString(*metadata, "Version", "ModelMetadata")) {
        if (*version != "1.0" && *version != "2.0" && *version != "3.0") {
          result_.notes.push_back("ModelMetadata.Version is \"" + *version +
                                  "\"; read as a version 3.0 model");
        }
      }
      if (auto description = optionalString(*metadata, "Description", "ModelMetadata");
          description && !description->empty()) {
        project.description = *description;
      }
    }
    if (const Json* schema = optionalMember(root, "ModelSchema");
        schema != nullptr && schema->is_object()) {
      if (const Json* models = optionalMember(*schema, "models"); models && models->is_object()) {
        modelSchema_ = *models;
      }
    }
    const Json unknown = unknownMembers(root, {"ModelName", "ModelMetadata", "DataModel"});
    if (!unknown.empty()) extra["unknown"] = unknown;

    const Json& dataModel = expectArray(requireMember(root, "DataModel", ""), "DataModel");
    std::vector<Table> tables;
    for (std::size_t i = 0; i < dataModel.size(); ++i) {
      tables.push_back(readTable(dataModel[i], jsonPathIndex("DataModel", i)));
      for (std::size_t j = 0; j + 1 < tables.size(); ++j) {
        if (tables[j].name == tables.back().name) {
          throw ReadFailure{jsonPathMember(tables.back().path, "TableName"),
                            "the table \"" + tables.back().name + "\" is already " +
                                tables[j].path + "; expected a name of its own"};
        }
      }
    }
    project.name = modelName && !modelName->empty()
                       ? *modelName
                       : (tables.empty() ? std::string("NoSQL Workbench model") : tables[0].name);
    for (Table& table : tables) addTable(table);
    project.extra.emplace_back(kExtraKey, extra.dump());
    requireValidProject(project);
  }

 private:
  std::string uniqueEntityName(const std::string& wanted, const std::string& table) {
    std::string name = wanted.empty() ? table : wanted;
    if (result_.project.findEntity(name) == nullptr) return name;
    name = table + "." + name;
    std::string candidate = name;
    for (int i = 2; result_.project.findEntity(candidate) != nullptr; ++i) {
      candidate = name + "_" + std::to_string(i);
    }
    return candidate;
  }

  std::string uniqueDesignName(const std::string& wanted) {
    std::string candidate = wanted;
    for (int i = 2; result_.project.findDesign(candidate) != nullptr; ++i) {
      candidate = wanted + "_" + std::to_string(i);
    }
    return candidate;
  }

  // The attribute that tells an item's entity, or nothing.
  static std::optional<std::string> typeAttribute(const std::vector<Json>& items,
                                                  const std::set<std::string>& keyNames) {
    std::optional<std::string> best;
    std::size_t bestCount = 0;
    std::size_t bestRank = 0;
    std::map<std::string, std::size_t> counts;
    for (const Json& item : items) {
      for (auto it = item.begin(); it != item.end(); ++it) {
        if (it->begin().key() == "S" && keyNames.count(it.key()) == 0) ++counts[it.key()];
      }
    }
    for (const auto& [name, count] : counts) {
      const std::string folded = lower(name);
      for (std::size_t rank = 0; rank < std::size(kTypeAttributeNames); ++rank) {
        if (folded != kTypeAttributeNames[rank]) continue;
        if (count * 2 >= items.size() &&
            (!best || count > bestCount || (count == bestCount && rank < bestRank))) {
          best = name;
          bestCount = count;
          bestRank = rank;
        }
      }
    }
    return best;
  }

  std::vector<Draft> draftsOf(Table& table, const std::set<std::string>& keyNames,
                              std::vector<Json>& tableItems, std::string& how) {
    std::vector<Draft> drafts;
    if (table.hasFacets) {
      for (Facet& facet : table.facets) {
        drafts.push_back(
            {facet.name, facet.pkAlias, facet.skAlias, facet.nonKey, facet.items, facet.stored});
      }
      how = std::to_string(drafts.size()) + " entities from its facets";
      const bool facetsEmpty =
          std::all_of(drafts.begin(), drafts.end(), [](const Draft& d) { return d.items.empty(); });
      auto type = typeAttribute(table.items, keyNames);
      for (const Json& item : table.items) {
        // Items at table level join the facet their type names when the facets hold none.
        Draft* owner = nullptr;
        if (facetsEmpty && type) {
          if (auto value = scalarOf(item, *type)) {
            for (Draft& d : drafts) {
              if (lower(d.name) == lower(*value)) owner = &d;
            }
          }
        }
        if (owner != nullptr) {
          owner->items.push_back(item);
        } else {
          tableItems.push_back(item);
        }
      }
      return drafts;
    }
    std::vector<std::string> declaredNames;
    for (const auto& [name, type] : table.declared) declaredNames.push_back(name);
    auto type = typeAttribute(table.items, keyNames);
    if (!type) {
      drafts.push_back(
          {table.name, std::nullopt, std::nullopt, declaredNames, table.items, Json()});
      how = "one entity (no facets and no type attribute)";
      return drafts;
    }
    for (const Json& item : table.items) {
      const std::string value = scalarOf(item, *type).value_or("");
      auto it = std::find_if(drafts.begin(), drafts.end(), [&](const Draft& d) {
        return d.name == (value.empty() ? table.name : value);
      });
      if (it == drafts.end()) {
        drafts.push_back(
            {value.empty() ? table.name : value, std::nullopt, std::nullopt, {}, {}, Json()});
        it = drafts.end() - 1;
      }
      it->items.push_back(item);
    }
    how =
        std::to_string(drafts.size()) + " entities from the values of attribute \"" + *type + "\"";
    return drafts;
  }

  std::optional<std::string> statedTemplate(const Draft& draft, const std::string& key) const {
    if (!modelSchema_.is_object()) return std::nullopt;
    const Json* model = optionalMember(modelSchema_, draft.name);
    if (model == nullptr || !model->is_object()) return std::nullopt;
    const Json* field = optionalMember(*model, key);
    if (field == nullptr || !field->is_object()) return std::nullopt;
    const Json* value = optionalMember(*field, "value");
    if (value == nullptr || !value->is_string() || value->get<std::string>().empty()) {
      return std::nullopt;
    }
    return templateFromOneTable(value->get<std::string>());
  }

  void addTable(Table& table) {
    Project& project = result_.project;
    Design design;
    design.name = uniqueDesignName(table.name);
    TableSpec spec;
    spec.name = table.name;
    spec.pk = {table.keys.pk.name, table.keys.pk.type};
    if (table.keys.sk) spec.sk = KeyAttributeSpec{table.keys.sk->name, table.keys.sk->type};
    std::map<std::string, std::string> keyTypes{{table.keys.pk.name, table.keys.pk.type}};
    if (table.keys.sk) keyTypes[table.keys.sk->name] = table.keys.sk->type;
    for (const Gsi& gsi : table.gsis) {
      IndexSpec index;
      index.name = gsi.name;
      index.pk = {gsi.keys.pk.name, gsi.keys.pk.type};
      if (gsi.keys.sk) index.sk = KeyAttributeSpec{gsi.keys.sk->name, gsi.keys.sk->type};
      index.projection = gsi.projection;
      index.include = gsi.include;
      spec.gsis.push_back(index);
      keyTypes.emplace(gsi.keys.pk.name, gsi.keys.pk.type);
      if (gsi.keys.sk) keyTypes.emplace(gsi.keys.sk->name, gsi.keys.sk->type);
    }
    spec.billingMode = table.billingMode;
    spec.throughput = table.throughput;
    applyTableSpec(spec, design);

    std::set<std::string> keyNames;
    for (const auto& [name, type] : keyTypes) keyNames.insert(name);
    std::map<std::string, AttributeType> declaredTypes;
    for (const auto& [name, type] : table.declared) declaredTypes.emplace(name, type);

    std::vector<Json> tableItems;
    std::string how;
    std::vector<Draft> drafts = draftsOf(table, keyNames, tableItems, how);

    Json stored = Json::object();
    stored["table"] =
        unknownMembers(table.raw, {"TableName", "KeyAttributes", "NonKeyAttributes",
                                   "GlobalSecondaryIndexes", "TableFacets", "TableData"});
    if (const Json* nonKey = optionalMember(table.raw, "NonKeyAttributes")) {
      stored["nonKeyAttributes"] = *nonKey;
    }
    Json gsiExtras = Json::object();
    for (const Gsi& gsi : table.gsis) {
      if (!gsi.unknown.empty()) gsiExtras[gsi.name] = gsi.unknown;
    }
    if (!gsiExtras.empty()) stored["gsis"] = gsiExtras;
    stored["facets"] = Json::array();

    std::size_t itemCount = 0;
    for (Draft& draft : drafts) {
      Entity entity = buildEntity(draft, table, keyNames, keyTypes, declaredTypes, design);
      itemCount += draft.items.size();
      Json facet = Json::object();
      facet["entity"] = entity.name;
      if (!draft.storedFacet.is_null()) facet["facet"] = draft.storedFacet;
      facet["items"] = draft.items;
      stored["facets"].push_back(facet);
      project.entities.push_back(std::move(entity));
    }
    if (!tableItems.empty()) stored["tableItems"] = tableItems;
    design.extra.emplace_back(kExtraKey, stored.dump());
    result_.notes.push_back("table " + table.name + ": " + how + "; key templates inferred from " +
                            std::to_string(itemCount) + " sample items");
    project.designs.push_back(std::move(design));
  }

  Entity buildEntity(Draft& draft, const Table& table, const std::set<std::string>& keyNames,
                     const std::map<std::string, std::string>& keyTypes,
                     const std::map<std::string, AttributeType>& declaredTypes, Design& design) {
    Entity entity;
    entity.name = uniqueEntityName(draft.name, table.name);

    // Data attributes: listed ones, then those the items have, key attributes left out.
    SampleColumns columns;
    columns.itemCount = draft.items.size();
    std::map<std::string, AttributeType> types;
    auto addColumn = [&](const std::string& name) {
      if (keyNames.count(name) != 0 || columns.find(name) >= 0) return;
      std::vector<std::optional<std::string>> values;
      for (const Json& item : draft.items) values.push_back(scalarOf(item, name));
      columns.add(name, std::move(values));
      if (auto it = declaredTypes.find(name); it != declaredTypes.end()) types[name] = it->second;
    };
    for (const std::string& name : draft.listed) addColumn(name);
    for (const Json& item : draft.items) {
      for (auto it = item.begin(); it != item.end(); ++it) {
        if (keyNames.count(it.key()) == 0 && types.count(it.key()) == 0) {
          addColumn(it.key());
          types.emplace(it.key(), typeOfValue(it.value()));
        }
      }
    }
    const std::size_t dataColumns = columns.names.size();

    std::map<std::string, std::string> inferred;  // key attribute -> template
    auto templateFor = [&](const std::string& key, const std::optional<std::string>& alias) {
      if (auto it = inferred.find(key); it != inferred.end()) return it->second;
      std::string text;
      if (auto stated = statedTemplate(draft, key)) {
        text = *stated;
        if (auto parsed = KeyTemplate::parse(text)) {
          for (const std::string& attribute : parsed->attributes()) {
            if (columns.find(attribute) < 0) columns.add(attribute, {});
          }
        }
      } else {
        KeyInferenceInput input{entity.name, key, alias, {}};
        for (const Json& item : draft.items) input.keyValues.push_back(scalarOf(item, key));
        text = inferKeyTemplate(input, columns);
      }
      inferred[key] = text;
      return text;
    };

    // Keys with a meaningful name first: they become attributes (`Date`) that generic keys
    // (`State#Date`) are composed of.
    std::vector<std::pair<std::string, std::optional<std::string>>> keyOrder{
        {table.keys.pk.name, draft.pkAlias}};
    if (table.keys.sk) keyOrder.emplace_back(table.keys.sk->name, draft.skAlias);
    for (const Gsi& gsi : table.gsis) {
      bool used = draft.items.empty();
      for (const Json& item : draft.items) used = used || item.contains(gsi.keys.pk.name);
      if (!used) continue;
      keyOrder.emplace_back(gsi.keys.pk.name, std::nullopt);
      if (gsi.keys.sk) keyOrder.emplace_back(gsi.keys.sk->name, std::nullopt);
    }
    for (const auto& [key, alias] : keyOrder) {
      if (!isGenericKeyName(key) && !draft.items.empty()) templateFor(key, alias);
    }

    EntityKeys tableKeys{entity.name, {}};
    tableKeys.templates.emplace_back(table.keys.pk.name,
                                     templateFor(table.keys.pk.name, draft.pkAlias));
    if (table.keys.sk) {
      tableKeys.templates.emplace_back(table.keys.sk->name,
                                       templateFor(table.keys.sk->name, draft.skAlias));
    }
    design.entityKeys.push_back(tableKeys);

    for (std::size_t g = 0; g < table.gsis.size(); ++g) {
      const Gsi& gsi = table.gsis[g];
      bool member = false;
      for (const Json& item : draft.items) {
        member = member || (item.contains(gsi.keys.pk.name) &&
                            (!gsi.keys.sk || item.contains(gsi.keys.sk->name)));
      }
      if (draft.items.empty()) {
        member = std::find(draft.listed.begin(), draft.listed.end(), gsi.keys.pk.name) !=
                 draft.listed.end();
      }
      if (!member) continue;
      EntityKeys keys{entity.name, {}};
      keys.templates.emplace_back(gsi.keys.pk.name, templateFor(gsi.keys.pk.name, std::nullopt));
      if (gsi.keys.sk) {
        keys.templates.emplace_back(gsi.keys.sk->name,
                                    templateFor(gsi.keys.sk->name, std::nullopt));
      }
      design.gsis[g].entityKeys.push_back(std::move(keys));
    }

    // The type of an attribute that is a whole key is the key's type.
    for (const auto& [key, text] : inferred) {
      if (text.size() > 2 && text.front() == '{' && text.back() == '}' &&
          text.find('{', 1) == std::string::npos) {
        const std::string attribute = text.substr(1, text.size() - 2);
        auto parsed = parseAttributeType(keyTypes.at(key));
        if (parsed && types.count(attribute) == 0) types[attribute] = *parsed;
      }
    }
    auto attributeOf = [&](std::size_t column) {
      Attribute attribute;
      attribute.name = columns.names[column];
      auto it = types.find(attribute.name);
      attribute.type = it == types.end() ? AttributeType::S : it->second;
      return attribute;
    };
    for (std::size_t c = dataColumns; c < columns.names.size(); ++c) {
      entity.attributes.push_back(attributeOf(c));
    }
    for (std::size_t c = 0; c < dataColumns; ++c) entity.attributes.push_back(attributeOf(c));

    for (const auto& [key, text] : tableKeys.templates) {
      if (auto parsed = KeyTemplate::parse(text)) {
        for (const std::string& attribute : parsed->attributes()) {
          if (std::find(entity.identifier.begin(), entity.identifier.end(), attribute) ==
              entity.identifier.end()) {
            entity.identifier.push_back(attribute);
          }
        }
      }
    }
    return entity;
  }

  const std::string& file_;
  ImportResult& result_;
  Json modelSchema_;
};

}  // namespace

ImportResult readNoSqlWorkbenchModel(std::string_view text, const std::string& file) {
  ImportResult result;
  try {
    const Json root = parseJsonText(text);
    ModelReader reader(file, result);
    reader.read(root);
  } catch (const ReadFailure& failure) {
    result.project = Project();
    result.status = failureStatus(file, failure);
  } catch (const std::exception& e) {
    // Not expected: every shape is checked before use. Still an error value, never a crash.
    result.project = Project();
    result.status = failureStatus(file, ReadFailure("", std::string("cannot read: ") + e.what()));
  }
  return result;
}

}  // namespace kvlab::model::interop
