#include "simulator/engines/cache/cache_engine.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "model/design/item_estimate.h"

namespace kvlab::sim {
namespace {

constexpr std::int64_t kMaxKeyCount = std::int64_t{1} << 47;
constexpr std::uint64_t kKeyNumberMask = (std::uint64_t{1} << 48) - 1;
// The simulator's own limit on a warm start: keys preloaded, whatever maxmemory allows.
constexpr std::int64_t kMaxPreloadKeys = 4'000'000;
// A model choice: ZRANGE / ZREVRANGE without a limit or `top` returns this many members.
constexpr std::int64_t kDefaultTop = 10;
// A model choice: a sliding window's log members are request ids of this many bytes.
constexpr std::int64_t kLogMemberBytes = 16;

enum Reason { kOutOfMemory = 0, kRateLimited = 1 };

std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

KeyDistribution toWorkload(const std::optional<model::KeyDistribution>& d) {
  KeyDistribution out;
  if (!d) return out;
  out.kind = std::string(model::keyDistributionKindName(d->kind));
  if (d->theta) out.theta = *d->theta;
  if (d->hotFraction) out.hotFraction = *d->hotFraction;
  if (d->hotOpFraction) out.hotOpFraction = *d->hotOpFraction;
  return out;
}

std::string joined(std::vector<std::string> attributes) {
  std::sort(attributes.begin(), attributes.end());
  std::string out;
  for (const std::string& a : attributes) out += (out.empty() ? "" : ",") + a;
  return out;
}

std::int64_t clampCount(double value) {
  return std::clamp<std::int64_t>(std::llround(value), 1, kMaxKeyCount);
}

}  // namespace

CacheEngine::CacheEngine(CacheOptions options) : options_(std::move(options)) {}
CacheEngine::~CacheEngine() = default;

std::vector<std::string> CacheEngine::throttleReasons() const {
  return {"OOM", "RateLimitExceeded"};
}

int CacheEngine::spaceFor(const std::string& name, RedisKeyspace::Type type, std::int64_t count,
                          std::int64_t valueBytes, std::int64_t fields) {
  for (std::size_t i = 0; i < spaces_.size(); ++i) {
    if (spaces_[i].name == name) {
      spaces_[i].count = std::max(spaces_[i].count, count);
      return static_cast<int>(i);
    }
  }
  KeySpace s;
  s.name = name;
  s.type = type;
  s.count = count;
  s.valueBytes = valueBytes;
  s.fields = fields;
  s.salt = Random::streamIdOf(name);
  spaces_.push_back(std::move(s));
  return static_cast<int>(spaces_.size() - 1);
}

RedisKeyspace::Key CacheEngine::keyIn(int space, std::int64_t number) const {
  return (static_cast<std::uint64_t>(space + 1) << 48) |
         (static_cast<std::uint64_t>(number) & kKeyNumberMask);
}

std::int64_t CacheEngine::mapInto(int space, std::int64_t key) const {
  const KeySpace& s = spaces_[space];
  return static_cast<std::int64_t>(mix64(static_cast<std::uint64_t>(key) ^ s.salt) %
                                   static_cast<std::uint64_t>(s.count));
}

Status CacheEngine::prepare(const EngineInput& input, std::vector<PatternLoad>& loads) {
  input_ = &input;
  const std::filesystem::path path =
      options_.dataFile ? std::filesystem::path(*options_.dataFile) : defaultRedisParametersPath();
  RedisParametersLoad load = loadRedisParameters(path);
  if (!load.ok()) {
    std::string message = "cache: ";
    for (std::size_t i = 0; i < load.errors.size(); ++i) {
      message += (i == 0 ? "" : "; ") + load.errors[i].message();
    }
    return Status::Error(message);
  }
  parameters_ = std::make_unique<RedisParameters>(std::move(*load.parameters));
  const std::string nodeName = options_.node.value_or(parameters_->defaultNode);
  nodeType_ = parameters_->findNode(nodeName);
  if (nodeType_ == nullptr) {
    std::string known;
    for (const RedisNodeType& n : parameters_->nodes) known += (known.empty() ? "" : ", ") + n.name;
    return Status::Error("cache: unknown node type '" + nodeName + "' (" + parameters_->file +
                         "); expected one of: " + known);
  }
  const double maxMemory = options_.maxMemoryBytes.value_or(
      nodeType_->memoryBytes * (1.0 - parameters_->reservedMemoryFraction));
  RedisKeyspaceConfig config = redisKeyspaceConfig(*parameters_, maxMemory, options_.policy);
  if (options_.samples) config.samples = *options_.samples;
  Random seeds = Random::forStream(input.seed, Random::streamIdOf("cache:keyspace"));
  keyspace_ = std::make_unique<RedisKeyspace>(config, seeds.nextU64());
  node_ = std::make_unique<CacheNodeModel>(cacheNodeConfig(*parameters_, nodeName, bucket_));

  const model::Project& project = input.project;
  // Items some pattern reads or writes as strings (GET, SET) are strings; the others hashes.
  std::set<std::string> stringItems;
  auto itemAttributes = [](const model::AccessPattern& p, const model::Entity& e) {
    return p.equals.empty() ? e.identifier : p.equals;
  };
  for (const model::AccessPattern& p : project.accessPatterns) {
    const model::Entity* e = p.entities.empty() ? nullptr : project.findEntity(p.entities.front());
    if (e != nullptr && p.cache && p.cache->command &&
        (*p.cache->command == "GET" || *p.cache->command == "SET")) {
      stringItems.insert(e->name + "|" + joined(itemAttributes(p, *e)));
    }
  }

  std::map<std::string, std::vector<int>> aggregateCounters;  // entity -> counter spaces
  std::vector<std::string> routeEntity;
  std::vector<bool> inferredWrite;
  for (const model::AccessPattern& pattern : project.accessPatterns) {
    const double mean = pattern.rate ? pattern.rate->mean : 0;
    const double peak = pattern.rate ? pattern.rate->peakOrMean() : 0;
    if (mean <= 0 && peak <= 0) {
      notes_.push_back("pattern " + pattern.id + " has no rate: not simulated");
      continue;
    }
    const model::Entity* entity =
        pattern.entities.empty() ? nullptr : project.findEntity(pattern.entities.front());
    if (entity == nullptr) {
      notes_.push_back("pattern " + pattern.id + " names no known entity: not simulated");
      continue;
    }
    std::int64_t itemBytes = 0;
    for (const model::Attribute& a : entity->attributes) itemBytes += model::valueBytes(a);
    const auto fields = static_cast<std::int64_t>(entity->attributes.size());
    std::int64_t idBytes = 0;
    for (const model::Attribute& a : entity->attributes) {
      if (std::find(entity->identifier.begin(), entity->identifier.end(), a.name) !=
          entity->identifier.end()) {
        idBytes += model::valueBytes(a);
      }
    }
    const std::vector<std::string> attributes = itemAttributes(pattern, *entity);
    const std::string attrs = joined(attributes);
    const std::int64_t count = clampCount(model::distinctValues(project, *entity, attributes));
    const std::string itemKey = entity->name + "|" + attrs;
    const auto itemType =
        stringItems.count(itemKey) != 0 ? RedisKeyspace::Type::String : RedisKeyspace::Type::Hash;
    const std::optional<model::CacheSpec>& spec = pattern.cache;
    const double writeTtl =
        spec && spec->ttlSeconds ? *spec->ttlSeconds : options_.defaultTtlSeconds.value_or(0);

    Route route;
    route.patternId = pattern.id;
    bool isWrite = false;
    std::int64_t loadCount = count;  // the key numbers requests draw
    auto item = [&]() { return spaceFor("item:" + itemKey, itemType, count, itemBytes, fields); };
    // Sorted sets: one per value of `setAttributes` (one in all when there are none).
    auto collection = [&](const std::vector<std::string>& setAttributes, std::int64_t memberBytes) {
      const std::int64_t sets =
          setAttributes.empty()
              ? 1
              : clampCount(model::distinctValues(project, *entity, setAttributes));
      return spaceFor("zset:" + entity->name + "|" + joined(setAttributes),
                      RedisKeyspace::Type::SortedSet, sets, memberBytes, 0);
    };
    auto counter = [&]() {
      return spaceFor("counter:" + itemKey, RedisKeyspace::Type::Counter, count, 0, 0);
    };
    // A read of the first `top` members (0: all) of the set of the pattern's `equals`.
    auto range = [&](bool reverse, std::int64_t top) {
      route.op = Op::Range;
      route.reverse = reverse;
      route.top = top;
      route.space = collection(pattern.equals, itemBytes);
      KeySpace& s = spaces_[route.space];
      loadCount = s.count;
      // A warm cache keeps what the query reads: the collection, or its first `top` (a capped
      // list, as caches keep the first page).
      std::int64_t held = std::llround(
          pattern.equals.empty() ? model::entityCount(*entity)
                                 : model::itemsPerValue(project, *entity, pattern.equals));
      if (top > 0) held = std::min(held, top);
      s.members = std::max(s.members, std::max<std::int64_t>(1, held));
    };
    // ZADD / ZINCRBY of the request's key into the set of the attributes given beyond the
    // item's identifier.
    auto members = [&](Op op) {
      route.op = op;
      std::vector<std::string> setAttributes;
      for (const std::string& a : attributes) {
        if (std::find(entity->identifier.begin(), entity->identifier.end(), a) ==
            entity->identifier.end()) {
          setAttributes.push_back(a);
        }
      }
      route.space = collection(setAttributes, std::max<std::int64_t>(1, idBytes));
      spaces_[route.space].preload = false;  // built by the workload
    };

    if (spec && spec->rateLimit) {
      const model::CacheRateLimit& rl = *spec->rateLimit;
      route.limit = rl.limit;
      route.windowSeconds = rl.windowSeconds;
      RedisKeyspace::Type type = RedisKeyspace::Type::Counter;
      switch (rl.algorithm) {
        case model::CacheRateLimitAlgorithm::FixedWindow:
          route.op = Op::FixedWindow;
          break;
        case model::CacheRateLimitAlgorithm::SlidingWindow:
          route.op = Op::SlidingWindow;
          type = RedisKeyspace::Type::SortedSet;
          break;
        case model::CacheRateLimitAlgorithm::TokenBucket:
          route.op = Op::TokenBucket;
          type = RedisKeyspace::Type::Hash;
          break;
      }
      route.space = spaceFor("limit:" + pattern.id, type, count, 0, 0);
      spaces_[route.space].preload = false;
    } else if (spec && spec->command) {
      const std::string& c = *spec->command;
      const std::int64_t top = spec->top.value_or(pattern.limit.value_or(kDefaultTop));
      if (c == "GET" || c == "HGETALL") {
        route.op = Op::Read;
        route.space = item();
        route.ttlSeconds = spec->ttlSeconds.value_or(0);  // a session's TTL, refreshed
      } else if (c == "SET" || c == "HSET") {
        route.op = Op::Write;
        route.space = item();
        route.ttlSeconds = writeTtl;
        isWrite = true;
      } else if (c == "DEL") {
        route.op = Op::Delete;
        route.space = item();
      } else if (c == "INCR") {
        route.op = Op::Incr;
        route.space = counter();
        route.ttlSeconds = spec->ttlSeconds.value_or(0);
      } else if (c == "ZADD") {
        members(Op::AddMember);
      } else if (c == "ZINCRBY") {
        members(Op::IncrMember);
      } else if (c == "ZRANGE" || c == "ZREVRANGE") {
        range(c == "ZREVRANGE", top);
      } else if (c == "ZCARD") {
        route.op = Op::Card;
        route.space = collection(pattern.equals, itemBytes);
        loadCount = spaces_[route.space].count;
      } else {
        notes_.push_back("pattern " + pattern.id + ": unknown cache command " + c +
                         ": not simulated");
        continue;
      }
    } else {
      switch (pattern.action) {
        case model::Action::Get:
          route.op = Op::Read;
          route.space = item();
          break;
        case model::Action::Put:
        case model::Action::Update:
        case model::Action::Transaction:
          route.op = Op::Write;
          route.space = item();
          route.ttlSeconds = writeTtl;
          route.items = pattern.action == model::Action::Transaction
                            ? static_cast<int>(
                                  std::min<std::int64_t>(pattern.itemsPerRequest.value_or(1), 100))
                            : 1;
          isWrite = true;
          break;
        case model::Action::Delete:
          route.op = Op::Delete;
          route.space = item();
          break;
        case model::Action::Query:
          range(pattern.order == model::SortOrder::Desc, pattern.limit.value_or(0));
          break;
        case model::Action::Aggregate: {
          const model::AggregateFunction f =
              pattern.aggregate ? pattern.aggregate->function : model::AggregateFunction::Count;
          if (f == model::AggregateFunction::Count || f == model::AggregateFunction::Sum) {
            route.op = Op::Read;
            route.space = counter();
            aggregateCounters[entity->name].push_back(route.space);
          } else {
            range(f == model::AggregateFunction::Max, 1);
          }
          break;
        }
        case model::Action::Scan:
          notes_.push_back("pattern " + pattern.id +
                           " is a scan: Redis has no scan of items by entity (SCAN walks every "
                           "key); not simulated");
          continue;
      }
    }
    if (isWrite && route.ttlSeconds > 0) {
      spaces_[route.space].ttlSeconds = std::max(spaces_[route.space].ttlSeconds, route.ttlSeconds);
    }

    if (pattern.keyDistribution &&
        (pattern.keyDistribution->kind == model::KeyDistributionKind::Latest ||
         pattern.keyDistribution->kind == model::KeyDistributionKind::Exponential)) {
      spaces_[route.space].newestFirst = true;
    }
    PatternLoad pl;
    pl.patternId = pattern.id;
    pl.keyCount = loadCount;
    pl.keys = toWorkload(pattern.keyDistribution);
    pl.meanRate = mean;
    pl.peakRate = std::max(mean, peak);
    std::string error;
    if (!makeKeyGenerator(pl.keys, pl.keyCount, &error)) {
      notes_.push_back("pattern " + pattern.id + ": the " + pl.keys.kind +
                       " distribution cannot draw from " + std::to_string(pl.keyCount) +
                       " key(s) (" + error + "); uniform used");
      pl.keys = KeyDistribution{};
    }
    routes_.push_back(std::move(route));
    routeEntity.push_back(entity->name);
    inferredWrite.push_back(isWrite && !(spec && spec->command));
    loads.push_back(std::move(pl));
  }
  // A write of an item also counts it in the entity's count and sum counters.
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (!inferredWrite[i]) continue;
    auto it = aggregateCounters.find(routeEntity[i]);
    if (it != aggregateCounters.end()) routes_[i].counters = it->second;
  }
  repliesPending_.assign(routes_.size(), 0);
  if (!options_.cold) preload(seeds.nextU64());
  return Status::Ok();
}

