#include "simulator/backends/dynamodb_api_replay.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <deque>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "model/capacity/index_write.h"
#include "model/capacity/read_units.h"
#include "model/design/item_estimate.h"
#include "model/design/planner.h"
#include "model/schema/key_template.h"
#include "simulator/backends/dynamodb_api_client.h"
#include "simulator/backends/replay_arrivals.h"
#include "simulator/core/workload_setup.h"
#include "simulator/metrics/run_metrics.h"
#include "simulator/workload/random.h"

namespace kvlab::sim {
namespace {

using model::AttributeType;
using nlohmann::json;

constexpr std::int64_t kBatchWriteItems = 25;  // BatchWriteItem's limit
constexpr std::int64_t kBatchGetItems = 100;   // BatchGetItem's limit
constexpr const char* kHigh = "~~~~";          // sorts after every generated key character

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// ---------------------------------------------------------------------------------------------
// The dataset: item i of an entity, its values derived from i alone.

struct EntityData {
  const model::Entity* entity = nullptr;
  std::int64_t count = 0;
  const model::Entity* parent = nullptr;  // the primary parent: children in blocks of `fanout`
  std::string parentAttribute;            // its identifier (single attribute)
  std::int64_t fanout = 1;
  std::vector<std::pair<std::string, const model::Entity*>> otherParents;
};

// One index seen with its key attribute names, or the table.
struct KeyOwner {
  std::string name = "table";
  bool gsi = false;
  bool lsi = false;
  std::string pk;
  std::optional<std::string> sk;
  model::Projection projection = model::Projection::All;
  const model::SecondaryIndex* index = nullptr;
};

class Dataset {
 public:
  Dataset(const model::Project& project, const model::Design& design, std::int64_t maxItems)
      : project_(project), design_(design) {
    KeyOwner table;
    table.pk = design.table.pk;
    table.sk = design.table.sk;
    owners_.push_back(table);
    for (const auto& gsi : design.gsis) {
      owners_.push_back(KeyOwner{gsi.name, true, false, gsi.pk.value_or(""), gsi.sk,
                                 gsi.projection.value_or(model::Projection::All), &gsi});
    }
    for (const auto& lsi : design.lsis) {
      owners_.push_back(KeyOwner{lsi.name, false, true, design.table.pk, lsi.sk,
                                 lsi.projection.value_or(model::Projection::All), &lsi});
    }
    double total = 0;
    for (const model::Entity& e : project.entities) {
      if (e.isStored() && design.findEntity(e.name)) total += model::entityCount(e);
    }
    const double scale = total > 0 ? std::min(1.0, static_cast<double>(maxItems) / total) : 1;
    // Parents first, so that a child's count is its parent's times the fan-out.
    std::vector<const model::Entity*> pending;
    for (const model::Entity& e : project.entities) {
      if (e.isStored() && design.findEntity(e.name)) pending.push_back(&e);
    }
    while (!pending.empty()) {
      bool progressed = false;
      for (auto it = pending.begin(); it != pending.end();) {
        const model::Entity& e = **it;
        EntityData data;
        data.entity = &e;
        bool waiting = false;
        for (const model::Relationship& r : project.relationships) {
          if (r.to != e.name || r.from == e.name) continue;
          const model::Entity* p = project.findEntity(r.from);
          if (p == nullptr || p->identifier.size() != 1 || !e.findAttribute(p->identifier[0])) {
            continue;
          }
          if (!find(p->name)) {
            if (p->isStored() && design.findEntity(p->name)) waiting = true;
            continue;
          }
          if (data.parent == nullptr) {
            data.parent = p;
            data.parentAttribute = p->identifier[0];
            data.fanout = std::max<std::int64_t>(
                1, std::llround(r.fanout && r.fanout->mean > 0
                                    ? r.fanout->mean
                                    : model::entityCount(e) / model::entityCount(*p)));
          } else {
            data.otherParents.emplace_back(p->identifier[0], p);
          }
        }
        if (waiting) {
          ++it;
          continue;
        }
        if (data.parent) {
          data.count = find(data.parent->name)->count * data.fanout;
        } else {
          data.count = std::clamp<std::int64_t>(std::llround(model::entityCount(e) * scale), 10,
                                                static_cast<std::int64_t>(model::entityCount(e)));
        }
        entities_.push_back(data);
        it = pending.erase(it);
        progressed = true;
      }
      if (!progressed) {  // a cycle of parents: the rest without one
        for (const model::Entity* e : pending) {
          EntityData data;
          data.entity = e;
          data.count = std::clamp<std::int64_t>(std::llround(model::entityCount(*e) * scale), 10,
                                                static_cast<std::int64_t>(model::entityCount(*e)));
          entities_.push_back(data);
        }
        pending.clear();
      }
    }
  }

  const EntityData* find(const std::string& entity) const {
    for (const EntityData& d : entities_) {
      if (d.entity->name == entity) return &d;
    }
    return nullptr;
  }
  const std::vector<EntityData>& entities() const { return entities_; }
  const std::vector<KeyOwner>& owners() const { return owners_; }
  const KeyOwner* owner(const std::string& name) const {
    for (const KeyOwner& o : owners_) {
      if (o.name == name) return &o;
    }
    return nullptr;
  }

  // The number behind attribute `attribute` of item `i` (`parentOverride`: the primary parent's).
  std::int64_t valueNumber(const EntityData& d, const std::string& attribute, std::int64_t i,
                           std::int64_t parentOverride = -1) const {
    if (d.parent && attribute == d.parentAttribute) {
      if (parentOverride >= 0) return parentOverride;
      return (i % d.count) / d.fanout;
    }
    for (const auto& [name, parent] : d.otherParents) {
      if (name == attribute) return i % find(parent->name)->count;
    }
    const model::Attribute* a = d.entity->findAttribute(attribute);
    if (a && a->distinct && !contains(d.entity->identifier, attribute)) return i % *a->distinct;
    if (a && a->distinct && d.entity->identifier.size() > 1) return i % *a->distinct;
    return i;
  }

  // The text of value number `v` in `bytes` characters (a key template's placeholder, an S).
  static std::string text(const std::string& attribute, std::int64_t v, std::int64_t bytes) {
    std::string digits = std::to_string(v);
    const auto n = static_cast<std::size_t>(std::max<std::int64_t>(bytes, 1));
    if (digits.size() >= n) return digits.substr(digits.size() - n);
    const char pad = attribute.empty() ? 'x' : static_cast<char>('a' + (attribute[0] % 26));
    return std::string(n - digits.size(), pad) + digits;
  }

  // A Number of `bytes` bytes by DynamoDB's rule: 2 (bytes - 1) digits, neither end a zero.
  static std::string number(std::int64_t v, std::int64_t bytes) {
    if (bytes <= 1) return "0";
    const std::int64_t digits = std::min<std::int64_t>(2 * (bytes - 1), 38);
    std::string out(1, static_cast<char>('1' + (v / 9) % 9));
    if (digits >= 2) {
      std::string middle = std::to_string(v / 81);
      const auto width = static_cast<std::size_t>(digits - 2);
      middle = middle.size() >= width ? middle.substr(middle.size() - width)
                                      : std::string(width - middle.size(), '0') + middle;
      out += middle;
      out += static_cast<char>('1' + v % 9);
    }
    return out;
  }

  static std::string base64(const std::string& bytes) {
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
      const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                         (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                         static_cast<unsigned char>(bytes[i + 2]);
      for (int k = 3; k >= 0; --k) out += table[(v >> (6 * k)) & 63];
    }
    if (i < bytes.size()) {
      unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
      if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
      out += table[(v >> 18) & 63];
      out += table[(v >> 12) & 63];
      out += i + 1 < bytes.size() ? table[(v >> 6) & 63] : '=';
      out += '=';
    }
    return out;
  }

