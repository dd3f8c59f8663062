#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/schema/extra_fields.h"

namespace kvlab::model {

// How a rate limit counts requests in Redis: a counter per window (INCR + EXPIRE), a log of
// request times in a sorted set (ZREMRANGEBYSCORE + ZADD + ZCARD), or a token bucket (a script
// on a hash).
enum class CacheRateLimitAlgorithm { FixedWindow, SlidingWindow, TokenBucket };
std::string_view cacheRateLimitAlgorithmName(CacheRateLimitAlgorithm algorithm);
std::optional<CacheRateLimitAlgorithm> parseCacheRateLimitAlgorithm(std::string_view name);

// At most `limit` requests per key every `windowSeconds`.
struct CacheRateLimit {
  CacheRateLimitAlgorithm algorithm = CacheRateLimitAlgorithm::FixedWindow;
  std::int64_t limit = 1;
  double windowSeconds = 1;
  ExtraFields extra;
};

// An access pattern's optional `cache` field: how the cache engine runs it as Redis commands
// when what it infers from the action is not what the application does (docs/file-format.md).
struct CacheSpec {
  std::optional<std::string> command;  // a Redis command, upper case ("INCR"): cacheCommands()
  std::optional<double> ttlSeconds;    // writes set this TTL; reads refresh it (a session)
  std::optional<std::int64_t> top;     // ZRANGE / ZREVRANGE: members returned
  std::optional<CacheRateLimit> rateLimit;
  ExtraFields extra;
};

// The commands a pattern's `cache.command` may name, in a fixed order: GET, SET, DEL, INCR,
// HGETALL, HSET, ZADD, ZINCRBY, ZRANGE, ZREVRANGE, ZCARD.
const std::vector<std::string_view>& cacheCommands();
bool isCacheCommand(std::string_view name);

}  // namespace kvlab::model
