#include "model/modeler/modeler.h"

#include <glpk.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <utility>

#include "model/capacity/write_units.h"
#include "model/design/item_estimate.h"
#include "model/design/planner.h"
#include "model/modeler/entity_graph.h"
#include "model/schema/key_template.h"

namespace kvlab::model {
namespace {

// Avoiding a Scan outweighs any cost: the program first serves what can be served by key.
constexpr double kScanPenalty = 1e7;
// A key one of whose values takes more than a partition's throughput at the stated peak rates
// throttles (R9): avoided wherever some other key serves, but preferred to a Scan.
constexpr double kHotKeyPenalty = 1e5;
// Among equal costs: fewer GSIs, then shorter keys.
constexpr double kGsiTieBreak = 1e-3;
constexpr double kKeyByteTieBreak = 1e-6;
constexpr std::size_t kMaxEqualityAttributes = 4;
// Combinations of candidates priced per partition key for a pattern over several entities.
constexpr std::size_t kMaxCombinations = 16;
// An attribute no pattern gives: a key built from it serves nothing.
constexpr std::string_view kUnreachable = "kvlab:unreachable";

// "OrderItem" -> "ORDER_ITEM", "customerId" -> "CUSTOMER_ID".
std::string readablePrefix(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(name[i - 1])))
      out += '_';
    if (std::isalnum(c)) {
      out += static_cast<char>(std::toupper(c));
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  return out.empty() ? "ITEM" : out;
}

// The lowercase initials of a camel-case name: "WarehouseItem" -> "wi", "customerId" -> "ci".
std::string initials(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    const bool wordStart =
        i == 0 || (std::isupper(c) && !std::isupper(static_cast<unsigned char>(name[i - 1]))) ||
        (std::isalnum(c) && !std::isalnum(static_cast<unsigned char>(name[i - 1])));
    if (wordStart && std::isalnum(c)) out += static_cast<char>(std::tolower(c));
  }
  return out.empty() ? "x" : out;
}

std::string placeholders(const std::vector<std::string>& attributes) {
  std::string out;
  for (const std::string& a : attributes) out += "#{" + a + "}";
  return out;
}

std::string joined(const std::vector<std::string>& names, const char* separator = ", ") {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? separator : "") + names[i];
  return out;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string money(double dollars) {
  std::ostringstream out;
  out.precision(2);
  out << std::fixed << "$" << dollars;
  return out.str();
}

// One entity's keys in the table or in a GSI: a candidate the program may choose.
struct KeyCandidate {
  std::string entity;
  std::string pk;
  std::string sk;
  bool onTable = true;
  double cost = 0;        // per month: writes and storage a GSI entry adds; key bytes on the table
  int column = 0;         // the program's column
  std::string hotWrite;   // the write pattern one of its key values cannot take, if any
  double share = 1;       // of the entity's items that carry the key's attributes (sparse, R8)
  std::string keyChange;  // an update that may change an attribute of the key, if any
  // An entry in the inverted index (R5): the table key `twinOf` with its keys swapped, in a GSI
  // keyed on the table's SK and sorted by its PK. Chosen with its table key whenever the
  // inverted index is, for every entity: each item of the table has an entry in it.
  int twinOf = -1;
  bool inverted() const { return twinOf >= 0; }
  // A table key made for the inverted index only (GROUP#{groupId} / GROUP#{groupId}): on the
  // table it reads what the entity's own key reads, so it is not priced there again.
  bool forInverted = false;
};

KeyCandidate keyCandidate(std::string entity, std::string pk, std::string sk, bool onTable) {
  KeyCandidate c;
  c.entity = std::move(entity);
  c.pk = std::move(pk);
  c.sk = std::move(sk);
  c.onTable = onTable;
  return c;
}

// One way to serve one pattern (or one entity's share of a pattern read apart).
struct ServeOption {
  std::vector<int> needs;  // candidates that must be chosen
  double cost = 0;         // per month
  bool scan = false;
  int column = 0;
  bool hot = false;  // one key value gets more reads than a partition serves
};

bool hasHotKey(const PatternPlan& plan) {
  return std::any_of(plan.warnings.begin(), plan.warnings.end(),
                     [](const PlanWarning& w) { return w.code == "hot-key"; });
}

struct Demand {
  std::string patternId;
  std::string entity;  // empty for the whole pattern; an entity for a share read apart
  std::vector<ServeOption> options;
  int apartColumn = 0;  // the whole pattern's "read apart" column, when it has one
};

class Modeler {
 public:
  Modeler(const Project& project, const capacity::PriceSheet& prices, const ModelerOptions& options)
      : project_(project), prices_(prices), options_(options), graph_(project) {
    secondsPerMonth_ = prices.hoursPerMonth * 3600;
    readPrice_ = prices.standard.onDemandReadPerMillion / 1e6;
    writePrice_ = prices.standard.onDemandWritePerMillion / 1e6;
    for (const AccessPattern& pattern : project.accessPatterns) patterns_.push_back(&pattern);
    std::sort(patterns_.begin(), patterns_.end(),
              [](const AccessPattern* a, const AccessPattern* b) { return a->id < b->id; });
  }

  ModelerResult run() {
    ModelerResult result;
    assignPrefixes();
    for (const std::string& entity : graph_.canonicalOrder()) addCandidate(ownKeys(entity));
    generateAll();
    addAdjacencyKeys();
    addInvertedEntries();
    for (const AccessPattern* pattern : patterns_) addDemands(*pattern);
    priceGsiCandidates();
    priceTableKeyChanges();
    penalizeHotWrites();
    result.candidateKeys = static_cast<int>(candidates_.size());
    for (const Demand& demand : demands_)
      result.candidatePlans += static_cast<int>(demand.options.size());

    std::set<std::string> seen;
    std::vector<std::vector<int>> cuts;
    for (int attempt = 0; attempt < options_.proposals * 3 &&
                          static_cast<int>(result.proposals.size()) < options_.proposals;
         ++attempt) {
      std::vector<int> chosen;
      std::vector<int> chosenOptions;
      if (!solve(cuts, chosen, chosenOptions, result.error)) break;
      cuts.push_back(chosen);
      Proposal proposal = assemble(chosen, chosenOptions);
      const std::string signature = signatureOf(proposal.design);
      if (!seen.insert(signature).second) continue;
      result.proposals.push_back(std::move(proposal));
    }
    std::stable_sort(result.proposals.begin(), result.proposals.end(),
                     [](const Proposal& a, const Proposal& b) {
                       return std::make_tuple(a.scans, a.monthlyCost, a.plan.gsiCount) <
                              std::make_tuple(b.scans, b.monthlyCost, b.plan.gsiCount);
                     });
    for (std::size_t i = 0; i < result.proposals.size(); ++i) {
      result.proposals[i].design.name = "proposal-" + std::to_string(i + 1);
      result.proposals[i].plan.design = result.proposals[i].design.name;
    }
    return result;
  }

