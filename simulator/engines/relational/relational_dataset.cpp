#include "simulator/engines/relational/relational_dataset.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>

#include "model/design/item_estimate.h"
#include "simulator/workload/random.h"

namespace kvlab::sim {
namespace {

constexpr std::int64_t kMaxKeyCount = std::int64_t{1} << 40;
// Generated timestamps: one a minute from 2025-01-01T00:00:00Z.
constexpr std::int64_t kFirstTimestamp = 1735689600;
constexpr std::int64_t kTimestampStep = 60;

std::uint64_t mix(std::uint64_t value) {
  std::uint64_t state = value;
  return splitMix64(state);
}

std::string timestampText(std::int64_t number) {
  using namespace std::chrono;
  const sys_seconds time{seconds{kFirstTimestamp + number * kTimestampStep}};
  const auto day = floor<days>(time);
  const year_month_day date{day};
  const hh_mm_ss clock{time - day};
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02lld:%02lld:%02lldZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<long long>(clock.hours().count()),
                static_cast<long long>(clock.minutes().count()),
                static_cast<long long>(clock.seconds().count()));
  return text;
}

bool isEnum(const model::Attribute* a) {
  return a && a->format && a->format->rfind("enum:", 0) == 0;
}

// The stored entity whose whole identifier is `attribute`, if any.
const model::Entity* ownerOf(const model::Project& project, const std::string& attribute) {
  for (const model::Entity& e : project.entities) {
    if (e.isStored() && e.identifier.size() == 1 && e.identifier.front() == attribute) return &e;
  }
  return nullptr;
}

}  // namespace

std::string SqlValue::asText() const {
  switch (type) {
    case Type::Null:
      return {};
    case Type::Integer:
      return std::to_string(integer);
    case Type::Text:
      return text;
  }
  return {};
}

