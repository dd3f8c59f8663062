#include "model/design/item_estimate.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include "model/schema/key_template.h"

namespace kvlab::model {
namespace {

capacity::ValueType valueTypeOf(AttributeType type) {
  using V = capacity::ValueType;
  switch (type) {
    case AttributeType::S:
      return V::S;
    case AttributeType::N:
      return V::N;
    case AttributeType::B:
      return V::B;
    case AttributeType::BOOL:
      return V::BOOL;
    case AttributeType::NULL_:
      return V::NULL_;
    case AttributeType::L:
      return V::L;
    case AttributeType::M:
      return V::M;
    case AttributeType::SS:
      return V::SS;
    case AttributeType::NS:
      return V::NS;
    case AttributeType::BS:
      return V::BS;
  }
  return V::S;
}

bool hasFixedWidthFormat(const Attribute& attribute) {
  if (!attribute.format) return false;
  const std::string& f = *attribute.format;
  return f == "uuid" || f == "iso8601" || f.starts_with("enum:");
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool containsAll(const std::vector<std::string>& names, const std::vector<std::string>& wanted) {
  if (wanted.empty()) return false;
  for (const std::string& w : wanted) {
    if (!contains(names, w)) return false;
  }
  return true;
}

void addKeyAttribute(std::vector<capacity::AttributeEstimate>& attributes, const Entity& entity,
                     const std::string& keyAttribute, const std::string& templateText) {
  for (const auto& existing : attributes) {
    if (existing.name == keyAttribute) return;  // an entity attribute doubles as the key
  }
  attributes.push_back(capacity::AttributeEstimate{keyAttribute, capacity::ValueType::S,
                                                   keyValueBytes(entity, templateText)});
}

}  // namespace

std::int64_t defaultValueBytes(const Attribute& attribute) {
  if (attribute.format) {
    const std::string& f = *attribute.format;
    if (f == "uuid") return 36;
    if (f == "iso8601") return 24;
    if (f == "email") return 24;
    if (const std::vector<std::string> values = enumValues(f); !values.empty()) {
      std::int64_t total = 0;
      for (const std::string& value : values) total += static_cast<std::int64_t>(value.size());
      return std::max<std::int64_t>(1, total / static_cast<std::int64_t>(values.size()));
    }
  }
  switch (attribute.type) {
    case AttributeType::S:
    case AttributeType::B:
      return 16;
    case AttributeType::N:
      return 8;
    case AttributeType::BOOL:
    case AttributeType::NULL_:
      return 1;
    case AttributeType::L:
    case AttributeType::M:
      return 64;
    case AttributeType::SS:
    case AttributeType::NS:
    case AttributeType::BS:
      return 32;
  }
  return 16;
}

std::int64_t valueBytes(const Attribute& attribute) {
  return attribute.size.value_or(defaultValueBytes(attribute));
}

std::int64_t maxValueBytes(const Attribute& attribute) {
  const std::int64_t average = valueBytes(attribute);
  switch (attribute.type) {
    case AttributeType::N:
    case AttributeType::BOOL:
    case AttributeType::NULL_:
      return average;
    default:
      return hasFixedWidthFormat(attribute) ? average : 2 * average;
  }
}

std::int64_t keyValueBytes(const Entity& entity, std::string_view templateText) {
  auto parsed = KeyTemplate::parse(templateText);
  if (!parsed) return static_cast<std::int64_t>(templateText.size());
  std::int64_t bytes = 0;
  for (const KeyTemplate::Segment& segment : parsed->segments()) {
    if (!segment.isAttribute) {
      bytes += static_cast<std::int64_t>(segment.text.size());
    } else if (const Attribute* attribute = entity.findAttribute(segment.text)) {
      bytes += valueBytes(*attribute);
    }
  }
  return std::max<std::int64_t>(bytes, 1);
}

ItemEstimate estimateItem(const Project& project, const Design& design, const Entity& entity) {
  (void)project;
  ItemEstimate estimate;
  estimate.entity = entity.name;
  std::int64_t maxExtra = 0;
  for (const Attribute& attribute : entity.attributes) {
    estimate.attributes.push_back(capacity::AttributeEstimate{
        attribute.name, valueTypeOf(attribute.type), valueBytes(attribute)});
    maxExtra +=
        capacity::estimatedValueSize(valueTypeOf(attribute.type), maxValueBytes(attribute)) -
        capacity::estimatedValueSize(valueTypeOf(attribute.type), valueBytes(attribute));
  }
  auto addKeys = [&](const EntityKeys* keys) {
    if (keys == nullptr) return;
    for (const auto& [keyAttribute, text] : keys->templates) {
      addKeyAttribute(estimate.attributes, entity, keyAttribute, text);
    }
  };
  addKeys(design.findEntity(entity.name));
  for (const SecondaryIndex& gsi : design.gsis) addKeys(gsi.findEntity(entity.name));
  for (const SecondaryIndex& lsi : design.lsis) addKeys(lsi.findEntity(entity.name));
  if (design.entityKeys.size() > 1 &&
      entity.findAttribute(std::string(kTypeAttribute)) == nullptr) {
    estimate.attributes.push_back(
        capacity::AttributeEstimate{std::string(kTypeAttribute), capacity::ValueType::S,
                                    static_cast<std::int64_t>(entity.name.size())});
  }
  estimate.averageBytes = capacity::estimatedItemSize(estimate.attributes);
  estimate.maxBytes = estimate.averageBytes + maxExtra;
  return estimate;
}

double presenceOf(const Attribute& attribute) { return attribute.presence.value_or(1.0); }

double keyPresence(const Entity& entity, std::string_view templateText) {
  auto parsed = KeyTemplate::parse(templateText);
  if (!parsed) return 1;
  double share = 1;
  for (const std::string& name : parsed->attributes()) {
    if (const Attribute* attribute = entity.findAttribute(name)) {
      share = std::min(share, presenceOf(*attribute));
    }
  }
  return share;
}

double entityCount(const Entity& entity) {
  return entity.count ? std::max<double>(1, static_cast<double>(*entity.count))
                      : kDefaultEntityCount;
}

namespace {

// The mean fan-out of `parent` -> `child`, from the relationship or the counts.
double fanoutOf(const Relationship& relationship, const Entity& parent, const Entity& child) {
  if (relationship.fanout && relationship.fanout->mean > 0) return relationship.fanout->mean;
  if (relationship.kind == RelationshipKind::OneToOne) return 1;
  if (parent.count && child.count && *parent.count > 0) {
    return std::max(1.0, static_cast<double>(*child.count) / static_cast<double>(*parent.count));
  }
  return kDefaultFanout;
}

}  // namespace

double distinctValues(const Project& project, const Entity& entity,
                      const std::vector<std::string>& attributes) {
  const double count = entityCount(entity);
  if (attributes.empty()) return 1;
  if (containsAll(attributes, entity.identifier)) return count;
  double distinct = 1;
  std::set<std::string> covered;
  for (const Relationship& relationship : project.relationships) {
    if (relationship.to != entity.name || relationship.from == entity.name) continue;
    const Entity* parent = project.findEntity(relationship.from);
    if (parent == nullptr || !containsAll(attributes, parent->identifier)) continue;
    bool fresh = false;
    for (const std::string& id : parent->identifier) fresh = covered.insert(id).second || fresh;
    if (!fresh) continue;
    distinct *= count / fanoutOf(relationship, *parent, entity);
  }
  bool unknown = false;
  for (const std::string& name : attributes) {
    if (covered.count(name) != 0) continue;
    const Attribute* attribute = entity.findAttribute(name);
    if (attribute != nullptr && attribute->distinct) {
      distinct *= static_cast<double>(*attribute->distinct);
    } else {
      unknown = true;
    }
  }
  if (unknown) distinct *= count / kDefaultFanout;
  return std::clamp(distinct, 1.0, count);
}

double itemsPerValue(const Project& project, const Entity& entity,
                     const std::vector<std::string>& attributes) {
  if (attributes.empty()) return entityCount(entity);
  if (containsAll(attributes, entity.identifier)) return 1;
  // Exactly a parent's identifier: the relationship's fan-out says it best.
  for (const Relationship& relationship : project.relationships) {
    if (relationship.to != entity.name) continue;
    const Entity* parent = project.findEntity(relationship.from);
    if (parent == nullptr || parent->identifier.empty()) continue;
    std::vector<std::string> sortedParent = parent->identifier;
    std::vector<std::string> sortedGiven = attributes;
    std::sort(sortedParent.begin(), sortedParent.end());
    std::sort(sortedGiven.begin(), sortedGiven.end());
    if (sortedParent == sortedGiven) return fanoutOf(relationship, *parent, entity);
  }
  return std::max(1.0, entityCount(entity) / distinctValues(project, entity, attributes));
}

}  // namespace kvlab::model