  // The attribute's value for number `v`, of the size the project states (see the docs).
  static json value(const model::Attribute& a, std::int64_t v) {
    const std::int64_t n = model::valueBytes(a);
    switch (a.type) {
      case AttributeType::S:
        return {{"S", text(a.name, v, n)}};
      case AttributeType::N:
        return {{"N", number(v, n)}};
      case AttributeType::B:
        return {{"B", base64(text(a.name, v, n))}};
      case AttributeType::BOOL:
        return {{"BOOL", v % 2 == 0}};
      case AttributeType::NULL_:
        return {{"NULL", true}};
      case AttributeType::L:  // 3 + (1 + element)
        return {{"L", json::array({{{"S", text(a.name, v, std::max<std::int64_t>(1, n - 4))}}})}};
      case AttributeType::M:  // 3 + 1 + name "v" + value
        return {{"M", {{"v", {{"S", text(a.name, v, std::max<std::int64_t>(1, n - 5))}}}}}};
      case AttributeType::SS:
        return {{"SS", json::array({text(a.name, v, n)})}};
      case AttributeType::NS:
        return {{"NS", json::array({number(v, n)})}};
      case AttributeType::BS:
        return {{"BS", json::array({base64(text(a.name, v, n))})}};
    }
    return {{"NULL", true}};
  }

  // A key value from `templateText` for item `i`.
  std::string render(const EntityData& d, const std::string& templateText, std::int64_t i,
                     std::int64_t parentOverride = -1, std::int64_t shift = 0,
                     const std::vector<std::string>& shifted = {}) const {
    auto parsed = model::KeyTemplate::parse(templateText);
    if (!parsed) return templateText;
    return parsed->render([&](std::string_view name) {
      const std::string attribute(name);
      const model::Attribute* a = d.entity->findAttribute(attribute);
      std::int64_t v = valueNumber(d, attribute, i, parentOverride);
      if (contains(shifted, attribute)) v += shift;
      return text(attribute, v, a ? model::valueBytes(*a) : 8);
    });
  }

  // The key attribute's value as DynamoDB holds it: an entity attribute's own, else a string.
  json keyValue(const EntityData& d, const std::string& keyAttribute,
                const std::string& templateText, std::int64_t i, std::int64_t parentOverride = -1,
                std::int64_t shift = 0, const std::vector<std::string>& shifted = {}) const {
    if (const model::Attribute* a = d.entity->findAttribute(keyAttribute)) {
      std::int64_t v = valueNumber(d, keyAttribute, i, parentOverride);
      if (contains(shifted, keyAttribute)) v += shift;
      return value(*a, v);
    }
    return {{"S", render(d, templateText, i, parentOverride, shift, shifted)}};
  }

  const std::string* keyTemplate(const KeyOwner& o, const std::string& entity,
                                 const std::string& keyAttribute) const {
    const model::EntityKeys* keys = nullptr;
    if (o.gsi || o.lsi) {
      keys = o.index->findEntity(entity);
      if (o.lsi && keyAttribute == o.pk) keys = design_.findEntity(entity);
    } else {
      keys = design_.findEntity(entity);
    }
    return keys ? keys->find(keyAttribute) : nullptr;
  }

  // Item i of the entity, every attribute and key attribute. Attributes in `shifted` take value
  // number + `shift` (an update's new values), and so do the keys built from them.
  json item(const EntityData& d, std::int64_t i, std::int64_t parentOverride = -1,
            std::int64_t shift = 0, const std::vector<std::string>& shifted = {}) const {
    json out = json::object();
    for (const model::Attribute& a : d.entity->attributes) {
      std::int64_t v = valueNumber(d, a.name, i, parentOverride);
      if (contains(shifted, a.name)) v += shift;
      out[a.name] = value(a, v);
    }
    for (const KeyOwner& o : owners_) {
      for (const std::string* keyName : {&o.pk, o.sk ? &*o.sk : nullptr}) {
        if (keyName == nullptr) continue;
        const std::string* t = keyTemplate(o, d.entity->name, *keyName);
        if (t == nullptr || out.contains(*keyName)) continue;
        out[*keyName] = keyValue(d, *keyName, *t, i, parentOverride, shift, shifted);
      }
    }
    if (design_.entityKeys.size() > 1 &&
        d.entity->findAttribute(std::string(model::kTypeAttribute)) == nullptr) {
      out[std::string(model::kTypeAttribute)] = {{"S", d.entity->name}};
    }
    return out;
  }

  // The table's primary key of item i.
  json tableKey(const EntityData& d, std::int64_t i) const {
    json key = json::object();
    const KeyOwner& t = owners_.front();
    key[t.pk] = keyValue(d, t.pk, *keyTemplate(t, d.entity->name, t.pk), i);
    if (t.sk) key[*t.sk] = keyValue(d, *t.sk, *keyTemplate(t, d.entity->name, *t.sk), i);
    return key;
  }

  const model::Project& project() const { return project_; }
  const model::Design& design() const { return design_; }

