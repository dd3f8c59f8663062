#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "simulator/engines/cache/redis_keyspace.h"

namespace kvlab::sim {

// How the cache engine models a Redis node. Unset values come from data/engines/redis.json (the
// node type, maxmemory as the node's memory less ElastiCache's reserved share, the sampling). A
// value type.
struct CacheOptions {
  std::optional<double> maxMemoryBytes;  // maxmemory
  EvictionPolicy policy = EvictionPolicy::AllKeysLru;
  std::optional<double> defaultTtlSeconds;  // for writes whose pattern states no TTL
  std::optional<std::string> node;          // "cache.r7g.large"
  std::optional<int> samples;               // maxmemory-samples
  bool cold = false;                        // start empty instead of preloaded
  std::optional<std::string> dataFile;      // another kvlab-redis/1 file
};

// Reads options given as KEY=VALUE text (the command line's --engine-option):
//   maxmemory=BYTES|64mb|1gb   (Redis's units: k/m/g = 1000s, kb/mb/gb = 1024s)
//   policy=allkeys-lru|allkeys-lfu|volatile-ttl|noeviction
//   ttl=SECONDS   node=cache.r7g.large   samples=N   cold=on|off   data=PATH
// Applies them to `options`. On a bad key or value returns the message and leaves `options`
// partly updated.
std::optional<std::string> applyCacheOptions(
    const std::vector<std::pair<std::string, std::string>>& settings, CacheOptions& options);

// A memory size in Redis's notation ("64mb", "1gb", "1000000"), or nothing.
std::optional<double> parseMemorySize(const std::string& text);

}  // namespace kvlab::sim
