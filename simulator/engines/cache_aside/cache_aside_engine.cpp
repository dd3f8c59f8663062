#include "simulator/engines/cache_aside/cache_aside_engine.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "model/design/item_estimate.h"
#include "simulator/metrics/run_metrics.h"

namespace kvlab::sim {
namespace {

// The relational engine's events come first; these follow them.
constexpr std::uint32_t kHitDoneEvent = kFirstEngineEventKind + RelationalEngine::kEventKinds;
constexpr std::uint32_t kMissEvent = kHitDoneEvent + 1;
constexpr int kKeyBits = 48;
// Preloading stops after this many keys per pattern: enough to fill a node's memory with the
// results most patterns cache, quick to build.
constexpr std::int64_t kMaxPreloadPerPattern = 200000;

const std::set<std::string>& cacheKeys() {
  static const std::set<std::string> keys{"maxmemory", "policy", "ttl", "node",
                                          "samples",   "cold",   "data"};
  return keys;
}

std::set<std::string> equalsOf(const model::AccessPattern& p) {
  return {p.equals.begin(), p.equals.end()};
}

// The bytes of one item of `entity` as a cached value (its attributes' values).
std::int64_t itemBytes(const model::Entity& entity) {
  std::int64_t bytes = 0;
  for (const model::Attribute& a : entity.attributes) bytes += a.name.size() + model::valueBytes(a);
  return std::max<std::int64_t>(1, bytes);
}

}  // namespace

std::optional<std::string> applyCacheAsideOptions(
    const std::vector<std::pair<std::string, std::string>>& settings, CacheAsideOptions& options) {
  std::vector<std::pair<std::string, std::string>> cache;
  std::vector<std::pair<std::string, std::string>> database;
  for (const auto& [key, value] : settings) {
    if (key == "flush-at") {
      char* end = nullptr;
      const double seconds = std::strtod(value.c_str(), &end);
      if (end == value.c_str() || *end != '\0' || !(seconds >= 0) || seconds > 1e9) {
        return "cache-aside option flush-at=" + value + ": expected a virtual second (>= 0)";
      }
      options.flushAtSecond = static_cast<std::int64_t>(seconds);
    } else if (cacheKeys().count(key)) {
      cache.emplace_back(key, value);
    } else {
      database.emplace_back(key, value);
    }
  }
  if (auto problem = applyCacheOptions(cache, options.cache)) return problem;
  if (auto problem = applyRelationalOptions(database, options.database)) {
    return *problem +
           " (cache-aside also takes maxmemory, policy, ttl, node, samples, cold, data "
           "and flush-at)";
  }
  if (options.cache.defaultTtlSeconds) options.ttlSeconds = *options.cache.defaultTtlSeconds;
  return std::nullopt;
}

CacheAsideEngine::CacheAsideEngine(CacheAsideOptions options) : options_(std::move(options)) {}
CacheAsideEngine::~CacheAsideEngine() = default;

std::vector<std::string> CacheAsideEngine::throttleReasons() const {
  return {"ConnectionTimeout"};  // the database's; the cache refuses nothing it is asked
}

Status CacheAsideEngine::prepare(const EngineInput& input, std::vector<PatternLoad>& loads) {
  input_ = &input;
  database_ = std::make_unique<RelationalEngine>(options_.database);
  if (Status s = database_->prepare(input, loads); !s.ok()) return s;

  const std::filesystem::path path = options_.cache.dataFile
                                         ? std::filesystem::path(*options_.cache.dataFile)
                                         : defaultRedisParametersPath();
  RedisParametersLoad load = loadRedisParameters(path);
  if (!load.parameters) {
    std::string message = "cache-aside: " + path.string() + " cannot be used";
    if (!load.errors.empty()) {
      message = "cache-aside: " + load.errors.front().message();
    }
    return Status::Error(message);
  }
  parameters_ = std::make_unique<RedisParameters>(std::move(*load.parameters));
  const std::string nodeName = options_.cache.node.value_or(parameters_->defaultNode);
  nodeType_ = parameters_->findNode(nodeName);
  if (!nodeType_) return Status::Error("cache-aside: unknown cache node '" + nodeName + "'");
  const double maxMemory = options_.cache.maxMemoryBytes.value_or(
      nodeType_->memoryBytes * (1.0 - parameters_->reservedMemoryFraction));
  RedisKeyspaceConfig config = redisKeyspaceConfig(*parameters_, maxMemory, options_.cache.policy);
  if (options_.cache.samples) config.samples = *options_.cache.samples;
  keyspace_ = std::make_unique<RedisKeyspace>(
      config, Random::forStream(input.seed, Random::streamIdOf("cache-aside:keyspace")).nextU64());
  node_ = std::make_unique<CacheNodeModel>(cacheNodeConfig(*parameters_, nodeName, bucket_));

  // What each pattern caches or invalidates.
  const model::Project& project = input.project;
  const auto& ids = database_->patternIds();
  std::vector<const model::AccessPattern*> patterns;
  for (const std::string& id : ids) {
    for (const model::AccessPattern& p : project.accessPatterns) {
      if (p.id == id) patterns.push_back(&p);
    }
  }
  routes_.assign(patterns.size(), Route{});
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    const model::AccessPattern& p = *patterns[i];
    Route& route = routes_[i];
    route.write = p.isWrite();
    const model::Entity* entity =
        p.entities.empty() ? nullptr : project.findEntity(p.entities.front());
    if (route.write || !entity) continue;
    // A scan's result is the whole table: no application caches that.
    route.cacheable = p.action != model::Action::Scan;
    double rows = 1;
    if (p.action == model::Action::Query) {
      rows = p.equals.empty() ? model::entityCount(*entity)
                              : model::itemsPerValue(project, *entity, p.equals);
      if (p.limit) rows = std::min(rows, static_cast<double>(*p.limit));
    }
    const bool aggregate = p.action == model::Action::Aggregate;
    route.valueBytes =
        aggregate ? 16 : static_cast<std::int64_t>(std::ceil(rows)) * itemBytes(*entity);
    route.fields = aggregate ? 1 : static_cast<std::int64_t>(std::ceil(rows));
  }
  for (std::size_t w = 0; w < patterns.size(); ++w) {
    if (!routes_[w].write || patterns[w]->equals.empty()) continue;
    for (std::size_t r = 0; r < patterns.size(); ++r) {
      if (!routes_[r].cacheable || patterns[r]->entities.empty() || patterns[w]->entities.empty()) {
        continue;
      }
      if (patterns[r]->entities.front() == patterns[w]->entities.front() &&
          equalsOf(*patterns[r]) == equalsOf(*patterns[w])) {
        routes_[w].invalidates.push_back(static_cast<std::uint32_t>(r));
      }
    }
  }
  notes_.push_back(
      "writes delete the cached results of reads of the same entity by the same key; other "
      "cached results (a new order in a customer's cached list) stay stale until their TTL (" +
      std::to_string(static_cast<std::int64_t>(options_.ttlSeconds)) + " s)");