RelationalDataset::RelationalDataset(const model::Project& project,
                                     const model::RelationalSchema& schema,
                                     std::int64_t maxRowsPerTable)
    : project_(project) {
  double largest = 1;
  for (const model::SqlTable& t : schema.tables) {
    if (const model::Entity* e = project.findEntity(t.entity)) {
      largest = std::max(largest, model::entityCount(*e));
    }
  }
  scale_ = std::min(1.0, static_cast<double>(std::max<std::int64_t>(1, maxRowsPerTable)) / largest);
  for (const model::SqlTable& t : schema.tables) {
    if (const model::Entity* e = project.findEntity(t.entity)) {
      rows_[t.name] = std::max<std::int64_t>(1, std::llround(model::entityCount(*e) * scale_));
    }
  }

  for (const model::SqlTable& t : schema.tables) {
    const model::Entity* entity = project.findEntity(t.entity);
    if (!entity) continue;
    const std::int64_t rows = rows_[t.name];
    auto& columns = columns_[entity->name];
    // Identifier parts: foreign parts take their parent's rows; the last own part counts up.
    std::int64_t others = 1;
    int lastOwn = -1;
    for (std::size_t i = 0; i < entity->identifier.size(); ++i) {
      const std::string& id = entity->identifier[i];
      const model::Entity* owner = ownerOf(project, id);
      Column c;
      c.definition = entity->findAttribute(id);
      if (owner && owner != entity) {
        c.foreignKey = true;
        c.domain = rows_.count(owner->name) ? rows_[owner->name] : 1;
        c.definition = owner->findAttribute(id) ? owner->findAttribute(id) : c.definition;
      } else {
        lastOwn = static_cast<int>(i);
        c.domain = c.definition && c.definition->distinct ? *c.definition->distinct : 1;
      }
      columns[id] = c;
    }
    if (lastOwn >= 0) {
      for (std::size_t i = 0; i < entity->identifier.size(); ++i) {
        if (static_cast<int>(i) != lastOwn) others *= columns[entity->identifier[i]].domain;
      }
      columns[entity->identifier[lastOwn]].domain =
          std::max<std::int64_t>(1, (rows + others - 1) / std::max<std::int64_t>(1, others));
    }
    std::int64_t radix = 1;
    for (const std::string& id : entity->identifier) {
      columns[id].radix = radix;
      radix = std::min(kMaxKeyCount, radix * columns[id].domain);
    }

    bool firstReference = true;
    for (const model::Attribute& a : entity->attributes) {
      if (columns.count(a.name)) continue;
      Column c;
      c.definition = &a;
      c.salt = Random::streamIdOf(entity->name + "." + a.name);
      const model::Entity* owner = ownerOf(project, a.name);
      if (owner && owner != entity && rows_.count(owner->name)) {
        c.foreignKey = true;
        c.domain = rows_[owner->name];
        c.definition = owner->findAttribute(a.name) ? owner->findAttribute(a.name) : &a;
        c.hashed = !firstReference;  // the first parent spreads its children evenly
        firstReference = false;
      } else if (a.distinct) {
        c.domain = std::clamp<std::int64_t>(*a.distinct, 1, rows);
        c.hashed = true;
      } else {
        c.domain = std::clamp<std::int64_t>(
            std::llround(model::distinctValues(project, *entity, {a.name}) * scale_), 1, rows);
        c.hashed = true;
      }
      if (isEnum(c.definition)) {
        c.domain = std::min<std::int64_t>(
            c.domain, static_cast<std::int64_t>(model::enumValues(*c.definition->format).size()));
      }
      columns[a.name] = c;
    }
  }

  // Link tables: each row of the first side linked to `fanout` rows of the second.
  for (const model::SqlTable& t : schema.tables) {
    if (!t.entity.empty() || t.foreignKeys.size() != 2) continue;
    const std::string& from = t.foreignKeys[0].referencedTable;
    const std::string& to = t.foreignKeys[1].referencedTable;
    double fanout = model::kDefaultFanout;
    for (const model::Relationship& r : project.relationships) {
      if (r.from == from && r.to == to && r.fanout) fanout = r.fanout->mean;
    }
    const std::int64_t perRow =
        std::clamp<std::int64_t>(std::llround(fanout), 1, std::max<std::int64_t>(1, rows(to)));
    rows_[t.name] =
        std::min(rows(from) * perRow, std::max<std::int64_t>(maxRowsPerTable, rows(from)));
  }
}

std::int64_t RelationalDataset::rows(const std::string& table) const {
  auto it = rows_.find(table);
  return it == rows_.end() ? 0 : it->second;
}

const RelationalDataset::Column* RelationalDataset::find(const std::string& entity,
                                                         const std::string& attribute) const {
  auto e = columns_.find(entity);
  if (e == columns_.end()) return nullptr;
  auto c = e->second.find(attribute);
  return c == e->second.end() ? nullptr : &c->second;
}

std::int64_t RelationalDataset::domain(const std::string& entity,
                                       const std::string& attribute) const {
  const Column* c = find(entity, attribute);
  return c ? c->domain : 1;
}

std::int64_t RelationalDataset::valueNumber(const std::string& entity, const std::string& attribute,
                                            std::int64_t row) const {
  const Column* c = find(entity, attribute);
  if (!c) return 0;
  const auto r = static_cast<std::uint64_t>(row);
  if (c->radix > 0) {
    // The last part of an identifier keeps counting for new rows, so that they are new keys.
    const std::int64_t number = row / c->radix;
    return c->foreignKey ? number % c->domain : number;
  }
  if (c->hashed)
    return static_cast<std::int64_t>(mix(r ^ c->salt) % static_cast<std::uint64_t>(c->domain));
  return row % c->domain;
}

