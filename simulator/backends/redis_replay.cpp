#include "simulator/backends/redis_replay.h"

#include <hiredis/hiredis.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "model/design/planner.h"
#include "simulator/backends/replay_arrivals.h"
#include "simulator/core/workload_setup.h"
#include "simulator/engines/cache/cache_engine.h"
#include "simulator/metrics/run_metrics.h"

namespace kvlab::sim {
namespace {

struct ContextCloser {
  void operator()(redisContext* c) const { redisFree(c); }
};
using Connection = std::unique_ptr<redisContext, ContextCloser>;
struct ReplyFree {
  void operator()(redisReply* r) const { freeReplyObject(r); }
};
using Reply = std::unique_ptr<redisReply, ReplyFree>;

constexpr int kRateLimited = 0;  // throttle reasons
constexpr int kServerError = 1;

using Arrival = ReplayArrival;

Connection connectTo(const RedisAddress& address, std::string* error) {
  const timeval timeout{5, 0};
  Connection c(redisConnectWithTimeout(address.host.c_str(), address.port, timeout));
  if (!c || c->err) {
    *error = "cannot connect: " + std::string(c ? c->errstr : "out of memory");
    return nullptr;
  }
  if (address.database != 0) {
    Reply r(static_cast<redisReply*>(redisCommand(c.get(), "SELECT %d", address.database)));
    if (!r || r->type == REDIS_REPLY_ERROR) {
      *error = "cannot select database " + std::to_string(address.database) + ": " +
               (r ? std::string(r->str, r->len) : std::string(c->errstr));
      return nullptr;
    }
  }
  return c;
}

void append(redisContext* c, const CacheEngine::RedisArgs& args) {
  std::vector<const char*> argv;
  std::vector<std::size_t> lengths;
  for (const std::string& a : args) {
    argv.push_back(a.data());
    lengths.push_back(a.size());
  }
  redisAppendCommandArgv(c, static_cast<int>(argv.size()), argv.data(), lengths.data());
}

// What one request's replies said.
struct Outcome {
  bool ok = true;
  bool hit = false;
  bool refused = false;
  std::string error;
};

// Reads the replies of `request`'s commands, sent before.
Outcome readReplies(redisContext* c, const CacheEngine::RealRequest& request) {
  Outcome out;
  for (std::size_t i = 0; i < request.commands.size(); ++i) {
    void* raw = nullptr;
    if (redisGetReply(c, &raw) != REDIS_OK) {
      out.ok = false;
      out.error = c->errstr;
      return out;
    }
    Reply reply(static_cast<redisReply*>(raw));
    if (reply->type == REDIS_REPLY_ERROR) {
      out.ok = false;
      if (out.error.empty()) out.error = std::string(reply->str, reply->len);
      continue;
    }
    if (i != 0) continue;
    if (request.read) {
      out.hit = reply->type != REDIS_REPLY_NIL &&
                !(reply->type == REDIS_REPLY_ARRAY && reply->elements == 0);
    }
    if (request.limit == CacheEngine::RealRequest::Limit::CounterAbove &&
        reply->type == REDIS_REPLY_INTEGER) {
      out.refused = reply->integer > request.limitValue;
    }
    if (request.limit == CacheEngine::RealRequest::Limit::ScriptZero &&
        reply->type == REDIS_REPLY_INTEGER) {
      out.refused = reply->integer == 0;
    }
  }
  return out;
}

// Sends the request's commands as one pipeline and reads every reply.
Outcome execute(redisContext* c, const CacheEngine::RealRequest& request) {
  for (const CacheEngine::RedisArgs& args : request.commands) append(c, args);
  return readReplies(c, request);
}

// A number from the server's INFO text ("used_memory:1234"), or 0.
double infoField(redisContext* c, const char* section, const std::string& field) {
  Reply r(static_cast<redisReply*>(redisCommand(c, "INFO %s", section)));
  if (!r || r->type != REDIS_REPLY_STRING) return 0;
  const std::string text(r->str, r->len);
  const auto at = text.find("\n" + field + ":");
  return at == std::string::npos ? 0 : std::atof(text.c_str() + at + field.size() + 2);
}

std::string configValue(redisContext* c, const char* name) {
  Reply r(static_cast<redisReply*>(redisCommand(c, "CONFIG GET %s", name)));
  if (!r || r->type != REDIS_REPLY_ARRAY || r->elements != 2) return "";
  return std::string(r->element[1]->str, r->element[1]->len);
}

// Deletes every key under `prefix` (SCAN + UNLINK): the run's own keys only.
void deletePrefix(redisContext* c, const std::string& prefix) {
  std::string cursor = "0";
  const std::string pattern = prefix + "*";
  do {
    Reply r(static_cast<redisReply*>(redisCommand(c, "SCAN %s MATCH %b COUNT 1000", cursor.c_str(),
                                                  pattern.data(), pattern.size())));
    if (!r || r->type != REDIS_REPLY_ARRAY || r->elements != 2) return;
    cursor.assign(r->element[0]->str, r->element[0]->len);
    const redisReply* keys = r->element[1];
    if (keys->elements > 0) {
      std::vector<const char*> argv{"UNLINK"};
      std::vector<std::size_t> lengths{6};
      for (std::size_t i = 0; i < keys->elements; ++i) {
        argv.push_back(keys->element[i]->str);
        lengths.push_back(keys->element[i]->len);
      }
      Reply done(static_cast<redisReply*>(
          redisCommandArgv(c, static_cast<int>(argv.size()), argv.data(), lengths.data())));
    }
  } while (cursor != "0");
}

}  // namespace

std::optional<RedisAddress> parseRedisUrl(const std::string& url, std::string* error) {
  std::string rest = url;
  if (rest.rfind("redis://", 0) == 0) rest = rest.substr(8);
  RedisAddress address;
  if (const auto slash = rest.find('/'); slash != std::string::npos) {
    const std::string db = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
    if (!db.empty()) {
      auto [p, ec] = std::from_chars(db.data(), db.data() + db.size(), address.database);
      if (ec != std::errc() || p != db.data() + db.size() || address.database < 0) {
        *error = "'" + url + "': the database after / must be a number";
        return std::nullopt;
      }
    }
  }
  if (rest.find('@') != std::string::npos) {
    *error = "'" + url + "': passwords in the URL are not supported";
    return std::nullopt;
  }
  if (const auto colon = rest.rfind(':'); colon != std::string::npos) {
    const std::string port = rest.substr(colon + 1);
    rest = rest.substr(0, colon);
    auto [p, ec] = std::from_chars(port.data(), port.data() + port.size(), address.port);
    if (ec != std::errc() || p != port.data() + port.size() || address.port < 1 ||
        address.port > 65535) {
      *error = "'" + url + "': expected redis://HOST:PORT/DB with a port from 1 to 65535";
      return std::nullopt;
    }
  }
  if (rest.empty()) {
    *error = "'" + url + "': no host";
    return std::nullopt;
  }
  address.host = rest;
  return address;
}

RunOutcome replayOnRedis(const model::Project& project, const model::capacity::PriceSheet& prices,
                         const RedisReplayOptions& options,
                         const std::function<void(const RunProgress&)>& progress,
                         const std::atomic<bool>* cancel) {
  RunOutcome outcome;
  RunResult& result = outcome.result;
  auto fail = [&](const std::string& message) {
    outcome.status = Status::Error("redis (" + options.connection + "): " + message);
    outcome.result = RunResult{};
    return outcome;
  };
  if (!(options.durationSeconds > 0)) return fail("the duration must be positive");
  if (options.clients < 0 || options.clients > 256) return fail("clients must be 0 to 256");
  std::string error;
  const std::optional<RedisAddress> address = parseRedisUrl(options.connection, &error);
  if (!address) return fail(error);
  Connection admin = connectTo(*address, &error);
  if (!admin) return fail(error);

  // The cache engine's routes, key spaces and warm start: what the simulation would run.
  static const model::Design kNoDesign;
  const model::Design& design = project.designs.empty() ? kNoDesign : project.designs.front();
  const model::DesignPlan plan = model::planDesign(project, design, prices);
  CacheEngine engine(options.cache);
  const EngineInput input{project, design, plan, prices, options.seed, options.durationSeconds};
  std::vector<PatternLoad> loads;
  if (Status s = engine.prepare(input, loads); !s.ok()) return fail(s.message());
  const std::string prefix = "kvlab:" + std::to_string(options.seed) + ":";
  deletePrefix(admin.get(), prefix);  // a run before with this seed that was kept
  std::int64_t preloaded = 0;
  std::int64_t pending = 0;
  auto drainReplies = [&] {
    for (; pending > 0; --pending) {
      void* raw = nullptr;
      if (redisGetReply(admin.get(), &raw) != REDIS_OK) return false;
      freeReplyObject(raw);
    }
    return true;
  };
  bool loaded = true;
  engine.realPreload(prefix, options.maxPreloadKeys, [&](const CacheEngine::RedisArgs& args) {
    append(admin.get(), args);
    if (args.front() != "EXPIRE") ++preloaded;
    if (++pending >= 512) loaded = loaded && drainReplies();
  });
  loaded = loaded && drainReplies();
  if (!loaded) return fail(std::string("loading the warm start: ") + admin->errstr);

  // Arrivals and keys from streams of their own, as the simulator draws them.
  std::vector<std::string> ids;
  std::vector<ReplayPattern> mix;
  for (const PatternLoad& load : loads) {
    ids.push_back(load.patternId);
    mix.push_back(
        ReplayPattern{load.patternId, load.meanRate * options.rateScale, load.keys, load.keyCount});
  }
  const ReplayArrivals drawn =
      openLoopArrivals(mix, options.seed, options.durationSeconds, options.maxRequests);
  const std::vector<Arrival>& arrivals = drawn.arrivals;
  if (drawn.capped) {
    result.notes.push_back("arrivals capped at " + std::to_string(options.maxRequests) +
                           " requests (max-requests), each pattern its share of the mix");
  }

  RunMetrics metrics;
  metrics.setup(ids, {"RateLimitExceeded", "ServerError"}, kMicrosPerSecond);
  std::int64_t hits = 0;
  std::int64_t misses = 0;
  std::int64_t errors = 0;
  std::string firstError;
  std::int64_t bucketStart = 0;
  std::int64_t lastProgress = 0;
  bool cancelled = false;
  std::mutex lock;  // the metrics, in closed loop
  const auto start = std::chrono::steady_clock::now();
  auto nowMicros = [&] {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                                 start)
        .count();
  };
  const auto end = static_cast<std::int64_t>(options.durationSeconds * 1e6);
  const std::int64_t deadline = end + static_cast<std::int64_t>(options.drainSeconds * 1e6);
  auto record = [&](const Arrival& a, bool read, const Outcome& o, std::int64_t latency) {
    if (read && o.ok) ++(o.hit ? hits : misses);  // writes are neither
    if (!o.ok) {
      if (errors++ == 0) firstError = ids[a.pattern] + ": " + o.error;
      metrics.recordThrottle(a.pattern, kServerError, true);
      metrics.recordFailure(a.pattern, latency, 0);
    } else if (o.refused) {
      metrics.recordThrottle(a.pattern, kRateLimited, true);
      metrics.recordFailure(a.pattern, latency, 0);
    } else {
      metrics.recordSuccess(a.pattern, latency, 0);
    }
  };
  auto closeBuckets = [&](std::int64_t now) {
    while (bucketStart + kMicrosPerSecond <= now && bucketStart < deadline) {
      metrics.closeBucket(bucketStart);
      bucketStart += kMicrosPerSecond;
    }
    if (now - lastProgress >= kMicrosPerSecond) {
      lastProgress = now;
      if (progress) progress(RunProgress{now / 1e6, options.durationSeconds, metrics.requests()});
      if (cancel && cancel->load()) cancelled = true;
    }
  };