  // A warm cache: each read pattern's lowest key numbers (the most popular under zipfian and
  // hotspot), in turn, until memory is full. TTLs spread over (0, ttl] so that they do not all
  // expire at once.
  if (!options_.cache.cold) {
    Random spread = Random::forStream(input.seed, Random::streamIdOf("cache-aside:preload"));
    bool full = false;
    for (std::int64_t k = 0; k < kMaxPreloadPerPattern && !full; ++k) {
      bool any = false;
      for (std::size_t r = 0; r < routes_.size() && !full; ++r) {
        if (!routes_[r].cacheable || k >= loads[r].keyCount) continue;
        any = true;
        const double ttl = options_.ttlSeconds * (1.0 - spread.nextDouble());
        const auto status = keyspace_->set(cacheKey(static_cast<std::uint32_t>(r), k),
                                           routes_[r].valueBytes, ttl, 0);
        if (status != RedisKeyspace::WriteStatus::Ok || keyspace_->stats().evictions > 0) {
          full = true;
        } else {
          ++preloadedKeys_;
        }
      }
      if (!any) break;
    }
  }
  const auto preloadStats = keyspace_->stats();
  preloadEvictions_ = preloadStats.evictions;
  preloadRejected_ = preloadStats.rejectedWrites;
  return Status::Ok();
}

