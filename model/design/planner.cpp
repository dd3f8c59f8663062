#include "model/design/planner.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "model/capacity/cost.h"
#include "model/capacity/index_write.h"
#include "model/capacity/read_units.h"
#include "model/capacity/storage.h"
#include "model/capacity/write_units.h"
#include "model/schema/key_template.h"

namespace kvlab::model {
namespace {

constexpr double kPartitionReadLimit = 3000;   // read units per second per partition
constexpr double kPartitionWriteLimit = 1000;  // write units per second per partition
constexpr std::int64_t kMaxItemBytes = 409600;
constexpr double kMaxCollectionBytes = 10.0 * 1024 * 1024 * 1024;  // with an LSI
constexpr std::int64_t kMaxTransactionItems = 100;
constexpr std::int64_t kMaxTransactionBytes = 4 * 1024 * 1024;
constexpr double kScrambledZipfianZetan = 26.46902820178302;  // YCSB's ZETAN for 10^10 items
constexpr double kSecondsPerHour = 3600;

std::string number(double value) {
  std::ostringstream out;
  if (std::fabs(value - std::round(value)) < 1e-9 && std::fabs(value) < 1e15) {
    out << static_cast<long long>(std::llround(value));
  } else {
    out.precision(3);
    out << std::fixed << value;
  }
  return out.str();
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// A table, GSI or LSI seen the same way: its key attributes and each entity's templates.
struct IndexView {
  enum class Kind { Table, Lsi, Gsi };
  Kind kind = Kind::Table;
  std::string name;  // "table" or the index's name
  std::string pk;
  std::optional<std::string> sk;
  Projection projection = Projection::All;
  std::vector<std::string> include;
  const Design* design = nullptr;
  const SecondaryIndex* index = nullptr;

  const std::string* pkTemplate(const std::string& entity) const {
    if (kind == Kind::Gsi) {
      const EntityKeys* keys = index->findEntity(entity);
      return keys ? keys->find(pk) : nullptr;
    }
    if (kind == Kind::Lsi && index->findEntity(entity) == nullptr) return nullptr;
    const EntityKeys* keys = design->findEntity(entity);
    return keys ? keys->find(pk) : nullptr;
  }
  const std::string* skTemplate(const std::string& entity) const {
    if (!sk) return nullptr;
    const EntityKeys* keys =
        kind == Kind::Table ? design->findEntity(entity) : index->findEntity(entity);
    return keys ? keys->find(*sk) : nullptr;
  }
  bool holds(const std::string& entity) const {
    return pkTemplate(entity) != nullptr && (!sk || skTemplate(entity) != nullptr);
  }
  std::string capacityOwner() const { return kind == Kind::Gsi ? name : "table"; }
  int rank() const { return kind == Kind::Table ? 0 : kind == Kind::Lsi ? 1 : 2; }
  capacity::IndexShape shape() const {
    capacity::IndexShape s;
    s.name = name;
    s.kind = kind == Kind::Gsi ? capacity::IndexKind::Global : capacity::IndexKind::Local;
    s.tableKey.push_back(design->table.pk);
    if (design->table.sk) s.tableKey.push_back(*design->table.sk);
    s.indexKey.push_back(pk);
    if (sk) s.indexKey.push_back(*sk);
    s.projection = projection == Projection::All        ? capacity::Projection::All
                   : projection == Projection::KeysOnly ? capacity::Projection::KeysOnly
                                                        : capacity::Projection::Include;
    s.include = include;
    return s;
  }
};

std::vector<IndexView> indexViews(const Design& design) {
  std::vector<IndexView> views;
  IndexView table;
  table.name = "table";
  table.pk = design.table.pk;
  table.sk = design.table.sk;
  table.design = &design;
  views.push_back(table);
  for (const SecondaryIndex& lsi : design.lsis) {
    IndexView view;
    view.kind = IndexView::Kind::Lsi;
    view.name = lsi.name;
    view.pk = design.table.pk;
    view.sk = lsi.sk;
    view.projection = lsi.projection.value_or(Projection::All);
    view.include = lsi.include.value_or(std::vector<std::string>{});
    view.design = &design;
    view.index = &lsi;
    views.push_back(view);
  }
  for (const SecondaryIndex& gsi : design.gsis) {
    IndexView view;
    view.kind = IndexView::Kind::Gsi;
    view.name = gsi.name;
    view.pk = gsi.pk.value_or("");
    view.sk = gsi.sk;
    view.projection = gsi.projection.value_or(Projection::All);
    view.include = gsi.include.value_or(std::vector<std::string>{});
    view.design = &design;
    view.index = &gsi;
    views.push_back(view);
  }
  return views;
}

// The share of requests that go to the most popular of `distinct` key values.
double hottestShare(const std::optional<KeyDistribution>& distribution, double distinct) {
  distinct = std::max(1.0, distinct);
  auto zipfHead = [&](double theta) {
    // zeta(n, theta): exact for the first terms, Euler-Maclaurin's integral for the tail.
    const double n = distinct;
    const double exactTerms = std::min(n, 1000.0);
    double zeta = 0;
    for (int i = 1; i <= static_cast<int>(exactTerms); ++i) zeta += std::pow(i, -theta);
    if (n > exactTerms) {
      zeta += (std::pow(n + 0.5, 1 - theta) - std::pow(exactTerms + 0.5, 1 - theta)) / (1 - theta);
    }
    return 1.0 / zeta;
  };
  if (!distribution) return 1.0 / distinct;
  switch (distribution->kind) {
    case KeyDistributionKind::Uniform:
      return 1.0 / distinct;
    case KeyDistributionKind::Zipfian:
      return zipfHead(distribution->theta.value_or(0.99));
    case KeyDistributionKind::Latest:
    case KeyDistributionKind::Exponential:
      return zipfHead(0.99);
    case KeyDistributionKind::YcsbScrambled:
      return std::max(1.0 / distinct, 1.0 / kScrambledZipfianZetan);
    case KeyDistributionKind::Hotspot: {
      const double hotKeys = std::max(1.0, distribution->hotFraction.value_or(0.2) * distinct);
      return std::min(1.0, distribution->hotOpFraction.value_or(0.8) / hotKeys);
    }
  }
  return 1.0 / distinct;
}

// One way to read a pattern through one index.
struct ReadCandidate {
  const IndexView* view = nullptr;
  Operation operation = Operation::Query;
  std::string keyCondition;
  std::vector<std::string> filter;
  bool typeFilter = false;  // other entities share the partition and no key prefix excludes them
  bool sorted = true;       // the order asked for comes from the sort key
  std::string unsortedBy;
  double items = 0;         // items the request reads (filters do not reduce them)
  double bytesRead = 0;     // their bytes, as the index stores them
  double itemsFetched = 0;  // items fetched from the table afterwards (KEYS_ONLY, LSI)
  std::vector<std::string> partitionAttributes;

  // Lower is better: fewer filters, then the table before an LSI before a GSI, then less read.
  auto score() const {
    return std::make_tuple(filter.size() + (typeFilter ? 1 : 0) + (sorted ? 0 : 1), view->rank(),
                           bytesRead, view->name);
  }
};

struct PlannerContext {
  const Project& project;
  const Design& design;
  const capacity::PriceSheet& prices;
  std::vector<IndexView> views;
  std::map<std::string, ItemEstimate> items;

  const ItemEstimate& item(const std::string& entity) {
    auto it = items.find(entity);
    if (it == items.end()) {
      const Entity* e = project.findEntity(entity);
      it = items.emplace(entity, estimateItem(project, design, *e)).first;
    }
    return it->second;
  }

  // The bytes of `entity`'s entry in `view`: the whole item for the table.
  double entryBytes(const IndexView& view, const std::string& entity) {
    const ItemEstimate& estimate = item(entity);
    if (view.kind == IndexView::Kind::Table) return static_cast<double>(estimate.averageBytes);
    auto bytes = capacity::estimatedIndexEntrySize(estimate.attributes, view.shape());
    return static_cast<double>(bytes.value_or(estimate.averageBytes));
  }

  // The share of `entity`'s items that have an entry in `view`: all of them in the table; in an
  // index, those that carry the attributes its key templates name (a sparse index, R8).
  double share(const IndexView& view, const std::string& entity) const {
    if (view.kind == IndexView::Kind::Table) return 1;
    const Entity* e = project.findEntity(entity);
    double s = 1;
    if (const std::string* text = view.pkTemplate(entity)) s = std::min(s, keyPresence(*e, *text));
    if (const std::string* text = view.skTemplate(entity)) s = std::min(s, keyPresence(*e, *text));
    return s;
  }
  // The entries of `entity` in `view`.
  double entries(const IndexView& view, const std::string& entity) const {
    return entityCount(*project.findEntity(entity)) * share(view, entity);
  }

  double indexItems(const IndexView& view) {
    double total = 0;
    for (const Entity& entity : project.entities) {
      if (entity.isStored() && view.holds(entity.name)) total += entries(view, entity.name);
    }
    return total;
  }
  double indexBytes(const IndexView& view) {
    double total = 0;
    for (const Entity& entity : project.entities) {
      if (entity.isStored() && view.holds(entity.name)) {
        total += entries(view, entity.name) * entryBytes(view, entity.name);
      }
    }
    return total;
  }
};

std::vector<std::string> targetsOf(const Project& project, const AccessPattern& pattern) {
  std::vector<std::string> targets;
  for (const std::string& name : pattern.entities) {
    const Entity* entity = project.findEntity(name);
    if (entity != nullptr && entity->isStored()) targets.push_back(name);
  }
  return targets;
}

// The sort key template split at the first attribute the pattern does not give by equality.
struct SortKeySplit {
  std::string boundText;            // the template text up to there
  std::vector<std::string> bound;   // attributes given by equality, in order
  std::optional<std::string> next;  // the first attribute not given
  bool fullyBound = false;
};

SortKeySplit splitSortKey(const std::string& templateText, const std::vector<std::string>& equals) {
  SortKeySplit split;
  auto parsed = KeyTemplate::parse(templateText);
  if (!parsed) return split;
  for (const KeyTemplate::Segment& segment : parsed->segments()) {
    if (!segment.isAttribute) {
      std::string escaped;
      for (char c : segment.text) {
        if (c == '{' || c == '}') escaped += c;
        escaped += c;
      }
      split.boundText += escaped;
    } else if (contains(equals, segment.text)) {
      split.boundText += "{" + segment.text + "}";
      split.bound.push_back(segment.text);
    } else {
      split.next = segment.text;
      return split;
    }
  }
  split.fullyBound = true;
  return split;
}

std::string commonPrefix(const std::vector<std::string>& texts) {
  if (texts.empty()) return {};
  std::string prefix = texts.front();
  for (const std::string& text : texts) {
    std::size_t n = 0;
    while (n < prefix.size() && n < text.size() && prefix[n] == text[n]) ++n;
    prefix.resize(n);
  }
  // Never cut a placeholder in half.
  const std::size_t open = prefix.rfind('{');
  if (open != std::string::npos && prefix.find('}', open) == std::string::npos) prefix.resize(open);
  return prefix;
}

std::string rangeCondition(const std::string& sk, const std::string& prefix,
                           const KeyRange& range) {
  const std::string value = prefix + "{" + range.attribute;
  switch (range.op) {
    case RangeOp::Between:
      return sk + " BETWEEN \"" + value + ":from}\" AND \"" + value + ":to}\"";
    case RangeOp::BeginsWith:
      return "begins_with(" + sk + ", \"" + value + "}\")";
    default:
      return sk + " " + std::string(rangeOpName(range.op)) + " \"" + value + "}\"";
  }
}

// Whether `text` names one of `attributes`.
bool namesAny(const std::string* text, const std::vector<std::string>& attributes) {
  if (text == nullptr) return false;
  auto parsed = KeyTemplate::parse(*text);
  if (!parsed) return false;
  for (const std::string& a : parsed->attributes()) {
    if (contains(attributes, a)) return true;
  }
  return false;
}

// How `pattern` reads through `view`, or nothing when the view cannot find its items by key.
std::optional<ReadCandidate> evaluateRead(PlannerContext& context, const IndexView& view,
                                          const AccessPattern& pattern,
                                          const std::vector<std::string>& targets) {
  if (targets.empty()) return std::nullopt;
  for (const std::string& target : targets) {
    if (!view.holds(target)) return std::nullopt;
  }
  const std::string pkText = *view.pkTemplate(targets.front());
  for (const std::string& target : targets) {
    if (*view.pkTemplate(target) != pkText) return std::nullopt;  // not one partition
  }
  auto pkTemplate = KeyTemplate::parse(pkText);
  if (!pkTemplate) return std::nullopt;
  const std::vector<std::string> pkAttributes = pkTemplate->attributes();
  for (const std::string& attribute : pkAttributes) {
    if (!contains(pattern.equals, attribute)) return std::nullopt;
  }

  // A sparse index holds only the items that carry its key attributes: it answers a pattern only
  // when the pattern asks for those items alone, testing each such attribute (an item without it
  // fails any test on it).
  for (const std::string& target : targets) {
    if (context.share(view, target) >= 1) continue;
    const Entity* entity = context.project.findEntity(target);
    for (const std::string* text : {view.pkTemplate(target), view.skTemplate(target)}) {
      auto parsed = text ? KeyTemplate::parse(*text) : std::nullopt;
      if (!parsed) continue;
      for (const std::string& a : parsed->attributes()) {
        const Attribute* attribute = entity->findAttribute(a);
        const bool tested = contains(pattern.equals, a) ||
                            (pattern.range && pattern.range->attribute == a) ||
                            (pattern.filter && contains(*pattern.filter, a));
        if (attribute != nullptr && presenceOf(*attribute) < 1 && !tested) return std::nullopt;
      }
    }
  }

  ReadCandidate candidate;
  candidate.view = &view;
  candidate.partitionAttributes = pkAttributes;
  candidate.keyCondition = view.pk + " = " + pkText;
  std::vector<std::string> keyBound = pkAttributes;
  const std::optional<std::string> sortAttribute =
      pattern.sortBy ? pattern.sortBy
                     : (pattern.range ? std::optional(pattern.range->attribute) : std::nullopt);
  bool rangeInKey = false;
  bool exact = false;

  if (view.sk) {
    std::vector<SortKeySplit> splits;
    for (const std::string& target : targets) {
      splits.push_back(splitSortKey(*view.skTemplate(target), pattern.equals));
    }
    for (const SortKeySplit& split : splits) {
      for (const std::string& attribute : split.bound) {
        if (!contains(keyBound, attribute)) keyBound.push_back(attribute);
      }
    }
    bool sameSplit = true;
    for (const SortKeySplit& split : splits) {
      sameSplit = sameSplit && split.boundText == splits.front().boundText &&
                  split.next == splits.front().next;
    }
    // Other entities in the same partition of this index.
    std::vector<std::string> others;
    for (const Entity& entity : context.project.entities) {
      if (!entity.isStored() || contains(targets, entity.name) || !view.holds(entity.name))
        continue;
      if (*view.pkTemplate(entity.name) == pkText) others.push_back(entity.name);
    }
    std::vector<std::string> boundTexts;
    for (const SortKeySplit& split : splits) boundTexts.push_back(split.boundText);
    const std::string prefix = sameSplit ? splits.front().boundText : commonPrefix(boundTexts);
    bool prefixExcludesOthers = !prefix.empty();
    for (const std::string& other : others) {
      const std::string& otherText = *view.skTemplate(other);
      if (otherText.starts_with(prefix) || (!otherText.empty() && otherText.front() == '{')) {
        prefixExcludesOthers = false;
      }
    }
    const bool anyBoundInSortKey =
        std::any_of(splits.begin(), splits.end(), [](const auto& s) { return !s.bound.empty(); });

    if (sameSplit && splits.front().fullyBound) {
      // A whole key names one item on the table only: an index key need not be unique.
      exact = view.kind == IndexView::Kind::Table;
      candidate.keyCondition += " AND " + *view.sk + " = " + splits.front().boundText;
    } else if (pattern.range && sameSplit && splits.front().next == pattern.range->attribute) {
      rangeInKey = true;
      candidate.keyCondition += " AND " + rangeCondition(*view.sk, prefix, *pattern.range);
    } else if (!prefix.empty() && (!others.empty() || anyBoundInSortKey)) {
      candidate.keyCondition += " AND begins_with(" + *view.sk + ", \"" + prefix + "\")";
    }
    candidate.typeFilter = !others.empty() && !exact && !prefixExcludesOthers;
    if (pattern.order && sortAttribute) {
      candidate.sorted = sameSplit && splits.front().next == *sortAttribute;
      if (!candidate.sorted) candidate.unsortedBy = *sortAttribute;
    }
    // Items read: each target's items under the bound key attributes, plus, when a filter must
    // drop them, the other entities' items in the partition.
    for (const std::string& target : targets) {
      const Entity* entity = context.project.findEntity(target);
      std::vector<std::string> own;
      for (const std::string& attribute : keyBound) {
        if (entity->findAttribute(attribute) != nullptr) own.push_back(attribute);
      }
      const double n =
          exact ? 1 : itemsPerValue(context.project, *entity, own) * context.share(view, target);
      candidate.items += n;
      candidate.bytesRead += n * context.entryBytes(view, target);
    }
    if (candidate.typeFilter) {
      for (const std::string& other : others) {
        const Entity* entity = context.project.findEntity(other);
        std::vector<std::string> own;
        for (const std::string& attribute : pkAttributes) {
          if (entity->findAttribute(attribute) != nullptr) own.push_back(attribute);
        }
        const double n = itemsPerValue(context.project, *entity, own) * context.share(view, other);
        candidate.items += n;
        candidate.bytesRead += n * context.entryBytes(view, other);
      }
    }
  } else {
    // Without a sort key the partition key is the whole key: unique on the table, not in an index.
    exact = targets.size() == 1 && view.kind == IndexView::Kind::Table;
    for (const std::string& target : targets) {
      const double n = exact ? 1
                             : itemsPerValue(context.project, *context.project.findEntity(target),
                                             pkAttributes) *
                                   context.share(view, target);
      candidate.items += n;
      candidate.bytesRead += n * context.entryBytes(view, target);
    }
    if (pattern.order && sortAttribute) {
      candidate.sorted = false;
      candidate.unsortedBy = *sortAttribute;
    }
  }

  // What the key does not narrow, a filter must.
  for (const std::string& attribute : pattern.equals) {
    if (!contains(keyBound, attribute)) candidate.filter.push_back(attribute);
  }
  if (pattern.range && !rangeInKey) candidate.filter.push_back(pattern.range->attribute);
  if (pattern.filter) {
    for (const std::string& attribute : *pattern.filter) {
      if (!contains(candidate.filter, attribute)) candidate.filter.push_back(attribute);
    }
  }
  // A filter on an attribute that only some items carry asks for the items that carry it
  // (attribute_exists): an index keyed on it holds only those, so it needs no filter (R8).
  std::erase_if(candidate.filter, [&](const std::string& attribute) {
    if (!pattern.filter || !contains(*pattern.filter, attribute)) return false;
    for (const std::string& target : targets) {
      const Attribute* a = context.project.findEntity(target)->findAttribute(attribute);
      if (a == nullptr || presenceOf(*a) >= 1 || context.share(view, target) >= 1 ||
          !(namesAny(view.pkTemplate(target), {attribute}) ||
            namesAny(view.skTemplate(target), {attribute}))) {
        return false;
      }
    }
    return true;
  });
  if (pattern.limit && !exact && candidate.filter.empty() && !candidate.typeFilter) {
    const double limit = static_cast<double>(*pattern.limit);
    if (candidate.items > limit) {
      candidate.bytesRead *= limit / candidate.items;
      candidate.items = limit;
    }
  }
  const bool singleItemGet = pattern.action == Action::Get && targets.size() == 1;
  candidate.operation = exact && singleItemGet && view.kind == IndexView::Kind::Table
                            ? Operation::GetItem
                            : Operation::Query;
  if (view.kind == IndexView::Kind::Gsi && view.projection == Projection::KeysOnly) {
    candidate.itemsFetched = candidate.items;
  }
  if (view.kind == IndexView::Kind::Lsi && view.projection != Projection::All) {
    candidate.itemsFetched = candidate.items;
  }
  return candidate;
}

// The average bytes of the targets' items, weighted by how many each has.
double meanItemBytes(PlannerContext& context, const std::vector<std::string>& targets) {
  double bytes = 0;
  double count = 0;
  for (const std::string& target : targets) {
    const double n = entityCount(*context.project.findEntity(target));
    bytes += n * static_cast<double>(context.item(target).averageBytes);
    count += n;
  }
  return count > 0 ? bytes / count : 0;
}

double readUnitsFor(double bytes, bool strong) {
  return capacity::estimatedReadUnitsForBytes(
      bytes, strong ? capacity::ReadType::Strong : capacity::ReadType::Eventual);
}

void addUnits(std::vector<std::pair<std::string, double>>& byOwner, const std::string& owner,
              double units) {
  if (units <= 0) return;
  for (auto& [name, value] : byOwner) {
    if (name == owner) {
      value += units;
      return;
    }
  }
  byOwner.emplace_back(owner, units);
}

// Fills a pattern plan from the chosen read candidate: operation, condition, items and units.
void applyRead(PlannerContext& context, PatternPlan& plan, const AccessPattern& pattern,
               const ReadCandidate& candidate, const std::vector<std::string>& targets) {
  const IndexView& view = *candidate.view;
  plan.served = true;
  plan.index = view.name;
  plan.operation = candidate.operation;
  plan.keyCondition = candidate.keyCondition;
  plan.filter = candidate.filter;
  if (candidate.typeFilter) plan.filter.push_back(std::string(kTypeAttribute));
  plan.itemsPerRequest = candidate.items;
  const bool strong = pattern.consistencyOrDefault() == Consistency::Strong;
  const bool onGsi = view.kind == IndexView::Kind::Gsi;
  double units = readUnitsFor(candidate.bytesRead, strong && !onGsi);
  if (candidate.itemsFetched > 0) {
    const double fetchUnits =
        candidate.itemsFetched * readUnitsFor(meanItemBytes(context, targets), strong && !onGsi);
    addUnits(plan.readUnitsByCapacity, "table", fetchUnits);
    plan.warnings.push_back({"fetch-items", "index " + view.name +
                                                " does not project every attribute: each of the " +
                                                number(candidate.itemsFetched) +
                                                " items is fetched from the table afterwards (" +
                                                number(fetchUnits) + " more read units)"});
  }
  addUnits(plan.readUnitsByCapacity, view.capacityOwner(), units);
  if (strong && onGsi) {
    plan.warnings.push_back({"strong-read-on-gsi",
                             "the pattern asks for a strongly consistent read, but a GSI is "
                             "eventually consistent only: " +
                                 view.name +
                                 " returns what has propagated, usually within a second"});
  }
  if (!candidate.filter.empty()) {
    plan.warnings.push_back({"filter", "filter on " + joined(candidate.filter) +
                                           ": items are read (and paid for) before the filter "
                                           "drops them"});
  }
  if (candidate.typeFilter) {
    plan.warnings.push_back(
        {"filter",
         "other entities share the partition and no sort key prefix leaves them out: "
         "a filter on " +
             std::string(kTypeAttribute) + " drops them after reading"});
  }
  if (!candidate.sorted) {
    plan.warnings.push_back({"client-sort", "items do not come sorted by " + candidate.unsortedBy +
                                                ": the client sorts them after reading"});
  }
  std::string how = plan.operation == Operation::GetItem ? "GetItem on the full primary key"
                                                         : "Query on one partition";
  plan.reason = how + " of " + (view.kind == IndexView::Kind::Table ? "the table" : view.name) +
                ", whose partition key " + view.pk + " is built from " +
                (candidate.partitionAttributes.empty() ? std::string("a constant")
                                                       : joined(candidate.partitionAttributes));
}

std::optional<ReadCandidate> bestRead(PlannerContext& context, const AccessPattern& pattern,
                                      const std::vector<std::string>& targets);

// When no one partition holds every entity a pattern reads, each entity that can be read by key
// is read apart (one request each), and the entities that cannot are fetched by key afterwards
// (BatchGetItem, one item per item read). Returns false when no entity can be read by key.
bool readEntitiesApart(PlannerContext& context, PatternPlan& plan, const AccessPattern& pattern,
                       const std::vector<std::string>& targets) {
  std::vector<std::string> readable;
  std::vector<std::string> unreadable;
  std::vector<PatternPlan> parts;
  for (const std::string& target : targets) {
    const AccessPattern own = patternForEntity(context.project, pattern, target);
    auto read = own.equals.empty() ? std::nullopt : bestRead(context, own, {target});
    if (!read) {
      unreadable.push_back(target);
      continue;
    }
    readable.push_back(target);
    PatternPlan part;
    applyRead(context, part, own, *read, {target});
    parts.push_back(std::move(part));
  }
  if (parts.empty()) return false;
  plan.served = true;
  plan.index = parts.front().index;
  plan.operation = parts.front().operation;
  plan.reason = parts.front().reason;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const PatternPlan& part = parts[i];
    plan.keyCondition += (i ? "; " : "") + part.keyCondition;
    plan.itemsPerRequest += part.itemsPerRequest;
    for (const auto& [owner, units] : part.readUnitsByCapacity) {
      addUnits(plan.readUnitsByCapacity, owner, units);
    }
    for (const std::string& attribute : part.filter) {
      if (!contains(plan.filter, attribute)) plan.filter.push_back(attribute);
    }
    for (const PlanWarning& warning : part.warnings) plan.warnings.push_back(warning);
  }
  if (parts.size() > 1) {
    plan.warnings.push_back({"multi-query", "no one partition holds " + joined(readable) + ": " +
                                                std::to_string(parts.size()) +
                                                " requests, one per entity"});
  }
  if (!unreadable.empty()) {
    const double fetched = plan.itemsPerRequest;
    const double units = fetched * readUnitsFor(meanItemBytes(context, unreadable), false);
    addUnits(plan.readUnitsByCapacity, "table", units);
    plan.warnings.push_back(
        {"related-items", joined(unreadable) + " items cannot be found from " +
                              joined(pattern.equals) + ": after reading " + joined(readable) +
                              ", a BatchGetItem fetches one by key for each of the " +
                              number(fetched) + " items read (" + number(units) +
                              " more read units)"});
  }
  return true;
}

// A Scan of the smallest index that holds the targets (the table when `wholeTable`).
void applyScan(PlannerContext& context, PatternPlan& plan, const AccessPattern& pattern,
               const std::vector<std::string>& targets, bool wholeTable) {
  const IndexView* best = &context.views.front();
  if (!wholeTable) {
    double bestBytes = context.indexBytes(*best);
    for (const IndexView& view : context.views) {
      bool holdsAll = !targets.empty();
      for (const std::string& target : targets) holdsAll = holdsAll && view.holds(target);
      if (!holdsAll) continue;
      const double bytes = context.indexBytes(view);
      if (bytes < bestBytes) {
        best = &view;
        bestBytes = bytes;
      }
    }
  }
  plan.index = best->name;
  plan.operation = Operation::Scan;
  plan.scan = true;
  plan.keyCondition.clear();
  plan.itemsPerRequest = context.indexItems(*best);
  const double bytes = context.indexBytes(*best);
  const bool strong =
      pattern.consistencyOrDefault() == Consistency::Strong && best->kind != IndexView::Kind::Gsi;
  addUnits(plan.readUnitsByCapacity, best->capacityOwner(), readUnitsFor(bytes, strong));
  for (const std::string& attribute : pattern.equals) plan.filter.push_back(attribute);
  if (pattern.range) plan.filter.push_back(pattern.range->attribute);
  if (pattern.filter) {
    for (const std::string& attribute : *pattern.filter) plan.filter.push_back(attribute);
  }
  const double pages = std::max(1.0, std::ceil(bytes / (1024.0 * 1024.0)));
  plan.warnings.push_back(
      {"scan", "Scan of " +
                   (best->kind == IndexView::Kind::Table ? std::string("the table") : best->name) +
                   ": reads all " + number(plan.itemsPerRequest) + " items (" + number(pages) +
                   " pages of 1 MB) on every request"});
  if (!plan.filter.empty()) {
    plan.warnings.push_back({"filter", "filter on " + joined(plan.filter) +
                                           ": every item is read (and paid for) first"});
  }
}

// The best way to read `pattern` by key, if any index has one.
std::optional<ReadCandidate> bestRead(PlannerContext& context, const AccessPattern& pattern,
                                      const std::vector<std::string>& targets) {
  std::optional<ReadCandidate> best;
  const bool strong = pattern.consistencyOrDefault() == Consistency::Strong;
  for (const IndexView& view : context.views) {
    auto candidate = evaluateRead(context, view, pattern, targets);
    if (!candidate) continue;
    if (!best) {
      best = candidate;
      continue;
    }
    // A strong read prefers any index that can honour it.
    const bool candidateHonours = !strong || view.kind != IndexView::Kind::Gsi;
    const bool bestHonours = !strong || best->view->kind != IndexView::Kind::Gsi;
    if (candidateHonours != bestHonours) {
      if (candidateHonours) best = candidate;
      continue;
    }
    if (candidate->score() < best->score()) best = candidate;
  }
  return best;
}

std::string notServedReason(const Design& design, const AccessPattern& pattern,
                            const std::vector<std::string>& targets) {
  if (targets.empty()) return "the pattern names no stored entity";
  std::vector<std::string> missing;
  for (const std::string& target : targets) {
    if (design.findEntity(target) == nullptr) missing.push_back(target);
  }
  if (!missing.empty()) return "the design gives no table keys for " + joined(missing);
  return "no table or index has a partition key built only from " +
         (pattern.equals.empty() ? std::string("the attributes given") : joined(pattern.equals)) +
         (targets.size() > 1 ? " shared by " + joined(targets) : std::string()) +
         ": a GSI with that partition key would serve it";
}

// The index writes that `items` writes of one item cause, added to `plan`. `kind` is put, update
// or delete; an update may change `changing`: an index whose key names one of them gets its
// entry deleted and written again (2 writes, R17). Only the items that carry an index's key
// attributes have an entry in it. Returns the indexes whose key the update may change.
std::vector<std::string> addIndexWrites(PlannerContext& context, PatternPlan& plan,
                                        const std::string& entity, Action kind,
                                        std::int64_t items = 1,
                                        const std::vector<std::string>& changing = {}) {
  std::vector<std::string> keyChanges;
  for (std::size_t i = 1; i < context.views.size(); ++i) {
    const IndexView& view = context.views[i];
    if (!view.holds(entity)) continue;
    const bool keyChange = kind == Action::Update && (namesAny(view.pkTemplate(entity), changing) ||
                                                      namesAny(view.skTemplate(entity), changing));
    // Otherwise an update changes non-key attributes: KEYS_ONLY entries do not change.
    if (kind == Action::Update && !keyChange && view.projection == Projection::KeysOnly) continue;
    const auto entry = static_cast<std::int64_t>(std::ceil(context.entryBytes(view, entity)));
    const std::int64_t units =
        keyChange ? capacity::indexWriteUnits(capacity::IndexChange::KeyChange, entry, entry)
                  : capacity::itemWriteUnits(entry, capacity::WriteType::Standard);
    if (keyChange) keyChanges.push_back(view.name);
    addUnits(plan.writeUnitsByCapacity, view.capacityOwner(),
             static_cast<double>(items) * static_cast<double>(units) * context.share(view, entity));
  }
  return keyChanges;
}

void planWrite(PlannerContext& context, PatternPlan& plan, const AccessPattern& pattern,
               const std::vector<std::string>& targets) {
  if (targets.empty()) {
    plan.reason = "the pattern names no stored entity";
    return;
  }
  const std::string& entity = targets.front();
  if (context.design.findEntity(entity) == nullptr) {
    plan.reason = "the design gives no table keys for " + entity;
    return;
  }
  const auto bytes = context.item(entity).averageBytes;
  plan.served = true;
  plan.index = "table";
  plan.itemsPerRequest = 1;
  const IndexView& table = context.views.front();
  const std::string pkText = *table.pkTemplate(entity);
  plan.keyCondition = table.pk + " = " + pkText;
  if (table.sk) plan.keyCondition += " AND " + *table.sk + " = " + *table.skTemplate(entity);
  std::int64_t base = 0;
  switch (pattern.action) {
    case Action::Put:
      plan.operation = Operation::PutItem;
      base = capacity::putItemWriteUnits(bytes);
      plan.keyCondition.clear();
      plan.reason =
          "PutItem of the whole item; every index that holds " + entity + " gets an entry";
      break;
    case Action::Update: {
      const std::vector<std::string> changing =
          attributesAnUpdateMayChange(context.project, pattern, entity);
      std::vector<std::string> inKey;
      for (const std::string* text : {table.pkTemplate(entity), table.skTemplate(entity)}) {
        auto parsed = text ? KeyTemplate::parse(*text) : std::nullopt;
        if (!parsed) continue;
        for (const std::string& a : parsed->attributes()) {
          if (contains(changing, a) && !contains(inKey, a)) inKey.push_back(a);
        }
      }
      if (!inKey.empty()) {
        // A key attribute cannot be updated in place: the item moves, atomically.
        plan.operation = Operation::TransactWriteItems;
        base = capacity::itemWriteUnits(bytes, capacity::WriteType::Transactional) * 2;
        plan.reason = "the update may change " + joined(inKey) +
                      ", which the table's key is built from: DynamoDB cannot change a key in "
                      "place, so a TransactWriteItems deletes the item and puts it under its "
                      "new key (each costs twice); every index entry is deleted and written again";
        plan.warnings.push_back(
            {"key-change",
             "an update of " + entity + " may change " + joined(inKey) +
                 ", part of the table's primary key: a delete and a put (" +
                 number(static_cast<double>(base)) + " write units instead of " +
                 number(static_cast<double>(capacity::updateItemWriteUnits(bytes, bytes))) +
                 "); keep mutable attributes out of keys (R17)"});
        addUnits(plan.writeUnitsByCapacity, "table", static_cast<double>(base));
        addIndexWrites(context, plan, entity, Action::Delete);
        addIndexWrites(context, plan, entity, Action::Put);
      } else {
        plan.operation = Operation::UpdateItem;
        base = capacity::updateItemWriteUnits(bytes, bytes);
        plan.reason =
            "UpdateItem by primary key, charged on the larger of the item before and after";
        addUnits(plan.writeUnitsByCapacity, "table", static_cast<double>(base));
        const auto keyChanges = addIndexWrites(context, plan, entity, Action::Update, 1, changing);
        if (!keyChanges.empty()) {
          plan.warnings.push_back(
              {"key-change", "an update of " + entity + " may change an attribute the key of " +
                                 joined(keyChanges) +
                                 " is built from: each such index deletes the old entry and "
                                 "writes the new (2 writes, not 1); keep mutable attributes out "
                                 "of GSI keys (R17)"});
        }
      }
      break;
    }
    default:
      plan.operation = Operation::DeleteItem;
      base = capacity::deleteItemWriteUnits(bytes);
      plan.reason = "DeleteItem by primary key; every index entry of the item is deleted too";
      break;
  }
  if (pattern.action != Action::Update) {
    addUnits(plan.writeUnitsByCapacity, "table", static_cast<double>(base));
    addIndexWrites(context, plan, entity, pattern.action);
  }

  // An update or a delete needs the whole primary key; when the pattern gives less, a read finds
  // it first.
  if (pattern.action == Action::Put) return;
  std::vector<std::string> keyAttributes = KeyTemplate::parse(pkText)->attributes();
  if (table.sk) {
    for (const std::string& a : KeyTemplate::parse(*table.skTemplate(entity))->attributes()) {
      keyAttributes.push_back(a);
    }
  }
  bool keyGiven = true;
  for (const std::string& attribute : keyAttributes) {
    keyGiven = keyGiven && contains(pattern.equals, attribute);
  }
  if (keyGiven) return;
  AccessPattern lookup = pattern;
  lookup.action = Action::Get;
  if (auto read = bestRead(context, lookup, {entity})) {
    const double units = readUnitsFor(read->bytesRead, false);
    addUnits(plan.readUnitsByCapacity, read->view->capacityOwner(), units);
    plan.warnings.push_back(
        {"key-lookup-first",
         "the pattern gives " + joined(pattern.equals) + " but not the whole primary key: a " +
             std::string(operationName(read->operation)) + " on " + read->view->name +
             " finds it first (" + number(units) + " read units)"});
  } else {
    plan.served = false;
    plan.reason = "the pattern gives " + joined(pattern.equals) +
                  ", which neither builds the primary key nor finds it through an index";
  }
}

void planTransaction(PlannerContext& context, PatternPlan& plan, const AccessPattern& pattern,
                     const std::vector<std::string>& targets) {
  std::vector<std::string> keyed;
  for (const std::string& target : targets) {
    if (context.design.findEntity(target) != nullptr) keyed.push_back(target);
  }
  if (keyed.empty()) {
    plan.reason = "the design gives no table keys for " + joined(targets);
    return;
  }
  const std::int64_t count =
      pattern.itemsPerRequest.value_or(static_cast<std::int64_t>(keyed.size()));
  plan.served = true;
  plan.index = "table";
  plan.operation = Operation::TransactWriteItems;
  plan.itemsPerRequest = static_cast<double>(count);
  // One item of each entity, the rest of the last (the children, as patterns list them). The
  // items of one entity cost the same, so each entity is charged once for all of its items: a
  // loop per item took minutes on files with many patterns near the limit of 10^6 items.
  const auto entities = static_cast<std::int64_t>(keyed.size());
  std::int64_t totalBytes = 0;
  std::int64_t base = 0;
  for (std::int64_t k = 0; k < entities; ++k) {
    const std::int64_t items =
        k + 1 < entities ? (k < count ? 1 : 0) : std::max<std::int64_t>(count - k, 0);
    if (items == 0) continue;
    const std::string& entity = keyed[static_cast<std::size_t>(k)];
    const auto bytes = context.item(entity).averageBytes;
    const capacity::ItemWrite write = capacity::ItemWrite::put(bytes);
    totalBytes += items * bytes;
    base +=
        items * capacity::itemWriteUnits(write.chargedBytes(), capacity::WriteType::Transactional);
    addIndexWrites(context, plan, entity, Action::Put, items);
  }
  addUnits(plan.writeUnitsByCapacity, "table", static_cast<double>(base));
  plan.reason = "TransactWriteItems of " + std::to_string(count) + " items (" + joined(keyed) +
                "): each item costs twice, index writes once";
  if (count > kMaxTransactionItems || totalBytes > kMaxTransactionBytes) {
    plan.warnings.push_back(
        {"transaction-too-large", "a transaction takes at most 100 items and 4 MB; this one has " +
                                      std::to_string(count) + " items and " +
                                      std::to_string(totalBytes) +
                                      " bytes: it must be split, losing atomicity"});
  }
}

void checkHotKey(PlannerContext& context, PatternPlan& plan, const AccessPattern& pattern,
                 const IndexView& view, const std::string& entity, double unitsPerRequest,
                 bool isWrite) {
  const std::string* pkText = view.pkTemplate(entity);
  if (pkText == nullptr || unitsPerRequest <= 0 || plan.requestsPerSecondPeak <= 0) return;
  const auto attributes = KeyTemplate::parse(*pkText)->attributes();
  const double distinct =
      distinctValues(context.project, *context.project.findEntity(entity), attributes);
  // Writes land on the key of the item written, spread like the items' key values; reads follow
  // the pattern's key popularity.
  const double share = isWrite && !pattern.keyDistribution
                           ? 1.0 / distinct
                           : hottestShare(pattern.keyDistribution, distinct);
  const double perKey = plan.requestsPerSecondPeak * unitsPerRequest * share;
  const double limit = isWrite ? kPartitionWriteLimit : kPartitionReadLimit;
  if (perKey <= limit) return;
  plan.warnings.push_back(PlanWarning{
      "hot-key",
      "one value of " +
          (view.kind == IndexView::Kind::Table ? std::string("the table's ") : view.name + "'s ") +
          view.pk + " (" + *pkText + ", about " + number(distinct) +
          " distinct values) takes about " + number(perKey) + (isWrite ? " write" : " read") +
          " units per second at peak, over the partition limit of " + number(limit) +
          ": shard the key (a suffix 0..N) or choose one with more values",
      perKey, limit});
}

PatternPlan planPattern(PlannerContext& context, const AccessPattern& pattern) {
  PatternPlan plan;
  plan.patternId = pattern.id;
  plan.patternName = pattern.name;
  if (pattern.rate) {
    plan.requestsPerSecondMean = pattern.rate->mean;
    plan.requestsPerSecondPeak = pattern.rate->peakOrMean();
  }
  const std::vector<std::string> targets = targetsOf(context.project, pattern);
  switch (pattern.action) {
    case Action::Get:
    case Action::Query:
    case Action::Aggregate: {
      auto read = pattern.equals.empty() ? std::nullopt : bestRead(context, pattern, targets);
      if (read) {
        applyRead(context, plan, pattern, *read, targets);
      } else if (!pattern.equals.empty() && targets.size() > 1 &&
                 readEntitiesApart(context, plan, pattern, targets)) {
        // Served by one read per entity, or by a read and a fetch of the related items.
      } else {
        plan.reason = notServedReason(context.design, pattern, targets);
        applyScan(context, plan, pattern, targets, true);
      }
      if (pattern.action == Action::Aggregate) {
        plan.warnings.push_back(
            {"aggregate-client-side",
             "DynamoDB does not aggregate: the client reads " + number(plan.itemsPerRequest) +
                 " items per request to compute the " +
                 std::string(aggregateFunctionName(pattern.aggregate ? pattern.aggregate->function
                                                                     : AggregateFunction::Count)) +
                 "; a counter item kept up to date by each write (an UpdateItem ADD, about 1 "
                 "write unit per write) makes it one GetItem"});
      }
      break;
    }
    case Action::Scan:
      applyScan(context, plan, pattern, targets, false);
      plan.served = true;
      plan.reason = "the pattern asks for every item of " + joined(targets) +
                    "; the smallest index that holds them is scanned";
      break;
    case Action::Put:
    case Action::Update:
    case Action::Delete:
      planWrite(context, plan, pattern, targets);
      break;
    case Action::Transaction:
      planTransaction(context, plan, pattern, targets);
      break;
  }
  for (const auto& [owner, units] : plan.readUnitsByCapacity) plan.readUnitsPerRequest += units;
  for (const auto& [owner, units] : plan.writeUnitsByCapacity) plan.writeUnitsPerRequest += units;

  // Hot keys: the partition each request lands on.
  if (!targets.empty() && plan.served && !plan.scan) {
    if (pattern.isWrite()) {
      for (const IndexView& view : context.views) {
        if (view.kind == IndexView::Kind::Lsi) continue;
        for (const auto& [owner, units] : plan.writeUnitsByCapacity) {
          if (owner == view.capacityOwner() && view.holds(targets.front())) {
            checkHotKey(context, plan, pattern, view, targets.front(), units, true);
          }
        }
      }
    } else {
      for (const IndexView& view : context.views) {
        if (view.name == plan.index) {
          checkHotKey(context, plan, pattern, view, targets.front(), plan.readUnitsPerRequest,
                      false);
        }
      }
    }
  }

  // What the design's author stated.
  if (context.design.plan) {
    for (const StatedPlan& stated : *context.design.plan) {
      if (stated.patternId != pattern.id) continue;
      plan.stated = stated;
      const bool sameIndex = !stated.index || *stated.index == plan.index;
      const bool sameOperation = !stated.operation || *stated.operation == plan.operation;
      plan.agreesWithStated = sameIndex && sameOperation;
      if (!plan.agreesWithStated) {
        plan.warnings.push_back(
            {"stated-plan-differs",
             "the design states " + stated.index.value_or(plan.index) + " " +
                 std::string(operationName(stated.operation.value_or(plan.operation))) +
                 "; the planner chose " + plan.index + " " +
                 std::string(operationName(plan.operation)) + " (" + plan.reason + ")"});
      }
    }
  }
  return plan;
}

CapacityLoad& loadFor(DesignPlan& plan, const std::string& owner) {
  for (CapacityLoad& load : plan.capacity) {
    if (load.name == owner) return load;
  }
  plan.capacity.push_back(CapacityLoad{owner});
  return plan.capacity.back();
}

void checkDesignLimits(PlannerContext& context, DesignPlan& plan) {
  for (const ItemEstimate& estimate : plan.items) {
    if (estimate.maxBytes > kMaxItemBytes) {
      plan.warnings.push_back(
          {"item-too-large", estimate.entity + " items may reach " +
                                 number(static_cast<double>(estimate.maxBytes)) +
                                 " bytes, over DynamoDB's 400 KB item limit: "
                                 "move large attributes to S3 or split the item"});
    }
  }
  if (context.design.lsis.empty()) return;
  // With an LSI, one partition key value's items (an item collection) may not pass 10 GB.
  std::map<std::string, double> collectionBytes;
  const IndexView& table = context.views.front();
  for (const ItemEstimate& estimate : plan.items) {
    const Entity* entity = context.project.findEntity(estimate.entity);
    const std::string* pkText = table.pkTemplate(estimate.entity);
    if (pkText == nullptr) continue;
    const double n =
        itemsPerValue(context.project, *entity, KeyTemplate::parse(*pkText)->attributes());
    collectionBytes[*pkText] += n * static_cast<double>(estimate.maxBytes);
  }
  for (const auto& [pkText, bytes] : collectionBytes) {
    if (bytes > kMaxCollectionBytes) {
      plan.warnings.push_back(
          {"collection-too-large", "the item collection of " + table.pk + " = " + pkText +
                                       " may reach " + number(bytes / 1e9) +
                                       " GB; with a local secondary index it may not pass 10 GB"});
    }
  }
}

}  // namespace

int DesignPlan::servedCount() const {
  return static_cast<int>(std::count_if(patterns.begin(), patterns.end(),
                                        [](const PatternPlan& p) { return p.served; }));
}

const PatternPlan* DesignPlan::find(const std::string& patternId) const {
  for (const PatternPlan& p : patterns) {
    if (p.patternId == patternId) return &p;
  }
  return nullptr;
}

DesignPlan planDesign(const Project& project, const Design& design,
                      const capacity::PriceSheet& prices, const PlannerOptions& options) {
  PlannerContext context{project, design, prices, indexViews(design), {}};
  DesignPlan plan;
  plan.design = design.name;
  plan.tableName = design.table.name;
  plan.gsiCount = static_cast<int>(design.gsis.size());
  plan.lsiCount = static_cast<int>(design.lsis.size());
  plan.priceSheet = prices.region + " " + prices.effective;
  plan.provisionedHeadroom = options.provisionedHeadroom;

  for (const EntityKeys& keys : design.entityKeys) {
    const Entity* entity = project.findEntity(keys.entity);
    if (entity != nullptr && entity->isStored()) plan.items.push_back(context.item(entity->name));
  }
  loadFor(plan, "table");
  for (const SecondaryIndex& gsi : design.gsis) loadFor(plan, gsi.name);

  int withoutRate = 0;
  for (const AccessPattern& pattern : project.accessPatterns) {
    PatternPlan patternPlan = planPattern(context, pattern);
    if (!pattern.rate) ++withoutRate;
    for (const auto& [owner, units] : patternPlan.readUnitsByCapacity) {
      CapacityLoad& load = loadFor(plan, owner);
      load.readUnitsMean += units * patternPlan.requestsPerSecondMean;
      load.readUnitsPeak += units * patternPlan.requestsPerSecondPeak;
    }
    for (const auto& [owner, units] : patternPlan.writeUnitsByCapacity) {
      CapacityLoad& load = loadFor(plan, owner);
      load.writeUnitsMean += units * patternPlan.requestsPerSecondMean;
      load.writeUnitsPeak += units * patternPlan.requestsPerSecondPeak;
    }
    plan.patterns.push_back(std::move(patternPlan));
  }
  if (withoutRate > 0) {
    plan.warnings.push_back({"no-rate", std::to_string(withoutRate) +
                                            " access patterns state no rate: they add no units "
                                            "per second and no cost"});
  }

  // Storage: the table holds every keyed item (LSI entries count with it), each GSI its entries.
  for (std::size_t i = 0; i < context.views.size(); ++i) {
    const IndexView& view = context.views[i];
    CapacityLoad& load = loadFor(plan, view.capacityOwner());
    for (const Entity& entity : project.entities) {
      if (!entity.isStored() || !view.holds(entity.name)) continue;
      const double count = context.entries(view, entity.name);
      const auto bytes =
          static_cast<std::int64_t>(std::ceil(context.entryBytes(view, entity.name)));
      const std::int64_t stored = view.kind == IndexView::Kind::Table
                                      ? capacity::storedItemBytes(bytes)
                                      : capacity::storedIndexEntryBytes(bytes);
      if (view.kind != IndexView::Kind::Lsi) load.items += count;
      load.storedBytes += count * static_cast<double>(stored);
    }
  }

  const double secondsPerMonth = prices.hoursPerMonth * kSecondsPerHour;
  for (CapacityLoad& load : plan.capacity) {
    load.onDemandMonthly =
        capacity::onDemandReadCost(prices, load.readUnitsMean * secondsPerMonth) +
        capacity::onDemandWriteCost(prices, load.writeUnitsMean * secondsPerMonth);
    load.provisionedReadCapacity =
        std::max(1.0, std::ceil(load.readUnitsPeak * (1 + options.provisionedHeadroom)));
    load.provisionedWriteCapacity =
        std::max(1.0, std::ceil(load.writeUnitsPeak * (1 + options.provisionedHeadroom)));
    load.provisionedMonthly = capacity::provisionedMonthlyCost(prices, load.provisionedReadCapacity,
                                                               load.provisionedWriteCapacity)
                                  .total();
    load.storageMonthly = capacity::estimatedStorageMonthlyCost(prices, load.storedBytes);
    plan.readUnitsPerSecond += load.readUnitsMean;
    plan.writeUnitsPerSecond += load.writeUnitsMean;
    plan.readUnitsPerSecondPeak += load.readUnitsPeak;
    plan.writeUnitsPerSecondPeak += load.writeUnitsPeak;
    plan.monthlyCost.onDemand += load.onDemandMonthly;
    plan.monthlyCost.provisioned += load.provisionedMonthly;
    plan.monthlyCost.storage += load.storageMonthly;
  }
  checkDesignLimits(context, plan);
  return plan;
}

std::vector<std::string> attributesAnUpdateMayChange(const Project& project,
                                                     const AccessPattern& pattern,
                                                     const std::string& entity) {
  std::vector<std::string> changing;
  const Entity* e = project.findEntity(entity);
  if (e == nullptr || pattern.action != Action::Update) return changing;
  std::vector<std::string> fixed = e->identifier;
  for (const std::string& a : pattern.equals) fixed.push_back(a);
  // A parent's identifier that the item carries: where the item belongs, which an update does
  // not move.
  for (const Relationship& relationship : project.relationships) {
    if (relationship.to != entity || relationship.from == entity) continue;
    const Entity* parent = project.findEntity(relationship.from);
    if (parent == nullptr || parent->identifier.empty()) continue;
    bool carried = true;
    for (const std::string& a : parent->identifier) carried = carried && e->findAttribute(a);
    if (carried) fixed.insert(fixed.end(), parent->identifier.begin(), parent->identifier.end());
  }
  for (const Attribute& attribute : e->attributes) {
    if (!contains(fixed, attribute.name)) changing.push_back(attribute.name);
  }
  return changing;
}

AccessPattern patternForEntity(const Project& project, const AccessPattern& pattern,
                               const std::string& entity) {
  const Entity* e = project.findEntity(entity);
  auto has = [&](const std::string& attribute) { return e->findAttribute(attribute) != nullptr; };
  AccessPattern own = pattern;
  own.entities = {entity};
  own.equals.clear();
  for (const std::string& attribute : pattern.equals) {
    if (has(attribute)) own.equals.push_back(attribute);
  }
  if (own.range && !has(own.range->attribute)) own.range.reset();
  if (own.sortBy && !has(*own.sortBy)) own.sortBy.reset();
  if (own.filter) {
    std::vector<std::string> kept;
    for (const std::string& attribute : *own.filter) {
      if (has(attribute)) kept.push_back(attribute);
    }
    own.filter = kept;
  }
  return own;
}

PatternPlan planPattern(const Project& project, const Design& design, const AccessPattern& pattern,
                        const capacity::PriceSheet& prices) {
  PlannerContext context{project, design, prices, indexViews(design), {}};
  return planPattern(context, pattern);
}

}  // namespace kvlab::model