  std::int64_t unfinished = 0;
  if (options.clients == 0) {
    // Open loop: one connection; the requests due are sent as one pipeline (up to 256), their
    // replies read in order, each request's latency from its scheduled arrival to its last
    // reply: a late server shows as latency, not as fewer requests.
    constexpr std::size_t kPipeline = 256;
    std::vector<CacheEngine::RealRequest> batch;
    std::size_t n = 0;
    while (n < arrivals.size() && !cancelled) {
      std::int64_t now = nowMicros();
      closeBuckets(now);
      if (now > deadline) {
        unfinished = static_cast<std::int64_t>(arrivals.size() - n);
        for (std::size_t m = n; m < arrivals.size(); ++m) {
          metrics.recordArrival(arrivals[m].pattern);
          metrics.recordFailure(arrivals[m].pattern, now - arrivals[m].time, 0);
        }
        break;
      }
      if (arrivals[n].time > now) {
        std::this_thread::sleep_for(std::chrono::microseconds(arrivals[n].time - now));
        continue;
      }
      const std::size_t first = n;
      batch.clear();
      for (; n < arrivals.size() && arrivals[n].time <= now && n - first < kPipeline; ++n) {
        const Arrival& a = arrivals[n];
        metrics.recordArrival(a.pattern);
        batch.push_back(
            engine.realRequest(a.pattern, a.key, static_cast<double>(a.time) / 1e6, prefix));
        for (const CacheEngine::RedisArgs& args : batch.back().commands) append(admin.get(), args);
      }
      for (std::size_t i = 0; i < batch.size(); ++i) {
        const Outcome o = readReplies(admin.get(), batch[i]);
        record(arrivals[first + i], batch[i].read, o, nowMicros() - arrivals[first + i].time);
      }
    }
  } else {
    // Closed loop: each client takes the next request of the mix as soon as it is free; the
    // arrival times only order the mix. Latency is the request's own round trip.
    std::vector<Connection> clients;
    for (int i = 0; i < options.clients; ++i) {
      Connection c = connectTo(*address, &error);
      if (!c) return fail(error);
      clients.push_back(std::move(c));
    }
    std::size_t next = 0;
    std::vector<std::thread> threads;
    for (auto& client : clients) {
      threads.emplace_back([&, c = client.get()] {
        while (true) {
          Arrival a;
          CacheEngine::RealRequest request;
          {
            std::lock_guard<std::mutex> guard(lock);
            const std::int64_t now = nowMicros();
            closeBuckets(now);
            if (cancelled || next >= arrivals.size() || now >= end) return;
            a = arrivals[next++];
            metrics.recordArrival(a.pattern);
            request = engine.realRequest(a.pattern, a.key, static_cast<double>(now) / 1e6, prefix);
          }
          const std::int64_t sent = nowMicros();
          const Outcome o = execute(c, request);
          const std::int64_t done = nowMicros();
          std::lock_guard<std::mutex> guard(lock);
          record(a, request.read, o, done - sent);
        }
      });
    }
    for (std::thread& t : threads) t.join();
  }
  const std::int64_t now = nowMicros();
  if (bucketStart < now) metrics.closeBucket(bucketStart);

