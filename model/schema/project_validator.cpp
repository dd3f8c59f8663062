#include "model/schema/project_validator.h"

#include <map>
#include <set>

#include "model/io/json_path.h"
#include "model/schema/key_template.h"

namespace kvlab::model {
namespace {

constexpr int kMaxGsis = 20;  // the default quota (adjustable)
constexpr int kMaxLsis = 5;   // fixed
constexpr int kMaxTransactionItems = 100;
constexpr std::size_t kMaxKeyAttributeNameBytes = 255;

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

// "Order", "Order or OrderItem", "Order, OrderItem or Invoice".
std::string orList(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

class Validator {
 public:
  Validator(const Project& project, const std::string& file, Diagnostics& diagnostics)
      : project_(project), file_(file), diagnostics_(diagnostics) {}

  void run() {
    checkEntities();
    checkRelationships();
    checkPatterns();
    checkDesigns();
    checkWorkloads();
    checkDiagram();
  }

 private:
  void error(const std::string& path, const std::string& message) {
    diagnostics_.error(file_, path, message);
  }
  void warning(const std::string& path, const std::string& message) {
    diagnostics_.warning(file_, path, message);
  }

  // Reports the second and later uses of a name; `kind` says what the name is of.
  void checkUnique(std::map<std::string, std::string>& seen, const std::string& name,
                   const std::string& path, const std::string& kind) {
    if (name.empty()) return;
    auto [it, inserted] = seen.emplace(name, path);
    if (!inserted)
      error(path, "duplicate " + kind + " " + quoted(name) + " (first at " + it->second + ")");
  }

  void checkEntities() {
    std::map<std::string, std::string> names;
    for (std::size_t i = 0; i < project_.entities.size(); ++i) {
      const Entity& entity = project_.entities[i];
      const std::string path = jsonPathIndex("entities", i);
      checkUnique(names, entity.name, jsonPathMember(path, "name"), "entity name");
      std::map<std::string, std::string> attributes;
      for (std::size_t j = 0; j < entity.attributes.size(); ++j) {
        const std::string attributePath =
            jsonPathMember(jsonPathIndex(jsonPathMember(path, "attributes"), j), "name");
        checkUnique(attributes, entity.attributes[j].name, attributePath, "attribute name");
      }
      for (std::size_t j = 0; j < entity.identifier.size(); ++j) {
        if (entity.findAttribute(entity.identifier[j]) == nullptr) {
          error(jsonPathIndex(jsonPathMember(path, "identifier"), j),
                "unknown attribute " + quoted(entity.identifier[j]) +
                    "; expected an attribute of " + entity.name);
        }
      }
      if (entity.identifier.empty() && entity.isStored()) {
        warning(jsonPathMember(path, "identifier"),
                "a stored entity with no identifier cannot be read by its key");
      }
    }
  }

  void checkEntityName(const std::string& name, const std::string& path) {
    if (!name.empty() && project_.findEntity(name) == nullptr) {
      error(path, "unknown entity " + quoted(name) + "; expected one of the project's entities");
    }
  }

  void checkRelationships() {
    for (std::size_t i = 0; i < project_.relationships.size(); ++i) {
      const Relationship& relationship = project_.relationships[i];
      const std::string path = jsonPathIndex("relationships", i);
      checkEntityName(relationship.from, jsonPathMember(path, "from"));
      checkEntityName(relationship.to, jsonPathMember(path, "to"));
      if (relationship.kind == RelationshipKind::OneToOne && relationship.fanout &&
          relationship.fanout->mean > 1) {
        error(jsonPathMember(jsonPathMember(path, "fanout"), "mean"),
              "a one-to-one relationship has at most one child per parent; expected a mean of at "
              "most 1");
      }
    }
  }

  // An attribute a pattern names must belong to at least one of the entities it reads.
  void checkPatternAttribute(const AccessPattern& pattern, const std::string& attribute,
                             const std::string& path) {
    std::vector<std::string> known;
    for (const std::string& name : pattern.entities) {
      const Entity* entity = project_.findEntity(name);
      if (entity == nullptr) continue;
      if (entity->findAttribute(attribute) != nullptr) return;
      known.push_back(name);
    }
    if (known.empty()) return;  // the unknown entities are reported already
    error(path,
          "unknown attribute " + quoted(attribute) + "; expected an attribute of " + orList(known));
  }

  void checkPatterns() {
    std::map<std::string, std::string> ids;
    for (std::size_t i = 0; i < project_.accessPatterns.size(); ++i) {
      const AccessPattern& p = project_.accessPatterns[i];
      const std::string path = jsonPathIndex("accessPatterns", i);
      auto at = [&](const std::string& key) { return jsonPathMember(path, key); };
      checkUnique(ids, p.id, at("id"), "access pattern id");
      for (std::size_t j = 0; j < p.entities.size(); ++j) {
        checkEntityName(p.entities[j], jsonPathIndex(at("entities"), j));
      }
      for (std::size_t j = 0; j < p.equals.size(); ++j) {
        checkPatternAttribute(p, p.equals[j], jsonPathIndex(at("equals"), j));
      }
      if (p.range)
        checkPatternAttribute(p, p.range->attribute, jsonPathMember(at("range"), "attribute"));
      if (p.sortBy) checkPatternAttribute(p, *p.sortBy, at("sortBy"));
      if (p.filter) {
        for (std::size_t j = 0; j < p.filter->size(); ++j) {
          checkPatternAttribute(p, (*p.filter)[j], jsonPathIndex(at("filter"), j));
        }
      }
      if (p.aggregate && p.aggregate->attribute) {
        checkPatternAttribute(p, *p.aggregate->attribute,
                              jsonPathMember(at("aggregate"), "attribute"));
      }
      if ((p.action == Action::Get || p.action == Action::Query) && p.equals.empty()) {
        error(at("equals"), std::string("a ") + std::string(actionName(p.action)) +
                                " needs the attributes it is given by equality; expected a "
                                "non-empty list");
      }
      if (p.action == Action::Aggregate && !p.aggregate) {
        error(at("aggregate"),
              "missing required field; expected {\"function\": "
              "\"count\"|\"sum\"|\"min\"|\"max\", \"attribute\": ...}");
      }
      if (p.action != Action::Aggregate && p.aggregate) {
        warning(at("aggregate"), "only an \"aggregate\" pattern uses this field");
      }
      if (p.cache) checkCacheSpec(*p.cache, at("cache"));
      if (p.action == Action::Transaction && p.itemsPerRequest &&
          *p.itemsPerRequest > kMaxTransactionItems) {
        warning(at("itemsPerRequest"),
                "DynamoDB transactions take at most 100 items; this pattern cannot run as one "
                "transaction");
      }
    }
  }

  // A pattern's `cache`: a command the cache engine knows, positive times, and either a command
  // or a rate limit (a rate limit decides its own commands).
  void checkCacheSpec(const CacheSpec& cache, const std::string& path) {
    auto at = [&](const std::string& key) { return jsonPathMember(path, key); };
    if (cache.command && !isCacheCommand(*cache.command)) {
      std::string known;
      for (std::string_view c : cacheCommands())
        known += (known.empty() ? "" : ", ") + std::string(c);
      error(at("command"),
            "unknown command " + quoted(*cache.command) + "; expected one of " + known);
    }
    if (cache.ttlSeconds && !(*cache.ttlSeconds > 0)) {
      error(at("ttlSeconds"), "expected a TTL of more than 0 seconds");
    }
    if (cache.rateLimit) {
      if (!(cache.rateLimit->windowSeconds > 0)) {
        error(jsonPathMember(at("rateLimit"), "windowSeconds"),
              "expected a window of more than 0 seconds");
      }
      if (cache.command) {
        error(at("command"), "a rate limit decides its own commands; expected no command");
      }
    }
  }

  // Records that `entity` stores `keyAttribute` with `text` (at `path`); one attribute of one item
  // has one value, so the table and every index must agree on its template.
  void recordKeyTemplate(const std::string& entity, const std::string& keyAttribute,
                         const std::string& text, const std::string& path) {
    auto [it, inserted] =
        keyTemplates_.emplace(std::make_pair(entity, keyAttribute), std::make_pair(text, path));
    if (!inserted && it->second.first != text) {
      error(path, "template " + quoted(text) + " for " + keyAttribute + " disagrees with " +
                      quoted(it->second.first) + " at " + it->second.second +
                      "; one attribute of an item has one value");
    }
  }

  void checkTemplate(const Entity& entity, const std::string& text, const std::string& path) {
    if (text.empty()) {
      error(path, "expected a key template; a key value cannot be empty");
      return;
    }
    KeyTemplate::ParseError parseError;
    auto parsed = KeyTemplate::parse(text, &parseError);
    if (!parsed) {
      error(path, parseError.message + " in " + quoted(text));
      return;
    }
    for (const std::string& attribute : parsed->attributes()) {
      if (entity.findAttribute(attribute) == nullptr) {
        error(path, "template " + quoted(text) + " names attribute " + quoted(attribute) +
                        ", which " + entity.name + " does not have");
      }
    }
  }

  // Checks one table's or index's entity keys: known entities, only `allowed` key attributes,
  // every one of `required` present, templates that parse and name real attributes.
  void checkEntityKeys(const std::vector<EntityKeys>& keys, const std::string& path,
                       const std::vector<std::string>& required,
                       const std::vector<std::string>& allowed, const std::string& owner) {
    std::set<std::string> seen;
    for (const EntityKeys& entityKeys : keys) {
      const std::string entityPath = jsonPathMember(path, entityKeys.entity);
      const Entity* entity = project_.findEntity(entityKeys.entity);
      if (entity == nullptr) {
        error(entityPath, "unknown entity " + quoted(entityKeys.entity) +
                              "; expected one of the project's entities");
        continue;
      }
      if (!entity->isStored()) {
        warning(entityPath, entity->name +
                                " is not stored (\"stored\": false): it has no item "
                                "of its own to key");
      }
      for (const auto& [keyAttribute, text] : entityKeys.templates) {
        const std::string keyPath = jsonPathMember(entityPath, keyAttribute);
        bool isAllowed = false;
        for (const std::string& name : allowed) isAllowed = isAllowed || name == keyAttribute;
        if (!isAllowed) {
          error(keyPath, "unexpected key attribute " + quoted(keyAttribute) + "; expected " +
                             orList(allowed) + " (the keys of " + owner + ")");
          continue;
        }
        checkTemplate(*entity, text, keyPath);
        recordKeyTemplate(entity->name, keyAttribute, text, keyPath);
      }
      for (const std::string& name : required) {
        if (entityKeys.find(name) == nullptr) {
          error(entityPath, "missing the template for " + name + " (a key of " + owner +
                                "); an item without it has no place there");
        }
      }
    }
  }

  void checkKeyAttributeName(const std::string& name, const std::string& path) {
    if (name.size() > kMaxKeyAttributeNameBytes) {
      error(path, "a key attribute name may be at most 255 bytes");
    }
  }

  void checkIndex(const Design& design, const SecondaryIndex& index, const std::string& path,
                  bool isLocal) {
    if (!index.name.empty() && !isValidTableName(index.name)) {
      error(jsonPathMember(path, "name"),
            "expected an index name of 3 to 255 letters, digits, '_', '-' or '.', found " +
                quoted(index.name));
    }
    const std::string pk = isLocal ? design.table.pk : index.pk.value_or("");
    if (isLocal && index.pk && *index.pk != design.table.pk) {
      error(jsonPathMember(path, "pk"),
            "a local secondary index shares the table's partition key " + quoted(design.table.pk) +
                ", found " + quoted(*index.pk));
    }
    if (!isLocal) checkKeyAttributeName(pk, jsonPathMember(path, "pk"));
    if (index.sk) checkKeyAttributeName(*index.sk, jsonPathMember(path, "sk"));
    const Projection projection = index.projection.value_or(Projection::All);
    if (projection == Projection::Include && (!index.include || index.include->empty())) {
      error(jsonPathMember(path, "include"),
            "an INCLUDE projection needs the attributes it includes; expected a non-empty list");
    }
    if (projection != Projection::Include && index.include && !index.include->empty()) {
      error(jsonPathMember(path, "include"),
            "only an INCLUDE projection lists attributes; expected \"projection\": \"INCLUDE\"");
    }
    std::vector<std::string> required;
    std::vector<std::string> allowed;
    if (isLocal) {
      if (index.sk) required.push_back(*index.sk);
      allowed = required;
      allowed.push_back(design.table.pk);
    } else {
      if (!pk.empty()) required.push_back(pk);
      if (index.sk) required.push_back(*index.sk);
      allowed = required;
    }
    checkEntityKeys(index.entityKeys, jsonPathMember(path, "entityKeys"), required, allowed,
                    (isLocal ? "local index " : "global index ") + index.name);
  }

  void checkDesigns() {
    std::map<std::string, std::string> names;
    for (std::size_t i = 0; i < project_.designs.size(); ++i) {
      const Design& design = project_.designs[i];
      const std::string path = jsonPathIndex("designs", i);
      auto at = [&](const std::string& key) { return jsonPathMember(path, key); };
      checkUnique(names, design.name, at("name"), "design name");
      keyTemplates_.clear();

      const std::string tablePath = at("table");
      if (!design.table.name.empty() && !isValidTableName(design.table.name)) {
        error(jsonPathMember(tablePath, "name"),
              "expected a table name of 3 to 255 letters, digits, '_', '-' or '.', found " +
                  quoted(design.table.name));
      }
      checkKeyAttributeName(design.table.pk, jsonPathMember(tablePath, "pk"));
      if (design.table.sk) checkKeyAttributeName(*design.table.sk, jsonPathMember(tablePath, "sk"));
      if (design.table.sk && *design.table.sk == design.table.pk) {
        error(jsonPathMember(tablePath, "sk"),
              "the sort key must be another attribute than the "
              "partition key " +
                  quoted(design.table.pk));
      }
      std::vector<std::string> tableKeys;
      if (!design.table.pk.empty()) tableKeys.push_back(design.table.pk);
      if (design.table.sk) tableKeys.push_back(*design.table.sk);
      checkEntityKeys(design.entityKeys, at("entityKeys"), tableKeys, tableKeys,
                      "table " + design.table.name);

      std::map<std::string, std::string> indexNames;
      if (static_cast<int>(design.gsis.size()) > kMaxGsis) {
        warning(at("gsis"), std::to_string(design.gsis.size()) +
                                " global secondary indexes: more than the default quota of 20 per "
                                "table (the quota can be raised)");
      }
      for (std::size_t j = 0; j < design.gsis.size(); ++j) {
        const std::string gsiPath = jsonPathIndex(at("gsis"), j);
        checkUnique(indexNames, design.gsis[j].name, jsonPathMember(gsiPath, "name"), "index name");
        checkIndex(design, design.gsis[j], gsiPath, false);
      }
      if (static_cast<int>(design.lsis.size()) > kMaxLsis) {
        error(at("lsis"), std::to_string(design.lsis.size()) +
                              " local secondary indexes; a table may have at most 5");
      }
      if (!design.lsis.empty() && !design.table.sk) {
        error(at("lsis"), "local secondary indexes need a table with a sort key; table " +
                              design.table.name + " has none");
      }
      for (std::size_t j = 0; j < design.lsis.size(); ++j) {
        const std::string lsiPath = jsonPathIndex(at("lsis"), j);
        checkUnique(indexNames, design.lsis[j].name, jsonPathMember(lsiPath, "name"), "index name");
        checkIndex(design, design.lsis[j], lsiPath, true);
      }
      if (design.plan) checkStatedPlan(design, at("plan"));
    }
  }

  void checkStatedPlan(const Design& design, const std::string& path) {
    for (const StatedPlan& stated : *design.plan) {
      const std::string entryPath = jsonPathMember(path, stated.patternId);
      if (project_.findPattern(stated.patternId) == nullptr) {
        error(entryPath, "no access pattern has id " + quoted(stated.patternId));
      }
      if (stated.index && *stated.index != "table" && design.findGsi(*stated.index) == nullptr &&
          design.findLsi(*stated.index) == nullptr) {
        error(jsonPathMember(entryPath, "index"),
              "unknown index " + quoted(*stated.index) +
                  "; expected \"table\" or the name of one of the design's indexes");
      }
    }
  }

  void checkWorkloads() {
    std::map<std::string, std::string> names;
    for (std::size_t i = 0; i < project_.workloads.size(); ++i) {
      const Workload& workload = project_.workloads[i];
      const std::string path = jsonPathIndex("workloads", i);
      checkUnique(names, workload.name, jsonPathMember(path, "name"), "workload name");
      for (const PatternWorkload& pattern : workload.patterns) {
        if (project_.findPattern(pattern.patternId) == nullptr) {
          error(jsonPathMember(jsonPathMember(path, "patterns"), pattern.patternId),
                "no access pattern has id " + quoted(pattern.patternId));
        }
      }
    }
  }

  // A position of an entity the project lacks is harmless (the diagram ignores it), so a warning.
  void checkDiagram() {
    if (!project_.diagram) return;
    for (const DiagramPosition& position : project_.diagram->positions) {
      if (project_.findEntity(position.entity) == nullptr) {
        warning(jsonPathMember(jsonPathMember("diagram", "positions"), position.entity),
                "no entity named " + quoted(position.entity) + "; the position is ignored");
      }
    }
  }

  const Project& project_;
  const std::string& file_;
  Diagnostics& diagnostics_;
  // (entity, key attribute) -> (template, where it was first given), for the current design.
  std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> keyTemplates_;
};

}  // namespace

bool isValidTableName(const std::string& name) {
  if (name.size() < 3 || name.size() > 255) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

void validateProject(const Project& project, const std::string& file, Diagnostics& diagnostics) {
  Validator(project, file, diagnostics).run();
}

}  // namespace kvlab::model
