#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "simulator/core/engine.h"
#include "simulator/engines/cache/cache_node_model.h"
#include "simulator/engines/cache/cache_options.h"
#include "simulator/engines/cache/redis_command.h"
#include "simulator/engines/cache/redis_keyspace.h"
#include "simulator/engines/cache/redis_parameters.h"

namespace kvlab::sim {

// Redis (one ElastiCache node) as the store itself (docs/engines.md, "Cache (Redis model)"):
// each access pattern runs as Redis commands on a RedisKeyspace, served by a CacheNodeModel
// (one thread, FIFO). What a pattern does is inferred from its action, or stated in its `cache`
// field:
//
//   get                      HGETALL of the item's hash (GET with command GET/SET strings)
//   put, update              HSET of the item (+ EXPIRE with a TTL); + INCR of the counters of
//                            the entity's count/sum aggregates
//   delete                   DEL
//   transaction              HSET of each item, pipelined
//   query                    ZREVRANGE (order desc) or ZRANGE 0..limit-1 of the collection
//   aggregate count, sum     GET of a counter; min, max: ZRANGE / ZREVRANGE 0 0
//   cache.command            GET SET DEL INCR HGETALL HSET ZADD ZINCRBY ZRANGE ZREVRANGE ZCARD
//   cache.rateLimit          fixed-window (INCR + EXPIRE), sliding-window (ZREMRANGEBYSCORE +
//                            ZCARD, then ZADD + EXPIRE when allowed), token-bucket (a script)
//
// Keys: an item's hash or string per value of the attributes the pattern gives (its `equals`,
// else the entity's identifier); a counter per value of an aggregate's attributes; one sorted-set
// key space per entity (its collections; ZADD and ZINCRBY add the request's key as a member); a
// rate limit's keys per value of its attributes (per window for fixed windows). The keyspace
// starts with the items the patterns address (hottest key numbers first, while memory lasts)
// unless the option cold=on.
//
// A read that finds its key is a hit, one that does not a miss (Redis's keyspace_hits and
// keyspace_misses). A write refused under noeviction (OOM) and a request over a rate limit fail,
// each with a throttle reason ("OOM", "RateLimitExceeded"). Not thread-safe; one run per object.
class CacheEngine final : public Engine {
 public:
  explicit CacheEngine(CacheOptions options = {});
  ~CacheEngine() override;

  std::string_view name() const override { return "cache"; }
  std::vector<std::string> throttleReasons() const override;
  Status prepare(const EngineInput& input, std::vector<PatternLoad>& loads) override;
  void onRequest(const Request& request, EngineContext& context) override;
  void onEvent(const Event& event, EngineContext& context) override;
  void onSecond(std::int64_t second, EngineContext& context) override;
  void finish(EngineContext& context, RunResult& result) override;
  // The keyspace model's own tables (RedisKeyspace::footprintBytes), not the node's memory.
  std::size_t memoryBytes() const override;

  const CacheOptions& options() const { return options_; }
  // After prepare: the data file's figures, the keyspace and the node, for tests and reports.
  const RedisParameters& parameters() const { return *parameters_; }
  RedisKeyspace& keyspace() { return *keyspace_; }
  const CacheNodeModel& node() const { return *node_; }
  // The Redis key that request key number `key` of pattern `patternId` reads or writes (for a
  // ZADD or ZINCRBY: the sorted set), or nothing for an unknown pattern or a rate limit.
  std::optional<RedisKeyspace::Key> redisKeyOf(std::string_view patternId, std::int64_t key) const;

  // The same requests as commands for a real Redis (simulator/backends/redis_replay.h), keys
  // named "<prefix><key space>:<number>" (cache_engine_commands.cpp). After prepare.
  using RedisArgs = std::vector<std::string>;
  struct RealRequest {
    std::vector<RedisArgs> commands;  // sent as one pipeline
    bool read = false;                // the first reply tells a hit (a value) from a miss (nil)
    enum class Limit { None, CounterAbove, ScriptZero } limit = Limit::None;
    std::int64_t limitValue = 0;  // CounterAbove: refused when the first reply is above it
  };
  // What request key number `key` of route `route` (the index of its PatternLoad) sends at
  // `nowSeconds` from the start.
  RealRequest realRequest(std::size_t route, std::int64_t key, double nowSeconds,
                          const std::string& prefix);
  // The warm start as commands: the keys preload() fills, hottest numbers first, at most
  // `maxKeys`; calls `send` with each.
  void realPreload(const std::string& prefix, std::int64_t maxKeys,
                   const std::function<void(const RedisArgs&)>& send) const;

 private:
  enum class Op {
    Read,           // GET / HGETALL
    Write,          // SET / HSET (+ EXPIRE)
    Delete,         // DEL
    Incr,           // INCR (+ EXPIRE when new)
    Range,          // ZRANGE / ZREVRANGE
    Card,           // ZCARD
    AddMember,      // ZADD
    IncrMember,     // ZINCRBY
    FixedWindow,    // INCR + EXPIRE
    SlidingWindow,  // ZREMRANGEBYSCORE + ZCARD (+ ZADD + EXPIRE when allowed)
    TokenBucket,    // EVAL
  };
  struct KeySpace {
    std::string name;
    RedisKeyspace::Type type = RedisKeyspace::Type::Hash;
    std::int64_t count = 1;
    std::int64_t valueBytes = 0;  // an item's bytes; a sorted set's member bytes
    std::int64_t fields = 0;
    std::int64_t members = 0;  // a preloaded collection's members
    double ttlSeconds = 0;
    bool preload = true;
    std::int64_t preloaded = 0;
    bool newestFirst = false;  // a latest/exponential pattern reads it: hot keys are the last
    std::uint64_t salt = 0;
  };
  struct Route {
    std::string patternId;
    Op op = Op::Read;
    int space = 0;
    std::vector<int> counters;  // counter spaces a write also increments
    int items = 1;              // items written per request (a transaction)
    std::int64_t top = 0;
    bool reverse = false;
    double ttlSeconds = 0;  // writes: the TTL; reads: refreshed on a hit
    std::int64_t limit = 0;
    double windowSeconds = 0;
    std::uint64_t sequence = 0;  // members of a sliding window's log
  };

  int spaceFor(const std::string& name, RedisKeyspace::Type type, std::int64_t count,
               std::int64_t valueBytes, std::int64_t fields);
  RedisKeyspace::Key keyIn(int space, std::int64_t number) const;
  std::int64_t mapInto(int space, std::int64_t key) const;
  void preload(std::uint64_t seed);
  void ensureBuckets(EngineContext& context);

  CacheOptions options_;
  const EngineInput* input_ = nullptr;
  std::unique_ptr<RedisParameters> parameters_;
  const RedisNodeType* nodeType_ = nullptr;
  std::unique_ptr<RedisKeyspace> keyspace_;
  std::unique_ptr<CacheNodeModel> node_;
  std::vector<KeySpace> spaces_;
  std::vector<Route> routes_;
  std::vector<std::int64_t> hitsByBucket_;
  std::vector<std::int64_t> missesByBucket_;
  VirtualTime bucket_ = kMicrosPerSecond;
  bool bucketsKnown_ = false;
  std::int64_t preloaded_ = 0;
  std::vector<std::string> notes_;
  static constexpr std::uint32_t kReplyEvent = kFirstEngineEventKind;
  std::vector<std::int64_t> repliesPending_;  // per pattern: scheduled replies not yet recorded
};

}  // namespace kvlab::sim