 private:
  // Each entity's and attribute's key prefix: readable (ORDER_ITEM) or compact (oi), unique.
  void assignPrefixes() {
    std::set<std::string> names;
    for (const Entity& e : project_.entities) names.insert(e.name);
    for (const AccessPattern& p : project_.accessPatterns) {
      for (const std::string& a : p.equals) names.insert(a);
    }
    std::set<std::string> used;
    for (const std::string& name : names) {
      std::string prefix = options_.compactKeys ? initials(name) : readablePrefix(name);
      // On a clash, compact prefixes take more of the name; readable ones get a number.
      std::string candidate = prefix;
      for (std::size_t extra = 1, n = 2; used.count(candidate); ++extra, ++n) {
        if (options_.compactKeys && extra < name.size()) {
          candidate =
              prefix + static_cast<char>(std::tolower(static_cast<unsigned char>(name[extra])));
        } else {
          candidate = prefix + std::to_string(n);
        }
      }
      used.insert(candidate);
      prefixes_[name] = candidate;
    }
  }
  std::string prefixOf(const std::string& name) const {
    auto it = prefixes_.find(name);
    return it != prefixes_.end() ? it->second : readablePrefix(name);
  }

  double weightOf(const AccessPattern& pattern) const {
    return pattern.rate ? pattern.rate->mean : options_.defaultRate;
  }

  std::vector<std::string> targetsOf(const AccessPattern& pattern) const {
    std::vector<std::string> targets;
    for (const std::string& name : pattern.entities) {
      const Entity* entity = project_.findEntity(name);
      if (entity != nullptr && entity->isStored() && !contains(targets, name))
        targets.push_back(name);
    }
    return targets;
  }

  const Entity& entity(const std::string& name) const { return *project_.findEntity(name); }

  KeyCandidate ownKeys(const std::string& name) const {
    const Entity& e = entity(name);
    const std::string prefix = prefixOf(name);
    std::vector<std::string> id = e.identifier;
    if (id.empty() && !e.attributes.empty()) id.push_back(e.attributes.front().name);
    return keyCandidate(name, prefix + placeholders(id), prefix, true);
  }

  // The partition key of `attributes`: the prefix of the entity they identify, or of the first.
  std::string partitionKeyFor(const std::vector<std::string>& attributes) const {
    const Entity* owner = graph_.ownerOf(attributes);
    return (owner ? prefixOf(owner->name) : prefixOf(attributes.front())) +
           placeholders(attributes);
  }

  // The sort key of `name` under a partition of `partition`: the type prefix, the other
  // attributes given by equality, the range or order attribute, then, on the table (where the
  // primary key must be unique; a GSI key need not be), the rest of the identifier.
  std::string sortKeyFor(const std::string& name, const AccessPattern& pattern,
                         const std::vector<std::string>& partition, bool onTable) const {
    const Entity& e = entity(name);
    std::vector<std::string> parts;
    auto add = [&](const std::string& attribute) {
      if (e.findAttribute(attribute) != nullptr && !contains(partition, attribute) &&
          !contains(parts, attribute)) {
        parts.push_back(attribute);
      }
    };
    for (const std::string& attribute : pattern.equals) add(attribute);
    if (pattern.range) add(pattern.range->attribute);
    if (pattern.sortBy) add(*pattern.sortBy);
    if (onTable) {
      for (const std::string& attribute : e.identifier) add(attribute);
    }
    return prefixOf(name) + placeholders(parts);
  }

