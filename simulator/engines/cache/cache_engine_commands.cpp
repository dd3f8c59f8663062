// The cache engine's requests as real Redis commands, for replaying a workload on a server
// (simulator/backends/redis_replay.cpp). The routes are the model's: the same key spaces, key
// numbers and operations, so that a replay and a simulation run the same workload.
#include <algorithm>
#include <cmath>
#include <string>

#include "simulator/engines/cache/cache_engine.h"

namespace kvlab::sim {
namespace {

std::uint64_t mixKey(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// A sliding-window limiter as one script: drop the log's old entries, count, log when allowed.
constexpr const char* kSlidingWindowScript =
    "local k = KEYS[1] local now = tonumber(ARGV[1]) local w = tonumber(ARGV[2]) "
    "redis.call('ZREMRANGEBYSCORE', k, '-inf', now - w) "
    "if redis.call('ZCARD', k) >= tonumber(ARGV[3]) then return 0 end "
    "redis.call('ZADD', k, now, ARGV[4]) redis.call('EXPIRE', k, math.ceil(w)) return 1";
// A token bucket as one script: refill by the time passed, take a token when there is one.
constexpr const char* kTokenBucketScript =
    "local k = KEYS[1] local cap = tonumber(ARGV[1]) local rate = tonumber(ARGV[2]) "
    "local now = tonumber(ARGV[3]) local b = redis.call('HMGET', k, 'tokens', 'ts') "
    "local tokens = tonumber(b[1]) or cap local ts = tonumber(b[2]) or now "
    "tokens = math.min(cap, tokens + (now - ts) * rate) local ok = 0 "
    "if tokens >= 1 then tokens = tokens - 1 ok = 1 end "
    "redis.call('HSET', k, 'tokens', tokens, 'ts', now) "
    "redis.call('EXPIRE', k, math.ceil(tonumber(ARGV[4]))) return ok";

std::string number(double value) {
  std::string text = std::to_string(value);
  return text;
}

// A value of `bytes` bytes.
std::string valueOf(std::int64_t bytes) {
  return std::string(static_cast<std::size_t>(std::clamp<std::int64_t>(bytes, 1, 1 << 20)), 'v');
}

}  // namespace

CacheEngine::RealRequest CacheEngine::realRequest(std::size_t routeIndex, std::int64_t key,
                                                  double nowSeconds, const std::string& prefix) {
  Route& r = routes_[routeIndex];
  const KeySpace& space = spaces_[r.space];
  auto name = [&](int s, std::int64_t n) {
    return prefix + spaces_[s].name + ":" + std::to_string(n);
  };
  auto ttlArgs = [&](RealRequest& out, const std::string& k, double ttl) {
    if (ttl > 0)
      out.commands.push_back({"EXPIRE", k, std::to_string(std::llround(std::ceil(ttl)))});
  };
  auto fields = [&](RedisArgs& args) {
    const std::int64_t n = std::max<std::int64_t>(1, space.fields);
    const std::int64_t each = std::max<std::int64_t>(1, space.valueBytes / n);
    for (std::int64_t f = 0; f < n; ++f) {
      args.push_back("f" + std::to_string(f));
      args.push_back(valueOf(each));
    }
  };
  const bool strings =
      space.type == RedisKeyspace::Type::String || space.type == RedisKeyspace::Type::Counter;
  RealRequest out;
  switch (r.op) {
    case Op::Read: {
      const std::string k = name(r.space, key);
      out.read = true;
      out.commands.push_back({strings ? "GET" : "HGETALL", k});
      // A hit refreshes a session's TTL; EXPIRE on a missing key does nothing.
      ttlArgs(out, k, r.ttlSeconds);
      break;
    }
    case Op::Write:
      for (int i = 0; i < r.items; ++i) {
        const std::int64_t n = i == 0 ? key : (key + i) % space.count;
        const std::string k = name(r.space, n);
        if (strings) {
          RedisArgs set{"SET", k, valueOf(space.valueBytes)};
          if (r.ttlSeconds > 0) {
            set.push_back("EX");
            set.push_back(std::to_string(std::llround(std::ceil(r.ttlSeconds))));
          }
          out.commands.push_back(std::move(set));
        } else {
          RedisArgs hset{"HSET", k};
          fields(hset);
          out.commands.push_back(std::move(hset));
          ttlArgs(out, k, r.ttlSeconds);
        }
      }
      for (int c : r.counters) out.commands.push_back({"INCR", name(c, mapInto(c, key))});
      break;
    case Op::Delete:
      out.commands.push_back({"DEL", name(r.space, key)});
      break;
    case Op::Incr: {
      const std::string k = name(r.space, key);
      out.commands.push_back({"INCR", k});
      if (r.ttlSeconds > 0) {
        out.commands.push_back(
            {"EXPIRE", k, std::to_string(std::llround(std::ceil(r.ttlSeconds))), "NX"});
      }
      break;
    }
    case Op::Range:
      out.commands.push_back({r.reverse ? "ZREVRANGE" : "ZRANGE", name(r.space, key % space.count),
                              "0", std::to_string(r.top > 0 ? r.top - 1 : -1)});
      break;
    case Op::Card:
      out.commands.push_back({"ZCARD", name(r.space, key % space.count)});
      break;
    case Op::AddMember:
      out.commands.push_back({"ZADD", name(r.space, mapInto(r.space, key)), number(nowSeconds),
                              "m" + std::to_string(key)});
      break;
    case Op::IncrMember:
      out.commands.push_back(
          {"ZINCRBY", name(r.space, mapInto(r.space, key)), "1", "m" + std::to_string(key)});
      break;
    case Op::FixedWindow: {
      const auto window = std::max(1.0, r.windowSeconds);
      const auto slot = static_cast<std::int64_t>(std::floor(nowSeconds / window));
      const std::string k = name(r.space, key) + ":" + std::to_string(slot);
      out.commands.push_back({"INCR", k});
      out.commands.push_back({"EXPIRE", k, std::to_string(std::llround(std::ceil(window))), "NX"});
      out.limit = RealRequest::Limit::CounterAbove;
      out.limitValue = r.limit;
      break;
    }
    case Op::SlidingWindow:
      out.commands.push_back({"EVAL", kSlidingWindowScript, "1", name(r.space, key),
                              number(nowSeconds), number(r.windowSeconds), std::to_string(r.limit),
                              std::to_string(++r.sequence)});
      out.limit = RealRequest::Limit::ScriptZero;
      break;
    case Op::TokenBucket:
      out.commands.push_back(
          {"EVAL", kTokenBucketScript, "1", name(r.space, key), std::to_string(r.limit),
           number(static_cast<double>(r.limit) / std::max(1e-9, r.windowSeconds)),
           number(nowSeconds), number(r.windowSeconds)});
      out.limit = RealRequest::Limit::ScriptZero;
      break;
  }
  return out;
}

void CacheEngine::realPreload(const std::string& prefix, std::int64_t maxKeys,
                              const std::function<void(const RedisArgs&)>& send) const {
  std::vector<int> live;
  for (std::size_t i = 0; i < spaces_.size(); ++i) {
    if (spaces_[i].preload) live.push_back(static_cast<int>(i));
  }
  std::int64_t sent = 0;
  for (std::int64_t i = 0; !live.empty() && sent < maxKeys; ++i) {
    for (std::size_t j = 0; j < live.size() && sent < maxKeys;) {
      const KeySpace& s = spaces_[live[j]];
      // As many keys as the model preloaded (what fitted in maxmemory), hottest first.
      if (i >= s.count || i >= std::max<std::int64_t>(s.preloaded, 1)) {
        live.erase(live.begin() + static_cast<std::ptrdiff_t>(j));
        continue;
      }
      const std::int64_t n = s.newestFirst ? s.count - 1 - i : i;
      const std::string k = prefix + s.name + ":" + std::to_string(n);
      switch (s.type) {
        case RedisKeyspace::Type::String:
          send({"SET", k, valueOf(s.valueBytes)});
          break;
        case RedisKeyspace::Type::Counter:
          send({"SET", k, "0"});
          break;
        case RedisKeyspace::Type::Hash: {
          RedisArgs hset{"HSET", k};
          const std::int64_t fields = std::max<std::int64_t>(1, s.fields);
          for (std::int64_t f = 0; f < fields; ++f) {
            hset.push_back("f" + std::to_string(f));
            hset.push_back(valueOf(std::max<std::int64_t>(1, s.valueBytes / fields)));
          }
          send(hset);
          break;
        }
        case RedisKeyspace::Type::SortedSet: {
          RedisArgs zadd{"ZADD", k};
          const std::int64_t members = std::clamp<std::int64_t>(s.members, 1, 1000);
          for (std::int64_t m = 0; m < members; ++m) {
            zadd.push_back(std::to_string(m));
            zadd.push_back(
                std::to_string(mixKey(static_cast<std::uint64_t>(m) ^ s.salt) % 1000000) +
                valueOf(std::max<std::int64_t>(1, s.valueBytes - 6)));
          }
          send(zadd);
          break;
        }
      }
      if (s.ttlSeconds > 0) {
        // Keys with a TTL were written at different times: what is left of it is uniform.
        const double left =
            static_cast<double>(mixKey(static_cast<std::uint64_t>(n) ^ s.salt) >> 11) * 0x1.0p-53;
        send({"EXPIRE", k,
              std::to_string(std::max<std::int64_t>(
                  1, std::llround(std::ceil(s.ttlSeconds * (1.0 - left)))))});
      }
      ++sent;
      ++j;
    }
  }
}

}  // namespace kvlab::sim