 private:
  const model::Project& project_;
  const model::Design& design_;
  std::vector<EntityData> entities_;
  std::vector<KeyOwner> owners_;
};

// DynamoDB's size of an attribute value (the rules of docs/capacity-and-cost.md).
std::int64_t valueSize(const json& v) {
  // The one member of an attribute value ({"S": "..."}); items() would make a temporary that the
  // bindings outlive.
  if (!v.is_object() || v.empty()) return 0;
  const auto member = v.begin();
  const std::string& type = member.key();
  const json& value = member.value();
  if (type == "S") return static_cast<std::int64_t>(value.get<std::string>().size());
  if (type == "N") {
    std::string digits = value.get<std::string>();
    digits.erase(0, digits.find_first_not_of('0'));
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    if (digits.empty()) return 1;
    return static_cast<std::int64_t>((digits.size() + 1) / 2 + 1);
  }
  if (type == "B") return static_cast<std::int64_t>(value.get<std::string>().size() / 4 * 3);
  if (type == "BOOL" || type == "NULL") return 1;
  std::int64_t size = 0;
  if (type == "L") {
    size = 3;
    for (const json& e : value) size += 1 + valueSize(e);
  } else if (type == "M") {
    size = 3;
    for (const auto& [name, e] : value.items()) {
      size += 1 + static_cast<std::int64_t>(name.size()) + valueSize(e);
    }
  } else {
    for (const json& e : value) {
      size += type == "NS" ? valueSize(json{{"N", e}})
                           : static_cast<std::int64_t>(e.get<std::string>().size());
    }
  }
  return size;
}

std::int64_t itemBytes(const json& item) {
  std::int64_t size = 0;
  for (const auto& [name, v] : item.items()) {
    size += static_cast<std::int64_t>(name.size()) + valueSize(v);
  }
  return size;
}

// ---------------------------------------------------------------------------------------------
// Consumed capacity.

struct Units {
  double read = 0;
  double write = 0;
  bool indexWritesReported = false;
  std::int64_t itemsRead = 0;
};

bool isWriteOperation(const std::string& op) {
  return op == "PutItem" || op == "UpdateItem" || op == "DeleteItem" || op == "BatchWriteItem" ||
         op == "TransactWriteItems";
}

void addConsumed(const std::string& op, const json& body, Units& units) {
  if (!body.is_object()) return;
  auto one = [&](const json& c) {
    if (!c.is_object()) return;
    const double total = c.value("CapacityUnits", 0.0);
    if (isWriteOperation(op)) {
      units.write += total;
      if (c.contains("GlobalSecondaryIndexes")) units.indexWritesReported = true;
    } else {
      units.read += total;
    }
  };
  if (body.contains("ConsumedCapacity")) {
    const json& c = body["ConsumedCapacity"];
    if (c.is_array()) {
      for (const json& e : c) one(e);
    } else {
      one(c);
    }
  }
  // A GetItem reads one item (DynamoDB charges a missing one too; counted only when found, so
  // that a key the dataset lacks shows in the check).
  if (op == "GetItem" && body.contains("Item")) ++units.itemsRead;
  if (body.contains("ScannedCount") && body["ScannedCount"].is_number()) {
    units.itemsRead += body["ScannedCount"].get<std::int64_t>();
  }
}

// ---------------------------------------------------------------------------------------------
// How each pattern becomes calls.

struct Call {
  std::string operation;
  json body;
  bool fetchAfter = false;  // a Query of a KEYS_ONLY index: BatchGetItem its items afterwards
  bool pageOn = false;      // a Scan or Query read to the end (LastEvaluatedKey)
};

struct PatternRoute {
  const model::AccessPattern* pattern = nullptr;
  model::PatternPlan plan;
  const EntityData* first = nullptr;  // whose items the keys are drawn from
  bool runnable = false;
  std::string whyNot;
  bool transactionAsSingles = false;  // the server has no TransactWriteItems
  std::int64_t created = 0;           // new items written so far
};

// The sort key condition of a planned key condition ("PK = X AND <this>"), rendered for item i.
bool sortCondition(const Dataset& data, const EntityData& d, const std::string& sk,
                   const std::string& condition, std::int64_t i, std::string& expression,
                   json& values) {
  const auto quoted = [&](const std::string& text, std::size_t from, std::string& out) {
    const auto open = text.find('"', from);
    const auto close = open == std::string::npos ? open : text.find('"', open + 1);
    if (close == std::string::npos) return std::string::npos;
    out = text.substr(open + 1, close - open - 1);
    return close + 1;
  };
  // `{attr:from}` / `{attr:to}` and the range placeholder become the bounds.
  const auto bound = [&](std::string t, bool high) {
    for (const char* suffix : {":from}", ":to}"}) {
      for (auto at = t.find(suffix); at != std::string::npos; at = t.find(suffix)) {
        const auto open = t.rfind('{', at);
        t.replace(open, at + std::strlen(suffix) - open,
                  std::string(suffix) == ":to}" ? kHigh : "");
      }
    }
    auto parsed = model::KeyTemplate::parse(t);
    if (!parsed) return t;
    return parsed->render([&](std::string_view name) {
      const std::string attribute(name);
      const model::Attribute* a = d.entity->findAttribute(attribute);
      return a ? Dataset::text(attribute, data.valueNumber(d, attribute, i), model::valueBytes(*a))
               : std::string(high ? kHigh : "");
    });
  };
  std::string a;
  std::string b;
  if (condition.starts_with("begins_with(")) {
    if (quoted(condition, 0, a) == std::string::npos) return false;
    expression = "begins_with(#sk, :s1)";
    values[":s1"] = {{"S", bound(a, false)}};
    return true;
  }
  if (const auto between = condition.find(" BETWEEN "); between != std::string::npos) {
    const auto next = quoted(condition, between, a);
    if (next == std::string::npos || quoted(condition, next, b) == std::string::npos) return false;
    expression = "#sk BETWEEN :s1 AND :s2";
    values[":s1"] = {{"S", bound(a, false)}};
    values[":s2"] = {{"S", bound(b, true)}};
    return true;
  }
  if (condition.starts_with(sk + " = ")) {
    expression = "#sk = :s1";
    values[":s1"] = {{"S", bound(condition.substr(sk.size() + 3), false)}};
    return true;
  }
  for (const char* op : {" <= ", " >= ", " < ", " > "}) {
    if (const auto at = condition.find(op); at != std::string::npos) {
      if (quoted(condition, at, a) == std::string::npos) return false;
      const bool high = op[1] == '<';
      expression = "#sk" + std::string(op) + ":s1";
      values[":s1"] = {{"S", bound(a, high)}};
      return true;
    }
  }
  return false;
}

// The read calls of one planned read (a GetItem, a Query or a Scan) on item i of `d`.
bool readCalls(const Dataset& data, const std::string& table, const model::AccessPattern& pattern,
               const model::PatternPlan& plan, const EntityData& d, std::int64_t i,
               std::int64_t scanLimit, std::vector<Call>& calls, std::string& why) {
  const KeyOwner* owner = data.owner(plan.index);
  if (owner == nullptr) {
    why = "index " + plan.index + " is not in the design";
    return false;
  }
  const bool strong = pattern.consistencyOrDefault() == model::Consistency::Strong && !owner->gsi;
  Call call;
  call.body = {{"TableName", table}, {"ReturnConsumedCapacity", "INDEXES"}};
  if (strong) call.body["ConsistentRead"] = true;
  if (owner->gsi || owner->lsi) call.body["IndexName"] = owner->name;
  if (plan.operation == model::Operation::Scan) {
    call.operation = "Scan";
    if (scanLimit > 0) {
      call.body["Limit"] = scanLimit;
    } else {
      call.pageOn = true;
    }
    calls.push_back(std::move(call));
    return true;
  }
  if (plan.operation == model::Operation::GetItem) {
    call.operation = "GetItem";
    call.body["Key"] = data.tableKey(d, i);
    calls.push_back(std::move(call));
    return true;
  }
  call.operation = "Query";
  const std::string* pkTemplate = data.keyTemplate(*owner, d.entity->name, owner->pk);
  if (pkTemplate == nullptr) {
    why = owner->name + " holds no " + d.entity->name + " items";
    return false;
  }
  json values = json::object();
  values[":pk"] = data.keyValue(d, owner->pk, *pkTemplate, i);
  std::string expression = "#pk = :pk";
  json names = {{"#pk", owner->pk}};
  const auto and_ = plan.keyCondition.find(" AND ");
  if (and_ != std::string::npos && owner->sk) {
    std::string skExpression;
    if (!sortCondition(data, d, *owner->sk, plan.keyCondition.substr(and_ + 5), i, skExpression,
                       values)) {
      why = "cannot read the key condition " + plan.keyCondition;
      return false;
    }
    expression += " AND " + skExpression;
    names["#sk"] = *owner->sk;
  }
  call.body["KeyConditionExpression"] = expression;
  call.body["ExpressionAttributeNames"] = names;
  call.body["ExpressionAttributeValues"] = values;
  // The planner caps the items read at the limit only when no filter drops items.
  if (pattern.limit && plan.filter.empty()) call.body["Limit"] = *pattern.limit;
  if (pattern.order == model::SortOrder::Desc) call.body["ScanIndexForward"] = false;
  call.fetchAfter = (owner->gsi && owner->projection == model::Projection::KeysOnly) ||
                    (owner->lsi && owner->projection != model::Projection::All);
  call.pageOn = !call.body.contains("Limit");
  calls.push_back(std::move(call));
  return true;
}

// Every call one request of `route` makes first, on key item `k` (reads, updates, deletes) or a
// new item (puts, transactions). False with `why` when the pattern cannot run.
bool requestCalls(const Dataset& data, const std::string& table, PatternRoute& route,
                  std::int64_t k, std::int64_t scanLimit, std::vector<Call>& calls,
                  std::string& why) {
  const model::AccessPattern& pattern = *route.pattern;
  const model::PatternPlan& plan = route.plan;
  const EntityData& d = *route.first;
  calls.clear();
  switch (pattern.action) {
    case model::Action::Get:
    case model::Action::Query:
    case model::Action::Aggregate:
    case model::Action::Scan: {
      const bool parts = plan.keyCondition.find("; ") != std::string::npos;
      if (!parts) return readCalls(data, table, pattern, plan, d, k, scanLimit, calls, why);
      // One read per entity, as the planner decided for each alone.
      for (const std::string& name : pattern.entities) {
        const EntityData* e = data.find(name);
        if (e == nullptr) continue;
        const model::AccessPattern own = model::patternForEntity(data.project(), pattern, name);
        const model::PatternPlan part =
            model::planPattern(data.project(), data.design(), own, model::capacity::PriceSheet{});
        if (!part.served) continue;
        if (!readCalls(data, table, own, part, *e, k % e->count, scanLimit, calls, why)) {
          return false;
        }
      }
      return true;
    }
    case model::Action::Put: {
      const std::int64_t i = d.count + route.created++;
      calls.push_back({"PutItem",
                       {{"TableName", table},
                        {"Item", data.item(d, i)},
                        {"ReturnConsumedCapacity", "INDEXES"}}});
      return true;
    }
    case model::Action::Delete:
      calls.push_back({"DeleteItem",
                       {{"TableName", table},
                        {"Key", data.tableKey(d, k)},
                        {"ReturnConsumedCapacity", "INDEXES"}}});
      return true;
    case model::Action::Update: {
      const std::vector<std::string> changing =
          model::attributesAnUpdateMayChange(data.project(), pattern, d.entity->name);
      const json before = data.item(d, k);
      const json after = data.item(d, k, -1, 1, changing);
      const json key = data.tableKey(d, k);
      if (plan.operation == model::Operation::TransactWriteItems) {
        // The key changes: delete the item and put it under its new key.
        json put = after;
        if (route.transactionAsSingles) {
          calls.push_back(
              {"DeleteItem",
               {{"TableName", table}, {"Key", key}, {"ReturnConsumedCapacity", "INDEXES"}}});
          calls.push_back(
              {"PutItem",
               {{"TableName", table}, {"Item", put}, {"ReturnConsumedCapacity", "INDEXES"}}});
        } else {
          calls.push_back(
              {"TransactWriteItems",
               {{"TransactItems", json::array({{{"Delete", {{"TableName", table}, {"Key", key}}}},
                                               {{"Put", {{"TableName", table}, {"Item", put}}}}})},
                {"ReturnConsumedCapacity", "INDEXES"}}});
        }
        return true;
      }
      std::string set;
      json names = json::object();
      json values = json::object();
      int n = 0;
      for (const auto& [name, v] : after.items()) {
        if (key.contains(name) || (before.contains(name) && before[name] == v)) continue;
        const std::string id = std::to_string(n++);
        set += (set.empty() ? "SET " : ", ") + ("#a" + id) + " = :v" + id;
        names["#a" + id] = name;
        values[":v" + id] = v;
      }
      if (n == 0) {  // nothing changes by the plan's rule: write a value back as it was
        for (const auto& [name, v] : before.items()) {
          if (key.contains(name)) continue;
          set = "SET #a0 = :v0";
          names["#a0"] = name;
          values[":v0"] = v;
          break;
        }
      }
      json body = {{"TableName", table},
                   {"Key", key},
                   {"UpdateExpression", set},
                   {"ExpressionAttributeNames", names},
                   {"ReturnConsumedCapacity", "INDEXES"}};
      if (!values.empty()) body["ExpressionAttributeValues"] = values;
      calls.push_back({"UpdateItem", body});
      return true;
    }
    case model::Action::Transaction: {
      // One new item of each entity, the rest of the last (the planner's reading), children
      // under the new parent.
      std::vector<const EntityData*> keyed;
      for (const std::string& name : pattern.entities) {
        if (const EntityData* e = data.find(name)) keyed.push_back(e);
      }
      if (keyed.empty()) {
        why = "no entity of the transaction is in the design";
        return false;
      }
      const std::int64_t count =
          pattern.itemsPerRequest.value_or(static_cast<std::int64_t>(keyed.size()));
      const std::int64_t serial = route.created++;
      json items = json::array();
      std::int64_t parentNumber = -1;
      const EntityData* parentData = nullptr;
      for (std::size_t e = 0; e < keyed.size(); ++e) {
        const EntityData& ed = *keyed[e];
        const std::int64_t n =
            e + 1 < keyed.size() ? (static_cast<std::int64_t>(e) < count ? 1 : 0)
                                 : std::max<std::int64_t>(count - static_cast<std::int64_t>(e), 0);
        for (std::int64_t j = 0; j < n; ++j) {
          const std::int64_t i = ed.count + serial * count + j;
          const bool child = parentData && ed.parent == parentData->entity;
          // A child keeps its place among its parent's: item numbers of the parent's block.
          const std::int64_t number = child ? ed.count * (1 + serial) + j : i;
          items.push_back(data.item(ed, number, child ? parentNumber : -1));
        }
        if (n > 0 && e == 0) {
          parentNumber = ed.count + serial * count;
          parentData = &ed;
        }
      }
      if (route.transactionAsSingles) {
        for (const json& item : items) {
          calls.push_back(
              {"PutItem",
               {{"TableName", table}, {"Item", item}, {"ReturnConsumedCapacity", "INDEXES"}}});
        }
      } else {
        json actions = json::array();
        for (const json& item : items)
          actions.push_back({{"Put", {{"TableName", table}, {"Item", item}}}});
        calls.push_back({"TransactWriteItems",
                         {{"TransactItems", actions}, {"ReturnConsumedCapacity", "INDEXES"}}});
      }
      return true;
    }
  }
  return false;
}

// The calls that follow a response: the next page, or the items a KEYS_ONLY index lacks.
void followUps(const Dataset& data, const std::string& table, const Call& call,
               const json& response, std::vector<Call>& next) {
  if (call.pageOn && response.contains("LastEvaluatedKey")) {
    Call page = call;
    page.body["ExclusiveStartKey"] = response["LastEvaluatedKey"];
    next.push_back(std::move(page));
  }
  if (call.fetchAfter && response.contains("Items")) {
    const KeyOwner& t = data.owners().front();
    json keys = json::array();
    auto flush = [&] {
      if (keys.empty()) return;
      next.push_back(
          {"BatchGetItem",
           {{"RequestItems", {{table, {{"Keys", keys}}}}}, {"ReturnConsumedCapacity", "INDEXES"}}});
      keys = json::array();
    };
    for (const json& item : response["Items"]) {
      json key = {{t.pk, item[t.pk]}};
      if (t.sk && item.contains(*t.sk)) key[*t.sk] = item[*t.sk];
      keys.push_back(key);
      if (static_cast<std::int64_t>(keys.size()) == kBatchGetItems) flush();
    }
    flush();
  }
}

// ---------------------------------------------------------------------------------------------
// Setting up: the table and its items.

std::string attributeType(const model::Project& project, const model::Design& design,
                          const std::string& keyAttribute) {
  for (const model::EntityKeys& keys : design.entityKeys) {
    const model::Entity* e = project.findEntity(keys.entity);
    if (const model::Attribute* a = e ? e->findAttribute(keyAttribute) : nullptr) {
      if (a->type == AttributeType::N) return "N";
      if (a->type == AttributeType::B) return "B";
    }
  }
  return "S";
}

Status loadItems(DynamoDbApiClient& client, const Dataset& data, const std::string& table,
                 std::int64_t& loaded) {
  json batch = json::array();
  auto flush = [&]() -> Status {
    json request = {{"RequestItems", {{table, batch}}}};
    for (int attempt = 0; attempt < 20 && !batch.empty(); ++attempt) {
      const DynamoDbApiResponse r = client.call("BatchWriteItem", request.dump());
      if (!r.ok()) {
        if (r.errorType.find("Throughput") != std::string::npos ||
            r.errorType == "ThrottlingException") {
          std::this_thread::sleep_for(std::chrono::milliseconds(50 << std::min(attempt, 6)));
          continue;
        }
        return Status::Error("loading the items: " + r.describe());
      }
      const json body = json::parse(r.body, nullptr, false);
      if (body.contains("UnprocessedItems") && body["UnprocessedItems"].contains(table) &&
          !body["UnprocessedItems"][table].empty()) {
        request = {{"RequestItems", body["UnprocessedItems"]}};
        std::this_thread::sleep_for(std::chrono::milliseconds(50 << std::min(attempt, 6)));
        continue;
      }
      loaded += static_cast<std::int64_t>(batch.size());
      batch = json::array();
      return Status::Ok();
    }
    return batch.empty() ? Status::Ok()
                         : Status::Error("loading the items: unprocessed after 20 attempts");
  };
  for (const EntityData& d : data.entities()) {
    for (std::int64_t i = 0; i < d.count; ++i) {
      batch.push_back({{"PutRequest", {{"Item", data.item(d, i)}}}});
      if (static_cast<std::int64_t>(batch.size()) == kBatchWriteItems) {
        if (Status s = flush(); !s.ok()) return s;
      }
    }
  }
  return flush();
}

std::string defaultTableName(const std::string& design, std::uint64_t seed) {
  std::string name = "kvlab-";
  for (char c : design) {
    name +=
        (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '-';
  }
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  name += "-" + std::to_string(seed) + "-" + std::to_string(now);
  return name.substr(0, 255);
}

// What a run and a check share: the client, the plan, the table with its items.
struct Session {
  Status status = Status::Ok();
  const model::Design* design = nullptr;
  std::unique_ptr<DynamoDbApiClient> client;
  std::unique_ptr<Dataset> data;
  model::DesignPlan plan;
  std::string table;
  std::int64_t loaded = 0;
  std::vector<std::string> notes;
  bool created = false;
  bool keep = false;

  ~Session() {
    if (created && !keep) deleteTable(*client, table);
  }
};

std::unique_ptr<Session> openSession(const model::Project& project,
                                     const DynamoDbApiOptions& options, int slots) {
  auto s = std::make_unique<Session>();
  auto fail = [&](const std::string& message) {
    s->status = Status::Error("dynamodb-api (" + options.endpoint + "): " + message);
    return std::move(s);
  };
  Endpoint endpoint;
  std::string error;
  if (!parseEndpoint(options.endpoint, endpoint, error)) return fail(error);
  AwsCredentials credentials;
  if (!resolveAwsCredentials(endpoint.loopback, credentials, error)) return fail(error);
  s->client = std::make_unique<DynamoDbApiClient>(endpoint, credentials, slots);
  s->design = options.design.empty() ? (project.designs.empty() ? nullptr : &project.designs[0])
                                     : project.findDesign(options.design);
  if (s->design == nullptr) {
    return fail(options.design.empty() ? "the project has no design"
                                       : "no design named " + options.design);
  }
  s->plan = model::planDesign(project, *s->design, model::capacity::PriceSheet{});
  s->data = std::make_unique<Dataset>(project, *s->design, options.maxItems);
  s->table = options.tableName.empty() ? defaultTableName(s->design->name, options.seed)
                                       : options.tableName;
  s->keep = options.keepTable;
  s->notes.push_back("credentials: " + credentials.source + "; region " + credentials.region);
  if (Status st = createDesignTable(*s->client, project, *s->design, s->table); !st.ok()) {
    return fail(st.message());
  }
  s->created = true;
  if (Status st = loadItems(*s->client, *s->data, s->table, s->loaded); !st.ok()) {
    return fail(st.message());
  }
  std::string counts;
  for (const EntityData& d : s->data->entities()) {
    counts += (counts.empty() ? "" : ", ") + std::to_string(d.count) + " " + d.entity->name;
    const json item = s->data->item(d, 0);
    const model::ItemEstimate estimate = model::estimateItem(project, *s->design, *d.entity);
    if (itemBytes(item) != estimate.averageBytes) {
      s->notes.push_back(d.entity->name + " items are " + std::to_string(itemBytes(item)) +
                         " bytes, the planner's estimate " + std::to_string(estimate.averageBytes) +
                         " (a size the project states cannot be generated exactly, such as a "
                         "Number of 1 byte other than 0)");
    }
  }
  s->notes.push_back("table " + s->table + " loaded with " + std::to_string(s->loaded) +
                     " items (" + counts + ")" + (s->keep ? "; kept" : "; deleted at the end"));
  return s;
}

std::vector<PatternRoute> routesOf(const model::Project& project, const Session& s) {
  std::vector<PatternRoute> routes;
  for (const model::AccessPattern& pattern : project.accessPatterns) {
    PatternRoute route;
    route.pattern = &pattern;
    if (const model::PatternPlan* p = s.plan.find(pattern.id)) route.plan = *p;
    for (const std::string& name : pattern.entities) {
      if ((route.first = s.data->find(name))) break;
    }
    if (!route.plan.served && route.plan.operation != model::Operation::Scan) {
      route.whyNot = "not served by the design (" + route.plan.reason + ")";
    } else if (route.first == nullptr) {
      route.whyNot = "no entity of the pattern is in the design";
    } else if (std::any_of(route.plan.warnings.begin(), route.plan.warnings.end(),
                           [](const model::PlanWarning& w) {
                             return w.code == "related-items" || w.code == "key-lookup-first";
                           })) {
      route.whyNot =
          "its plan reads items found from others (related-items or key-lookup-first), "
          "which the replay does not do";
    } else {
      route.runnable = true;
    }
    routes.push_back(std::move(route));
  }
  return routes;
}

bool isThrottle(const std::string& type) {
  return type == "ProvisionedThroughputExceededException" || type == "ThrottlingException" ||
         type == "RequestLimitExceeded";
}

// The bytes the planner estimates for the loaded items on `owner`: each entity the index holds,
// its loaded count times its estimated item (table) or entry (index) size.
double loadedBytes(const Dataset& data, const KeyOwner& owner) {
  double bytes = 0;
  for (const EntityData& d : data.entities()) {
    if (data.keyTemplate(owner, d.entity->name, owner.pk) == nullptr ||
        (owner.sk && data.keyTemplate(owner, d.entity->name, *owner.sk) == nullptr)) {
      continue;
    }
    const model::ItemEstimate estimate =
        model::estimateItem(data.project(), data.design(), *d.entity);
    double entry = static_cast<double>(estimate.averageBytes);
    if (owner.gsi || owner.lsi) {
      model::capacity::IndexShape shape;
      shape.name = owner.name;
      shape.kind =
          owner.gsi ? model::capacity::IndexKind::Global : model::capacity::IndexKind::Local;
      shape.tableKey.push_back(data.design().table.pk);
      if (data.design().table.sk) shape.tableKey.push_back(*data.design().table.sk);
      shape.indexKey.push_back(owner.pk);
      if (owner.sk) shape.indexKey.push_back(*owner.sk);
      shape.projection =
          owner.projection == model::Projection::All        ? model::capacity::Projection::All
          : owner.projection == model::Projection::KeysOnly ? model::capacity::Projection::KeysOnly
                                                            : model::capacity::Projection::Include;
      if (owner.index && owner.index->include) shape.include = *owner.index->include;
      entry =
          static_cast<double>(model::capacity::estimatedIndexEntrySize(estimate.attributes, shape)
                                  .value_or(estimate.averageBytes));
    }
    bytes += static_cast<double>(d.count) * entry;
  }
  return bytes;
}

}  // namespace

double UnitsAgreementRow::ratio() const {
  const double expected = expectedRead + expectedWrite;
  const double got = measuredRead + measuredWrite;
  if (expected == 0) return got == 0 ? 1 : 0;
  return got / expected;
}

bool UnitsAgreement::allAgree() const {
  return status.ok() && std::all_of(rows.begin(), rows.end(), [](const UnitsAgreementRow& r) {
           return r.agrees || !r.measured;
         });
}

Status createDesignTable(DynamoDbApiClient& client, const model::Project& project,
                         const model::Design& design, const std::string& tableName) {
  std::set<std::string> defined;
  json definitions = json::array();
  auto define = [&](const std::string& name) {
    if (defined.insert(name).second) {
      definitions.push_back(
          {{"AttributeName", name}, {"AttributeType", attributeType(project, design, name)}});
    }
  };
  auto keySchema = [&](const std::string& pk, const std::optional<std::string>& sk) {
    define(pk);
    json schema = json::array({{{"AttributeName", pk}, {"KeyType", "HASH"}}});
    if (sk) {
      define(*sk);
      schema.push_back({{"AttributeName", *sk}, {"KeyType", "RANGE"}});
    }
    return schema;
  };
  auto projection = [](const model::SecondaryIndex& index) {
    const model::Projection p = index.projection.value_or(model::Projection::All);
    json out = {{"ProjectionType", std::string(model::projectionName(p))}};
    if (p == model::Projection::Include && index.include) out["NonKeyAttributes"] = *index.include;
    return out;
  };
  json request = {{"TableName", tableName},
                  {"KeySchema", keySchema(design.table.pk, design.table.sk)},
                  {"BillingMode", "PAY_PER_REQUEST"}};
  json gsis = json::array();
  for (const model::SecondaryIndex& gsi : design.gsis) {
    gsis.push_back({{"IndexName", gsi.name},
                    {"KeySchema", keySchema(gsi.pk.value_or(""), gsi.sk)},
                    {"Projection", projection(gsi)}});
  }
  json lsis = json::array();
  for (const model::SecondaryIndex& lsi : design.lsis) {
    lsis.push_back({{"IndexName", lsi.name},
                    {"KeySchema", keySchema(design.table.pk, lsi.sk)},
                    {"Projection", projection(lsi)}});
  }
  if (!gsis.empty()) request["GlobalSecondaryIndexes"] = gsis;
  if (!lsis.empty()) request["LocalSecondaryIndexes"] = lsis;
  request["AttributeDefinitions"] = definitions;
  const DynamoDbApiResponse created = client.call("CreateTable", request.dump());
  if (!created.ok()) {
    return Status::Error("cannot create table " + tableName + ": " + created.describe());
  }
  for (int attempt = 0; attempt < 600; ++attempt) {
    const DynamoDbApiResponse r =
        client.call("DescribeTable", json{{"TableName", tableName}}.dump());
    if (r.ok()) {
      const json body = json::parse(r.body, nullptr, false);
      bool active = body.is_object() && body["Table"].value("TableStatus", "") == "ACTIVE";
      if (active && body["Table"].contains("GlobalSecondaryIndexes")) {
        for (const json& g : body["Table"]["GlobalSecondaryIndexes"]) {
          active = active && g.value("IndexStatus", "ACTIVE") == "ACTIVE";
        }
      }
      if (active) return Status::Ok();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(attempt < 20 ? 50 : 1000));
  }
  return Status::Error("table " + tableName + " did not become ACTIVE");
}

void deleteTable(DynamoDbApiClient& client, const std::string& tableName) {
  client.call("DeleteTable", json{{"TableName", tableName}}.dump());
}

// ---------------------------------------------------------------------------------------------

UnitsAgreement checkUnitsAgreement(const model::Project& project, const DynamoDbApiOptions& options,
                                   double tolerance) {
  UnitsAgreement out;
  out.endpoint = options.endpoint;
  const std::unique_ptr<Session> s = openSession(project, options, 1);
  if (!s->status.ok()) {
    out.status = s->status;
    return out;
  }
  out.design = s->design->name;
  out.table = s->table;
  out.credentials = s->client->credentials().source;
  out.notes = s->notes;
  std::vector<PatternRoute> routes = routesOf(project, *s);
  // Reads first, on the dataset as loaded; then writes (which add, change and delete items).
  std::vector<PatternRoute*> order;
  for (PatternRoute& route : routes) {
    if (!route.pattern->isWrite()) order.push_back(&route);
  }
  for (PatternRoute& route : routes) {
    if (route.pattern->isWrite()) order.push_back(&route);
  }
  std::map<std::string, UnitsAgreementRow> done;
  for (PatternRoute* routePointer : order) {
    PatternRoute& route = *routePointer;
    UnitsAgreementRow row;
    row.patternId = route.pattern->id;
    row.operation = std::string(model::operationName(route.plan.operation));
    row.index = route.plan.index;
    row.plannedRead = route.plan.readUnitsPerRequest;
    row.plannedWrite = route.plan.writeUnitsPerRequest;
    row.plannedItems = route.plan.itemsPerRequest;
    row.tolerance = tolerance;
    if (!route.runnable) {
      row.note = route.whyNot;
      done[row.patternId] = row;
      continue;
    }
    // Reads on key item 0; updates and deletes on item 1 (item 0 stays for the reads).
    const std::int64_t k =
        route.pattern->isWrite() ? std::min<std::int64_t>(1, route.first->count - 1) : 0;
    Units units;
    std::string error;
    for (int round = 0; round < 2; ++round) {
      std::vector<Call> pending;
      std::string why;
      if (!requestCalls(*s->data, s->table, route, k, 0, pending, why)) {
        error = why;
        break;
      }
      units = Units{};
      error.clear();
      bool retryAsSingles = false;
      for (std::size_t c = 0; c < pending.size(); ++c) {
        const Call call = pending[c];
        const DynamoDbApiResponse r = s->client->call(call.operation, call.body.dump());
        if (!r.ok()) {
          if (r.errorType == "UnknownOperationException" &&
              call.operation == "TransactWriteItems" && !route.transactionAsSingles) {
            retryAsSingles = true;
          } else {
            error = call.operation + ": " + r.describe();
          }
          break;
        }
        const json body = json::parse(r.body, nullptr, false);
        addConsumed(call.operation, body, units);
        std::vector<Call> next;
        followUps(*s->data, s->table, call, body, next);
        pending.insert(pending.end(), next.begin(), next.end());
      }
      if (!retryAsSingles) break;
      route.transactionAsSingles = true;
    }
    if (!error.empty()) {
      row.note = "the server refused it: " + error;
      done[row.patternId] = row;
      continue;
    }
    row.measured = true;
    row.measuredRead = units.read;
    row.measuredWrite = units.write;
    row.itemsRead = units.itemsRead;
    row.expectedRead = row.plannedRead;
    row.expectedWrite = row.plannedWrite;
    std::vector<std::string> relation;
    double tableWrite = 0;
    double indexWrite = 0;
    for (const auto& [owner, u] : route.plan.writeUnitsByCapacity) {
      (owner == "table" ? tableWrite : indexWrite) += u;
    }
    if (route.transactionAsSingles) {
      row.expectedWrite = tableWrite / 2 + indexWrite;
      relation.push_back(
          "the server has no TransactWriteItems: the items were written one by one, "
          "and DynamoDB charges a transactional write twice (expected = table WU / 2)");
    }
    if (indexWrite > 0 && row.measuredWrite > 0 && !units.indexWritesReported) {
      row.expectedWrite -= indexWrite;
      relation.push_back(
          "the server reports no index units for writes: compared on the "
          "table's " +
          std::to_string(tableWrite).substr(0, 6) + " WU (the plan's index writes, " +
          std::to_string(indexWrite).substr(0, 6) + " WU, are not reported)");
    }
    const bool isRead = !route.pattern->isWrite();
    const double steps =
        route.pattern->consistencyOrDefault() == model::Consistency::Strong ? 1 : 0.5;
    const KeyOwner* owner = s->data->owner(route.plan.index);
    if (isRead && route.plan.operation == model::Operation::Scan && owner) {
      // A Scan reads every loaded item: the planner's rule on the planner's sizes of those items.
      const double bytes = loadedBytes(*s->data, *owner);
      const bool strong =
          route.pattern->consistencyOrDefault() == model::Consistency::Strong && !owner->gsi;
      row.expectedRead = model::capacity::estimatedReadUnitsForBytes(
          bytes, strong ? model::capacity::ReadType::Strong : model::capacity::ReadType::Eventual);
      const double pages = std::max(1.0, std::ceil(bytes / (1024.0 * 1024.0)));
      row.tolerance = std::max(tolerance, steps * pages);
      relation.push_back("a Scan of the bounded dataset (" + std::to_string(units.itemsRead) +
                         " items, the plan prices " +
                         std::to_string(static_cast<long long>(std::llround(row.plannedItems))) +
                         "): the planner's rule on its estimated sizes of the loaded items, "
                         "within one 4 KB rounding per 1 MB page");
    } else if (isRead && row.plannedItems > 0 &&
               route.plan.operation != model::Operation::GetItem &&
               std::fabs(static_cast<double>(units.itemsRead) - row.plannedItems) >= 0.5) {
      row.expectedRead = row.plannedRead * static_cast<double>(units.itemsRead) / row.plannedItems;
      row.tolerance = std::max(tolerance, steps);
      relation.push_back("the server read " + std::to_string(units.itemsRead) +
                         " items of the bounded dataset where the plan reads " +
                         std::to_string(static_cast<long long>(std::llround(row.plannedItems))) +
                         ": the plan scaled to them, within one 4 KB rounding");
    }
    row.relation = relation.empty() ? "equal" : "";
    for (std::size_t i = 0; i < relation.size(); ++i) row.relation += (i ? "; " : "") + relation[i];
    row.agrees = std::fabs(row.measuredRead - row.expectedRead) <= row.tolerance + 1e-9 &&
                 std::fabs(row.measuredWrite - row.expectedWrite) <= row.tolerance + 1e-9;
    if (route.plan.operation == model::Operation::GetItem && units.itemsRead == 0) {
      row.agrees = false;  // the dataset lacks the key: the figure says nothing of the plan
      row.note = "the GetItem found no item";
    }
    done[row.patternId] = row;
  }
  for (const PatternRoute& route : routes) out.rows.push_back(done[route.pattern->id]);
  return out;
}

// ---------------------------------------------------------------------------------------------

RunOutcome replayOnDynamoDbApi(const model::Project& project, const DynamoDbApiOptions& options,
                               const std::function<void(const RunProgress&)>& progress,
                               const std::atomic<bool>* cancel) {
  RunOutcome outcome;
  if (!(options.durationSeconds > 0)) {
    outcome.status = Status::Error("dynamodb-api: the duration must be positive");
    return outcome;
  }
  const int slots = options.clients > 0 ? options.clients : std::max(1, options.concurrency);
  if (slots > 1000) {
    outcome.status = Status::Error("dynamodb-api: at most 1000 clients or calls in flight");
    return outcome;
  }
  std::unique_ptr<Session> s = openSession(project, options, slots);
  if (!s->status.ok()) {
    outcome.status = s->status;
    return outcome;
  }
  RunResult& result = outcome.result;
  std::vector<PatternRoute> routes = routesOf(project, *s);
  std::vector<std::uint32_t> routeOf;  // metrics index -> route
  std::vector<std::string> ids;
  for (std::size_t r = 0; r < routes.size(); ++r) {
    const model::AccessPattern& p = *routes[r].pattern;
    if (!routes[r].runnable) {
      result.notes.push_back("pattern " + p.id + ": " + routes[r].whyNot + "; not replayed");
      continue;
    }
    if (!p.rate || p.rate->mean <= 0) {
      result.notes.push_back("pattern " + p.id + " has no rate: not replayed");
      continue;
    }
    ids.push_back(p.id);
    routeOf.push_back(static_cast<std::uint32_t>(r));
  }
  const std::vector<std::string> reasons = {"ProvisionedThroughputExceededException",
                                            "ThrottlingException", "RequestLimitExceeded"};

  // Requests: arrival time (open loop), pattern (metrics index) and key item.
  using Arrival = ReplayArrival;
  std::vector<Arrival> arrivals;
  std::vector<std::unique_ptr<KeyGenerator>> keyGenerators;
  std::vector<Random> keyRandoms;
  for (std::size_t m = 0; m < ids.size(); ++m) {
    const PatternRoute& route = routes[routeOf[m]];
    std::string error;
    auto keys = makeKeyGenerator(keyDistributionOf(route.pattern->keyDistribution),
                                 route.first->count, &error);
    if (!keys) keys = makeKeyGenerator(KeyDistribution{}, route.first->count, &error);
    keyGenerators.push_back(std::move(keys));
    keyRandoms.push_back(Random::forStream(options.seed, Random::streamIdOf("keys:" + ids[m])));
  }
  if (options.clients == 0) {
    // A cap takes from each pattern its share of the mix, not the first patterns' arrivals whole.
    std::vector<ReplayPattern> mix;
    for (std::size_t m = 0; m < ids.size(); ++m) {
      const PatternRoute& route = routes[routeOf[m]];
      mix.push_back(ReplayPattern{ids[m], route.pattern->rate->mean * options.rateScale,
                                  keyDistributionOf(route.pattern->keyDistribution),
                                  route.first->count});
    }
    ReplayArrivals drawn =
        openLoopArrivals(mix, options.seed, options.durationSeconds, options.maxRequests);
    arrivals = std::move(drawn.arrivals);
    if (drawn.capped) {
      result.notes.push_back("arrivals capped at " + std::to_string(options.maxRequests) +
                             " requests (max-requests), each pattern its share of the mix");
    }
  }
  // Closed loop: each client picks a pattern with the probability of its share of the rates.
  double rateTotal = 0;
  for (std::size_t m = 0; m < ids.size(); ++m) rateTotal += routes[routeOf[m]].pattern->rate->mean;
  Random pick = Random::forStream(options.seed, Random::streamIdOf("clients"));
  auto nextClosed = [&](std::int64_t now) {
    double u = pick.nextDouble() * rateTotal;
    std::size_t m = 0;
    for (; m + 1 < ids.size(); ++m) {
      u -= routes[routeOf[m]].pattern->rate->mean;
      if (u < 0) break;
    }
    return Arrival{now, static_cast<std::uint32_t>(m), keyGenerators[m]->next(keyRandoms[m])};
  };

  RunMetrics metrics;
  metrics.setup(ids, reasons, kMicrosPerSecond);
  struct InFlight {
    bool active = false;
    Arrival request;
    std::vector<Call> calls;
    std::size_t next = 0;
    int attempt = 0;
    int retries = 0;
    bool throttledOnce = false;
    std::int64_t notBefore = 0;  // a throttled call's back-off
    bool sent = false;
    Units units;
  };
  std::vector<InFlight> flights(static_cast<std::size_t>(slots));
  std::deque<Arrival> waiting;
  std::size_t nextArrival = 0;
  std::int64_t inFlight = 0;
  std::int64_t errors = 0;
  std::map<std::string, std::int64_t> errorsByType;
  std::string firstError;
  std::int64_t bucketStart = 0;
  std::int64_t lastProgress = 0;
  std::int64_t closedStarted = 0;
  Random jitter = Random::forStream(options.seed, Random::streamIdOf("backoff"));
  const auto start = std::chrono::steady_clock::now();
  auto nowMicros = [&] {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                                 start)
        .count();
  };
  const auto end = static_cast<std::int64_t>(options.durationSeconds * 1e6);
  const std::int64_t deadline = end + static_cast<std::int64_t>(options.drainSeconds * 1e6);

