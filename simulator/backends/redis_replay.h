#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "model/capacity/price_sheet.h"
#include "model/schema/project.h"
#include "simulator/core/runner.h"
#include "simulator/engines/cache/cache_options.h"

namespace kvlab::sim {

// How a workload is replayed on a real Redis server.
struct RedisReplayOptions {
  std::string connection;               // redis://HOST[:PORT][/DB]; traffic goes there only
  double durationSeconds = 10;          // arrivals are generated in [0, duration)
  std::int64_t maxRequests = 200000;    // a bound on the arrivals, whatever the rates
  double drainSeconds = 10;             // after the last arrival, requests queued may finish
  std::int64_t maxPreloadKeys = 20000;  // the warm start loaded first (hottest keys first)
  double rateScale = 1;                 // every pattern's mean rate times this
  // 0: open loop, arrivals at the patterns' rates (latency from the scheduled arrival). N: closed
  // loop, N clients each sending its next request as soon as the last is answered (the rates
  // only set the mix): what the server sustains.
  int clients = 0;
  std::uint64_t seed = 1;
  bool keepKeys = false;  // leave the run's keys for a look afterwards
  CacheOptions cache;     // the cache engine's options: the same key spaces and preload
};

// The parts of a redis:// URL.
struct RedisAddress {
  std::string host = "127.0.0.1";
  int port = 6379;
  int database = 0;
};
// Reads redis://HOST[:PORT][/DB] (or HOST:PORT); nothing and `error` set when it is not one.
std::optional<RedisAddress> parseRedisUrl(const std::string& url, std::string* error);

// Replays the project's access patterns, for real and in wall-clock time, on the Redis server
// `options.connection` names (`kvlab simulate --engine redis --connection URL`): the cache
// engine's routes (CacheEngine::realRequest: the same key spaces, operations, TTLs and rate-limit
// scripts) with keys under a prefix of the run's own (kvlab:SEED:), a warm start of the keys the
// model preloads, then requests with the simulator's seeded arrivals and keys, each request's
// commands as one pipeline. The result has the simulated engines' shape (engine "redis"): latency
// percentiles from the client, hits and misses from the replies, refusals by rate limits as
// throttles, errors as failures. The run's keys are deleted at the end (SCAN + UNLINK of the
// prefix) unless `keepKeys`. One connection in open loop; `clients` connections (threads) in
// closed loop.
RunOutcome replayOnRedis(const model::Project& project, const model::capacity::PriceSheet& prices,
                         const RedisReplayOptions& options,
                         const std::function<void(const RunProgress&)>& progress = {},
                         const std::atomic<bool>* cancel = nullptr);

}  // namespace kvlab::sim