  result.engine = "redis";
  result.design = design.name;
  result.seed = options.seed;
  result.durationSeconds = options.durationSeconds;
  result.simulatedSeconds = static_cast<double>(now) / 1e6;
  result.bucketSeconds = 1;
  result.rate = options.clients == 0 ? "mean" : "closed loop";
  result.cancelled = cancelled;
  result.patterns = metrics.results();
  result.latency = metrics.overallLatency();
  for (const PatternResult& p : result.patterns) {
    result.requests += p.requests;
    result.succeeded += p.succeeded;
    result.failed += p.failed;
    result.throttled += p.throttled;
  }
  CacheReport cache;
  cache.evictionPolicy = configValue(admin.get(), "maxmemory-policy");
  cache.maxMemoryBytes = std::atof(configValue(admin.get(), "maxmemory").c_str());
  cache.usedMemoryBytes = infoField(admin.get(), "memory", "used_memory");
  cache.evictions = static_cast<std::int64_t>(infoField(admin.get(), "stats", "evicted_keys"));
  cache.hits = hits;
  cache.misses = misses;
  cache.hitRatio =
      hits + misses > 0 ? static_cast<double>(hits) / static_cast<double>(hits + misses) : 0;
  result.cache = cache;
  if (!options.keepKeys) deletePrefix(admin.get(), prefix);
  result.monthlyCost.capacityMode = "your server";
  result.notes.insert(result.notes.begin(),
                      "replayed in wall-clock time on " + options.connection +
                          (options.clients == 0
                               ? std::string(", open loop, one connection, pipelined when behind")
                               : ", closed loop, " + std::to_string(options.clients) + " clients") +
                          "; " + std::to_string(preloaded) + " key(s) loaded first; keys under " +
                          prefix + (options.keepKeys ? " (kept)" : " (deleted at the end)"));
  if (unfinished > 0) {
    result.notes.push_back(std::to_string(unfinished) +
                           " request(s) had not started when the drain ended: counted as failed");
  }
  if (errors > 0) {
    result.notes.push_back(std::to_string(errors) +
                           " error(s) from the server; the first: " + firstError);
  }
  return outcome;
}

}  // namespace kvlab::sim
