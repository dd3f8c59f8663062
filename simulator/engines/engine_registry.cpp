#include "simulator/engines/engine_registry.h"

#include "simulator/engines/cache/cache_engine.h"
#include "simulator/engines/cache_aside/cache_aside_engine.h"
#include "simulator/engines/dynamodb/dynamodb_engine.h"
#include "simulator/engines/relational/relational_engine.h"

namespace kvlab::sim {

const std::vector<EngineInfo>& registeredEngines() {
  static const std::vector<EngineInfo> engines{
      {"dynamodb",
       "DynamoDB: partitions of 3,000 read and 1,000 write units per second, provisioned "
       "(burst, adaptive capacity) or on-demand capacity, split for heat, GSI back-pressure, "
       "SDK retries with back-off (docs/simulator.md)"},
      {"relational",
       "PostgreSQL-like server: normalized tables and indexes, each request's SQL run on SQLite, "
       "its measured work as core time on N cores behind a connection pool (docs/engines.md)"},
      {"cache",
       "Redis on one ElastiCache node: a keyspace with TTLs and maxmemory eviction (allkeys-lru, "
       "allkeys-lfu, volatile-ttl, noeviction), one thread serving commands in turn, hit ratio "
       "and the node's cost (docs/engines.md)"},
      {"cache-aside",
       "the relational engine behind a Redis-model cache: reads try the cache and fill it on a "
       "miss with a TTL, writes go to the database and delete what they make stale; hit ratio "
       "over time, the load taken off the database (docs/engines.md)"},
  };
  return engines;
}

std::unique_ptr<Engine> createEngine(std::string_view name, const EngineSettings& settings,
                                     std::string* error) {
  if (name == "dynamodb") {
    DynamoDbOptions options;
    if (auto problem = applyDynamoDbOptions(settings, options)) {
      if (error) *error = *problem;
      return nullptr;
    }
    return std::make_unique<DynamoDbEngine>(std::move(options));
  }
  if (name == "relational") {
    RelationalOptions options;
    if (auto problem = applyRelationalOptions(settings, options)) {
      if (error) *error = *problem;
      return nullptr;
    }
    return std::make_unique<RelationalEngine>(std::move(options));
  }
  if (name == "cache") {
    CacheOptions options;
    if (auto problem = applyCacheOptions(settings, options)) {
      if (error) *error = *problem;
      return nullptr;
    }
    return std::make_unique<CacheEngine>(std::move(options));
  }
  if (name == "cache-aside") {
    CacheAsideOptions options;
    if (auto problem = applyCacheAsideOptions(settings, options)) {
      if (error) *error = *problem;
      return nullptr;
    }
    return std::make_unique<CacheAsideEngine>(std::move(options));
  }
  if (error) {
    std::string known;
    for (const EngineInfo& e : registeredEngines()) {
      known += (known.empty() ? "" : ", ") + std::string(e.name);
    }
    *error = "unknown engine '" + std::string(name) + "'; expected one of: " + known;
  }
  return nullptr;
}

}  // namespace kvlab::sim
