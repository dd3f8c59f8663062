#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace kvlab::sim {

// The Redis commands the cache engine runs, each with a service time in data/engines/redis.json.
// EVAL stands for a server-side script (the token bucket).
enum class RedisCommand {
  Get,
  Set,
  Del,
  Incr,
  Expire,
  HGetAll,
  HSet,
  ZAdd,
  ZIncrBy,
  ZRange,
  ZRevRange,
  ZRemRangeByScore,
  ZCard,
  Eval,
};

inline constexpr std::size_t kRedisCommandCount = 14;

// The command's name as Redis spells it ("HGETALL"), in enum order.
inline constexpr std::array<std::string_view, kRedisCommandCount> kRedisCommandNames{
    "GET",  "SET",     "DEL",    "INCR",      "EXPIRE",           "HGETALL", "HSET",
    "ZADD", "ZINCRBY", "ZRANGE", "ZREVRANGE", "ZREMRANGEBYSCORE", "ZCARD",   "EVAL"};

inline std::string_view redisCommandName(RedisCommand command) {
  return kRedisCommandNames[static_cast<std::size_t>(command)];
}

// The command named `name` (upper case, as Redis spells it), or nothing.
inline std::optional<RedisCommand> parseRedisCommand(std::string_view name) {
  for (std::size_t i = 0; i < kRedisCommandCount; ++i) {
    if (kRedisCommandNames[i] == name) return static_cast<RedisCommand>(i);
  }
  return std::nullopt;
}

}  // namespace kvlab::sim
