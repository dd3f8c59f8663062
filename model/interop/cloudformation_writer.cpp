#include "model/interop/cloudformation_writer.h"

#include <yaml-cpp/yaml.h>
#include <algorithm>

#include <cctype>
#include <regex>
#include <set>

#include "model/interop/json_support.h"
#include "model/interop/table_definition.h"
#include "model/interop/table_spec.h"

namespace kvlab::model::interop {
namespace {

constexpr const char* kExtraKey = "cloudFormation";

// A CloudFormation logical id (letters and digits) for a table name.
std::string logicalIdFor(const std::string& tableName) {
  std::string id;
  bool upper = true;
  for (char c : tableName) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0) {
      upper = true;
      continue;
    }
    id += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  if (id.empty() || std::isdigit(static_cast<unsigned char>(id.front())) != 0) id = "T" + id;
  return id + "Table";
}

// Strings a YAML reader would take for something else are quoted.
bool needsQuotes(const std::string& text) {
  static const std::regex kNumberLike("[-+]?(\\.?[0-9].*|\\.inf|\\.nan)|0[xo].*",
                                      std::regex::icase);
  static const std::set<std::string> kReserved = {
      "",      "~",     "null", "Null", "NULL", "true", "True", "TRUE", "false",
      "False", "FALSE", "yes",  "Yes",  "YES",  "no",   "No",   "NO",   "on",
      "On",    "ON",    "off",  "Off",  "OFF",  "y",    "Y",    "n",    "N"};
  // Control characters survive only as escapes, which only double quotes have.
  const bool control = std::any_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
  return control || kReserved.count(text) != 0 || std::regex_match(text, kNumberLike);
}

// YAML allows an implicit key of at most 1024 characters; a longer one must be explicit ("? ").
// Escapes can make a key four times longer than its bytes.
constexpr std::size_t kMaxImplicitKey = 250;

void emitYaml(YAML::Emitter& out, const Json& value) {
  switch (value.type()) {
    case Json::value_t::object:
      out << YAML::BeginMap;
      for (auto it = value.begin(); it != value.end(); ++it) {
        if (it.key().size() > kMaxImplicitKey) out << YAML::LongKey;
        out << YAML::Key;
        if (needsQuotes(it.key())) out << YAML::DoubleQuoted;
        out << it.key() << YAML::Value;
        emitYaml(out, it.value());
      }
      out << YAML::EndMap;
      break;
    case Json::value_t::array:
      out << YAML::BeginSeq;
      for (const Json& element : value) emitYaml(out, element);
      out << YAML::EndSeq;
      break;
    case Json::value_t::string: {
      const std::string& text = value.get_ref<const std::string&>();
      if (needsQuotes(text)) out << YAML::DoubleQuoted;
      out << text;
      break;
    }
    case Json::value_t::boolean:
      out << value.get<bool>();
      break;
    case Json::value_t::null:
      out << YAML::Null;
      break;
    default:
      out << value.dump();
      break;
  }
}

}  // namespace

namespace {

Status writeTemplate(const Project& project, const std::vector<const Design*>& designs,
                     const ExportOptions& options, std::string& out) {
  std::set<std::string> tables;
  for (const Design* design : designs) {
    if (!tables.insert(design->table.name).second) {
      return Status::Error("designs name table " + design->table.name +
                           " twice; a template creates each table once");
    }
  }
  const Json kept = extraJson(project.extra, kExtraKey);
  Json root = kept.is_object() && kept.contains("template") && kept["template"].is_object()
                  ? kept["template"]
                  : Json::object();
  if (!root.contains("AWSTemplateFormatVersion")) {
    Json fresh = Json::object();
    fresh["AWSTemplateFormatVersion"] = "2010-09-09";
    fresh["Description"] = project.description.value_or("DynamoDB tables of " + project.name +
                                                        " (exported by KV Lab)");
    for (auto it = root.begin(); it != root.end(); ++it) fresh[it.key()] = it.value();
    root = fresh;
  }
  Json keptResources = root.contains("Resources") && root["Resources"].is_object()
                           ? root["Resources"]
                           : Json::object();
  Json resources = Json::object();
  std::set<std::string> ids;
  for (auto it = keptResources.begin(); it != keptResources.end(); ++it) ids.insert(it.key());
  for (const Design* design : designs) {
    const Json stored = extraJson(design->extra, kExtraKey);
    const TableSpec spec = tableSpecOf(project, *design);
    Json properties = tableDefinitionJson(spec);
    std::string id;
    if (stored.is_object()) {
      if (stored.contains("tableName")) properties["TableName"] = stored["tableName"];
      if (stored.contains("logicalId") && stored["logicalId"].is_string()) {
        id = stored["logicalId"].get<std::string>();
      }
      const Json indexes = stored.value("indexes", Json::object());
      for (const char* field : {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
        if (!properties.contains(field)) continue;
        for (Json& index : properties[field]) {
          const std::string name = index["IndexName"].get<std::string>();
          if (!indexes.contains(name) || !indexes[name].is_object()) continue;
          for (auto it = indexes[name].begin(); it != indexes[name].end(); ++it)
            index[it.key()] = it.value();
        }
      }
      const Json others = stored.value("properties", Json::object());
      for (auto it = others.begin(); it != others.end(); ++it) properties[it.key()] = it.value();
    }
    if (id.empty()) id = logicalIdFor(spec.name);
    const std::string base = id;
    for (int i = 2;
         ids.count(id) != 0 && !(stored.is_object() && stored.value("logicalId", "") == id); ++i) {
      id = base + std::to_string(i);
    }
    ids.insert(id);
    Json resource = Json::object();
    resource["Type"] = "AWS::DynamoDB::Table";
    if (stored.is_object() && stored.contains("resource") && stored["resource"].is_object()) {
      for (auto it = stored["resource"].begin(); it != stored["resource"].end(); ++it) {
        resource[it.key()] = it.value();
      }
    }
    resource["Properties"] = properties;
    resources[id] = resource;
  }
  for (auto it = keptResources.begin(); it != keptResources.end(); ++it) {
    if (!resources.contains(it.key())) resources[it.key()] = it.value();
  }
  root["Resources"] = resources;

  if (!options.yaml) {
    out = root.dump(2) + "\n";
    return Status::Ok();
  }
  YAML::Emitter emitter;
  emitter.SetIndent(2);
  emitYaml(emitter, root);
  if (!emitter.good()) return Status::Error("could not write YAML: " + emitter.GetLastError());
  out = std::string(emitter.c_str()) + "\n";
  return Status::Ok();
}

}  // namespace

Status writeCloudFormationTemplate(const Project& project,
                                   const std::vector<const Design*>& designs,
                                   const ExportOptions& options, std::string& out) {
  try {
    return writeTemplate(project, designs, options, out);
  } catch (const std::exception& e) {
    // A kept extra field of an unexpected shape (edited by hand): an error, not a crash.
    return Status::Error(std::string("cannot export: ") + e.what());
  }
}

}  // namespace kvlab::model::interop
