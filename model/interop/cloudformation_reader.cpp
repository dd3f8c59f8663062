#include "model/interop/cloudformation_reader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <regex>

#include "model/interop/json_support.h"
#include "model/interop/table_spec.h"
#include "model/io/json_path.h"
#include "model/schema/project_validator.h"

namespace kvlab::model::interop {
namespace {

constexpr const char* kExtraKey = "cloudFormation";

bool isTableType(const Json& type) {
  return type.is_string() &&
         (type == "AWS::DynamoDB::Table" || type == "AWS::DynamoDB::GlobalTable");
}

// A YAML short-form tag (`!Ref`, `!GetAtt`, `!Sub`...) as its long form.
Json longForm(const std::string& tag, Json value) {
  const std::string name = tag.substr(1);
  if (name == "Ref" || name == "Condition") return Json{{name, std::move(value)}};
  if (name == "GetAtt" && value.is_string()) {
    const std::string text = value.get<std::string>();
    const std::size_t dot = text.find('.');
    Json parts = Json::array({text.substr(0, dot)});
    if (dot != std::string::npos) parts.push_back(text.substr(dot + 1));
    return Json{{"Fn::GetAtt", parts}};
  }
  return Json{{"Fn::" + name, std::move(value)}};
}

Json plainScalar(const std::string& text) {
  static const std::regex kInteger("[-+]?[0-9]+");
  static const std::regex kFloat(
      "[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+");
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
    return nullptr;
  }
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  if (std::regex_match(text, kInteger) && text.size() < 18) return std::stoll(text);
  if (std::regex_match(text, kFloat)) {
    try {
      return std::stod(text);
    } catch (const std::out_of_range&) {
      return text;  // beyond a double: kept as the text it is
    }
  }
  return text;
}

// Beyond these a YAML template is refused. An alias stands for the whole node it names, so a short
// text can stand for a huge number of values, or of bytes (aliases of lists of aliases grow
// exponentially: the "billion laughs"); the reader counts both as it expands aliases.
constexpr int kMaxYamlDepth = 128;
constexpr std::size_t kMaxYamlValues = 1000000;
constexpr std::size_t kMaxYamlBytes = 64 * 1024 * 1024;  // as a kvlab/1 document

struct YamlBudget {
  std::size_t values = 0;
  std::size_t bytes = 0;
};

ReadFailure yamlLimit(const YAML::Node& node, std::string message) {
  ReadFailure failure{"", std::move(message)};
  const YAML::Mark mark = node.Mark();
  if (!mark.is_null()) {
    failure.line = mark.line + 1;
    failure.column = mark.column + 1;
  }
  return failure;
}

Json fromYaml(const YAML::Node& node, int depth, YamlBudget& budget) {
  if (depth > kMaxYamlDepth) {
    throw yamlLimit(
        node, "the document nests more than " + std::to_string(kMaxYamlDepth) + " levels deep");
  }
  if (++budget.values > kMaxYamlValues) {
    throw yamlLimit(node, "the document holds more than " + std::to_string(kMaxYamlValues) +
                              " values once its aliases (*name) are expanded; expected at most "
                              "that many");
  }
  if (node.IsScalar()) budget.bytes += node.Scalar().size();
  if (budget.bytes > kMaxYamlBytes) {
    throw yamlLimit(node, "the document holds more than " + std::to_string(kMaxYamlBytes) +
                              " bytes of text once its aliases (*name) are expanded; expected at "
                              "most that many");
  }
  Json value;
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      value = nullptr;
      break;
    case YAML::NodeType::Scalar:
      value = node.Tag() == "?" ? plainScalar(node.Scalar()) : Json(node.Scalar());
      break;
    case YAML::NodeType::Sequence:
      value = Json::array();
      for (const YAML::Node& element : node) value.push_back(fromYaml(element, depth + 1, budget));
      break;
    case YAML::NodeType::Map:
      value = Json::object();
      for (const auto& pair : node) {
        std::string key = pair.first.as<std::string>();
        budget.bytes += key.size();  // checked with the value's own bytes
        value[std::move(key)] = fromYaml(pair.second, depth + 1, budget);
      }
      break;
  }
  const std::string& tag = node.Tag();
  if (tag.size() > 1 && tag[0] == '!' && tag[1] != '!') return longForm(tag, std::move(value));
  return value;
}

// The offset of the first byte of `text` that is not well-formed UTF-8 (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF), or npos.
std::size_t invalidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
    const unsigned char c = byte(i);
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const unsigned char next = byte(i + k);
      if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