  auto finish = [&](std::size_t slot, std::int64_t now, bool ok) {
    InFlight& f = flights[slot];
    const VirtualTime latency = now - f.request.time;
    const std::uint32_t m = f.request.pattern;
    if (ok) {
      metrics.recordSuccess(m, latency, f.retries);
    } else {
      metrics.recordFailure(m, latency, f.retries);
    }
    metrics.recordUnits(m, f.units.read, f.units.write, f.request.time < end);
    f.active = false;
    --inFlight;
  };
  auto begin = [&](std::size_t slot, const Arrival& a, std::int64_t now) {
    InFlight& f = flights[slot];
    f = InFlight{};
    f.active = true;
    f.request = a;
    ++inFlight;
    PatternRoute& route = routes[routeOf[a.pattern]];
    std::string why;
    if (!requestCalls(*s->data, s->table, route, a.key, options.scanLimit, f.calls, why) ||
        f.calls.empty()) {
      if (errors++ == 0) firstError = ids[a.pattern] + ": " + why;
      finish(slot, now, false);
    }
  };

  bool cancelled = false;
  while (true) {
    std::int64_t now = nowMicros();
    while (bucketStart + kMicrosPerSecond <= now && bucketStart < deadline) {
      metrics.closeBucket(bucketStart);
      bucketStart += kMicrosPerSecond;
    }
    if (now - lastProgress >= kMicrosPerSecond) {
      lastProgress = now;
      if (progress) progress(RunProgress{now / 1e6, options.durationSeconds, metrics.requests()});
      if (cancel && cancel->load()) {
        cancelled = true;
        break;
      }
    }
    if (options.clients == 0) {
      while (nextArrival < arrivals.size() && arrivals[nextArrival].time <= now) {
        metrics.recordArrival(arrivals[nextArrival].pattern);
        waiting.push_back(arrivals[nextArrival++]);
      }
    }
    for (std::size_t slot = 0; slot < flights.size(); ++slot) {
      if (flights[slot].active) continue;
      if (options.clients > 0) {
        if (now >= end || closedStarted >= options.maxRequests) continue;
        const Arrival a = nextClosed(now);
        ++closedStarted;
        metrics.recordArrival(a.pattern);
        begin(slot, a, now);
      } else if (!waiting.empty()) {
        const Arrival a = waiting.front();
        waiting.pop_front();
        begin(slot, a, now);
      }
    }
    // Send what is ready.
    for (std::size_t slot = 0; slot < flights.size(); ++slot) {
      InFlight& f = flights[slot];
      if (!f.active || f.sent || f.notBefore > now) continue;
      const Call& call = f.calls[f.next];
      s->client->start(static_cast<int>(slot), call.operation, call.body.dump());
      f.sent = true;
    }
    const bool closedDone =
        options.clients > 0 && (now >= end || closedStarted >= options.maxRequests);
    if (inFlight == 0 && waiting.empty() &&
        (options.clients > 0 ? closedDone : nextArrival == arrivals.size())) {
      break;
    }
    if (now > deadline) break;

    std::int64_t wait = 5000;
    if (options.clients == 0 && nextArrival < arrivals.size()) {
      wait = std::clamp<std::int64_t>(arrivals[nextArrival].time - now, 0, wait);
    }
    const auto done = s->client->poll(wait);
    now = nowMicros();
    for (const auto& [slot, response] : done) {
      InFlight& f = flights[static_cast<std::size_t>(slot)];
      f.sent = false;
      const Call call = f.calls[f.next];
      const std::uint32_t m = f.request.pattern;
      if (!response.ok()) {
        if (isThrottle(response.errorType)) {
          const int reason = static_cast<int>(
              std::find(reasons.begin(), reasons.end(), response.errorType) - reasons.begin());
          metrics.recordThrottle(m, reason, !f.throttledOnce);
          f.throttledOnce = true;
          if (++f.attempt < options.maxAttempts) {
            // Full jitter, the AWS SDK's: up to 25 ms x 2^(attempt - 1).
            f.notBefore = now + static_cast<std::int64_t>(jitter.nextDouble() * 25000.0 *
                                                          std::pow(2.0, f.attempt - 1));
            ++f.retries;
            metrics.recordRetry(m);
            continue;
          }
        }
        ++errorsByType[response.errorType.empty() ? "transport" : response.errorType];
        if (errors++ == 0) firstError = ids[m] + " " + call.operation + ": " + response.describe();
        finish(static_cast<std::size_t>(slot), now, false);
        continue;
      }
      f.attempt = 0;
      const json body = json::parse(response.body, nullptr, false);
      addConsumed(call.operation, body, f.units);
      std::vector<Call> next;
      // A replayed Scan reads one page of `scanLimit` items; other reads follow their pages.
      followUps(*s->data, s->table, call, body, next);
      f.calls.insert(f.calls.end(), next.begin(), next.end());
      if (++f.next >= f.calls.size()) finish(static_cast<std::size_t>(slot), now, true);
    }
  }

