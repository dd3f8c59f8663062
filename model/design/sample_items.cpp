#include "model/design/sample_items.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "model/design/item_estimate.h"
#include "model/interop/table_spec.h"
#include "model/schema/key_template.h"

namespace kvlab::model {
namespace {

// The text value generated for attribute `attribute` (the `index`th of its entity) in item `item`
// (1-based): distinct per attribute and item, so that an import can tell them apart again.
std::string sampleText(const Attribute& attribute, std::size_t index, int item) {
  char text[96];
  if (attribute.type == AttributeType::N) {
    return std::to_string((index + 1) * 100 + static_cast<std::size_t>(item));
  }
  const std::string format = attribute.format.value_or("");
  if (format == "iso8601" || format == "date-time" || format == "timestamp") {
    std::snprintf(text, sizeof text, "2024-01-%02dT%02zu:%02zu:00", 10 + item, 8 + index % 12,
                  (index / 12) % 60);
    return text;
  }
  if (format == "uuid") {
    std::snprintf(text, sizeof text, "00000000-0000-4000-8000-%012zu", index * 100 + item);
    return text;
  }
  if (format == "email") return attribute.name + std::to_string(item) + "@example.com";
  if (const std::vector<std::string> values = enumValues(format); !values.empty()) {
    const std::string& chosen =
        values[(static_cast<std::size_t>(item) - 1 + index) % values.size()];
    if (!chosen.empty()) return chosen;
  }
  // No separator inside: a key made of it shows no literal prefix that is not the template's.
  return attribute.name + std::to_string(item);
}

SampleValue scalar(AttributeType type, std::string text) {
  SampleValue value;
  value.type = type;
  value.text = std::move(text);
  return value;
}

SampleValue sampleValue(const Attribute& attribute, const std::string& text, int item) {
  SampleValue value;
  value.type = attribute.type;
  switch (attribute.type) {
    case AttributeType::S:
    case AttributeType::N:
      value.text = text;
      break;
    case AttributeType::B:
      value.text = item % 2 == 1 ? "dmFsdWUx" : "dmFsdWUy";
      break;
    case AttributeType::BOOL:
      value.text = item % 2 == 1 ? "true" : "false";
      break;
    case AttributeType::NULL_:
      value.text = "true";
      break;
    case AttributeType::L:
      value.elements.push_back(scalar(AttributeType::S, text));
      break;
    case AttributeType::M:
      value.names.push_back("value");
      value.elements.push_back(scalar(AttributeType::S, text));
      break;
    case AttributeType::SS:
      value.elements.push_back(scalar(AttributeType::S, text));
      break;
    case AttributeType::NS:
      value.elements.push_back(scalar(AttributeType::N, std::to_string(item)));
      break;
    case AttributeType::BS:
      value.elements.push_back(scalar(AttributeType::B, "dmFsdWUx"));
      break;
  }
  return value;
}

// A key attribute's type in the table's definition: S, N or B.
AttributeType keyTypeOf(const interop::TableSpec& spec, const std::string& name) {
  for (const interop::KeyAttributeSpec& key : spec.attributeDefinitions()) {
    if (key.name != name) continue;
    if (key.type == "N") return AttributeType::N;
    if (key.type == "B") return AttributeType::B;
    return AttributeType::S;
  }
  return AttributeType::S;
}

// How many of `count` items carry `attribute` (see SampleItemOptions::sparse).
int carriedBy(const Attribute& attribute, int count, bool sparse) {
  if (!sparse || !attribute.presence || *attribute.presence >= 1 || count < 2) return count;
  const long rounded = std::lround(*attribute.presence * count);
  return static_cast<int>(std::clamp<long>(rounded, 1, count - 1));
}

// Where an attribute of an entity takes its values from when values are shared (see
// SampleItemOptions::shareValues): the attribute whose values it takes (its owner's, or its own)
// and that attribute's position, and whether item k takes value ((k - 1) mod ceil(n / 2)) + 1.
struct ValueSource {
  const Attribute* attribute = nullptr;  // null: the entity's own values, one per item
  std::size_t index = 0;
  bool manyToOne = false;
};

// The attributes that the partition key templates of `entity` name, in the table and each GSI.
std::set<std::string> partitionKeyAttributes(const Design& design, const std::string& entity) {
  std::set<std::string> names;
  auto add = [&names](const EntityKeys* keys, const std::string& key) {
    const std::string* text = keys != nullptr ? keys->find(key) : nullptr;
    if (text == nullptr) return;
    if (auto parsed = KeyTemplate::parse(*text)) {
      for (const std::string& name : parsed->attributes()) names.insert(name);
    }
  };
  add(design.findEntity(entity), design.table.pk);
  for (const SecondaryIndex& gsi : design.gsis) {
    if (gsi.pk) add(gsi.findEntity(entity), *gsi.pk);
  }
  return names;
}

// The entity other than `entity` whose identifier is exactly [name], first in the project's order.
const Entity* ownerOf(const Project& project, const Entity& entity, const std::string& name) {
  for (const Entity& other : project.entities) {
    if (&other == &entity || other.name == entity.name) continue;
    if (other.identifier.size() == 1 && other.identifier.front() == name) return &other;
  }
  return nullptr;
}

std::vector<ValueSource> valueSources(const Project& project, const Design& design,
                                      const Entity& entity, bool share) {
  std::vector<ValueSource> sources(entity.attributes.size());
  if (!share) return sources;
  const std::set<std::string> partitionKeys = partitionKeyAttributes(design, entity.name);
  auto inIdentifier = [&entity](const std::string& name) {
    return std::find(entity.identifier.begin(), entity.identifier.end(), name) !=
           entity.identifier.end();
  };
  // Whether some identifier attribute keeps the entity's own values: then any shared one may map
  // many items onto one owner without two items sharing an identifier.
  bool ownPart = false;
  // A partition key's attribute with fewer values than items: many items share each value.
  auto repeats = [&](const Attribute& attribute) {
    return partitionKeys.count(attribute.name) > 0 && attribute.distinct &&
           static_cast<double>(*attribute.distinct) < entityCount(entity);
  };
  // Identifier attributes of the entity's own that keep a value per item: while there is one,
  // the others may repeat theirs.
  int perItem = 0;
  for (const std::string& name : entity.identifier) {
    if (ownerOf(project, entity, name) != nullptr) continue;
    ownPart = true;
    const Attribute* attribute = entity.findAttribute(name);
    if (attribute != nullptr && !repeats(*attribute)) ++perItem;
  }
  bool firstSharedIdentifier = true;
  for (std::size_t j = 0; j < entity.attributes.size(); ++j) {
    const Attribute& attribute = entity.attributes[j];
    const Entity* owner = ownerOf(project, entity, attribute.name);
    if (owner == nullptr) {
      // A partition key's value that many items share: collections of several items.
      if (repeats(attribute) && (!inIdentifier(attribute.name) || perItem > 0)) {
        sources[j] = {&attribute, j, true};
      }
      continue;
    }
    for (std::size_t k = 0; k < owner->attributes.size(); ++k) {
      if (owner->attributes[k].name != attribute.name) continue;
      sources[j].attribute = &owner->attributes[k];
      sources[j].index = k;
    }
    if (sources[j].attribute == nullptr) continue;
    if (!inIdentifier(attribute.name) || ownPart) {
      sources[j].manyToOne = true;
    } else {
      sources[j].manyToOne = firstSharedIdentifier && entity.identifier.size() > 1;
      firstSharedIdentifier = false;
    }
  }
  return sources;
}

std::vector<SampleItem> generate(const Project& project, const Design& design, const Entity& entity,
                                 const interop::TableSpec& spec, const SampleItemOptions& options) {
  std::vector<SampleItem> items;
  const auto keys = keyTemplatesOf(design, entity.name);
  const EntityKeys* tableKeys = design.findEntity(entity.name);
  const std::vector<ValueSource> sources =
      valueSources(project, design, entity, options.shareValues);
  const int parents = std::max(1, (options.itemsPerEntity + 1) / 2);
  for (int item = 1; item <= options.itemsPerEntity; ++item) {
    std::vector<std::string> texts;
    std::vector<bool> carried;
    for (std::size_t j = 0; j < entity.attributes.size(); ++j) {
      const ValueSource& source = sources[j];
      if (source.attribute != nullptr) {
        const int ownerItem = source.manyToOne ? (item - 1) % parents + 1 : item;
        texts.push_back(sampleText(*source.attribute, source.index, ownerItem));
      } else {
        texts.push_back(sampleText(entity.attributes[j], j, item));
      }
      carried.push_back(item <=
                        carriedBy(entity.attributes[j], options.itemsPerEntity, options.sparse));
    }
    auto valueOf = [&](std::string_view name) -> std::string {
      for (std::size_t j = 0; j < entity.attributes.size(); ++j) {
        if (entity.attributes[j].name == name) return texts[j];
      }
      return std::string(name) + std::to_string(item);
    };
    auto lacks = [&](const std::string& name) {
      for (std::size_t j = 0; j < entity.attributes.size(); ++j) {
        if (entity.attributes[j].name == name) return !carried[j];
      }
      return false;
    };
    SampleItem out;
    out.entity = entity.name;
    out.number = item;
    for (const auto& [key, text] : keys) {
      auto parsed = KeyTemplate::parse(text);
      const bool tableKey = tableKeys != nullptr && tableKeys->find(key) != nullptr;
      if (!tableKey && parsed) {
        const auto named = parsed->attributes();
        if (std::any_of(named.begin(), named.end(), lacks)) continue;
      }
      out.attributes.push_back(
          {key, scalar(keyTypeOf(spec, key), parsed ? parsed->render(valueOf) : text)});
    }
    for (std::size_t j = 0; j < entity.attributes.size(); ++j) {
      const Attribute& attribute = entity.attributes[j];
      if (carried[j] && out.find(attribute.name) == nullptr) {
        out.attributes.push_back({attribute.name, sampleValue(attribute, texts[j], item)});
      }
    }
    items.push_back(std::move(out));
  }
  return items;
}

// A value inside a list, set or map: strings and binaries quoted.
std::string innerText(const SampleValue& value) {
  if (value.type == AttributeType::S || value.type == AttributeType::B) {
    return "\"" + value.text + "\"";
  }
  return sampleValueText(value);
}

// -1, 0 or 1 as DynamoDB orders the two key values; a missing value after any other.
int compareKeyValues(const SampleValue* a, const SampleValue* b) {
  if (a == nullptr || b == nullptr) return (a == nullptr) - (b == nullptr);
  if (a->type == AttributeType::N && b->type == AttributeType::N) {
    const double x = std::strtod(a->text.c_str(), nullptr);
    const double y = std::strtod(b->text.c_str(), nullptr);
    return (x > y) - (x < y);
  }
  const int order = a->text.compare(b->text);  // char_traits<char> compares bytes as unsigned
  return (order > 0) - (order < 0);
}

}  // namespace

std::string sampleValueText(const SampleValue& value) {
  switch (value.type) {
    case AttributeType::NULL_:
      return "null";
    case AttributeType::L:
    case AttributeType::SS:
    case AttributeType::NS:
    case AttributeType::BS: {
      std::string text = "[";
      for (std::size_t i = 0; i < value.elements.size(); ++i) {
        if (i > 0) text += ", ";
        text += innerText(value.elements[i]);
      }
      return text + "]";
    }
    case AttributeType::M: {
      std::string text = "{";
      for (std::size_t i = 0; i < value.elements.size(); ++i) {
        if (i > 0) text += ", ";
        text += "\"" + (i < value.names.size() ? value.names[i] : std::string()) +
                "\": " + innerText(value.elements[i]);
      }
      return text + "}";
    }
    default:
      return value.text;
  }
}

const SampleValue* SampleItem::find(std::string_view name) const {
  for (const SampleAttribute& attribute : attributes) {
    if (attribute.name == name) return &attribute.value;
  }
  return nullptr;
}

std::vector<std::pair<std::string, std::string>> keyTemplatesOf(const Design& design,
                                                                std::string_view entity) {
  std::vector<std::pair<std::string, std::string>> out;
  auto add = [&out](const EntityKeys* keys) {
    if (keys == nullptr) return;
    for (const auto& pair : keys->templates) {
      bool seen = false;
      for (const auto& existing : out) seen = seen || existing.first == pair.first;
      if (!seen) out.push_back(pair);
    }
  };
  add(design.findEntity(entity));
  for (const SecondaryIndex& gsi : design.gsis) add(gsi.findEntity(entity));
  for (const SecondaryIndex& lsi : design.lsis) add(lsi.findEntity(entity));
  return out;
}

std::vector<SampleItem> sampleItemsOf(const Project& project, const Design& design,
                                      const Entity& entity, const SampleItemOptions& options) {
  return generate(project, design, entity, interop::tableSpecOf(project, design), options);
}

std::vector<SampleItem> sampleItems(const Project& project, const Design& design,
                                    const SampleItemOptions& options) {
  const interop::TableSpec spec = interop::tableSpecOf(project, design);
  std::vector<SampleItem> items;
  for (const EntityKeys& keys : design.entityKeys) {
    const Entity* entity = project.findEntity(keys.entity);
    if (entity == nullptr) continue;
    for (SampleItem& item : generate(project, design, *entity, spec, options)) {
      items.push_back(std::move(item));
    }
  }
  return items;
}

std::vector<SampleItem> projectOntoIndex(const std::vector<SampleItem>& items, const Design& design,
                                         const SecondaryIndex& index) {
  const std::string pk = index.pk.value_or(design.table.pk);
  const Projection projection = index.projection.value_or(Projection::All);
  std::set<std::string> kept{design.table.pk, pk};
  if (design.table.sk) kept.insert(*design.table.sk);
  if (index.sk) kept.insert(*index.sk);
  if (projection == Projection::Include && index.include) {
    kept.insert(index.include->begin(), index.include->end());
  }
  std::vector<SampleItem> out;
  for (const SampleItem& item : items) {
    if (item.find(pk) == nullptr || (index.sk && item.find(*index.sk) == nullptr)) continue;
    SampleItem projected;
    projected.entity = item.entity;
    projected.number = item.number;
    for (const SampleAttribute& attribute : item.attributes) {
      if (projection == Projection::All || kept.count(attribute.name) > 0) {
        projected.attributes.push_back(attribute);
      }
    }
    out.push_back(std::move(projected));
  }
  return out;
}

void sortByKeys(std::vector<SampleItem>& items, std::string_view partitionKey,
                const std::optional<std::string>& sortKey) {
  std::stable_sort(items.begin(), items.end(), [&](const SampleItem& a, const SampleItem& b) {
    const int byPartition = compareKeyValues(a.find(partitionKey), b.find(partitionKey));
    if (byPartition != 0) return byPartition < 0;
    if (!sortKey) return false;
    return compareKeyValues(a.find(*sortKey), b.find(*sortKey)) < 0;
  });
}

}  // namespace kvlab::model