  int addCandidate(KeyCandidate candidate) {
    const Entity& owner = entity(candidate.entity);
    candidate.share = std::min(keyPresence(owner, candidate.pk), keyPresence(owner, candidate.sk));
    // An item without a key attribute cannot be written to the table: only an index can be
    // keyed on an attribute that some items lack.
    if (candidate.onTable && candidate.share < 1) return -1;
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
      const KeyCandidate& c = candidates_[i];
      if (c.entity == candidate.entity && c.pk == candidate.pk && c.sk == candidate.sk &&
          c.onTable == candidate.onTable && c.inverted() == candidate.inverted()) {
        return static_cast<int>(i);
      }
    }
    if (candidate.onTable) {
      // The key attributes the table adds to every item, stored for the month.
      const Entity& e = entity(candidate.entity);
      const double keyBytes =
          static_cast<double>(keyValueBytes(e, candidate.pk) + keyValueBytes(e, candidate.sk) + 4);
      candidate.cost =
          entityCount(e) * keyBytes / 1e9 * prices_.standard.storageGbMonth +
          kKeyByteTieBreak * static_cast<double>(candidate.pk.size() + candidate.sk.size());
    }
    candidates_.push_back(std::move(candidate));
    return static_cast<int>(candidates_.size()) - 1;
  }

  // A design holding `candidates` (and each other entity's own keys), to ask the planner.
  Design designOf(const std::vector<int>& chosen) const {
    Design design;
    design.name = "candidate";
    design.table = TableDef{"Candidate", "PK", std::string("SK"), {}};
    std::map<std::string, const KeyCandidate*> table;
    std::vector<const KeyCandidate*> gsi;
    for (int index : chosen) {
      const KeyCandidate& c = candidates_[static_cast<std::size_t>(index)];
      if (c.onTable) {
        table[c.entity] = &c;
      } else {
        gsi.push_back(&c);
      }
    }
    // Entities without a candidate get keys no pattern can use, so that a plan depends only on
    // the candidates asked about.
    for (const std::string& name : graph_.canonicalOrder()) {
      auto it = table.find(name);
      if (it == table.end()) {
        design.entityKeys.push_back(EntityKeys{
            name, {{"PK", "UNREACHABLE#{" + std::string(kUnreachable) + "}"}, {"SK", "-"}}});
      } else {
        design.entityKeys.push_back(
            EntityKeys{name, {{"PK", it->second->pk}, {"SK", it->second->sk}}});
      }
    }
    if (!gsi.empty()) {
      SecondaryIndex index;
      index.name = "GSI1";
      index.pk = "GSI1PK";
      index.sk = "GSI1SK";
      index.projection = Projection::All;
      for (const KeyCandidate* c : gsi) {
        index.entityKeys.push_back(EntityKeys{c->entity, {{"GSI1PK", c->pk}, {"GSI1SK", c->sk}}});
      }
      design.gsis.push_back(std::move(index));
    }
    return design;
  }

  double readCost(const AccessPattern& pattern, const PatternPlan& plan) const {
    return weightOf(pattern) * plan.readUnitsPerRequest * secondsPerMonth_ * readPrice_;
  }

  // The keys that could serve `pattern` reading `targets` in one partition: every non-empty
  // subset of its equality attributes (in the pattern's order) as the partition key, the rest
  // first in the sort key; on the table and on a GSI.
  void generateCandidates(const AccessPattern& pattern, const std::vector<std::string>& targets) {
    std::vector<std::string> equals;
    for (const std::string& attribute : pattern.equals) {
      if (!contains(equals, attribute)) equals.push_back(attribute);
    }
    if (equals.empty() || equals.size() > kMaxEqualityAttributes) return;
    for (unsigned mask = 1; mask < (1u << equals.size()); ++mask) {
      std::vector<std::string> partition;
      for (std::size_t i = 0; i < equals.size(); ++i) {
        if (mask & (1u << i)) partition.push_back(equals[i]);
      }
      const std::string pk = partitionKeyFor(partition);
      for (const std::string& target : targets) {
        bool hasAll = true;
        for (const std::string& a : partition) hasAll = hasAll && entity(target).findAttribute(a);
        if (!hasAll) continue;
        addCandidate(keyCandidate(target, pk, sortKeyFor(target, pattern, partition, true), true));
        const std::string gsiSk = sortKeyFor(target, pattern, partition, false);
        addCandidate(keyCandidate(target, pk, gsiSk, false));
        // A filter on an attribute that few items carry: keyed on it too, the index holds only
        // those items (a sparse GSI, R8), and the query reads no others.
        if (pattern.filter) {
          std::string sparse;
          for (const std::string& a : *pattern.filter) {
            const Attribute* attribute = entity(target).findAttribute(a);
            if (attribute != nullptr && presenceOf(*attribute) < 1 && !contains(partition, a) &&
                gsiSk.find("{" + a + "}") == std::string::npos) {
              sparse += "#{" + a + "}";
            }
          }
          if (!sparse.empty()) addCandidate(keyCandidate(target, pk, gsiSk + sparse, false));
        }
      }
    }
  }

  // Every way the candidates can serve `pattern` in one partition: candidates of the targets
  // that share a partition key, on the table or on one GSI, as the planner judges them. A key
  // made for one pattern often serves others: that sharing is what the program rewards.
  void addPartitionOptions(const AccessPattern& pattern, const std::vector<std::string>& targets,
                           Demand& demand) {
    // By where the partition is (0 the table, 1 a GSI, 2 the inverted index) and its key.
    std::map<std::pair<int, std::string>, std::map<std::string, std::vector<int>>> groups;
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
      const KeyCandidate& c = candidates_[i];
      if (!contains(targets, c.entity)) continue;
      // An inverted entry keyed on a constant (a table key whose sort key names no attribute)
      // holds all of its entity's items in one partition: it is paid for, never read.
      if (c.inverted() && KeyTemplate::parse(c.pk) && KeyTemplate::parse(c.pk)->isConstant())
        continue;
      if (c.forInverted) continue;
      groups[{c.onTable ? 0 : c.inverted() ? 2 : 1, c.pk}][c.entity].push_back(static_cast<int>(i));
    }
    for (const auto& [key, byEntity] : groups) {
      // A partition that lacks an entity the pattern could find by its attributes does not serve
      // it (the entity would be read elsewhere); one the pattern cannot find that way is fetched
      // by key after the read (related items), as the planner prices it.
      bool covers = true;
      for (const std::string& target : targets) {
        if (!byEntity.count(target) && (targets.size() == 1 || shareOf(pattern, target)))
          covers = false;
      }
      if (!covers) continue;
      // The combinations of one candidate per entity that has one, capped so that a pattern over
      // many entities stays cheap to price.
      std::vector<std::vector<int>> combinations{{}};
      for (const auto& [name, indexes] : byEntity) {
        std::vector<std::vector<int>> next;
        for (const auto& partial : combinations) {
          for (int index : indexes) {
            if (next.size() >= kMaxCombinations) break;
            auto extended = partial;
            extended.push_back(index);
            next.push_back(std::move(extended));
          }
        }
        combinations = std::move(next);
      }
      for (const std::vector<int>& needed : combinations) {
        const PatternPlan plan = planPattern(project_, designOf(needed), pattern, prices_);
        // The option must be served by its own keys, not by the own keys designOf() gives the
        // table.
        if (!plan.served || plan.scan || plan.index != (key.first == 0 ? "table" : "GSI1"))
          continue;
        const bool hot = hasHotKey(plan);
        demand.options.push_back(ServeOption{
            needed, readCost(pattern, plan) + (hot ? kHotKeyPenalty : 0.0), false, 0, hot});
      }
    }
  }

  // `pattern` as it applies to `target` alone, or nothing when it gives none of its attributes.
  std::optional<AccessPattern> shareOf(const AccessPattern& pattern,
                                       const std::string& target) const {
    AccessPattern own = patternForEntity(project_, pattern, target);
    if (own.equals.empty()) return std::nullopt;
    return own;
  }

  static bool isRead(const AccessPattern& pattern) {
    return pattern.action == Action::Get || pattern.action == Action::Query ||
           pattern.action == Action::Aggregate;
  }

  void generateAll() {
    for (const AccessPattern* original : patterns_) {
      const std::optional<AccessPattern> lookup = keyLookupOf(*original);
      const AccessPattern* pattern = lookup ? &*lookup : original;
      if (!isRead(*pattern)) continue;
      const std::vector<std::string> targets = targetsOf(*pattern);
      generateCandidates(*pattern, targets);
      if (targets.size() < 2) continue;
      for (const std::string& target : targets) {
        if (auto share = shareOf(*pattern, target)) generateCandidates(*share, {target});
      }
    }
  }

  // An update or a delete needs the item's primary key: given by the pattern's attributes, or
  // found by a read first. It is priced as a get by those attributes.
  static std::optional<AccessPattern> keyLookupOf(const AccessPattern& pattern) {
    if ((pattern.action != Action::Update && pattern.action != Action::Delete) ||
        pattern.equals.empty()) {
      return std::nullopt;
    }
    AccessPattern lookup = pattern;
    lookup.action = Action::Get;
    return lookup;
  }

  void addDemands(const AccessPattern& original) {
    const std::optional<AccessPattern> lookup = keyLookupOf(original);
    const AccessPattern& pattern = lookup ? *lookup : original;
    if (!isRead(pattern)) return;
    const std::vector<std::string> targets = targetsOf(pattern);
    if (targets.empty()) return;
    Demand demand{pattern.id, {}, {}, -1};
    addPartitionOptions(pattern, targets, demand);
    // The Scan is always possible, and always last.
    const PatternPlan scanPlan = planPattern(project_, designOf({}), pattern, prices_);
    demand.options.push_back(ServeOption{{}, kScanPenalty + readCost(pattern, scanPlan), true});
    const std::size_t whole = demands_.size();
    demands_.push_back(std::move(demand));
    // Several entities that no one partition holds may be read apart, one request each.
    if (targets.size() < 2) return;
    std::vector<Demand> shares;
    for (const std::string& target : targets) {
      auto share = shareOf(pattern, target);
      if (!share) continue;
      Demand d{pattern.id, target, {}, -1};
      addPartitionOptions(*share, {target}, d);
      if (d.options.empty()) return;  // reading apart needs every share served by key
      shares.push_back(std::move(d));
    }
    if (shares.size() < 2) return;
    demands_[whole].apartColumn = 0;  // marked; the column is made in solve()
    for (Demand& share : shares) demands_.push_back(std::move(share));
  }

  // A GSI entry costs what each write to its entity writes to it, and its storage.
  void priceGsiCandidates() {
    for (KeyCandidate& c : candidates_) {
      if (c.onTable) continue;
      // An inverted entry is the item as the table holds it under its twin's key; another entry
      // copies its keys into the item as attributes of their own (GSI1PK, GSI1SK), stored twice.
      const Design design = designOf({c.inverted() ? c.twinOf : addCandidateIndex(c)});
      const ItemEstimate estimate = estimateItem(project_, design, entity(c.entity));
      const double entryBytes = static_cast<double>(estimate.averageBytes);
      const double copiedBytes =
          c.inverted() ? 0.0
                       : static_cast<double>(keyValueBytes(entity(c.entity), c.pk) +
                                             keyValueBytes(entity(c.entity), c.sk) + 12);
      const double writeUnits = std::ceil(entryBytes / 1024.0);
      double writesPerSecond = 0;
      for (const AccessPattern* pattern : patterns_) {
        if (!pattern->isWrite() || !contains(targetsOf(*pattern), c.entity)) continue;
        // An update that may change an attribute of the key deletes the entry and writes it
        // again (R17), as the planner prices it.
        double items = changesKey(*pattern, c) ? 2 : 1;
        if (pattern->action == Action::Transaction && pattern->itemsPerRequest) {
          const auto targets = targetsOf(*pattern);
          items = targets.back() == c.entity ? static_cast<double>(*pattern->itemsPerRequest) -
                                                   static_cast<double>(targets.size() - 1)
                                             : 1;
        }
        writesPerSecond += weightOf(*pattern) * std::max(1.0, items);
      }
      // Only the items that carry the key's attributes have an entry (R8).
      const double storage = entityCount(entity(c.entity)) * c.share *
                             (entryBytes + 100 + copiedBytes) / 1e9 *
                             prices_.standard.storageGbMonth;
      c.cost = c.share * writesPerSecond * writeUnits * secondsPerMonth_ * writePrice_ + storage +
               kKeyByteTieBreak * static_cast<double>(c.pk.size() + c.sk.size());
    }
  }
  // R6, the adjacency list: keys whose sort key names another entity, so that the inverted index
  // (below) puts items of several entities in one partition. Each entity's own key with a sort
  // key that repeats its partition key (GROUP#{groupId} / GROUP#{groupId}); and an entity whose
  // identifier holds the identifiers of two others (a membership: userId, groupId) keyed by one
  // with the other's in its sort key (USER#{userId} / GROUP#{groupId}), either way round.
  void addAdjacencyKeys() {
    for (const std::string& name : graph_.canonicalOrder()) {
      const KeyCandidate own = ownKeys(name);
      KeyCandidate repeated = keyCandidate(name, own.pk, own.pk, true);
      repeated.forInverted = true;
      addCandidate(std::move(repeated));
      const Entity& link = entity(name);
      std::vector<const Entity*> ends;
      for (const std::string& other : graph_.canonicalOrder()) {
        const Entity& e = entity(other);
        if (other == name || e.identifier.empty()) continue;
        bool within = e.identifier.size() < link.identifier.size();
        for (const std::string& a : e.identifier) within = within && contains(link.identifier, a);
        if (within) ends.push_back(&e);
      }
      for (const Entity* a : ends) {
        for (const Entity* b : ends) {
          bool disjoint = a != b;
          for (const std::string& x : a->identifier)
            disjoint = disjoint && !contains(b->identifier, x);
          if (!disjoint) continue;
          std::vector<std::string> rest;
          for (const std::string& x : link.identifier) {
            if (!contains(a->identifier, x) && !contains(b->identifier, x)) rest.push_back(x);
          }
          addCandidate(keyCandidate(
              name, prefixOf(a->name) + placeholders(a->identifier),
              prefixOf(b->name) + placeholders(b->identifier) + placeholders(rest), true));
        }
      }
    }
  }

  // R5/R6: every table key, swapped, as an entry of the inverted index. An entity whose items
  // link two others (a membership keyed USER#{userId} / GROUP#{groupId}) is then read from both
  // sides with no key attribute copied into its items; the index holds every item of the table.
  void addInvertedEntries() {
    const std::size_t tableKeys = candidates_.size();
    for (std::size_t i = 0; i < tableKeys; ++i) {
      const KeyCandidate& t = candidates_[i];
      if (!t.onTable) continue;
      KeyCandidate twin = keyCandidate(t.entity, t.sk, t.pk, false);
      twin.twinOf = static_cast<int>(i);
      addCandidate(std::move(twin));
    }
  }

  bool anyInverted() const {
    return std::any_of(candidates_.begin(), candidates_.end(),
                       [](const KeyCandidate& c) { return c.inverted(); });
  }

  static std::string structureOf(const KeyCandidate& c) {
    auto sk = KeyTemplate::parse(c.sk);
    return c.entity + "|" + c.pk + "|" + (sk ? joined(sk->attributes()) : c.sk);
  }

  // Whether the update `pattern` may change an attribute `c`'s key is built from.
  bool changesKey(const AccessPattern& pattern, const KeyCandidate& c) const {
    if (pattern.action != Action::Update) return false;
    const auto changing = attributesAnUpdateMayChange(project_, pattern, c.entity);
    for (const std::string* text : {&c.pk, &c.sk}) {
      auto parsed = KeyTemplate::parse(*text);
      if (!parsed) continue;
      for (const std::string& a : parsed->attributes()) {
        if (contains(changing, a)) return true;
      }
    }
    return false;
  }

  // A table key that an update may change moves the item: a delete and a put in a transaction
  // instead of an UpdateItem (R17). The planner prices each update on a design with only that
  // key; what it adds over an UpdateItem is the candidate's cost.
  void priceTableKeyChanges() {
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
      KeyCandidate& c = candidates_[i];
      if (!c.onTable) continue;
      for (const AccessPattern* pattern : patterns_) {
        if (!changesKey(*pattern, c) || !contains(targetsOf(*pattern), c.entity)) continue;
        const Entity& e = entity(c.entity);
        const Design design = designOf({static_cast<int>(i)});
        const PatternPlan plan = planPattern(project_, design, *pattern, prices_);
        double units = 0;
        for (const auto& [owner, u] : plan.writeUnitsByCapacity) units += u;
        const auto bytes = estimateItem(project_, design, e).averageBytes;
        const double inPlace = static_cast<double>(capacity::updateItemWriteUnits(bytes, bytes));
        c.cost +=
            weightOf(*pattern) * std::max(0.0, units - inPlace) * secondsPerMonth_ * writePrice_;
        c.keyChange = pattern->id;
      }
    }
  }

  // A key whose busiest value would take more write units a second than a partition serves, at
  // some write pattern's peak rate, throttles every write there: the planner's hot-key check on
  // a design with only that key decides.
  void penalizeHotWrites() {
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
      KeyCandidate& c = candidates_[i];
      const Design design = designOf({static_cast<int>(i)});
      const std::string owner = c.onTable ? "the table's" : "GSI1's";
      for (const AccessPattern* pattern : patterns_) {
        if (!pattern->isWrite() || !contains(targetsOf(*pattern), c.entity)) continue;
        const PatternPlan plan = planPattern(project_, design, *pattern, prices_);
        const bool hot =
            std::any_of(plan.warnings.begin(), plan.warnings.end(), [&](const PlanWarning& w) {
              return w.code == "hot-key" && w.message.find(owner) != std::string::npos;
            });
        if (hot) {
          c.cost += kHotKeyPenalty;
          c.hotWrite = pattern->id;
          break;
        }
      }
    }
  }

  int addCandidateIndex(const KeyCandidate& c) const {
    return static_cast<int>(&c - candidates_.data());
  }

  // Solves the integer program with the cuts so far. `chosen` gets the candidates picked,
  // `chosenOptions` the options (indexes into a flat list over demands).
  bool solve(const std::vector<std::vector<int>>& cuts, std::vector<int>& chosen,
             std::vector<int>& chosenOptions, std::string& error) {
    std::unique_ptr<glp_prob, decltype(&glp_delete_prob)> problem(glp_create_prob(),
                                                                  &glp_delete_prob);
    glp_prob* lp = problem.get();
    glp_set_obj_dir(lp, GLP_MIN);
    auto addBinary = [&](double cost) {
      const int column = glp_add_cols(lp, 1);
      glp_set_col_kind(lp, column, GLP_BV);
      glp_set_obj_coef(lp, column, cost);
      return column;
    };
    for (KeyCandidate& c : candidates_) c.column = addBinary(c.cost);
    for (Demand& demand : demands_) {
      for (ServeOption& option : demand.options) option.column = addBinary(option.cost);
      if (demand.apartColumn >= 0 && demand.entity.empty()) demand.apartColumn = addBinary(0);
    }
    invertedColumn_ = anyInverted() ? addBinary(0) : 0;
    const int gsiColumn = glp_add_cols(lp, 1);
    glp_set_col_kind(lp, gsiColumn, GLP_IV);
    glp_set_col_bnds(lp, gsiColumn, GLP_DB, 0, 20);
    glp_set_obj_coef(lp, gsiColumn, kGsiTieBreak);

    auto addRow = [&](const std::vector<std::pair<int, double>>& terms, int type, double bound) {
      const int row = glp_add_rows(lp, 1);
      std::vector<int> indexes{0};
      std::vector<double> values{0};
      for (const auto& [column, value] : terms) {
        indexes.push_back(column);
        values.push_back(value);
      }
      glp_set_mat_row(lp, row, static_cast<int>(terms.size()), indexes.data(), values.data());
      glp_set_row_bnds(lp, row, type, bound, bound);
    };
    // One table key per entity.
    for (const std::string& name : graph_.canonicalOrder()) {
      std::vector<std::pair<int, double>> terms;
      for (const KeyCandidate& c : candidates_) {
        if (c.onTable && c.entity == name) terms.emplace_back(c.column, 1);
      }
      addRow(terms, GLP_FX, 1);
    }
    // The inverted index holds the swapped table key of every entity: an entry is chosen exactly
    // when its table key and the index are.
    for (const KeyCandidate& c : candidates_) {
      if (!c.inverted()) continue;
      const int table = candidates_[static_cast<std::size_t>(c.twinOf)].column;
      addRow({{c.column, 1}, {table, -1}}, GLP_UP, 0);
      addRow({{c.column, 1}, {invertedColumn_, -1}}, GLP_UP, 0);
      addRow({{c.column, 1}, {table, -1}, {invertedColumn_, -1}}, GLP_LO, -1);
    }
    // Each pattern served one way; a share read apart exactly when its pattern is.
    std::map<std::string, int> apartOf;
    for (const Demand& demand : demands_) {
      if (demand.entity.empty() && demand.apartColumn > 0)
        apartOf[demand.patternId] = demand.apartColumn;
    }
    for (const Demand& demand : demands_) {
      std::vector<std::pair<int, double>> terms;
      for (const ServeOption& option : demand.options) terms.emplace_back(option.column, 1);
      if (demand.entity.empty()) {
        if (demand.apartColumn > 0) terms.emplace_back(demand.apartColumn, 1);
        addRow(terms, GLP_FX, 1);
      } else {
        terms.emplace_back(apartOf[demand.patternId], -1);
        addRow(terms, GLP_FX, 0);
      }
      for (const ServeOption& option : demand.options) {
        for (int required : option.needs) {
          addRow({{option.column, 1}, {candidates_[static_cast<std::size_t>(required)].column, -1}},
                 GLP_UP, 0);
        }
      }
    }
    // The number of GSIs is at least the entries of any one entity.
    for (const std::string& name : graph_.canonicalOrder()) {
      std::vector<std::pair<int, double>> terms;
      for (const KeyCandidate& c : candidates_) {
        if (!c.onTable && c.entity == name) terms.emplace_back(c.column, 1);
      }
      if (terms.empty()) continue;
      terms.emplace_back(gsiColumn, -1);
      addRow(terms, GLP_UP, 0);
    }
    // Each earlier solution is excluded: at least one candidate must change.
    // Each earlier solution's table keys are excluded: at least one entity is keyed otherwise, so
    // that proposals differ in structure, not by an index added for nothing.
    // Keys that differ only in a sort key's literal text (ORDER_ITEM#{productId} or
    // PRODUCT#{productId}) count as the same structure.
    for (const std::vector<int>& cut : cuts) {
      std::vector<std::pair<int, double>> terms;
      double keys = 0;
      for (int index : cut) {
        const KeyCandidate& chosen = candidates_[static_cast<std::size_t>(index)];
        if (!chosen.onTable) continue;
        keys += 1;
        for (const KeyCandidate& c : candidates_) {
          if (c.onTable && structureOf(c) == structureOf(chosen)) terms.emplace_back(c.column, 1);
        }
      }
      addRow(terms, GLP_UP, keys - 1);
    }

    glp_iocp parameters;
    glp_init_iocp(&parameters);
    parameters.presolve = GLP_ON;
    parameters.msg_lev = GLP_MSG_OFF;
    parameters.tm_lim = static_cast<int>(options_.timeLimitSeconds * 1000);
    const int rc = glp_intopt(lp, &parameters);
    const int status = glp_mip_status(lp);
    if (rc != 0 || (status != GLP_OPT && status != GLP_FEAS)) {
      if (cuts.empty())
        error = "the integer program has no solution (GLPK status " + std::to_string(status) + ")";
      return false;
    }
    chosen.clear();
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
      if (glp_mip_col_val(lp, candidates_[i].column) > 0.5) chosen.push_back(static_cast<int>(i));
    }
    chosenOptions.clear();
    int flat = 0;
    for (const Demand& demand : demands_) {
      for (const ServeOption& option : demand.options) {
        if (glp_mip_col_val(lp, option.column) > 0.5) chosenOptions.push_back(flat);
        ++flat;
      }
    }
    return true;
  }

  const ServeOption& optionAt(int flat, const Demand** owner) const {
    for (const Demand& demand : demands_) {
      if (flat < static_cast<int>(demand.options.size())) {
        *owner = &demand;
        return demand.options[static_cast<std::size_t>(flat)];
      }
      flat -= static_cast<int>(demand.options.size());
    }
    *owner = &demands_.front();
    return demands_.front().options.front();
  }

  // A table or index that holds one entity needs no type or attribute prefixes to keep entities
  // apart, and a key that is one attribute can be that attribute: no copy of it is stored.
  static void useNaturalKeys(std::string& pk, std::optional<std::string>& sk,
                             std::vector<EntityKeys>& entityKeys, const Entity& entity) {
    if (entityKeys.size() != 1) return;
    for (auto& [name, text] : entityKeys.front().templates) {
      auto parsed = KeyTemplate::parse(text);
      if (!parsed || parsed->isConstant() || parsed->segments().front().isAttribute) continue;
      const std::string prefix = parsed->literalPrefix();
      if (!prefix.ends_with('#')) continue;
      text = text.substr(prefix.size());
    }
    auto single = [&](const std::string& keyName) -> std::optional<std::string> {
      const std::string* text = entityKeys.front().find(keyName);
      auto parsed = text ? KeyTemplate::parse(*text) : std::nullopt;
      if (!parsed || parsed->segments().size() != 1 || !parsed->segments().front().isAttribute) {
        return std::nullopt;
      }
      const std::string& attribute = parsed->segments().front().text;
      if (entity.findAttribute(attribute) == nullptr) return std::nullopt;
      return attribute;
    };
    // A constant sort key tells nothing apart in an index of one entity: leave it out.
    if (sk) {
      const std::string* text = entityKeys.front().find(*sk);
      auto parsed = text ? KeyTemplate::parse(*text) : std::nullopt;
      if (parsed && parsed->isConstant()) {
        std::erase_if(entityKeys.front().templates,
                      [&](const auto& entry) { return entry.first == *sk; });
        sk.reset();
      }
    }
    const auto pkAttribute = single(pk);
    const auto skAttribute = sk ? single(*sk) : std::nullopt;
    auto rename = [&](std::string& keyName, const std::string& attribute) {
      for (auto& [name, text] : entityKeys.front().templates) {
        if (name == keyName) name = attribute;
      }
      keyName = attribute;
    };
    if (pkAttribute && (!skAttribute || *skAttribute != *pkAttribute)) rename(pk, *pkAttribute);
    if (skAttribute && *skAttribute != pk) {
      std::string name = *sk;
      rename(name, *skAttribute);
      sk = name;
    }
  }

  std::string tableName() const {
    std::string name;
    bool upper = true;
    for (char c : project_.name) {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
      } else {
        upper = true;
      }
    }
    if (name.size() < 3) name = "KvLab" + name;
    return name.substr(0, 255);
  }

  // Which items of a sparse entry's entity are in the index, and how many.
  std::string sparseNote(const KeyCandidate& c) const {
    const Entity& e = entity(c.entity);
    std::vector<std::string> sparse;
    for (const std::string* text : {&c.pk, &c.sk}) {
      auto parsed = KeyTemplate::parse(*text);
      if (!parsed) continue;
      for (const std::string& a : parsed->attributes()) {
        const Attribute* attribute = e.findAttribute(a);
        if (attribute != nullptr && presenceOf(*attribute) < 1 && !contains(sparse, a))
          sparse.push_back(a);
      }
    }
    std::ostringstream out;
    out.precision(0);
    out << std::fixed << "only the " << entityCount(e) * c.share << " of " << entityCount(e) << " "
        << e.name << " items that carry " << joined(sparse)
        << " have an entry, so its writes and storage are theirs alone";
    return out.str();
  }

  // For a pattern no key serves: what would serve it, and what that costs a month.
  std::string whatItWouldTake(const AccessPattern& pattern) const {
    if (pattern.entities.empty() || !project_.findEntity(pattern.entities.front())) return {};
    const Entity& e = entity(pattern.entities.front());
    double writesPerSecond = 0;
    for (const AccessPattern* p : patterns_) {
      if (p->isWrite() && contains(targetsOf(*p), e.name)) writesPerSecond += weightOf(*p);
    }
    if (pattern.action == Action::Aggregate) {
      // R13: one counter item, ADDed to by every write of the entity (1 write unit each).
      const double cost = writesPerSecond * secondsPerMonth_ * writePrice_;
      return ". Instead: a counter item per group kept by every write of " + e.name +
             " (an UpdateItem ADD, R13), about " + money(cost) +
             " a month in write units, read with one GetItem";
    }
    // R10: a GSI whose partition key is a small constant or shard number holds every item,
    // sorted by what the pattern orders by.
    const double entryBytes =
        static_cast<double>(estimateItem(project_, designOf({}), e).averageBytes);
    const double cost =
        writesPerSecond * std::ceil(entryBytes / 1024.0) * secondsPerMonth_ * writePrice_ +
        entityCount(e) * (entryBytes + 100) / 1e9 * prices_.standard.storageGbMonth;
    return ". Instead: a GSI of " + e.name + " keyed by a shard number (R10)" +
           (pattern.sortBy ? " and sorted by " + *pattern.sortBy : std::string()) +
           ", queried once per shard: about " + money(cost) + " a month in writes and storage";
  }

  Proposal assemble(const std::vector<int>& chosen, const std::vector<int>& chosenOptions) {
    Proposal proposal;
    Design& design = proposal.design;
    design.name = "proposal";
    design.table = TableDef{tableName(), "PK", std::string("SK"), {}};
    std::map<std::string, std::vector<std::string>> servedBy;  // candidate key -> pattern ids
    std::vector<std::vector<int>> gsiGroups;                   // entries that share a partition
    for (int flat : chosenOptions) {
      const Demand* demand = nullptr;
      const ServeOption& option = optionAt(flat, &demand);
      std::vector<int> group;
      for (int required : option.needs) {
        servedBy[std::to_string(required)].push_back(demand->patternId);
        const KeyCandidate& c = candidates_[static_cast<std::size_t>(required)];
        if (!c.onTable && !c.inverted()) group.push_back(required);
      }
      if (!group.empty()) gsiGroups.push_back(group);
    }
    for (int index : chosen) {
      const KeyCandidate& c = candidates_[static_cast<std::size_t>(index)];
      if (!c.onTable && !c.inverted()) {
        bool grouped = false;
        for (const auto& g : gsiGroups)
          grouped = grouped || std::find(g.begin(), g.end(), index) != g.end();
        if (!grouped) gsiGroups.push_back({index});
      }
    }
    // Table keys.
    for (const std::string& name : graph_.canonicalOrder()) {
      for (int index : chosen) {
        const KeyCandidate& c = candidates_[static_cast<std::size_t>(index)];
        if (!c.onTable || c.entity != name) continue;
        design.entityKeys.push_back(EntityKeys{name, {{"PK", c.pk}, {"SK", c.sk}}});
        const auto& patterns = servedBy[std::to_string(index)];
        std::string why;
        const Entity* owner = nullptr;
        auto pkTemplate = KeyTemplate::parse(c.pk);
        if (pkTemplate) owner = graph_.ownerOf(pkTemplate->attributes());
        auto skTemplate = KeyTemplate::parse(c.sk);
        const Entity* other = skTemplate && !skTemplate->attributes().empty()
                                  ? graph_.ownerOf(skTemplate->attributes())
                                  : nullptr;
        if (owner != nullptr && other != nullptr && owner->name != name && other != owner &&
            other->name != name && skTemplate->literalPrefix() == prefixOf(other->name) + "#") {
          why = "an adjacency list (R6): the link of " + owner->name + " and " + other->name +
                " in " + owner->name + "'s item collection (R1), with " + other->name +
                "'s key as sort key";
        } else if (owner != nullptr && owner->name != name) {
          why = "in " + owner->name + "'s item collection (R1), sort key with a type prefix";
        } else if (owner != nullptr) {
          why = "its own partition, keyed by its identifier";
        } else {
          why = "partitioned by " + (pkTemplate ? joined(pkTemplate->attributes()) : c.pk);
        }
        if (KeyTemplate::parse(c.sk) && KeyTemplate::parse(c.sk)->attributes().size() > 1) {
          why += "; composite sort key (R3)";
        }
        if (!c.keyChange.empty()) {
          why += "; " + c.keyChange +
                 " may change an attribute of this key, priced as a delete and a put (R17)";
        }
        proposal.reasons.push_back(name + ": PK " + c.pk + ", SK " + c.sk + ": " + why +
                                   (patterns.empty()
                                        ? std::string("; read by no pattern on the table")
                                        : "; serves " + joined(patterns)));
      }
    }
    // GSIs: each group in the first index where none of its entities has an entry yet.
    std::sort(gsiGroups.begin(), gsiGroups.end(), [](const auto& a, const auto& b) {
      return std::make_pair(b.size(), a) < std::make_pair(a.size(), b);
    });
    std::vector<std::map<std::string, int>> slots;  // per GSI: entity -> candidate
    std::set<int> placed;
    for (const std::vector<int>& group : gsiGroups) {
      std::vector<int> fresh;
      for (int index : group) {
        if (!placed.count(index)) fresh.push_back(index);
      }
      if (fresh.empty()) continue;
      std::size_t slot = 0;
      for (; slot < slots.size(); ++slot) {
        bool free = true;
        for (int index : fresh)
          free = free && !slots[slot].count(candidates_[static_cast<std::size_t>(index)].entity);
        if (free) break;
      }
      if (slot == slots.size()) slots.emplace_back();
      for (int index : fresh) {
        slots[slot][candidates_[static_cast<std::size_t>(index)].entity] = index;
        placed.insert(index);
      }
    }
    for (std::size_t s = 0; s < slots.size(); ++s) {
      const std::string n = std::to_string(s + 1);
      SecondaryIndex gsi;
      gsi.name = "GSI" + n;
      gsi.pk = "GSI" + n + "PK";
      gsi.sk = "GSI" + n + "SK";
      gsi.projection = Projection::All;
      std::vector<std::string> parts;
      double cost = 0;
      for (const std::string& name : graph_.canonicalOrder()) {
        auto it = slots[s].find(name);
        if (it == slots[s].end()) continue;
        const KeyCandidate& c = candidates_[static_cast<std::size_t>(it->second)];
        gsi.entityKeys.push_back(EntityKeys{name, {{*gsi.pk, c.pk}, {*gsi.sk, c.sk}}});
        cost += c.cost;
      }
      if (gsi.entityKeys.size() == 1) {
        std::string pk = *gsi.pk;
        useNaturalKeys(pk, gsi.sk, gsi.entityKeys, entity(gsi.entityKeys.front().entity));
        gsi.pk = pk;
      }
      for (const EntityKeys& keys : gsi.entityKeys) {
        const KeyCandidate& c = candidates_[static_cast<std::size_t>(slots[s][keys.entity])];
        const auto& patterns = servedBy[std::to_string(slots[s][keys.entity])];
        std::string part = keys.entity + " by " + *keys.find(*gsi.pk) +
                           (patterns.empty() ? "" : " (" + joined(patterns) + ")");
        if (c.share < 1) part += ", sparse (R8): " + sparseNote(c);
        parts.push_back(std::move(part));
      }
      proposal.reasons.push_back(gsi.name + (gsi.entityKeys.size() > 1 ? " (overloaded, R7)" : "") +
                                 ": " + joined(parts, "; ") +
                                 "; its writes and storage cost about " + money(cost) + " a month");
      design.gsis.push_back(std::move(gsi));
    }
    if (design.entityKeys.size() == 1) {
      std::optional<std::string> sk = design.table.sk;
      useNaturalKeys(design.table.pk, sk, design.entityKeys,
                     entity(design.entityKeys.front().entity));
      design.table.sk = sk;
    }
    addInvertedIndex(chosen, servedBy, proposal);
    proposal.plan = planDesign(project_, design, prices_);
    proposal.monthlyCost = proposal.plan.monthlyCost.onDemand + proposal.plan.monthlyCost.storage;
    for (const PatternPlan& p : proposal.plan.patterns) {
      if (p.scan && !(project_.findPattern(p.patternId) &&
                      project_.findPattern(p.patternId)->action == Action::Scan)) {
        ++proposal.scans;
        proposal.reasons.push_back(p.patternId + " is left to a Scan: " + p.reason +
                                   whatItWouldTake(*project_.findPattern(p.patternId)));
      }
      for (const PlanWarning& w : p.warnings) {
        if (w.code != "hot-key" || w.limit <= 0) continue;
        // R9: no key of the project's attributes spreads this load; a shard suffix does.
        const int shards = static_cast<int>(std::ceil(w.amount * 1.25 / w.limit));
        proposal.reasons.push_back(
            p.patternId + " needs write sharding (R9): " + w.message + ". Add an attribute " +
            "shard (0.." + std::to_string(shards - 1) + ", chosen at random by the writer, or " +
            "hash(id) % " + std::to_string(shards) + " to keep GetItem) and append #{shard} to " +
            "that key: " + std::to_string(shards) + " partitions share the load, and a read of " +
            "one value becomes " + std::to_string(shards) + " queries");
      }
    }
    return proposal;
  }

  // The inverted index (R5/R6), when the program chose it: a GSI keyed on the table's sort key
  // and sorted by its partition key, so it adds no attribute to any item; every item of the table
  // has an entry in it.
  void addInvertedIndex(const std::vector<int>& chosen,
                        std::map<std::string, std::vector<std::string>>& servedBy,
                        Proposal& proposal) const {
    Design& design = proposal.design;
    std::vector<int> entries;
    for (int index : chosen) {
      if (candidates_[static_cast<std::size_t>(index)].inverted()) entries.push_back(index);
    }
    if (entries.empty() || !design.table.sk) return;
    SecondaryIndex gsi;
    gsi.name = "GSI" + std::to_string(design.gsis.size() + 1);
    gsi.pk = *design.table.sk;
    gsi.sk = design.table.pk;
    gsi.projection = Projection::All;
    std::vector<std::string> parts;
    std::vector<std::string> holds;
    double cost = 0;
    for (const EntityKeys& keys : design.entityKeys) {
      const std::string* pk = keys.find(design.table.pk);
      const std::string* sk = keys.find(*design.table.sk);
      if (pk == nullptr || sk == nullptr) continue;
      gsi.entityKeys.push_back(EntityKeys{keys.entity, {{*gsi.pk, *sk}, {*gsi.sk, *pk}}});
      holds.push_back(keys.entity);
      for (int index : entries) {
        const KeyCandidate& c = candidates_[static_cast<std::size_t>(index)];
        if (c.entity != keys.entity) continue;
        cost += c.cost;
        const auto& patterns = servedBy[std::to_string(index)];
        if (!patterns.empty()) {
          parts.push_back(keys.entity + " by " + *sk + " (" + joined(patterns) + ")");
        }
      }
    }
    proposal.reasons.push_back(
        gsi.name + " (inverted index, R5/R6): keyed on the table's " + *gsi.pk + " and sorted by " +
        "its " + *gsi.sk + ", so each item collection is also read from the other side: " +
        (parts.empty() ? std::string("no pattern") : joined(parts, "; ")) +
        "; it adds no key attribute to the items but holds every item of the table (" +
        joined(holds) + "): its writes and storage cost about " + money(cost) + " a month");
    design.gsis.push_back(std::move(gsi));
  }

  static std::string signatureOf(const Design& design) {
    std::string out;
    for (const EntityKeys& keys : design.entityKeys) {
      out += keys.entity;
      for (const auto& [a, t] : keys.templates) out += "|" + t;
      out += ";";
    }
    for (const SecondaryIndex& gsi : design.gsis) {
      out += "G";
      for (const EntityKeys& keys : gsi.entityKeys) {
        out += keys.entity;
        for (const auto& [a, t] : keys.templates) out += "|" + t;
        out += ";";
      }
    }
    return out;
  }

  const Project& project_;
  const capacity::PriceSheet& prices_;
  ModelerOptions options_;
  EntityGraph graph_;
  std::vector<const AccessPattern*> patterns_;
  std::vector<KeyCandidate> candidates_;
  std::vector<Demand> demands_;
  std::map<std::string, std::string> prefixes_;
  int invertedColumn_ = 0;  // the program's column for the inverted index, when there is one
  double secondsPerMonth_ = 0;
  double readPrice_ = 0;
  double writePrice_ = 0;
};

}  // namespace

ModelerResult proposeDesigns(const Project& project, const capacity::PriceSheet& prices,
                             const ModelerOptions& options) {
  ModelerResult result = Modeler(project, prices, options).run();
  // GLPK keeps an environment per thread, made on first use and never freed on its own, so a
  // thread that ends after proposing (a worker of the studio's thread pool) would leak it. Every
  // GLPK object of the run is gone by now; the next call makes a fresh environment.
  glp_free_env();
  return result;
}

}  // namespace kvlab::model