  const std::int64_t now = nowMicros();
  std::int64_t unfinished = 0;
  for (std::size_t slot = 0; slot < flights.size(); ++slot) {
    if (!flights[slot].active) continue;
    finish(slot, now, false);
    ++unfinished;
  }
  for (const Arrival& a : waiting) {
    metrics.recordFailure(a.pattern, now - a.time, 0);
    ++unfinished;
  }
  if (bucketStart < now) metrics.closeBucket(bucketStart);

  result.engine = "dynamodb-api";
  result.design = s->design->name;
  result.seed = options.seed;
  result.durationSeconds = options.durationSeconds;
  result.simulatedSeconds = static_cast<double>(now) / 1e6;
  result.bucketSeconds = 1;
  result.rate = "mean";
  result.cancelled = cancelled;
  result.patterns = metrics.results();
  result.latency = metrics.overallLatency();
  for (const PatternResult& p : result.patterns) {
    result.requests += p.requests;
    result.succeeded += p.succeeded;
    result.failed += p.failed;
    result.throttled += p.throttled;
    result.retries += p.retries;
  }
  result.monthlyCost.capacityMode = "your server";
  std::vector<std::string> head = {
      "replayed in wall-clock time on " + s->client->endpoint().url + ", " +
      (options.clients > 0
           ? std::to_string(options.clients) + " clients in a closed loop"
           : "open loop at " + std::to_string(options.rateScale).substr(0, 5) +
                 " x the mean rates, at most " + std::to_string(slots) + " calls in flight")};
  head.insert(head.end(), s->notes.begin(), s->notes.end());
  result.notes.insert(result.notes.begin(), head.begin(), head.end());
  if (std::any_of(routes.begin(), routes.end(),
                  [](const PatternRoute& r) { return r.transactionAsSingles; })) {
    result.notes.push_back("the server has no TransactWriteItems");
  }
  if (unfinished > 0) {
    result.notes.push_back(std::to_string(unfinished) +
                           " request(s) had not finished when the drain ended: counted as failed");
  }
  if (errors > 0) {
    std::string byType;
    for (const auto& [type, n] : errorsByType) {
      byType += (byType.empty() ? "" : ", ") + type + " " + std::to_string(n);
    }
    result.notes.push_back(std::to_string(errors) + " failed call(s)" +
                           (byType.empty() ? "" : " (" + byType + ")") +
                           "; the first: " + firstError);
  }
  return outcome;
}

}  // namespace kvlab::sim