Json parseTemplate(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '{') return parseJsonText(text);
  // YAML is Unicode text, and yaml-cpp passes bytes through: check here, where the place is known.
  // Nor may it hold C0 control characters but tab, line feed and carriage return (YAML 1.2,
  // c-printable); yaml-cpp reads past a NUL into bytes of its own (found by fuzzing: a NUL in a
  // flow mapping came out as a lone 0x85 in a key). DEL (0x7F) is let through: yaml-cpp reads it
  // as itself, and its emitter writes it unescaped, so the templates KV Lab writes hold it.
  const std::size_t badUtf8 = invalidUtf8(text);
  std::size_t control = std::string_view::npos;
  for (std::size_t i = 0; i < text.size() && i < badUtf8; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      control = i;
      break;
    }
  }
  if (const std::size_t bad = std::min(badUtf8, control); bad != std::string_view::npos) {
    int line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < bad; ++i) {
      if (text[i] == '\n') {
        ++line;
        lineStart = i + 1;
      }
    }
    const int column = static_cast<int>(bad - lineStart) + 1;
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
    throw ReadFailure{"",
                      bad == control ? std::string("malformed YAML: control character ") + hex +
                                           "; expected printable text (tabs and line breaks only)"
                                     : std::string("malformed YAML: invalid UTF-8 byte ") + hex +
                                           "; expected UTF-8 text",
                      line, column};
  }
  try {
    const YAML::Node root = YAML::Load(std::string(text));
    YamlBudget budget;
    return fromYaml(root, 0, budget);
  } catch (const YAML::Exception& e) {
    ReadFailure failure{"", "malformed YAML: " + e.msg};
    if (!e.mark.is_null()) {
      failure.line = e.mark.line + 1;
      failure.column = e.mark.column + 1;
    }
    throw failure;
  }
}

// A non-negative integer, or nothing when the value is an intrinsic function.
std::optional<long long> countOrNothing(const Json& object, const std::string& key,
                                        const std::string& path) {
  const Json* value = optionalMember(object, key);
  if (value == nullptr || value->is_object()) return std::nullopt;
  return optionalCount(object, key, path);
}

struct KeySchema {
  std::string hash;
  std::optional<std::string> range;
};

KeySchema readKeySchema(const Json& object, const std::string& parent) {
  const std::string path = jsonPathMember(parent, "KeySchema");
  const Json& schema = expectArray(requireMember(object, "KeySchema", parent), path);
  KeySchema keys;
  for (std::size_t i = 0; i < schema.size(); ++i) {
    const std::string elementPath = jsonPathIndex(path, i);
    expectObject(schema[i], elementPath);
    const std::string name = requireString(schema[i], "AttributeName", elementPath);
    const std::string type = requireString(schema[i], "KeyType", elementPath);
    if (type == "HASH" && keys.hash.empty()) {
      keys.hash = name;
    } else if (type == "RANGE" && !keys.range) {
      keys.range = name;
    } else {
      throw ReadFailure{
          jsonPathMember(elementPath, "KeyType"),
          "expected one HASH and at most one RANGE key, found another \"" + type + "\""};
    }
  }
  if (keys.hash.empty()) throw ReadFailure{path, "expected a key of KeyType HASH"};
  return keys;
}

std::optional<ThroughputSpec> readThroughput(const Json& object, const std::string& parent,
                                             bool& verbatim) {
  const Json* value = optionalMember(object, "ProvisionedThroughput");
  verbatim = false;
  if (value == nullptr || value->is_null()) return std::nullopt;
  const std::string path = jsonPathMember(parent, "ProvisionedThroughput");
  expectObject(*value, path);
  auto read = countOrNothing(*value, "ReadCapacityUnits", path);
  auto write = countOrNothing(*value, "WriteCapacityUnits", path);
  if (!read || !write) {
    verbatim = true;  // parameters or functions: kept as written
    return std::nullopt;
  }
  return ThroughputSpec{*read, *write};
}

class TemplateReader {
 public:
  TemplateReader(const std::string& file, ImportResult& result) : file_(file), result_(result) {}

  void read(const Json& root) {
    expectObject(root, "");
    Project& project = result_.project;
    project.name = std::filesystem::path(file_).stem().string();
    if (project.name.empty()) project.name = "CloudFormation template";
    if (auto description = optionalString(root, "Description", "");
        description && !description->empty()) {
      project.description = *description;
    }
    const Json& resources = expectObject(requireMember(root, "Resources", ""), "Resources");
    Json rest = root;
    rest["Resources"] = Json::object();
    for (auto it = resources.begin(); it != resources.end(); ++it) {
      const std::string path = jsonPathMember("Resources", it.key());
      if (it->is_object() && isTableType(it->value("Type", Json()))) {
        addTable(it.key(), *it, path);
      } else {
        rest["Resources"][it.key()] = *it;
      }
    }
    if (project.designs.empty()) {
      throw ReadFailure{"Resources",
                        "expected a resource of Type AWS::DynamoDB::Table; found none"};
    }
    // Replace, not throw, should a library ever hand back bytes that are not UTF-8.
    project.extra.emplace_back(
        kExtraKey, Json{{"template", rest}}.dump(-1, ' ', false, Json::error_handler_t::replace));
    requireValidProject(project);
  }

