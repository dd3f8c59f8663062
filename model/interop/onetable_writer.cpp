#include "model/interop/onetable_writer.h"

#include <algorithm>

#include "model/interop/json_support.h"
#include "model/interop/table_spec.h"
#include "model/schema/key_template.h"

namespace kvlab::model::interop {
namespace {

std::string oneTableType(AttributeType type) {
  switch (type) {
    case AttributeType::S:
      return "string";
    case AttributeType::N:
      return "number";
    case AttributeType::B:
      return "binary";
    case AttributeType::BOOL:
      return "boolean";
    case AttributeType::NULL_:
      return "string";
    case AttributeType::L:
      return "array";
    case AttributeType::M:
      return "object";
    case AttributeType::SS:
    case AttributeType::NS:
    case AttributeType::BS:
      return "set";
  }
  return "string";
}

std::string oneTableKeyType(const std::string& type) {
  return type == "N" ? "number" : type == "B" ? "binary" : "string";
}

// `c#{customerId}` as OneTable writes it: `c#${customerId}`.
std::string oneTableValue(const std::string& text) {
  auto parsed = KeyTemplate::parse(text);
  if (!parsed) return text;
  std::string out;
  for (const KeyTemplate::Segment& segment : parsed->segments()) {
    out += segment.isAttribute ? "${" + segment.text + "}" : segment.text;
  }
  return out;
}

void setProjection(const IndexSpec& index, Json& project) {
  switch (index.projection) {
    case Projection::All:
      project = "all";
      break;
    case Projection::KeysOnly:
      project = "keys";
      break;
    case Projection::Include:
      project = index.include;
      break;
  }
}

}  // namespace

namespace {

Status writeSchema(const Project& project, const Design& design, std::string& out) {
  const TableSpec spec = tableSpecOf(project, design);
  Json root = Json::object();
  root["format"] = "onetable:1.1.0";
  root["version"] = "0.0.1";
  Json indexes = Json::object();
  Json primary{{"hash", spec.pk.name}};
  if (spec.sk) primary["sort"] = spec.sk->name;
  indexes["primary"] = primary;
  for (const IndexSpec& gsi : spec.gsis) {
    Json index{{"hash", gsi.pk.name}};
    if (gsi.sk) index["sort"] = gsi.sk->name;
    Json projection;
    setProjection(gsi, projection);
    index["project"] = projection;
    indexes[gsi.name] = index;
  }
  for (const IndexSpec& lsi : spec.lsis) {
    Json index{{"type", "local"}};
    if (lsi.sk) index["sort"] = lsi.sk->name;
    Json projection;
    setProjection(lsi, projection);
    index["project"] = projection;
    indexes[lsi.name] = index;
  }
  root["indexes"] = indexes;
  root["params"] = Json{{"typeField", "_type"}};

  Json models = Json::object();
  for (const EntityKeys& tableKeys : design.entityKeys) {
    const Entity* entity = project.findEntity(tableKeys.entity);
    Json model = Json::object();
    auto addKeys = [&](const EntityKeys* keys) {
      if (keys == nullptr) return;
      for (const auto& [key, text] : keys->templates) {
        if (model.contains(key)) continue;
        std::string type = "string";
        for (const KeyAttributeSpec& definition : spec.attributeDefinitions()) {
          if (definition.name == key) type = oneTableKeyType(definition.type);
        }
        Json field{{"type", type}};
        if (text != "{" + key + "}") field["value"] = oneTableValue(text);
        model[key] = field;
      }
    };
    addKeys(&tableKeys);
    for (const SecondaryIndex& gsi : design.gsis) addKeys(gsi.findEntity(tableKeys.entity));
    for (const SecondaryIndex& lsi : design.lsis) addKeys(lsi.findEntity(tableKeys.entity));
    if (entity != nullptr) {
      for (const Attribute& attribute : entity->attributes) {
        if (model.contains(attribute.name)) {
          // A key that is the attribute itself: one field of the attribute's type.
          if (!model[attribute.name].contains("value")) {
            model[attribute.name]["type"] = oneTableType(attribute.type);
          }
          continue;
        }
        Json field{{"type", oneTableType(attribute.type)}};
        if (std::find(entity->identifier.begin(), entity->identifier.end(), attribute.name) !=
            entity->identifier.end()) {
          field["required"] = true;
        }
        if (attribute.format && attribute.format->rfind("enum:", 0) == 0) {
          field["enum"] = enumValues(*attribute.format);
        }
        model[attribute.name] = field;
      }
    }
    models[tableKeys.entity] = model;
  }
  root["models"] = models;
  out = root.dump(2) + "\n";
  return Status::Ok();
}

}  // namespace

Status writeOneTableSchema(const Project& project, const Design& design, std::string& out) {
  try {
    return writeSchema(project, design, out);
  } catch (const std::exception& e) {
    // A kept extra field of an unexpected shape (edited by hand): an error, not a crash.
    return Status::Error(std::string("cannot export: ") + e.what());
  }
}

}  // namespace kvlab::model::interop