void CacheEngine::preload(std::uint64_t seed) {
  Random random(seed);
  std::vector<int> live;
  for (std::size_t i = 0; i < spaces_.size(); ++i) {
    if (spaces_[i].preload) live.push_back(static_cast<int>(i));
  }
  const double maxMemory = static_cast<double>(keyspace_->maxMemory());
  std::int64_t planned = 0;
  for (const int space : live) planned += spaces_[space].count;
  keyspace_->reserve(std::min<std::int64_t>(planned, kMaxPreloadKeys));
  bool capped = false;
  // Key number i of every space, then i + 1: the hottest numbers of every pattern first.
  for (std::int64_t i = 0; !live.empty(); ++i) {
    for (std::size_t j = 0; j < live.size();) {
      KeySpace& s = spaces_[live[j]];
      if (i >= s.count) {
        live.erase(live.begin() + static_cast<std::ptrdiff_t>(j));
        continue;
      }
      if (preloaded_ >= kMaxPreloadKeys) {
        capped = true;
        live.clear();
        break;
      }
      const bool withTtl = s.ttlSeconds > 0;
      const std::int64_t elements = s.type == RedisKeyspace::Type::SortedSet
                                        ? std::max<std::int64_t>(1, s.members)
                                        : s.fields;
      const std::int64_t valueBytes =
          s.type == RedisKeyspace::Type::SortedSet ? elements * s.valueBytes : s.valueBytes;
      const std::int64_t need = keyspace_->memoryOf(s.type, valueBytes, elements, withTtl);
      if (maxMemory > 0 && static_cast<double>(keyspace_->usedMemory() + need) > maxMemory) {
        live.erase(live.begin() + static_cast<std::ptrdiff_t>(j));  // full for keys this size
        continue;
      }
      // Keys with a TTL were written at different times: what is left of it is uniform.
      const double ttl = withTtl ? s.ttlSeconds * (1.0 - random.nextDouble()) : 0;
      const RedisKeyspace::Key key = keyIn(live[j], s.newestFirst ? s.count - 1 - i : i);
      constexpr std::int64_t kPrefetchAhead = 8;
      if (i + kPrefetchAhead < s.count) {
        keyspace_->prefetch(
            keyIn(live[j], s.newestFirst ? s.count - 1 - i - kPrefetchAhead : i + kPrefetchAhead));
      }
      switch (s.type) {
        case RedisKeyspace::Type::String:
          keyspace_->set(key, s.valueBytes, ttl, 0);
          break;
        case RedisKeyspace::Type::Hash:
          keyspace_->hset(key, s.fields, s.valueBytes, ttl, 0);
          break;
        case RedisKeyspace::Type::Counter:
          keyspace_->incrBy(key, 0, 0);
          break;
        case RedisKeyspace::Type::SortedSet:
          keyspace_->preloadSortedSet(key, elements, s.valueBytes, ttl, 0);
          break;
      }
      ++preloaded_;
      ++s.preloaded;
      ++j;
    }
  }
  if (capped) {
    notes_.push_back("cache: the warm start stopped at " + std::to_string(kMaxPreloadKeys) +
                     " keys (the simulator's limit)");
  }
}