RedisKeyspace::Key CacheAsideEngine::cacheKey(std::uint32_t pattern, std::int64_t key) const {
  return (static_cast<RedisKeyspace::Key>(pattern) << kKeyBits) |
         (static_cast<RedisKeyspace::Key>(key) & ((RedisKeyspace::Key{1} << kKeyBits) - 1));
}

std::size_t CacheAsideEngine::bucketOf(VirtualTime time) const {
  return static_cast<std::size_t>(time / bucket_);
}

void CacheAsideEngine::onRequest(const Request& request, EngineContext& context) {
  if (bucket_ != context.metrics().bucketLength()) bucket_ = context.metrics().bucketLength();
  const Route& route = routes_[request.pattern];
  std::uint32_t slot;
  if (!freeSlots_.empty()) {
    slot = freeSlots_.back();
    freeSlots_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(pending_.size());
    pending_.emplace_back();
  }
  Pending& p = pending_[slot];
  p = Pending{};
  p.active = true;
  p.pattern = request.pattern;
  p.key = request.key;
  p.arrival = context.now();
  if (!route.cacheable) {
    // Writes, and reads no one caches, go straight to the database.
    ++databaseRequests_;
    database_->submit(request, slot, *this, context);
    return;
  }
  ++reads_;
  const auto bucket = bucketOf(context.now());
  if (readsByBucket_.size() <= bucket) {
    readsByBucket_.resize(bucket + 1, 0);
    hitsByBucket_.resize(bucket + 1, 0);
  }
  ++readsByBucket_[bucket];
  const VirtualTime start = node_->startFor(context.now());
  const RedisKeyspace::Lookup found =
      keyspace_->lookup(cacheKey(request.pattern, request.key), start);
  const CacheNodeModel::Service get = node_->serve(
      context.now(), parameters_->commandMicros(RedisCommand::Get), found.hit ? found.bytes : 0);
  if (found.hit) {
    ++hitsByBucket_[bucket];
    context.schedule(context.now() + get.latency, kHitDoneEvent, slot,
                     static_cast<std::uint64_t>(get.latency));
  } else {
    p.cacheLatency = get.latency;
    context.schedule(context.now() + get.latency, kMissEvent, slot, 0);
  }
}

void CacheAsideEngine::onEvent(const Event& event, EngineContext& context) {
  if (event.kind < kHitDoneEvent) {
    database_->onEvent(event, context);
    return;
  }
  const auto slot = static_cast<std::uint32_t>(event.a);
  Pending& p = pending_[slot];
  if (event.kind == kHitDoneEvent) {
    record(p.pattern, static_cast<VirtualTime>(event.b), true, context);
    p.active = false;
    freeSlots_.push_back(slot);
  } else if (event.kind == kMissEvent) {
    ++databaseRequests_;
    database_->submit(Request{p.pattern, p.key, context.now()}, slot, *this, context);
  }
}

void CacheAsideEngine::relationalDone(std::uint64_t tag, VirtualTime latency, bool succeeded,
                                      EngineContext& context) {
  const auto slot = static_cast<std::uint32_t>(tag);
  Pending& p = pending_[slot];
  const Route& route = routes_[p.pattern];
  VirtualTime total = p.cacheLatency + latency;
  if (succeeded) {
    if (route.cacheable) {
      // The application stores what the database said, for the next reader.
      keyspace_->set(cacheKey(p.pattern, p.key), route.valueBytes, options_.ttlSeconds,
                     node_->startFor(context.now()));
      total += node_
                   ->serve(context.now(), parameters_->commandMicros(RedisCommand::Set),
                           route.valueBytes)
                   .latency;
    } else if (!route.invalidates.empty()) {
      for (std::uint32_t r : route.invalidates) keyspace_->remove(cacheKey(r, p.key));
      total +=
          node_->serve(context.now(), parameters_->commandMicros(RedisCommand::Del), 0).latency;
    }
  }
  if (succeeded) {
    record(p.pattern, total, false, context);
  } else {
    context.metrics().recordFailure(p.pattern, total, 0);
  }
  p.active = false;
  freeSlots_.push_back(slot);
}