 private:
  void addTable(const std::string& logicalId, const Json& resource, const std::string& path) {
    const std::string propertiesPath = jsonPathMember(path, "Properties");
    const Json& properties =
        expectObject(requireMember(resource, "Properties", path), propertiesPath);
    Json stored = Json::object();
    stored["logicalId"] = logicalId;
    stored["resource"] = unknownMembers(resource, {"Properties"});

    TableSpec spec;
    const Json* tableName = optionalMember(properties, "TableName");
    std::string namePath = jsonPathMember(propertiesPath, "TableName");
    if (tableName != nullptr && tableName->is_string() && !tableName->get<std::string>().empty()) {
      spec.name = tableName->get<std::string>();
    } else {
      spec.name = logicalId;  // the name CloudFormation would derive from it
      namePath = path;
      if (tableName != nullptr) stored["tableName"] = *tableName;
    }

    std::vector<KeyAttributeSpec> definitions;
    if (const Json* defs = optionalMember(properties, "AttributeDefinitions")) {
      const std::string defsPath = jsonPathMember(propertiesPath, "AttributeDefinitions");
      expectArray(*defs, defsPath);
      for (std::size_t i = 0; i < defs->size(); ++i) {
        const std::string elementPath = jsonPathIndex(defsPath, i);
        expectObject((*defs)[i], elementPath);
        KeyAttributeSpec key;
        key.name = requireString((*defs)[i], "AttributeName", elementPath);
        key.type = requireString((*defs)[i], "AttributeType", elementPath);
        if (key.type != "S" && key.type != "N" && key.type != "B") {
          throw ReadFailure{jsonPathMember(elementPath, "AttributeType"),
                            "expected S, N or B, found \"" + key.type + "\""};
        }
        definitions.push_back(key);
      }
    }
    auto defined = [&](const std::string& name, const std::string& keyPath) {
      for (const KeyAttributeSpec& key : definitions) {
        if (key.name == name) return key;
      }
      throw ReadFailure{keyPath, "key attribute \"" + name +
                                     "\" has no entry in AttributeDefinitions; expected one "
                                     "giving its type (S, N or B)"};
    };

    const KeySchema tableKeys = readKeySchema(properties, propertiesPath);
    const std::string keySchemaPath = jsonPathMember(propertiesPath, "KeySchema");
    spec.pk = defined(tableKeys.hash, keySchemaPath);
    if (tableKeys.range) spec.sk = defined(*tableKeys.range, keySchemaPath);

    Json indexExtras = Json::object();
    auto readIndexes = [&](const char* field, bool local) {
      const Json* indexes = optionalMember(properties, field);
      if (indexes == nullptr || indexes->is_null()) return;
      const std::string indexesPath = jsonPathMember(propertiesPath, field);
      expectArray(*indexes, indexesPath);
      for (std::size_t i = 0; i < indexes->size(); ++i) {
        const std::string indexPath = jsonPathIndex(indexesPath, i);
        const Json& value = expectObject((*indexes)[i], indexPath);
        IndexSpec index;
        index.name = requireString(value, "IndexName", indexPath);
        checkTableName(index.name, jsonPathMember(indexPath, "IndexName"), "index");
        const KeySchema keys = readKeySchema(value, indexPath);
        const std::string indexKeysPath = jsonPathMember(indexPath, "KeySchema");
        index.pk = defined(keys.hash, indexKeysPath);
        if (keys.range) index.sk = defined(*keys.range, indexKeysPath);
        if (local && (keys.hash != spec.pk.name || !keys.range)) {
          throw ReadFailure{indexKeysPath, "a local secondary index has the table's HASH key \"" +
                                               spec.pk.name + "\" and a RANGE key"};
        }
        const std::string projectionPath = jsonPathMember(indexPath, "Projection");
        const Json& projection =
            expectObject(requireMember(value, "Projection", indexPath), projectionPath);
        if (auto type = optionalString(projection, "ProjectionType", projectionPath)) {
          auto parsed = parseProjection(*type);
          if (!parsed) {
            throw ReadFailure{jsonPathMember(projectionPath, "ProjectionType"),
                              "expected ALL, KEYS_ONLY or INCLUDE, found \"" + *type + "\""};
          }
          index.projection = *parsed;
        }
        if (index.projection == Projection::Include) {
          const std::string includePath = jsonPathMember(projectionPath, "NonKeyAttributes");
          const Json& include = expectArray(
              requireMember(projection, "NonKeyAttributes", projectionPath), includePath);
          for (std::size_t k = 0; k < include.size(); ++k) {
            index.include.push_back(expectString(include[k], jsonPathIndex(includePath, k)));
          }
        }
        bool verbatim = false;
        index.throughput = readThroughput(value, indexPath, verbatim);
        Json unknown = unknownMembers(value, {"IndexName", "KeySchema", "Projection",
                                              verbatim ? "" : "ProvisionedThroughput"});
        if (!unknown.empty()) indexExtras[index.name] = unknown;
        (local ? spec.lsis : spec.gsis).push_back(std::move(index));
      }
    };
    readIndexes("GlobalSecondaryIndexes", false);
    readIndexes("LocalSecondaryIndexes", true);
    if (!indexExtras.empty()) stored["indexes"] = indexExtras;

    spec.billingMode = optionalString(properties, "BillingMode", propertiesPath);
    bool verbatim = false;
    spec.throughput = readThroughput(properties, propertiesPath, verbatim);
    stored["properties"] =
        unknownMembers(properties, {"TableName", "AttributeDefinitions", "KeySchema",
                                    "GlobalSecondaryIndexes", "LocalSecondaryIndexes",
                                    "BillingMode", verbatim ? "" : "ProvisionedThroughput"});

    if (namePath == path && !isValidTableName(spec.name)) {
      throw ReadFailure{path, "the table takes its name from the logical id \"" + logicalId +
                                  "\", which is not a table name of 3 to 255 letters, digits, "
                                  "'_', '-' or '.'; expected a TableName"};
    }
    checkTableName(spec.name, namePath, "table");
    if (auto [it, added] = tablePaths_.emplace(spec.name, namePath); !added) {
      throw ReadFailure{namePath, "the table \"" + spec.name + "\" is already " + it->second +
                                      "; expected a name of its own"};
    }

    Project& project = result_.project;
    Design design;
    design.name = spec.name;
    for (int i = 2; project.findDesign(design.name) != nullptr; ++i) {
      design.name = spec.name + "_" + std::to_string(i);
    }
    applyTableSpec(spec, design);
    design.extra.emplace_back(kExtraKey, stored.dump());

    // One entity per table: its key attributes, each its own template.
    Entity entity;
    entity.name = spec.name;
    for (int i = 2; project.findEntity(entity.name) != nullptr; ++i) {
      entity.name = spec.name + "_" + std::to_string(i);
    }
    for (const KeyAttributeSpec& key : spec.attributeDefinitions()) {
      entity.attributes.push_back({key.name,
                                   parseAttributeType(key.type).value_or(AttributeType::S),
                                   std::nullopt,
                                   std::nullopt,
                                   std::nullopt,
                                   {}});
    }
    for (const KeyAttributeSpec& key : definitions) {
      if (entity.findAttribute(key.name) == nullptr) {
        entity.attributes.push_back({key.name,
                                     parseAttributeType(key.type).value_or(AttributeType::S),
                                     std::nullopt,
                                     std::nullopt,
                                     std::nullopt,
                                     {}});
      }
    }
    entity.identifier.push_back(spec.pk.name);
    if (spec.sk) entity.identifier.push_back(spec.sk->name);
    auto plain = [](const std::string& name) { return "{" + name + "}"; };
    EntityKeys tableKeysOfEntity{entity.name, {{spec.pk.name, plain(spec.pk.name)}}};
    if (spec.sk) tableKeysOfEntity.templates.emplace_back(spec.sk->name, plain(spec.sk->name));
    design.entityKeys.push_back(tableKeysOfEntity);
    for (std::size_t g = 0; g < spec.gsis.size(); ++g) {
      EntityKeys keys{entity.name, {{spec.gsis[g].pk.name, plain(spec.gsis[g].pk.name)}}};
      if (spec.gsis[g].sk)
        keys.templates.emplace_back(spec.gsis[g].sk->name, plain(spec.gsis[g].sk->name));
      design.gsis[g].entityKeys.push_back(keys);
    }
    for (std::size_t l = 0; l < spec.lsis.size(); ++l) {
      design.lsis[l].entityKeys.push_back(
          EntityKeys{entity.name, {{spec.lsis[l].sk->name, plain(spec.lsis[l].sk->name)}}});
    }
    result_.notes.push_back("table " + spec.name + " (" + logicalId +
                            "): one entity whose keys are the table's key attributes");
    project.entities.push_back(std::move(entity));
    project.designs.push_back(std::move(design));
  }

  const std::string& file_;
  ImportResult& result_;
  std::map<std::string, std::string> tablePaths_;  // table name -> where it was named
};

}  // namespace

ImportResult readCloudFormationTemplate(std::string_view text, const std::string& file) {
  ImportResult result;
  try {
    const Json root = parseTemplate(text);
    TemplateReader reader(file, result);
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