std::optional<RedisKeyspace::Key> CacheEngine::redisKeyOf(std::string_view patternId,
                                                          std::int64_t key) const {
  for (const Route& r : routes_) {
    if (r.patternId != patternId) continue;
    switch (r.op) {
      case Op::AddMember:
      case Op::IncrMember:
        return keyIn(r.space, mapInto(r.space, key));
      case Op::Range:
      case Op::Card:
        return keyIn(r.space, key % spaces_[r.space].count);
      case Op::FixedWindow:
      case Op::SlidingWindow:
      case Op::TokenBucket:
        return std::nullopt;
      default:
        return keyIn(r.space, key);
    }
  }
  return std::nullopt;
}

void CacheEngine::ensureBuckets(EngineContext& context) {
  if (bucketsKnown_) return;
  bucketsKnown_ = true;
  const VirtualTime length = context.metrics().bucketLength();
  if (length != bucket_) {
    bucket_ = length;
    node_ = std::make_unique<CacheNodeModel>(
        cacheNodeConfig(*parameters_, nodeType_->name, bucket_));  // nothing served yet
  }
}

void CacheEngine::onRequest(const Request& request, EngineContext& context) {
  ensureBuckets(context);
  Route& r = routes_[request.pattern];
  const RedisParameters& p = *parameters_;
  RedisKeyspace& ks = *keyspace_;
  const KeySpace& space = spaces_[r.space];
  const VirtualTime now = node_->startFor(request.arrival);
  const RedisKeyspace::Stats before = ks.stats();
  double micros = 0;
  std::int64_t bytes = 0;
  int refused = -1;
  auto oom = [&](RedisKeyspace::WriteStatus s) {
    if (s == RedisKeyspace::WriteStatus::OutOfMemory) refused = kOutOfMemory;
  };
  const bool strings = space.type == RedisKeyspace::Type::String;
  switch (r.op) {
    case Op::Read: {
      const RedisKeyspace::Key key = keyIn(r.space, request.key);
      const RedisKeyspace::Lookup l = ks.lookup(key, now);
      micros +=
          p.commandMicros(strings                                      ? RedisCommand::Get
                          : space.type == RedisKeyspace::Type::Counter ? RedisCommand::Get
                                                                       : RedisCommand::HGetAll,
                          l.elements);
      bytes += l.bytes;
      if (l.hit && r.ttlSeconds > 0) {
        ks.expire(key, r.ttlSeconds, now);
        micros += p.commandMicros(RedisCommand::Expire);
      }
      break;
    }
    case Op::Write: {
      for (int i = 0; i < r.items; ++i) {
        const std::int64_t number = i == 0 ? request.key : (request.key + i) % space.count;
        const RedisKeyspace::Key key = keyIn(r.space, number);
        oom(strings ? ks.set(key, space.valueBytes, r.ttlSeconds, now)
                    : ks.hset(key, space.fields, space.valueBytes, r.ttlSeconds, now));
        micros += p.commandMicros(strings ? RedisCommand::Set : RedisCommand::HSet, space.fields);
        if (!strings && r.ttlSeconds > 0) micros += p.commandMicros(RedisCommand::Expire);
        bytes += space.valueBytes;
      }
      for (int c : r.counters) {
        oom(ks.incrBy(keyIn(c, mapInto(c, request.key)), 1, now).status);
        micros += p.commandMicros(RedisCommand::Incr);
      }
      break;
    }
    case Op::Delete:
      ks.advance(now);
      ks.remove(keyIn(r.space, request.key));
      micros += p.commandMicros(RedisCommand::Del);
      break;
    case Op::Incr: {
      const RedisKeyspace::Key key = keyIn(r.space, request.key);
      const RedisKeyspace::IncrResult result = ks.incrBy(key, 1, now);
      oom(result.status);
      micros += p.commandMicros(RedisCommand::Incr);
      if (result.status == RedisKeyspace::WriteStatus::Ok && result.value == 1 &&
          r.ttlSeconds > 0) {
        ks.expire(key, r.ttlSeconds, now);
        micros += p.commandMicros(RedisCommand::Expire);
      }
      break;
    }
    case Op::Range: {
      const std::int64_t n =
          ks.zrange(keyIn(r.space, request.key % space.count), r.top, r.reverse, now);
      micros += p.commandMicros(r.reverse ? RedisCommand::ZRevRange : RedisCommand::ZRange, n);
      bytes += n * space.valueBytes;
      break;
    }
    case Op::Card:
      ks.zcard(keyIn(r.space, request.key % space.count), now);
      micros += p.commandMicros(RedisCommand::ZCard);
      break;
    case Op::AddMember:
      oom(ks.zadd(keyIn(r.space, mapInto(r.space, request.key)),
                  static_cast<RedisKeyspace::Member>(request.key), toSeconds(now), space.valueBytes,
                  now));
      micros += p.commandMicros(RedisCommand::ZAdd);
      bytes += space.valueBytes;
      break;
    case Op::IncrMember:
      oom(ks.zincrby(keyIn(r.space, mapInto(r.space, request.key)),
                     static_cast<RedisKeyspace::Member>(request.key), 1.0, space.valueBytes, now)
              .status);
      micros += p.commandMicros(RedisCommand::ZIncrBy);
      bytes += space.valueBytes;
      break;
    case Op::FixedWindow: {
      const VirtualTime window = std::max<VirtualTime>(1, fromSeconds(r.windowSeconds));
      const auto number = static_cast<std::int64_t>(
          mix64(static_cast<std::uint64_t>(request.key) * 0x9e3779b97f4a7c15ULL ^
                static_cast<std::uint64_t>(now / window)) &
          (kKeyNumberMask >> 1));
      const RedisKeyspace::Key key = keyIn(r.space, number);
      const RedisKeyspace::IncrResult result = ks.incrBy(key, 1, now);
      oom(result.status);
      micros += p.commandMicros(RedisCommand::Incr);
      if (result.status == RedisKeyspace::WriteStatus::Ok && result.value == 1) {
        ks.expire(key, r.windowSeconds, now);
        micros += p.commandMicros(RedisCommand::Expire);
      }
      if (refused < 0 && result.value > r.limit) refused = kRateLimited;
      break;
    }
    case Op::SlidingWindow: {
      // As a script: drop the log's entries older than the window, count the rest, and log this
      // request only when it is allowed (rejected requests do not extend the block).
      const RedisKeyspace::Key key = keyIn(r.space, request.key);
      const double t = toSeconds(now);
      const std::int64_t removed = ks.zremRangeByScore(
          key, -std::numeric_limits<double>::infinity(), t - r.windowSeconds, now);
      const std::int64_t inWindow = ks.zcard(key, now);
      micros += p.commandMicros(RedisCommand::ZRemRangeByScore, removed) +
                p.commandMicros(RedisCommand::ZCard);
      if (inWindow >= r.limit) {
        refused = kRateLimited;
        break;
      }
      oom(ks.zadd(key, ++r.sequence, t, kLogMemberBytes, now));
      ks.expire(key, r.windowSeconds, now);
      micros += p.commandMicros(RedisCommand::ZAdd) + p.commandMicros(RedisCommand::Expire);
      break;
    }
    case Op::TokenBucket: {
      const RedisKeyspace::BucketResult result =
          ks.tokenBucket(keyIn(r.space, request.key), static_cast<double>(r.limit),
                         static_cast<double>(r.limit) / r.windowSeconds, r.windowSeconds, now);
      oom(result.status);
      micros += p.commandMicros(RedisCommand::Eval);
      if (refused < 0 && !result.allowed) refused = kRateLimited;
      break;
    }
  }
  const RedisKeyspace::Stats& after = ks.stats();
  const auto bucket = static_cast<std::size_t>(now / bucket_);
  if (hitsByBucket_.size() <= bucket) {
    hitsByBucket_.resize(bucket + 1, 0);
    missesByBucket_.resize(bucket + 1, 0);
  }
  hitsByBucket_[bucket] += after.hits - before.hits;
  missesByBucket_[bucket] += after.misses - before.misses;

  const CacheNodeModel::Service served = node_->serve(request.arrival, micros, bytes);
  if (refused >= 0) context.metrics().recordThrottle(request.pattern, refused, true);
  // The reply counts when it reaches the client, as every engine counts a request: a node
  // that cannot keep up then shows in the throughput, not only in the latency.
  ++repliesPending_[request.pattern];
  context.schedule(request.arrival + served.latency, kReplyEvent, request.pattern,
                   static_cast<std::uint64_t>(served.latency), refused >= 0 ? 1 : 0);
}