SqlValue RelationalDataset::render(const std::string& entity, const std::string& attribute,
                                   std::int64_t number) const {
  const Column* c = find(entity, attribute);
  const model::Attribute* a = c ? c->definition : nullptr;
  SqlValue v;
  const model::AttributeType type = a ? a->type : model::AttributeType::S;
  const std::int64_t size = a && a->size ? *a->size : 0;
  switch (type) {
    case model::AttributeType::NULL_:
      return v;
    case model::AttributeType::N:
    case model::AttributeType::BOOL:
      v.type = SqlValue::Type::Integer;
      v.integer = type == model::AttributeType::BOOL ? number % 2 : number;
      return v;
    case model::AttributeType::L:
    case model::AttributeType::M:
    case model::AttributeType::SS:
    case model::AttributeType::NS:
    case model::AttributeType::BS: {
      v.type = SqlValue::Type::Text;
      v.text = "{\"n\":" + std::to_string(number) + ",\"pad\":\"";
      const std::int64_t target = size > 0 ? size : 64;
      const auto pad =
          std::max<std::int64_t>(0, target - static_cast<std::int64_t>(v.text.size()) - 2);
      v.text += std::string(static_cast<std::size_t>(pad), 'x') + "\"}";
      return v;
    }
    case model::AttributeType::S:
    case model::AttributeType::B:
      break;
  }
  v.type = SqlValue::Type::Text;
  const std::string format = a && a->format ? *a->format : std::string();
  if (format == "iso8601") {
    v.text = timestampText(number);
  } else if (format == "email") {
    v.text = "user" + std::to_string(number) + "@example.com";
  } else if (format == "uuid") {
    char text[40];
    const std::uint64_t hi = mix(static_cast<std::uint64_t>(number));
    const std::uint64_t lo = mix(hi);
    std::snprintf(text, sizeof text, "%08llx-%04llx-4%03llx-a%03llx-%012llx",
                  static_cast<unsigned long long>(hi >> 32),
                  static_cast<unsigned long long>((hi >> 16) & 0xffff),
                  static_cast<unsigned long long>(hi & 0xfff),
                  static_cast<unsigned long long>(lo >> 52),
                  static_cast<unsigned long long>(lo & 0xffffffffffffULL));
    v.text = text;
  } else if (isEnum(a)) {
    const auto values = model::enumValues(format);
    v.text = values[static_cast<std::size_t>(number) % values.size()];
  } else {
    // Zero-padded so that text order is number order (range conditions, ORDER BY).
    char digits[24];
    std::snprintf(digits, sizeof digits, "%010lld", static_cast<long long>(number));
    v.text = attribute + "-" + digits;
    if (size > static_cast<std::int64_t>(v.text.size()) &&
        !(c && (c->foreignKey || c->radix > 0))) {
      v.text += std::string(static_cast<std::size_t>(size) - v.text.size(), 'x');
    }
  }
  return v;
}

void RelationalDataset::rowValues(const model::SqlTable& table, std::int64_t row,
                                  std::vector<SqlValue>& out) const {
  out.clear();
  if (table.entity.empty()) {
    // A link row: row r joins side A's row r mod A to `fanout` distinct rows of side B.
    const std::int64_t fromRows =
        std::max<std::int64_t>(1, rows(table.foreignKeys[0].referencedTable));
    const std::int64_t toRows =
        std::max<std::int64_t>(1, rows(table.foreignKeys[1].referencedTable));
    const std::int64_t fromRow = row % fromRows;
    const std::int64_t toRow = (row / fromRows + fromRow * 7) % toRows;
    for (const model::SqlColumn& c : table.columns) {
      const bool fromSide = c.sourceEntity == table.foreignKeys[0].referencedTable;
      const std::int64_t r = fromSide ? fromRow : toRow;
      out.push_back(render(c.sourceEntity, c.sourceAttribute,
                           valueNumber(c.sourceEntity, c.sourceAttribute, r)));
    }
    return;
  }
  for (const model::SqlColumn& c : table.columns) {
    out.push_back(render(table.entity, c.name, valueNumber(table.entity, c.name, row)));
  }
}

std::int64_t RelationalDataset::keyCount(const std::vector<model::SqlParameter>& parameters) const {
  std::set<std::string> seen;
  std::int64_t count = 1;
  for (const model::SqlParameter& p : parameters) {
    if (p.kind != model::SqlParameter::Kind::KeyValue) continue;
    if (!seen.insert(p.attribute).second) continue;
    count = std::min(kMaxKeyCount, count * domain(p.entity, p.attribute));
  }
  return count;
}

