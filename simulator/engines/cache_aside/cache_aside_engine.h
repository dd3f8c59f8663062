#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "simulator/core/engine.h"
#include "simulator/engines/cache/cache_node_model.h"
#include "simulator/engines/cache/cache_options.h"
#include "simulator/engines/cache/redis_keyspace.h"
#include "simulator/engines/cache/redis_parameters.h"
#include "simulator/engines/relational/relational_engine.h"
#include "simulator/metrics/latency_histogram.h"

namespace kvlab::sim {

// How the cache-aside engine runs: its cache's settings, its database's, and its own.
struct CacheAsideOptions {
  CacheOptions cache;
  RelationalOptions database;
  // A cached result lives this long when the cache options state no TTL.
  double ttlSeconds = 300;
  // FLUSHALL at this virtual second (a deploy, a failover): the cache starts over mid-run.
  std::optional<std::int64_t> flushAtSecond;
};

// Reads KEY=VALUE settings: the cache's (maxmemory, policy, ttl, node, samples, cold, data: see
// cache_options.h), the database's (instance, cores, connections, rows, service,
// service-time-ms, rtt-ms, connection-timeout-ms, profile: see relational_options.h), and
// flush-at=SECONDS. On a bad key or value returns the message.
std::optional<std::string> applyCacheAsideOptions(
    const std::vector<std::pair<std::string, std::string>>& settings, CacheAsideOptions& options);

// Cache-aside in front of the relational engine (docs/engines.md): a read asks the cache (a Redis
// node: RedisKeyspace + CacheNodeModel) for the pattern's result under its key; on a hit that is
// the answer; on a miss the request goes to the relational engine, and the application then SETs
// the result with a TTL. A write goes to the database, then DELetes the cached results it makes
// stale (the read patterns of the same entity under the same key). The cache starts warm (each
// read pattern's most popular keys, as memory allows) unless cold=on, and can be flushed
// mid-run. Reports the hit ratio over time, the load the cache takes off the database, and the
// latency of hits and of misses apart. One run per object; not thread-safe.
class CacheAsideEngine final : public Engine, private RelationalCompletion {
 public:
  explicit CacheAsideEngine(CacheAsideOptions options = {});
  ~CacheAsideEngine() override;

  std::string_view name() const override { return "cache-aside"; }
  std::vector<std::string> throttleReasons() const override;
  Status prepare(const EngineInput& input, std::vector<PatternLoad>& loads) override;
  void onRequest(const Request& request, EngineContext& context) override;
  void onEvent(const Event& event, EngineContext& context) override;
  void onSecond(std::int64_t second, EngineContext& context) override;
  void finish(EngineContext& context, RunResult& result) override;
  // The database behind the cache (RelationalEngine::memoryBytes), the cache's keyspace model
  // and the requests waiting on the database.
  std::size_t memoryBytes() const override;

 private:
  struct Route {
    bool write = false;
    bool cacheable = false;       // a read whose result can be cached
    std::int64_t valueBytes = 0;  // a cached result's size
    std::int64_t fields = 1;
    std::vector<std::uint32_t> invalidates;  // read patterns a write makes stale
  };
  struct Pending {
    bool active = false;
    std::uint32_t pattern = 0;
    std::int64_t key = 0;
    VirtualTime arrival = 0;
    VirtualTime cacheLatency = 0;  // the lookup that missed
  };

  void relationalDone(std::uint64_t tag, VirtualTime latency, bool succeeded,
                      EngineContext& context) override;
  RedisKeyspace::Key cacheKey(std::uint32_t pattern, std::int64_t key) const;
  void record(std::uint32_t pattern, VirtualTime latency, bool hit, EngineContext& context);
  std::size_t bucketOf(VirtualTime time) const;

  CacheAsideOptions options_;
  const EngineInput* input_ = nullptr;
  std::unique_ptr<RelationalEngine> database_;
  std::unique_ptr<RedisParameters> parameters_;
  const RedisNodeType* nodeType_ = nullptr;
  std::unique_ptr<RedisKeyspace> keyspace_;
  std::unique_ptr<CacheNodeModel> node_;
  std::vector<Route> routes_;
  std::vector<Pending> pending_;
  std::vector<std::uint32_t> freeSlots_;
  VirtualTime bucket_ = kMicrosPerSecond;
  std::vector<std::int64_t> hitsByBucket_;
  std::vector<std::int64_t> readsByBucket_;
  LatencyHistogram hitLatency_;
  LatencyHistogram missLatency_;
  std::int64_t databaseRequests_ = 0;
  std::int64_t reads_ = 0;
  std::int64_t preloadedKeys_ = 0;
  std::int64_t preloadEvictions_ = 0;  // while preloading: not the run's
  std::int64_t preloadRejected_ = 0;
  std::vector<std::string> notes_;
};

}  // namespace kvlab::sim
