#include "model/interop/nosql_workbench_writer.h"

#include <ctime>
#include <set>

#include "model/design/sample_items.h"
#include "model/interop/json_support.h"
#include "model/interop/table_spec.h"
#include "model/schema/key_template.h"

namespace kvlab::model::interop {
namespace {

constexpr const char* kExtraKey = "nosqlWorkbench";
constexpr int kGeneratedItems = 2;

// "Jan 5, 2025, 9:30 AM", the form Workbench writes dates in.
std::string workbenchNow() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const int hour12 = utc.tm_hour % 12 == 0 ? 12 : utc.tm_hour % 12;
  char text[64];
  std::snprintf(text, sizeof text, "%s %d, %d, %d:%02d %s", kMonths[utc.tm_mon], utc.tm_mday,
                utc.tm_year + 1900, hour12, utc.tm_min, utc.tm_hour < 12 ? "AM" : "PM");
  return text;
}

Json keyJson(const KeyAttributeSpec& key) {
  return Json{{"AttributeName", key.name}, {"AttributeType", key.type}};
}

Json keyPairJson(const KeyAttributeSpec& pk, const std::optional<KeyAttributeSpec>& sk) {
  Json out = Json::object();
  out["PartitionKey"] = keyJson(pk);
  if (sk) out["SortKey"] = keyJson(*sk);
  return out;
}

// A generated value in DynamoDB's JSON form ({"S": "..."}, {"L": [...]}, {"BOOL": true}).
Json valueJson(const SampleValue& value) {
  const std::string type(attributeTypeName(value.type));
  switch (value.type) {
    case AttributeType::BOOL:
      return Json{{type, value.text == "true"}};
    case AttributeType::NULL_:
      return Json{{type, true}};
    case AttributeType::L: {
      Json elements = Json::array();
      for (const SampleValue& element : value.elements) elements.push_back(valueJson(element));
      return Json{{type, elements}};
    }
    case AttributeType::M: {
      Json members = Json::object();
      for (std::size_t i = 0; i < value.elements.size() && i < value.names.size(); ++i) {
        members[value.names[i]] = valueJson(value.elements[i]);
      }
      return Json{{type, members}};
    }
    case AttributeType::SS:
    case AttributeType::NS:
    case AttributeType::BS: {
      Json members = Json::array();
      for (const SampleValue& element : value.elements) members.push_back(element.text);
      return Json{{type, members}};
    }
    default:
      return Json{{type, value.text}};
  }
}

std::vector<Json> generateItems(const Project& project, const Entity& entity,
                                const Design& design) {
  SampleItemOptions options;
  options.itemsPerEntity = kGeneratedItems;
  std::vector<Json> items;
  for (const SampleItem& item : sampleItemsOf(project, design, entity, options)) {
    Json out = Json::object();
    for (const SampleAttribute& attribute : item.attributes) {
      out[attribute.name] = valueJson(attribute.value);
    }
    items.push_back(std::move(out));
  }
  return items;
}

// The stored entry of `entity` in a design's `nosqlWorkbench` extra, or null.
const Json* storedFacet(const Json& stored, const std::string& entity) {
  if (!stored.is_object()) return nullptr;
  const Json* facets = optionalMember(stored, "facets");
  if (facets == nullptr || !facets->is_array()) return nullptr;
  for (const Json& facet : *facets) {
    if (facet.is_object() && facet.value("entity", "") == entity) return &facet;
  }
  return nullptr;
}

// Kept items still fit the design when each has the table's keys.
bool itemsFit(const Json& items, const TableSpec& spec) {
  if (!items.is_array()) return false;
  for (const Json& item : items) {
    if (!item.is_object() || !item.contains(spec.pk.name) ||
        (spec.sk && !item.contains(spec.sk->name))) {
      return false;
    }
  }
  return true;
}

std::string aliasOf(const std::string* text, const std::string& key) {
  if (text == nullptr) return key;
  auto parsed = KeyTemplate::parse(*text);
  if (parsed && parsed->segments().size() == 1 && parsed->segments().front().isAttribute) {
    return parsed->segments().front().text;
  }
  return key;
}

Json facetJson(const Project& project, const Design& design, const EntityKeys& entityKeys,
               const TableSpec& spec, const Json& stored) {
  const Json* kept = storedFacet(stored, entityKeys.entity);
  const Json keptFacet = kept != nullptr && kept->contains("facet") && (*kept)["facet"].is_object()
                             ? (*kept)["facet"]
                             : Json::object();
  Json facet = Json::object();
  facet["FacetName"] = keptFacet.value("FacetName", entityKeys.entity);
  if (keptFacet.contains("KeyAttributeAlias")) {
    facet["KeyAttributeAlias"] = keptFacet["KeyAttributeAlias"];
  } else {
    Json alias = Json::object();
    alias["PartitionKeyAlias"] = aliasOf(entityKeys.find(spec.pk.name), spec.pk.name);
    if (spec.sk) alias["SortKeyAlias"] = aliasOf(entityKeys.find(spec.sk->name), spec.sk->name);
    facet["KeyAttributeAlias"] = alias;
  }
  const Entity* entity = project.findEntity(entityKeys.entity);
  if (kept != nullptr && itemsFit((*kept)["items"], spec)) {
    facet["TableData"] = (*kept)["items"];
  } else if (entity != nullptr) {
    facet["TableData"] = generateItems(project, *entity, design);
  } else {
    facet["TableData"] = Json::array();
  }
  if (keptFacet.contains("NonKeyAttributes")) {
    facet["NonKeyAttributes"] = keptFacet["NonKeyAttributes"];
  } else {
    Json names = Json::array();
    std::set<std::string> seen{spec.pk.name};
    if (spec.sk) seen.insert(spec.sk->name);
    for (const auto& [key, text] : keyTemplatesOf(design, entityKeys.entity)) {
      if (seen.insert(key).second) names.push_back(key);
    }
    if (entity != nullptr) {
      for (const Attribute& attribute : entity->attributes) {
        if (seen.insert(attribute.name).second) names.push_back(attribute.name);
      }
    }
    facet["NonKeyAttributes"] = names;
  }
  facet["DataAccess"] = keptFacet.value("DataAccess", Json{{"MySql", Json::object()}});
  for (auto it = keptFacet.begin(); it != keptFacet.end(); ++it) {
    if (!facet.contains(it.key())) facet[it.key()] = it.value();
  }
  return facet;
}

Json tableJson(const Project& project, const Design& design) {
  const TableSpec spec = tableSpecOf(project, design);
  const Json stored = extraJson(design.extra, kExtraKey);
  const Json keptTable =
      stored.is_object() && stored.contains("table") && stored["table"].is_object()
          ? stored["table"]
          : Json::object();
  Json table = Json::object();
  table["TableName"] = spec.name;
  table["KeyAttributes"] = keyPairJson(spec.pk, spec.sk);

  // Every non-key attribute an item may have: kept declarations, index keys, entity attributes.
  Json nonKey = Json::array();
  std::set<std::string> seen{spec.pk.name};
  if (spec.sk) seen.insert(spec.sk->name);
  if (stored.is_object() && stored.contains("nonKeyAttributes") &&
      stored["nonKeyAttributes"].is_array()) {
    for (const Json& element : stored["nonKeyAttributes"]) {
      if (element.is_object() && element.contains("AttributeName") &&
          element["AttributeName"].is_string()) {
        seen.insert(element["AttributeName"].get<std::string>());
        nonKey.push_back(element);
      }
    }
  }
  for (const KeyAttributeSpec& key : spec.attributeDefinitions()) {
    if (seen.insert(key.name).second) nonKey.push_back(keyJson(key));
  }
  for (const EntityKeys& keys : design.entityKeys) {
    const Entity* entity = project.findEntity(keys.entity);
    if (entity == nullptr) continue;
    for (const Attribute& attribute : entity->attributes) {
      if (seen.insert(attribute.name).second) {
        nonKey.push_back(Json{{"AttributeName", attribute.name},
                              {"AttributeType", std::string(attributeTypeName(attribute.type))}});
      }
    }
  }
  table["NonKeyAttributes"] = nonKey;

  Json facets = Json::array();
  for (const EntityKeys& keys : design.entityKeys) {
    facets.push_back(facetJson(project, design, keys, spec, stored));
  }
  table["TableFacets"] = facets;

  if (!spec.gsis.empty()) {
    const Json keptGsis = stored.is_object() && stored.contains("gsis") ? stored["gsis"] : Json();
    Json gsis = Json::array();
    for (const IndexSpec& index : spec.gsis) {
      Json gsi = Json::object();
      gsi["IndexName"] = index.name;
      gsi["KeyAttributes"] = keyPairJson(index.pk, index.sk);
      Json projection{{"ProjectionType", std::string(projectionName(index.projection))}};
      if (index.projection == Projection::Include) projection["NonKeyAttributes"] = index.include;
      gsi["Projection"] = projection;
      if (keptGsis.is_object() && keptGsis.contains(index.name) &&
          keptGsis[index.name].is_object()) {
        for (auto it = keptGsis[index.name].begin(); it != keptGsis[index.name].end(); ++it) {
          if (!gsi.contains(it.key())) gsi[it.key()] = it.value();
        }
      }
      gsis.push_back(gsi);
    }
    table["GlobalSecondaryIndexes"] = gsis;
  }
  table["TableData"] =
      stored.is_object() && stored.contains("tableItems") ? stored["tableItems"] : Json::array();
  table["DataAccess"] = keptTable.value("DataAccess", Json{{"MySql", Json::object()}});
  table["BillingMode"] =
      spec.billingMode.value_or(keptTable.value("BillingMode", "PAY_PER_REQUEST"));
  Json capacity = keptTable.value("ProvisionedCapacitySettings", Json::object());
  if (spec.throughput) {
    capacity["ProvisionedThroughput"] = Json{{"ReadCapacityUnits", spec.throughput->read},
                                             {"WriteCapacityUnits", spec.throughput->write}};
  }
  if (!capacity.empty()) table["ProvisionedCapacitySettings"] = capacity;
  for (auto it = keptTable.begin(); it != keptTable.end(); ++it) {
    if (!table.contains(it.key())) table[it.key()] = it.value();
  }
  return table;
}

}  // namespace