void CacheAsideEngine::record(std::uint32_t pattern, VirtualTime latency, bool hit,
                              EngineContext& context) {
  context.metrics().recordSuccess(pattern, latency, 0);
  if (!routes_[pattern].cacheable) return;
  (hit ? hitLatency_ : missLatency_).record(latency);
}

void CacheAsideEngine::onSecond(std::int64_t second, EngineContext& context) {
  database_->onSecond(second, context);
  if (options_.flushAtSecond && second == *options_.flushAtSecond) keyspace_->flushAll();
}

std::size_t CacheAsideEngine::memoryBytes() const {
  std::size_t bytes = pending_.capacity() * sizeof(Pending) +
                      freeSlots_.capacity() * sizeof(std::uint32_t) +
                      (hitsByBucket_.capacity() + readsByBucket_.capacity()) * sizeof(std::int64_t);
  if (database_) bytes += database_->memoryBytes();
  if (keyspace_) bytes += keyspace_->footprintBytes();
  return bytes;
}

void CacheAsideEngine::finish(EngineContext& context, RunResult& result) {
  database_->finish(context, result);
  for (const std::string& note : notes_) result.notes.push_back(note);
  const RedisKeyspace::Stats stats = keyspace_->stats();
  CacheReport cache;
  cache.evictionPolicy = std::string(evictionPolicyName(keyspace_->config().policy));
  cache.maxMemoryBytes = static_cast<double>(keyspace_->maxMemory());
  cache.usedMemoryBytes = static_cast<double>(keyspace_->usedMemory());
  std::int64_t hits = 0;
  for (std::int64_t h : hitsByBucket_) hits += h;
  cache.hits = hits;
  cache.misses = reads_ - hits;
  cache.hitRatio = reads_ > 0 ? static_cast<double>(hits) / static_cast<double>(reads_) : 0;
  cache.evictions = stats.evictions - preloadEvictions_;
  cache.expirations = stats.expirations;
  cache.rejectedWrites = stats.rejectedWrites - preloadRejected_;
  const std::size_t buckets = std::max<std::size_t>(
      1, static_cast<std::size_t>(std::ceil(result.durationSeconds / result.bucketSeconds)));
  for (std::size_t b = 0; b < buckets; ++b) {
    const std::int64_t reads = b < readsByBucket_.size() ? readsByBucket_[b] : 0;
    const std::int64_t bucketHits = b < hitsByBucket_.size() ? hitsByBucket_[b] : 0;
    cache.hitRatioByBucket.push_back(
        reads > 0 ? static_cast<double>(bucketHits) / static_cast<double>(reads) : 0);
  }
  cache.hitLatency = summarize(hitLatency_);
  cache.missLatency = summarize(missLatency_);
  result.cache = cache;
  result.servers.push_back(node_->report(result.durationSeconds, buckets));

  const std::int64_t requests = reads_ + (databaseRequests_ - (reads_ - hits));
  result.notes.push_back(
      "the database served " + std::to_string(databaseRequests_) + " of " +
      std::to_string(std::max<std::int64_t>(requests, databaseRequests_)) +
      " requests; the cache answered " + std::to_string(hits) + " reads itself" +
      (options_.cache.cold
           ? " (it started empty)"
           : " (it started with " + std::to_string(preloadedKeys_) + " results preloaded)") +
      (options_.flushAtSecond ? "; flushed at " + std::to_string(*options_.flushAtSecond) + " s"
                              : std::string()));
  CostReport& cost = result.monthlyCost;
  cost.instances += nodeType_->pricePerHour * input_->prices.hoursPerMonth;
  cost.total = cost.instances + cost.storage;
}

}  // namespace kvlab::sim