void CacheEngine::onEvent(const Event& event, EngineContext& context) {
  if (event.kind != kReplyEvent) return;
  const auto pattern = static_cast<std::uint32_t>(event.a);
  --repliesPending_[pattern];
  const auto latency = static_cast<VirtualTime>(event.b);
  if (event.c == 0) {
    context.metrics().recordSuccess(pattern, latency, 0);
  } else {
    context.metrics().recordFailure(pattern, latency, 0);
  }
}

void CacheEngine::onSecond(std::int64_t second, EngineContext& context) {
  (void)second;
  ensureBuckets(context);
}

std::size_t CacheEngine::memoryBytes() const {
  std::size_t bytes =
      (hitsByBucket_.capacity() + missesByBucket_.capacity()) * sizeof(std::int64_t);
  if (keyspace_) bytes += keyspace_->footprintBytes();
  return bytes;
}

void CacheEngine::finish(EngineContext& context, RunResult& result) {
  // Replies still queued when the drain ended: unfinished, so failed.
  std::int64_t unanswered = 0;
  for (std::uint32_t pattern = 0; pattern < repliesPending_.size(); ++pattern) {
    for (std::int64_t n = 0; n < repliesPending_[pattern]; ++n)
      context.metrics().recordFailure(pattern, 0, 0);
    unanswered += repliesPending_[pattern];
  }
  if (unanswered > 0) {
    notes_.push_back("cache: " + std::to_string(unanswered) +
                     " request(s) still queued at the node when the run ended: counted as failed");
  }
  ensureBuckets(context);
  keyspace_->advance(context.now());
  for (const std::string& note : notes_) result.notes.push_back(note);

  const double duration = input_->durationSeconds;
  const VirtualTime end = std::max(context.now(), fromSeconds(duration));
  const auto buckets = static_cast<std::size_t>((end + bucket_ - 1) / bucket_);

  const RedisKeyspace::Stats& s = keyspace_->stats();
  CacheReport cache;
  cache.evictionPolicy = std::string(evictionPolicyName(keyspace_->config().policy));
  cache.maxMemoryBytes = static_cast<double>(keyspace_->maxMemory());
  cache.usedMemoryBytes = static_cast<double>(keyspace_->usedMemory());
  cache.hits = s.hits;
  cache.misses = s.misses;
  cache.hitRatio = s.hits + s.misses > 0
                       ? static_cast<double>(s.hits) / static_cast<double>(s.hits + s.misses)
                       : 0;
  cache.evictions = s.evictions;
  cache.expirations = s.expirations;
  cache.rejectedWrites = s.rejectedWrites;
  cache.hitRatioByBucket.assign(buckets, 0.0);
  for (std::size_t b = 0; b < buckets && b < hitsByBucket_.size(); ++b) {
    const std::int64_t reads = hitsByBucket_[b] + missesByBucket_[b];
    if (reads > 0) {
      cache.hitRatioByBucket[b] =
          static_cast<double>(hitsByBucket_[b]) / static_cast<double>(reads);
    }
  }
  result.cache = cache;
  result.servers.push_back(node_->report(duration, buckets));

  CostReport& cost = result.monthlyCost;
  cost.capacityMode = "instance";  // a node billed by the hour, as the relational server
  cost.priceSheet = std::filesystem::path(parameters_->file).filename().string() + " (" +
                    parameters_->effective + ")";
  cost.instances = nodeType_->pricePerHour * parameters_->hoursPerMonth;
  cost.total = cost.instances;
  for (const KeySpace& space : spaces_) {
    result.notes.push_back("cache: key space " + space.name + ": " + std::to_string(space.count) +
                           " key(s), " + std::to_string(space.preloaded) + " preloaded");
  }
  result.notes.push_back("cache: one " + nodeType_->name + " node, maxmemory " +
                         std::to_string(keyspace_->maxMemory()) + " bytes, " +
                         std::to_string(preloaded_) + " key(s) preloaded");
}

}  // namespace kvlab::sim