std::int64_t RelationalDataset::keyDigit(const std::vector<model::SqlParameter>& parameters,
                                         const std::string& attribute, std::int64_t key) const {
  // One digit per attribute, whatever entity names it: a parent's key and its children's
  // foreign key take the same values. Runs for every bound key value: no allocation.
  using Kind = model::SqlParameter::Kind;
  std::int64_t rest = key;
  for (auto p = parameters.begin(); p != parameters.end(); ++p) {
    if (p->kind != Kind::KeyValue) continue;
    const bool seen = std::any_of(parameters.begin(), p, [&](const model::SqlParameter& o) {
      return o.kind == Kind::KeyValue && o.attribute == p->attribute;
    });
    if (seen) continue;
    const std::int64_t d = std::max<std::int64_t>(1, domain(p->entity, p->attribute));
    if (p->attribute == attribute) return rest % d;
    rest /= d;
  }
  return 0;
}

double RelationalDataset::workFactor(const model::Project& project,
                                     const model::AccessPattern& pattern) const {
  using model::Action;
  if (pattern.entities.empty()) return 1;
  const model::Entity* entity = project.findEntity(pattern.entities.front());
  if (!entity || rows(entity->name) == 0) return 1;
  const double loaded = static_cast<double>(rows(entity->name));
  switch (pattern.action) {
    case Action::Scan:
      // A limit stops the scan early, but only after the rows a filter skipped: no cap here.
      return std::max(1.0, model::entityCount(*entity) / loaded);
    case Action::Query:
    case Action::Aggregate: {
      std::vector<std::string> equalities;
      double combinations = 1;
      for (const std::string& e : pattern.equals) {
        if (!entity->findAttribute(e) && !find(entity->name, e)) continue;
        equalities.push_back(e);
        combinations *= static_cast<double>(domain(entity->name, e));
      }
      double fullPerKey = equalities.empty() ? model::entityCount(*entity)
                                             : model::itemsPerValue(project, *entity, equalities);
      double loadedPerKey = std::max(1.0, equalities.empty() ? loaded : loaded / combinations);
      // A limited read stops after `limit` rows however many the key has.
      if (pattern.limit && pattern.action == Action::Query) {
        const double limit = static_cast<double>(std::max<std::int64_t>(1, *pattern.limit));
        fullPerKey = std::min(fullPerKey, limit);
        loadedPerKey = std::min(loadedPerKey, limit);
      }
      return std::max(1.0, fullPerKey / loadedPerKey);
    }
    default:
      return 1;
  }
}

void RelationalDataset::bind(const std::vector<model::SqlParameter>& parameters,
                             const std::vector<model::SqlParameter>& keyParameters,
                             std::int64_t key, std::int64_t newRow,
                             std::vector<SqlValue>& out) const {
  using Kind = model::SqlParameter::Kind;
  out.clear();
  for (const model::SqlParameter& p : parameters) {
    const std::int64_t d = domain(p.entity, p.attribute);
    switch (p.kind) {
      case Kind::KeyValue:
        out.push_back(render(p.entity, p.attribute, keyDigit(keyParameters, p.attribute, key)));
        break;
      case Kind::RangeLow:
        out.push_back(render(p.entity, p.attribute, 0));
        break;
      case Kind::RangeHigh:
        out.push_back(render(p.entity, p.attribute, d - 1));
        break;
      case Kind::RangePrefix:
        out.push_back(SqlValue{SqlValue::Type::Text, 0, ""});
        break;
      case Kind::FilterValue:
        out.push_back(render(p.entity, p.attribute, key % d));
        break;
      case Kind::NewValue: {
        const std::int64_t row = rows(p.entity) + newRow;
        out.push_back(render(p.entity, p.attribute, valueNumber(p.entity, p.attribute, row)));
        break;
      }
    }
  }
}

}  // namespace kvlab::sim
