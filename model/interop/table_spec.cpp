#include "model/interop/table_spec.h"

#include <map>

#include "model/interop/json_support.h"
#include "model/schema/key_template.h"

namespace kvlab::model::interop {

std::vector<KeyAttributeSpec> TableSpec::attributeDefinitions() const {
  std::vector<KeyAttributeSpec> out;
  auto add = [&out](const KeyAttributeSpec& key) {
    for (const KeyAttributeSpec& existing : out) {
      if (existing.name == key.name) return;
    }
    out.push_back(key);
  };
  add(pk);
  if (sk) add(*sk);
  for (const auto* indexes : {&gsis, &lsis}) {
    for (const IndexSpec& index : *indexes) {
      add(index.pk);
      if (index.sk) add(*index.sk);
    }
  }
  return out;
}

namespace {

std::optional<ThroughputSpec> throughputOf(const ExtraFields& extra) {
  const Json value = extraJson(extra, "provisionedThroughput");
  if (!value.is_object()) return std::nullopt;
  ThroughputSpec spec;
  const Json* read = optionalMember(value, "readCapacityUnits");
  const Json* write = optionalMember(value, "writeCapacityUnits");
  if (read != nullptr && read->is_number()) spec.read = read->get<long long>();
  if (write != nullptr && write->is_number()) spec.write = write->get<long long>();
  return spec;
}

Json throughputJson(const ThroughputSpec& spec) {
  return Json{{"readCapacityUnits", spec.read}, {"writeCapacityUnits", spec.write}};
}

// The type of key attribute `key`: recorded, or inferred from the entities' templates.
std::string keyType(const Project& project, const Design& design, const std::string& key) {
  const Json recorded = extraJson(design.extra, "keyAttributeTypes");
  if (recorded.is_object()) {
    if (const Json* type = optionalMember(recorded, key); type != nullptr && type->is_string()) {
      return type->get<std::string>();
    }
  }
  std::optional<std::string> found;
  auto consider = [&](const std::vector<EntityKeys>& keys) -> bool {
    for (const EntityKeys& entityKeys : keys) {
      const std::string* text = entityKeys.find(key);
      if (text == nullptr) continue;
      auto parsed = KeyTemplate::parse(*text);
      const Entity* entity = project.findEntity(entityKeys.entity);
      if (!parsed || entity == nullptr || parsed->segments().size() != 1 ||
          !parsed->segments().front().isAttribute) {
        return false;
      }
      const Attribute* attribute = entity->findAttribute(parsed->segments().front().text);
      if (attribute == nullptr) return false;
      std::string type = attribute->type == AttributeType::N   ? "N"
                         : attribute->type == AttributeType::B ? "B"
                                                               : "S";
      if (found && *found != type) return false;
      found = type;
    }
    return true;
  };
  bool consistent = consider(design.entityKeys);
  for (const auto* indexes : {&design.gsis, &design.lsis}) {
    for (const SecondaryIndex& index : *indexes)
      consistent = consistent && consider(index.entityKeys);
  }
  return consistent && found ? *found : "S";
}

}  // namespace

TableSpec tableSpecOf(const Project& project, const Design& design) {
  TableSpec spec;
  spec.name = design.table.name;
  auto key = [&](const std::string& name) {
    return KeyAttributeSpec{name, keyType(project, design, name)};
  };
  spec.pk = key(design.table.pk);
  if (design.table.sk) spec.sk = key(*design.table.sk);
  for (const SecondaryIndex& gsi : design.gsis) {
    IndexSpec index;
    index.name = gsi.name;
    index.pk = key(gsi.pk.value_or(design.table.pk));
    if (gsi.sk) index.sk = key(*gsi.sk);
    index.projection = gsi.projection.value_or(Projection::All);
    if (gsi.include) index.include = *gsi.include;
    index.throughput = throughputOf(gsi.extra);
    spec.gsis.push_back(std::move(index));
  }
  for (const SecondaryIndex& lsi : design.lsis) {
    IndexSpec index;
    index.name = lsi.name;
    index.pk = spec.pk;
    if (lsi.sk) index.sk = key(*lsi.sk);
    index.projection = lsi.projection.value_or(Projection::All);
    if (lsi.include) index.include = *lsi.include;
    spec.lsis.push_back(std::move(index));
  }
  const Json billing = extraJson(design.table.extra, "billingMode");
  if (billing.is_string()) spec.billingMode = billing.get<std::string>();
  spec.throughput = throughputOf(design.table.extra);
  return spec;
}

void applyTableSpec(const TableSpec& spec, Design& design) {
  design.table.name = spec.name;
  design.table.pk = spec.pk.name;
  design.table.sk.reset();
  if (spec.sk) design.table.sk = spec.sk->name;
  if (spec.billingMode) setExtra(design.table.extra, "billingMode", *spec.billingMode);
  if (spec.throughput) {
    setExtra(design.table.extra, "provisionedThroughput", throughputJson(*spec.throughput));
  }
  auto indexOf = [](const IndexSpec& spec, bool local) {
    SecondaryIndex index;
    index.name = spec.name;
    if (!local) index.pk = spec.pk.name;
    if (spec.sk) index.sk = spec.sk->name;
    index.projection = spec.projection;
    if (spec.projection == Projection::Include) index.include = spec.include;
    if (spec.throughput)
      setExtra(index.extra, "provisionedThroughput", throughputJson(*spec.throughput));
    return index;
  };
  design.gsis.clear();
  design.lsis.clear();
  for (const IndexSpec& gsi : spec.gsis) design.gsis.push_back(indexOf(gsi, false));
  for (const IndexSpec& lsi : spec.lsis) design.lsis.push_back(indexOf(lsi, true));
  design.hasGsis = !design.gsis.empty();
  design.hasLsis = !design.lsis.empty();
  Json types = Json::object();
  for (const KeyAttributeSpec& key : spec.attributeDefinitions()) {
    if (key.type != "S") types[key.name] = key.type;
  }
  if (!types.empty()) setExtra(design.extra, "keyAttributeTypes", types);
}

}  // namespace kvlab::model::interop
