#include "simulator/engines/dynamodb/dynamodb_engine.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "model/capacity/cost.h"
#include "model/capacity/dynamodb_limits.h"
#include "model/capacity/storage.h"
#include "model/design/item_estimate.h"
#include "model/schema/key_template.h"
#include "simulator/core/workload_setup.h"

namespace kvlab::sim {
namespace {

// A request's next call: a retry after a back-off, or the next page of a Query or Scan.
// kCallEvent carries the request (scheduleCall); kSlotCallEvent carries its slot in inFlight_.
constexpr std::uint32_t kCallEvent = kFirstEngineEventKind;
constexpr std::uint32_t kIndexWriteEvent = kFirstEngineEventKind + 1;
constexpr std::uint32_t kSlotCallEvent = kFirstEngineEventKind + 2;
constexpr int kArrivalBits = 47;
constexpr int kPatternBits = 16;
constexpr int kMaxTouches = 64;
constexpr std::int64_t kMaxKeyCount = std::int64_t{1} << 47;
constexpr int kHotKeysShown = 10;

// SplitMix64's finalizer (Stafford's variant 13): a bijection of 64-bit words, so distinct keys of
// one key space never share a hash and a one-wide hash range holds exactly one key.
std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

constexpr const char* kLimitNames[] = {"KeyRangeThroughputExceeded",
                                       "ProvisionedThroughputExceeded", "WarmThroughputExceeded"};

int reasonIndex(bool index, bool write, ThroughputLimit limit) {
  return ((index ? 2 : 0) + (write ? 1 : 0)) * 3 + (static_cast<int>(limit) - 1);
}

// The key a hot-key report shows: the template with the key number in its first placeholder.
std::string keyText(const std::string& templateText, std::int64_t id) {
  auto parsed = model::KeyTemplate::parse(templateText);
  if (!parsed) return templateText + "#" + std::to_string(id);
  std::string out;
  bool first = true;
  for (const model::KeyTemplate::Segment& s : parsed->segments()) {
    if (!s.isAttribute) {
      out += s.text;
    } else {
      out += first ? std::to_string(id) : std::string("*");
      first = false;
    }
  }
  return out;
}

}  // namespace

DynamoDbEngine::DynamoDbEngine(DynamoDbOptions options) : options_(std::move(options)) {}
DynamoDbEngine::~DynamoDbEngine() = default;

std::vector<std::string> DynamoDbEngine::throttleReasons() const {
  std::vector<std::string> names;
  for (const char* resource : {"Table", "Index"}) {
    for (const char* kind : {"Read", "Write"}) {
      for (const char* limit : kLimitNames) {
        names.push_back(std::string(resource) + kind + limit);
      }
    }
  }
  return names;
}

Status DynamoDbEngine::prepare(const EngineInput& input, std::vector<PatternLoad>& loads) {
  input_ = &input;
  durationEnd_ = fromSeconds(input.durationSeconds);
  const model::Project& project = input.project;
  const model::Design& design = input.design;
  const model::DesignPlan& plan = input.plan;
  if (options_.retry.maxAttempts < 1) {
    return Status::Error("dynamodb: max-attempts must be at least 1");
  }

  // Capacity owners: the table, then each GSI in the design's order.
  auto loadOf = [&](const std::string& name) -> const model::CapacityLoad* {
    for (const model::CapacityLoad& c : plan.capacity) {
      if (c.name == name) return &c;
    }
    return nullptr;
  };
  std::vector<std::string> ownerNames{"table"};
  for (const model::SecondaryIndex& g : design.gsis) ownerNames.push_back(g.name);
  for (std::size_t i = 0; i < ownerNames.size(); ++i) {
    CapacityOwner::Config config;
    config.name = ownerNames[i];
    config.isIndex = i > 0;
    const model::CapacityLoad* load = loadOf(config.name);
    if (load != nullptr) {
      config.storedBytes = load->storedBytes;
      config.readCapacityUnits = load->provisionedReadCapacity;
      config.writeCapacityUnits = load->provisionedWriteCapacity;
    }
    if (const ProvisionedThroughput* p = options_.findProvisioned(config.name)) {
      config.readCapacityUnits = p->readCapacityUnits;
      config.writeCapacityUnits = p->writeCapacityUnits;
    }
    if (options_.mode == CapacityMode::Provisioned &&
        (config.readCapacityUnits <= 0 || config.writeCapacityUnits <= 0)) {
      config.readCapacityUnits = std::max(1.0, config.readCapacityUnits);
      config.writeCapacityUnits = std::max(1.0, config.writeCapacityUnits);
    }
    owners_.push_back(std::make_unique<CapacityOwner>(config, options_));
  }
  for (const ProvisionedThroughput& p : options_.provisioned) {
    if (std::find(ownerNames.begin(), ownerNames.end(), p.owner) == ownerNames.end()) {
      return Status::Error("dynamodb: provisioned capacity for '" + p.owner + "': design " +
                           design.name + " has no such table or GSI");
    }
  }
  hotByUnits_.assign(owners_.size(), HeavyHitters());
  hotByThrottles_.assign(owners_.size(), HeavyHitters());

  auto ownerOf = [&](const std::string& capacityName) {
    for (std::size_t i = 0; i < ownerNames.size(); ++i) {
      if (ownerNames[i] == capacityName) return static_cast<int>(i);
    }
    return 0;  // an LSI and "table" pay on the table
  };

  // The key space of `owner` for `pattern`: the partition key template of the first of the
  // pattern's entities that has keys there.
  auto keySpaceOf = [&](const model::AccessPattern& pattern, int owner) {
    const model::SecondaryIndex* gsi = owner == 0 ? nullptr : &design.gsis[owner - 1];
    const std::string pk = gsi ? gsi->pk.value_or("") : design.table.pk;
    std::string templateText;
    std::int64_t count = 1;
    for (const std::string& entityName : pattern.entities) {
      const model::EntityKeys* keys =
          gsi ? gsi->findEntity(entityName) : design.findEntity(entityName);
      const model::Entity* entity = project.findEntity(entityName);
      if (keys == nullptr || entity == nullptr) continue;
      const std::string* text = keys->find(pk);
      if (text == nullptr) continue;
      templateText = *text;
      if (auto parsed = model::KeyTemplate::parse(*text); parsed && !parsed->isConstant()) {
        const double distinct = model::distinctValues(project, *entity, parsed->attributes());
        count = std::clamp<std::int64_t>(std::llround(distinct), 1, kMaxKeyCount);
      }
      break;
    }
    if (templateText.empty()) templateText = pk + "?";
    return keySpaceFor(owner, ownerNames[owner], templateText, count);
  };

  for (const model::AccessPattern& pattern : project.accessPatterns) {
    const double mean = pattern.rate ? pattern.rate->mean : 0;
    const double peak = pattern.rate ? pattern.rate->peakOrMean() : 0;
    if (mean <= 0 && peak <= 0) {
      notes_.push_back("pattern " + pattern.id + " has no rate: not simulated");
      continue;
    }
    const model::PatternPlan* pp = plan.find(pattern.id);
    if (pp == nullptr) {
      notes_.push_back("pattern " + pattern.id + " has no plan: not simulated");
      continue;
    }
    Route route;
    route.patternId = pattern.id;
    route.operation = pp->operation;
    route.write = pattern.isWrite();
    route.random = Random::forStream(input.seed, Random::streamIdOf("dynamodb:" + pattern.id));
    const int primary = route.write ? 0 : ownerOf(pp->index);

    auto touchOf = [&](int owner) -> Touch& {
      for (Touch& t : route.touches) {
        if (t.owner == owner) return t;
      }
      Touch t;
      t.owner = owner;
      t.keySpace = keySpaceOf(pattern, owner);
      route.touches.push_back(t);
      return route.touches.back();
    };
    touchOf(primary);  // the primary owner first: its key space is what requests draw from
    if (pp->operation == model::Operation::PutItem) {
      route.itemChange = ItemChange::Add;
      const model::Entity* entity =
          pattern.entities.empty() ? nullptr : project.findEntity(pattern.entities.front());
      const model::EntityKeys* keys = entity ? design.findEntity(entity->name) : nullptr;
      const std::string* text = keys ? keys->find(design.table.pk) : nullptr;
      if (text != nullptr) {
        auto parsed = model::KeyTemplate::parse(*text);
        const double distinct =
            parsed ? model::distinctValues(project, *entity, parsed->attributes()) : 1;
        if (distinct >= model::entityCount(*entity) - 0.5) route.itemChange = ItemChange::PutUnique;
      }
    } else if (pp->operation == model::Operation::DeleteItem) {
      route.itemChange = ItemChange::Remove;
    }
    double readUnits = 0;
    for (const auto& [name, units] : pp->readUnitsByCapacity) {
      touchOf(ownerOf(name)).readUnits += units;
      readUnits += units;
    }
    for (const auto& [name, units] : pp->writeUnitsByCapacity) {
      Touch& t = touchOf(ownerOf(name));
      t.writeUnits += units;
      t.asyncWrite = t.owner != 0;
    }
    if (static_cast<int>(route.touches.size()) > kMaxTouches) {
      return Status::Error("dynamodb: pattern " + pattern.id + " touches more than " +
                           std::to_string(kMaxTouches) + " tables and indexes");
    }
    const KeySpace& primarySpace = keySpaces_[route.touches.front().keySpace];
    for (Touch& t : route.touches) {
      t.sameKey = t.keySpace == route.touches.front().keySpace;
      t.spread = !t.sameKey && !route.write && t.writeUnits == 0;
      t.scan = pp->scan && t.owner == primary && t.readUnits > 0;
    }
    // A read unit covers 4 KB strongly consistent, 8 KB eventually (a GSI is always eventual).
    const bool eventual =
        pattern.consistencyOrDefault() == model::Consistency::Eventual || primary != 0;
    const double kilobytes = readUnits * (eventual ? 8.0 : 4.0);
    if (pp->operation == model::Operation::Query || pp->operation == model::Operation::Scan) {
      const double pageKilobytes =
          static_cast<double>(model::capacity::limits::kQueryPageBytes) / 1024.0;
      route.pages = std::max<std::int64_t>(1, std::llround(std::ceil(kilobytes / pageKilobytes)));
    }
    route.kilobytesPerPage = kilobytes / static_cast<double>(route.pages);
    for (Touch& t : route.touches) {
      t.readUnits /= static_cast<double>(route.pages);
      if (route.pages > 1) t.writeUnits /= static_cast<double>(route.pages);
    }

    PatternLoad load;
    load.patternId = pattern.id;
    load.keyCount = primarySpace.count;
    load.keys = keyDistributionOf(pattern.keyDistribution);
    load.meanRate = mean;
    load.peakRate = std::max(mean, peak);
    std::string error;
    if (!makeKeyGenerator(load.keys, load.keyCount, &error)) {
      notes_.push_back("pattern " + pattern.id + ": the " + load.keys.kind +
                       " distribution cannot draw from " + std::to_string(load.keyCount) +
                       " key(s) (" + error + "); uniform used");
      load.keys = KeyDistribution{};
    }
    if (!pp->served) {
      notes_.push_back("pattern " + pattern.id + " is not served by keys: simulated as the " +
                       "planner's fallback, a Scan");
    }
    routes_.push_back(std::move(route));
    loads.push_back(std::move(load));
  }
  inFlightByPattern_.assign(routes_.size(), 0);

  loadItems(input, ownerNames);
  for (std::size_t r = 0; r < routes_.size(); ++r) {
    const model::AccessPattern* pattern = project.findPattern(routes_[r].patternId);
    const model::Entity* entity = pattern == nullptr || pattern->entities.empty()
                                      ? nullptr
                                      : project.findEntity(pattern->entities.front());
    if (entity == nullptr) continue;
    const auto e = static_cast<std::size_t>(entity - project.entities.data());
    for (Touch& t : routes_[r].touches) t.itemBytes = entityBytes_[t.owner][e];
  }
  return Status::Ok();
}

int DynamoDbEngine::keySpaceFor(int owner, const std::string& ownerName,
                                const std::string& templateText, std::int64_t count) {
  for (std::size_t i = 0; i < keySpaces_.size(); ++i) {
    KeySpace& k = keySpaces_[i];
    if (k.owner == owner && k.templateText == templateText) {
      k.count = std::max(k.count, count);
      return static_cast<int>(i);
    }
  }
  keySpaces_.push_back(
      KeySpace{owner, templateText, count, Random::streamIdOf(ownerName + "|" + templateText)});
  return static_cast<int>(keySpaces_.size() - 1);
}

void DynamoDbEngine::loadItems(const EngineInput& input,
                               const std::vector<std::string>& ownerNames) {
  const model::Project& project = input.project;
  const model::Design& design = input.design;
  // Each stored entity on each owner that holds it: its key space, its count, its distinct
  // partition key values there.
  struct Placed {
    std::size_t entity = 0;
    int keySpace = 0;
    double count = 0;
    std::int64_t distinct = 1;
  };
  std::vector<std::vector<Placed>> placed(owners_.size());
  entityBytes_.assign(owners_.size(), std::vector<double>(project.entities.size(), 0.0));
  for (std::size_t o = 0; o < owners_.size(); ++o) {
    const model::SecondaryIndex* gsi = o == 0 ? nullptr : &design.gsis[o - 1];
    const std::string pk = gsi ? gsi->pk.value_or("") : design.table.pk;
    double datasetBytes = 0;
    for (std::size_t e = 0; e < project.entities.size(); ++e) {
      const model::Entity& entity = project.entities[e];
      if (!entity.isStored()) continue;
      const model::EntityKeys* keys =
          gsi ? gsi->findEntity(entity.name) : design.findEntity(entity.name);
      const std::string* text = keys ? keys->find(pk) : nullptr;
      if (text == nullptr) continue;
      std::int64_t distinct = 1;
      if (auto parsed = model::KeyTemplate::parse(*text); parsed && !parsed->isConstant()) {
        distinct = std::clamp<std::int64_t>(
            std::llround(model::distinctValues(project, entity, parsed->attributes())), 1,
            kMaxKeyCount);
      }
      const double count = std::min(model::entityCount(entity), static_cast<double>(kMaxKeyCount));
      const std::int64_t itemBytes = model::estimateItem(project, design, entity).averageBytes;
      const auto stored =
          static_cast<double>(o == 0 ? model::capacity::storedItemBytes(itemBytes)
                                     : model::capacity::storedIndexEntryBytes(itemBytes));
      entityBytes_[o][e] = stored;
      datasetBytes += count * stored;
      placed[o].push_back(
          {e, keySpaceFor(static_cast<int>(o), ownerNames[o], *text, distinct), count, distinct});
    }
    // The planner is the authority on sizes (its projections and key bytes): scale to its total.
    for (const model::CapacityLoad& c : input.plan.capacity) {
      if (c.name != ownerNames[o] || c.storedBytes <= 0 || datasetBytes <= 0) continue;
      for (double& bytes : entityBytes_[o]) bytes *= c.storedBytes / datasetBytes;
    }
  }

  for (std::size_t o = 0; o < owners_.size(); ++o) {
    CapacityOwner& owner = *owners_[o];
    ItemStore& store = owner.items();
    // The key spaces the dataset uses, and a stride that keeps about maxStoredItems collections.
    std::vector<int> spaces;
    double collections = 0;
    for (const Placed& p : placed[o]) {
      if (std::find(spaces.begin(), spaces.end(), p.keySpace) != spaces.end()) continue;
      spaces.push_back(p.keySpace);
      collections += static_cast<double>(keySpaces_[p.keySpace].count);
    }
    const auto stride = static_cast<std::int64_t>(
        std::max(1.0, std::ceil(collections / static_cast<double>(options_.maxStoredItems))));
    for (int k : spaces) {
      KeySpace& space = keySpaces_[k];
      // A small key space is kept whole: sampling one key of three would misstate it.
      space.storeSpace = store.addKeySpace(space.count, space.count <= stride ? 1 : stride);
    }
    for (const Placed& p : placed[o]) {
      const KeySpace& space = keySpaces_[p.keySpace];
      const std::int64_t step = store.strideOf(space.storeSpace);
      const double bytes = entityBytes_[o][p.entity];
      // Items per key: one when the key identifies the item; else a skewed fan-out over the first
      // `distinct` keys, the largest collection about 10 times the mean: keys 0..k hold
      // round(count x F(k+1)) items with F(x) = (x / distinct)^(1/a), so that they sum to the
      // count.
      const auto distinct = static_cast<double>(p.distinct);
      const bool unique = distinct >= p.count - 0.5;
      const double a =
          !unique && distinct > 10 ? 1.0 / (1.0 - std::log(10.0) / std::log(distinct)) : 1.0;
      auto itemsUpTo = [&](double x) {
        return std::floor(p.count * std::pow(std::min(x, distinct) / distinct, 1 / a) + 0.5);
      };
      for (std::int64_t key = 0; key < space.count; key += step) {
        const std::uint64_t hash = mix64(static_cast<std::uint64_t>(key) ^ space.salt);
        double items = 0;
        if (unique) {
          items = static_cast<double>(key) < p.count ? 1 : 0;
        } else if (key < p.distinct) {
          const auto x = static_cast<double>(key);
          items = itemsUpTo(x + 1) - itemsUpTo(x);
        }
        store.load(space.storeSpace, key, hash, items, bytes);
      }
    }
    owner.itemsLoaded();
    if (store.sampled()) {
      notes_.push_back(owner.name() + ": " + std::to_string(std::llround(collections)) +
                       " partition key values; one in " + std::to_string(stride) +
                       " stored, each counted " + std::to_string(stride) +
                       " times (max-items=" + std::to_string(options_.maxStoredItems) + ")");
    }
  }
}

bool DynamoDbEngine::applyItemChange(ItemChange change, const Touch& touch, std::int64_t key) {
  const KeySpace& space = keySpaces_[touch.keySpace];
  if (change == ItemChange::None || space.storeSpace < 0 || touch.itemBytes <= 0) return false;
  CapacityOwner& owner = *owners_[touch.owner];
  const std::uint64_t hash = hashOf(touch, key);
  const double before = owner.items().totalBytes();
  switch (change) {
    case ItemChange::PutUnique:
      owner.putUniqueItem(space.storeSpace, key, hash, touch.itemBytes);
      break;
    case ItemChange::Add:
      owner.changeItems(space.storeSpace, key, hash, 1, touch.itemBytes);
      break;
    case ItemChange::Remove:
      owner.changeItems(space.storeSpace, key, hash, -1, touch.itemBytes);
      break;
    case ItemChange::None:
      break;
  }
  return owner.items().totalBytes() != before;
}

std::size_t DynamoDbEngine::memoryBytes() const {
  std::size_t bytes = inFlight_.capacity() * sizeof(InFlight);
  for (const auto& owner : owners_) {
    bytes += owner->items().memoryBytes() +
             static_cast<std::size_t>(owner->partitionCount()) * sizeof(Partition);
  }
  return bytes;
}

std::int64_t DynamoDbEngine::keyFor(const Touch& touch, const InFlight& request) const {
  if (touch.sameKey) return request.key;
  const KeySpace& space = keySpaces_[touch.keySpace];
  std::uint64_t mixed = static_cast<std::uint64_t>(request.key) ^ space.salt;
  if (touch.spread) mixed ^= mix64(static_cast<std::uint64_t>(request.arrival));
  return static_cast<std::int64_t>(mix64(mixed) % static_cast<std::uint64_t>(space.count));
}

std::uint64_t DynamoDbEngine::hashOf(const Touch& touch, std::int64_t key) const {
  return mix64(static_cast<std::uint64_t>(key) ^ keySpaces_[touch.keySpace].salt);
}

void DynamoDbEngine::onRequest(const Request& request, EngineContext& context) {
  InFlight f;
  f.pattern = request.pattern;
  f.key = request.key;
  f.arrival = request.arrival;
  ++inFlightByPattern_[f.pattern];
  attempt(f, context);
}

void DynamoDbEngine::scheduleCall(const InFlight& f, VirtualTime time, EngineContext& context) {
  // a: the key; b: the arrival, the pattern and whether it was throttled; c: the page and the
  // attempts. Whatever does not fit (a run of years, 65,536 patterns, 2^32 pages) takes a slot.
  const bool fits = f.arrival >= 0 && f.arrival < (VirtualTime{1} << kArrivalBits) &&
                    f.pattern < (1u << kPatternBits) && f.page >= 0 &&
                    f.page < (std::int64_t{1} << 32) && f.attempts >= 0;
  if (fits) {
    const std::uint64_t b = static_cast<std::uint64_t>(f.arrival) |
                            (static_cast<std::uint64_t>(f.pattern) << kArrivalBits) |
                            (static_cast<std::uint64_t>(f.throttled) << 63);
    const std::uint64_t c =
        static_cast<std::uint64_t>(f.page) | (static_cast<std::uint64_t>(f.attempts) << 32);
    context.schedule(time, kCallEvent, static_cast<std::uint64_t>(f.key), b, c);
    return;
  }
  std::uint32_t slot;
  if (!freeSlots_.empty()) {
    slot = freeSlots_.back();
    freeSlots_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(inFlight_.size());
    inFlight_.emplace_back();
  }
  inFlight_[slot] = f;
  context.schedule(time, kSlotCallEvent, slot, 0);
}

void DynamoDbEngine::attempt(InFlight& f, EngineContext& context) {
  Route& route = routes_[f.pattern];
  const VirtualTime now = context.now();
  const int n = static_cast<int>(route.touches.size());
  std::array<std::int64_t, kMaxTouches> keys;
  std::array<std::uint64_t, kMaxTouches> hashes;
  std::array<int, kMaxTouches> parts;

  // Every owner and partition the request touches must have capacity left.
  int failing = -1;
  int failingPart = 0;
  bool failingWrite = false;
  ThroughputLimit limit = ThroughputLimit::None;
  for (int i = 0; i < n && failing < 0; ++i) {
    const Touch& t = route.touches[i];
    CapacityOwner& owner = *owners_[t.owner];
    keys[i] = keyFor(t, f);
    if (!t.scan) {
      // Whether the attempt is served or throttled, one of the two summaries takes the key.
      const std::uint64_t hotKey =
          (static_cast<std::uint64_t>(t.keySpace) << 48) | static_cast<std::uint64_t>(keys[i]);
      hotByUnits_[t.owner].prefetch(hotKey);
      hotByThrottles_[t.owner].prefetch(hotKey);
    }
    hashes[i] = hashOf(t, keys[i]);
    parts[i] = owner.partitionOf(hashes[i]);
    if (t.scan) {
      // The page reads the partition its place in the scan has reached.
      parts[i] = static_cast<int>(f.page * owner.partitionCount() / route.pages);
    }
    if (t.readUnits > 0 && (limit = owner.checkRead(parts[i])) != ThroughputLimit::None) {
      failing = i;
      failingPart = parts[i];
    }
    if (failing < 0 && t.writeUnits > 0 &&
        (limit = owner.checkWrite(parts[i])) != ThroughputLimit::None) {
      failing = i;
      failingPart = parts[i];
      failingWrite = true;
    }
  }

  ++f.attempts;
  if (failing >= 0) {
    const Touch& t = route.touches[failing];
    CapacityOwner& owner = *owners_[t.owner];
    owner.refuse(failingPart, hashes[failing], failingWrite ? 0 : t.readUnits,
                 failingWrite ? t.writeUnits : 0, limit, !t.scan);
    if (limit == ThroughputLimit::KeyRange) ++keyRangeThrottles_;
    if (!t.scan) {
      hotByThrottles_[t.owner].add((static_cast<std::uint64_t>(t.keySpace) << 48) |
                                       static_cast<std::uint64_t>(keys[failing]),
                                   1.0);
    }
    context.metrics().recordThrottle(f.pattern, reasonIndex(owner.isIndex(), failingWrite, limit),
                                     !f.throttled);
    f.throttled = true;
    const VirtualTime answered = now + options_.serviceTime.sampleThrottle(route.random);
    if (f.attempts >= options_.retry.maxAttempts) {
      context.metrics().recordFailure(f.pattern, answered - f.arrival, f.attempts - 1);
      complete(f);
      return;
    }
    context.metrics().recordRetry(f.pattern);
    scheduleCall(f, answered + options_.retry.backoff(f.attempts, route.random), context);
    return;
  }

  const bool counted = now < durationEnd_;  // not in the drain
  double read = 0;
  double write = 0;
  // The table's items change first (its touch comes first in a write); a GSI's entries follow:
  // a put that replaced an item in place adds no entry.
  ItemChange indexChange = route.itemChange;
  for (int i = 0; i < n; ++i) {
    const Touch& t = route.touches[i];
    CapacityOwner& owner = *owners_[t.owner];
    const double syncWrite = t.asyncWrite ? 0 : t.writeUnits;
    if (syncWrite > 0 && route.itemChange != ItemChange::None && f.page == 0) {
      const bool changed = applyItemChange(route.itemChange, t, keys[i]);
      if (route.itemChange == ItemChange::PutUnique) {
        indexChange = changed ? ItemChange::Add : ItemChange::None;
      }
    }
    if (t.readUnits > 0 || syncWrite > 0) {
      owner.consume(parts[i], hashes[i], t.readUnits, syncWrite, !t.scan, counted);
    }
    const double weight = t.readUnits + 3 * syncWrite;  // Contributor Insights' units (§4.7)
    if (weight > 0 && !t.scan && counted) {
      hotByUnits_[t.owner].add(
          (static_cast<std::uint64_t>(t.keySpace) << 48) | static_cast<std::uint64_t>(keys[i]),
          weight);
    }
    read += t.readUnits;
    write += syncWrite;
    if (t.asyncWrite && t.writeUnits > 0) {
      const double delay = lognormal(options_.indexPropagationMedianMillis,
                                     options_.indexPropagationSigma, route.random);
      context.schedule(
          now + fromMillis(delay), kIndexWriteEvent, static_cast<std::uint64_t>(keys[i]),
          (static_cast<std::uint64_t>(f.pattern) << 16) | static_cast<std::uint64_t>(i),
          static_cast<std::uint64_t>(indexChange));
      ++pendingIndexWrites_;
    }
  }
  context.metrics().recordUnits(f.pattern, read, write, counted);
  const VirtualTime done =
      now + options_.serviceTime.sample(route.operation, route.kilobytesPerPage, route.random);
  if (++f.page < route.pages) {
    f.attempts = 0;
    scheduleCall(f, done, context);
    return;
  }
  context.metrics().recordSuccess(f.pattern, done - f.arrival, f.attempts - 1);
  complete(f);
}

void DynamoDbEngine::onEvent(const Event& event, EngineContext& context) {
  if (event.kind == kCallEvent) {
    InFlight f;
    f.key = static_cast<std::int64_t>(event.a);
    f.arrival = static_cast<VirtualTime>(event.b & ((std::uint64_t{1} << kArrivalBits) - 1));
    f.pattern = static_cast<std::uint32_t>((event.b >> kArrivalBits) &
                                           ((std::uint64_t{1} << kPatternBits) - 1));
    f.throttled = (event.b >> 63) != 0;
    f.page = static_cast<std::int64_t>(event.c & 0xffffffffu);
    f.attempts = static_cast<std::int32_t>(event.c >> 32);
    attempt(f, context);
    return;
  }
  if (event.kind == kSlotCallEvent) {
    const auto slot = static_cast<std::uint32_t>(event.a);
    InFlight f = inFlight_[slot];
    freeSlots_.push_back(slot);
    attempt(f, context);
    return;
  }
  if (event.kind == kIndexWriteEvent) {
    // The GSI's entry lands: its units are spent now, whatever the GSI's state (the base write
    // was admitted, so DynamoDB owes the index this write).
    const auto pattern = static_cast<std::uint32_t>(event.b >> 16);
    const Touch& t = routes_[pattern].touches[event.b & 0xffff];
    const auto key = static_cast<std::int64_t>(event.a);
    CapacityOwner& owner = *owners_[t.owner];
    const std::uint64_t hash = hashOf(t, key);
    const bool counted = context.now() < durationEnd_;  // not in the drain
    owner.consume(owner.partitionOf(hash), hash, 0, t.writeUnits, true, counted);
    if (counted) {
      hotByUnits_[t.owner].add(
          (static_cast<std::uint64_t>(t.keySpace) << 48) | static_cast<std::uint64_t>(key),
          3 * t.writeUnits);
    }
    context.metrics().recordUnits(pattern, 0, t.writeUnits, counted);
    applyItemChange(static_cast<ItemChange>(event.c), t, key);
    --pendingIndexWrites_;
  }
}

void DynamoDbEngine::onSecond(std::int64_t second, EngineContext& context) {
  (void)context;
  for (auto& owner : owners_) owner->onSecond(second);
}

void DynamoDbEngine::finish(EngineContext& context, RunResult& result) {
  std::int64_t unfinished = 0;
  for (std::uint32_t pattern = 0; pattern < inFlightByPattern_.size(); ++pattern) {
    // A failure's latency and retries are not recorded; only how many failed counts.
    for (std::int64_t i = 0; i < inFlightByPattern_[pattern]; ++i) {
      context.metrics().recordFailure(pattern, 0, 0);
    }
    unfinished += inFlightByPattern_[pattern];
    inFlightByPattern_[pattern] = 0;
  }
  if (unfinished > 0) {
    result.notes.push_back(std::to_string(unfinished) +
                           " request(s) were still retrying when the run ended: counted as failed");
  }
  if (pendingIndexWrites_ > 0) {
    result.notes.push_back(std::to_string(pendingIndexWrites_) +
                           " GSI write(s) had not landed when the run ended");
  }
  for (const std::string& note : notes_) result.notes.push_back(note);
  for (const auto& owner : owners_) {
    if (owner->oversizedCollection()) {
      result.notes.push_back(owner->name() +
                             ": one partition key value holds more than a partition's storage; "
                             "DynamoDB splits such a collection by sort key, KV Lab does not");
    }
  }

  PartitionReport& partitions = result.partitions;
  partitions.throttledRequests = keyRangeThrottles_;
  double readUnits = 0;
  double writeUnits = 0;
  double readCapacity = 0;
  double writeCapacity = 0;
  for (const auto& owner : owners_) {
    CapacityOwnerReport report = owner->report();
    partitions.count += report.partitions;
    readUnits += report.readUnits;
    writeUnits += report.writeUnits;
    partitions.owners.push_back(report);
    owner->appendHeat(partitions.heat);
  }

  auto hotKeys = [&](const std::vector<HeavyHitters>& summaries) {
    std::vector<HotKey> all;
    for (std::size_t o = 0; o < summaries.size(); ++o) {
      for (const HeavyHitters::Entry& e : summaries[o].top(kHotKeysShown)) {
        const KeySpace& space = keySpaces_[e.key >> 48];
        HotKey k;
        k.owner = owners_[o]->name();
        k.keyId = static_cast<std::int64_t>(e.key & ((std::uint64_t{1} << 48) - 1));
        k.key = keyText(space.templateText, k.keyId);
        k.value = e.weight;
        k.error = e.error;
        all.push_back(std::move(k));
      }
    }
    std::stable_sort(all.begin(), all.end(), [](const HotKey& x, const HotKey& y) {
      if (x.value != y.value) return x.value > y.value;
      if (x.owner != y.owner) return x.owner < y.owner;
      return x.key < y.key;
    });
    if (all.size() > kHotKeysShown) all.resize(kHotKeysShown);
    return all;
  };
  result.hotKeysByUnits = hotKeys(hotByUnits_);
  result.hotKeysByThrottles = hotKeys(hotByThrottles_);

  // The run's consumption as a month: on-demand pays the units; provisioned pays the capacity.
  const model::capacity::PriceSheet& prices = input_->prices;
  for (const auto& owner : owners_) {
    const CapacityOwnerReport r = owner->report();
    const model::CapacityLoad* load = nullptr;
    for (const model::CapacityLoad& c : input_->plan.capacity) {
      if (c.name == r.name) load = &c;
    }
    if (options_.mode == CapacityMode::Provisioned) {
      // What the owner had, second by second (auto scaling changes it).
      readCapacity += r.meanProvisionedRead;
      writeCapacity += r.meanProvisionedWrite;
      continue;
    }
    const ProvisionedThroughput* stated = options_.findProvisioned(r.name);
    readCapacity += stated ? stated->readCapacityUnits
                           : (load ? std::max(1.0, load->provisionedReadCapacity) : 1.0);
    writeCapacity += stated ? stated->writeCapacityUnits
                            : (load ? std::max(1.0, load->provisionedWriteCapacity) : 1.0);
  }
  CostReport& cost = result.monthlyCost;
  cost.capacityMode = options_.mode == CapacityMode::OnDemand ? "on-demand" : "provisioned";
  cost.priceSheet = input_->plan.priceSheet;
  const double seconds = std::max(1e-9, input_->durationSeconds);
  const double month = 3600.0 * prices.hoursPerMonth;
  cost.onDemand = model::capacity::onDemandReadCost(prices, readUnits / seconds * month) +
                  model::capacity::onDemandWriteCost(prices, writeUnits / seconds * month);
  cost.provisioned =
      model::capacity::provisionedMonthlyCost(prices, readCapacity, writeCapacity).total();
  cost.storage = input_->plan.monthlyCost.storage;
  cost.total =
      (options_.mode == CapacityMode::OnDemand ? cost.onDemand : cost.provisioned) + cost.storage;
}

}  // namespace kvlab::sim