namespace {

Status writeModel(const Project& project, const std::vector<const Design*>& designs,
                  const ExportOptions& options, std::string& out) {
  std::set<std::string> tables;
  for (const Design* design : designs) {
    if (!tables.insert(design->table.name).second) {
      return Status::Error("designs name table " + design->table.name +
                           " twice; a NoSQL Workbench model holds each table once");
    }
  }
  const Json stored = extraJson(project.extra, kExtraKey);
  const Json keptMetadata =
      stored.is_object() && stored.contains("ModelMetadata") && stored["ModelMetadata"].is_object()
          ? stored["ModelMetadata"]
          : Json::object();
  const std::string now = options.timestamp.empty() ? workbenchNow() : options.timestamp;
  Json root = Json::object();
  root["ModelName"] = project.name;
  Json metadata = Json::object();
  // Kept values are written as they were, whatever their type.
  auto keptOr = [&keptMetadata](const char* key, const Json& fallback) {
    return keptMetadata.contains(key) ? keptMetadata[key] : fallback;
  };
  metadata["Author"] = keptOr("Author", "");
  metadata["DateCreated"] = keptOr("DateCreated", now);
  metadata["DateLastModified"] = now;
  metadata["Description"] =
      project.description ? Json(*project.description) : keptOr("Description", "");
  metadata["AWSService"] = "Amazon DynamoDB";
  metadata["Version"] = "3.0";
  for (auto it = keptMetadata.begin(); it != keptMetadata.end(); ++it) {
    if (!metadata.contains(it.key())) metadata[it.key()] = it.value();
  }
  root["ModelMetadata"] = metadata;
  Json dataModel = Json::array();
  for (const Design* design : designs) dataModel.push_back(tableJson(project, *design));
  root["DataModel"] = dataModel;
  if (stored.is_object() && stored.contains("unknown") && stored["unknown"].is_object()) {
    for (auto it = stored["unknown"].begin(); it != stored["unknown"].end(); ++it) {
      if (!root.contains(it.key())) root[it.key()] = it.value();
    }
  }
  out = root.dump(2) + "\n";
  return Status::Ok();
}

}  // namespace

Status writeNoSqlWorkbenchModel(const Project& project, const std::vector<const Design*>& designs,
                                const ExportOptions& options, std::string& out) {
  try {
    return writeModel(project, designs, options, out);
  } catch (const std::exception& e) {
    // A kept extra field of an unexpected shape (edited by hand): an error, not a crash.
    return Status::Error(std::string("cannot export: ") + e.what());
  }
}

}  // namespace kvlab::model::interop
