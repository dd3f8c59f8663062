#include "simulator/engines/cache/cache_engine.h"

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "model/design/item_estimate.h"
#include "model/design/planner.h"
#include "model/io/project_json.h"
#include "model/schema/project_validator.h"
#include "simulator/core/runner.h"
#include "simulator/engines/engine_registry.h"
#include "simulator/metrics/run_result_json.h"
#include "simulator/workload/zipf_head_mass.h"
#include "tests/support/test_files.h"

namespace kvlab::sim {
namespace {

using Json = nlohmann::ordered_json;

const model::capacity::PriceSheet& prices() {
  static const model::capacity::PriceSheet sheet = [] {
    auto load =
        model::capacity::PriceSheet::load(test::sourceDir() / "data/prices/us-east-1-2024-11.json");
    EXPECT_TRUE(load.ok());
    return *load.sheet;
  }();
  return sheet;
}

const RedisParameters& parameters() {
  static const RedisParameters p = [] {
    RedisParametersLoad load = loadRedisParameters(test::sourceDir() / "data/engines/redis.json");
    for (const RedisParametersError& e : load.errors) ADD_FAILURE() << e.message();
    return load.ok() ? *load.parameters : RedisParameters{};
  }();
  return p;
}

// `count` items of 2 attributes (id 10 bytes, body 100 bytes), no pattern yet.
Json itemProject(double count) {
  Json doc = Json::parse(R"json({
    "format": "kvlab/1", "name": "items",
    "entities": [
      { "name": "Item", "identifier": ["id"], "count": 1,
        "attributes": [ { "name": "id", "type": "S", "size": 10 },
                        { "name": "body", "type": "S", "size": 100 },
                        { "name": "group", "type": "S", "size": 8, "distinct": 1 } ] } ],
    "accessPatterns": [],
    "designs": [
      { "name": "d", "table": { "name": "Items", "pk": "PK", "sk": null },
        "entityKeys": { "Item": { "PK": "ITEM#{id}" } } } ]
  })json");
  doc["entities"][0]["count"] = count;
  return doc;
}

Json pattern(const std::string& id, const std::string& action, double rate) {
  return Json{{"id", id},
              {"name", id},
              {"action", action},
              {"entities", Json::array({"Item"})},
              {"equals", Json::array({"id"})},
              {"rate", Json{{"mean", rate}}}};
}

model::Project load(const Json& document) {
  model::ProjectReadResult read = model::readProjectJson(document.dump(), "test.kvlab.json");
  model::validateProject(read.project, "test.kvlab.json", read.diagnostics);
  for (const model::Diagnostic& d : read.diagnostics.items()) {
    if (d.severity == model::Severity::Error) ADD_FAILURE() << model::formatDiagnostic(d);
  }
  return read.project;
}

struct Outcome {
  RunResult result;
  std::string json;
};

Outcome simulate(const Json& document, const EngineSettings& settings, double seconds,
                 std::uint64_t seed = 1, CacheEngine** keep = nullptr) {
  static std::vector<std::unique_ptr<Engine>> kept;  // engines a test looks into afterwards
  const model::Project project = load(document);
  const model::Design& design = project.designs.front();
  const model::DesignPlan plan = model::planDesign(project, design, prices());
  std::string error;
  std::unique_ptr<Engine> engine = createEngine("cache", settings, &error);
  EXPECT_TRUE(engine) << error;
  RunOptions run;
  run.seed = seed;
  run.durationSeconds = seconds;
  Runner runner(run);
  const EngineInput input{project, design, plan, prices(), seed, seconds};
  RunOutcome outcome = runner.run(*engine, input);
  EXPECT_TRUE(outcome.status.ok()) << outcome.status.message();
  Outcome out{outcome.result, runResultJson(outcome.result)};
  if (keep != nullptr) {
    *keep = static_cast<CacheEngine*>(engine.get());
    kept.push_back(std::move(engine));
  }
  return out;
}

const PatternResult& patternOf(const RunResult& r, const std::string& id) {
  for (const PatternResult& p : r.patterns) {
    if (p.id == id) return p;
  }
  ADD_FAILURE() << "no pattern " << id;
  return r.patterns.front();
}

// The bytes one Item hash takes in the keyspace.
std::int64_t itemHashBytes() {
  RedisKeyspace probe(redisKeyspaceConfig(parameters(), 0, EvictionPolicy::AllKeysLru), 1);
  return probe.memoryOf(RedisKeyspace::Type::Hash, 10 + 100 + 8, 3, false);
}

TEST(CacheEngine, aWarmCacheOfTheTopKeysHitsTheZipfianHeadMass) {
  constexpr std::int64_t n = 20000;
  constexpr std::int64_t k = 2000;
  Json doc = itemProject(n);
  Json get = pattern("get", "get", 20000);
  get["keyDistribution"] = Json{{"kind", "zipfian"}, {"theta", 0.99}};
  doc["accessPatterns"].push_back(get);
  const Outcome out = simulate(doc, {{"maxmemory", std::to_string(k * itemHashBytes())}}, 20);
  ASSERT_TRUE(out.result.cache.has_value());
  const CacheReport& c = *out.result.cache;
  EXPECT_EQ(c.hits + c.misses, patternOf(out.result, "get").requests);
  EXPECT_EQ(c.evictions, 0);
  EXPECT_NEAR(c.hitRatio, grayZipfHeadMass(k, n, 0.99), 0.01);
  EXPECT_EQ(c.hitRatioByBucket.size(), out.result.patterns.front().timeline.size());
  EXPECT_NEAR(c.hitRatioByBucket[5], c.hitRatio, 0.03);
}

TEST(CacheEngine, aColdCacheMissesEveryRead) {
  Json doc = itemProject(1000);
  doc["accessPatterns"].push_back(pattern("get", "get", 1000));
  const Outcome out = simulate(doc, {{"cold", "on"}}, 5);
  EXPECT_EQ(out.result.cache->hits, 0);
  EXPECT_GT(out.result.cache->misses, 0);
  EXPECT_EQ(out.result.cache->usedMemoryBytes, 0);
}

TEST(CacheEngine, writesFillTheCacheAndAggregatesReadTheCountersWritesKeep) {
  Json doc = itemProject(1000);
  doc["accessPatterns"].push_back(pattern("put", "put", 500));
  Json count = pattern("count", "aggregate", 100);
  count["equals"] = Json::array({"group"});
  count["aggregate"] = Json{{"function", "count"}};
  doc["accessPatterns"].push_back(count);
  CacheEngine* engine = nullptr;
  const Outcome out = simulate(doc, {{"cold", "on"}}, 10, 1, &engine);
  const PatternResult& puts = patternOf(out.result, "put");
  EXPECT_EQ(puts.failed, 0);
  // Every put incremented the one group's counter; the count pattern read it.
  RedisKeyspace& ks = engine->keyspace();
  EXPECT_GT(ks.keyCount(), 900);  // the items, written at random, and the counter
  EXPECT_GT(out.result.cache->hitRatio, 0.99);
}

TEST(CacheEngine, noevictionRejectsWritesWithOomAndNeverEvicts) {
  Json doc = itemProject(100000);
  doc["accessPatterns"].push_back(pattern("put", "put", 2000));
  const Outcome out = simulate(doc,
                               {{"cold", "on"},
                                {"policy", "noeviction"},
                                {"maxmemory", std::to_string(500 * itemHashBytes())}},
                               5);
  const CacheReport& c = *out.result.cache;
  EXPECT_EQ(c.evictions, 0);
  EXPECT_GT(c.rejectedWrites, 5000);
  EXPECT_LE(c.usedMemoryBytes, c.maxMemoryBytes);
  const PatternResult& puts = patternOf(out.result, "put");
  EXPECT_EQ(puts.failed, c.rejectedWrites);
  ASSERT_EQ(puts.throttlesByReason.size(), 1u);
  EXPECT_EQ(puts.throttlesByReason[0].first, "OOM");
  // With allkeys-lru the same writes all succeed, by evicting.
  const Outcome lru =
      simulate(doc, {{"cold", "on"}, {"maxmemory", std::to_string(500 * itemHashBytes())}}, 5);
  EXPECT_EQ(patternOf(lru.result, "put").failed, 0);
  EXPECT_GT(lru.result.cache->evictions, 5000);
}

// One client calling `rate` times a second through a rate limit of 50 a second.
RunResult rateLimited(const std::string& algorithm, double rate) {
  Json doc = itemProject(1);
  Json check = pattern("check", "get", rate);
  check["cache"] =
      Json{{"rateLimit", Json{{"algorithm", algorithm}, {"limit", 50}, {"windowSeconds", 1}}}};
  doc["accessPatterns"].push_back(check);
  return simulate(doc, {}, 20).result;
}

TEST(CacheEngine, aFixedWindowRateLimitRejectsRequestsOverTheLimit) {
  const RunResult r = rateLimited("fixed-window", 200);
  const PatternResult& p = patternOf(r, "check");
  for (const TimeBucket& b : p.timeline) EXPECT_LE(b.succeeded, 50) << "second " << b.startSeconds;
  EXPECT_EQ(p.succeeded, 50 * 20);
  EXPECT_EQ(p.failed, p.requests - p.succeeded);
  ASSERT_EQ(p.throttlesByReason.size(), 1u);
  EXPECT_EQ(p.throttlesByReason[0].first, "RateLimitExceeded");
  // Under the limit nothing is rejected.
  EXPECT_EQ(patternOf(rateLimited("fixed-window", 20), "check").failed, 0);
}

TEST(CacheEngine, slidingWindowAndTokenBucketLimitsAdmitAboutTheLimit) {
  for (const std::string algorithm : {"sliding-window", "token-bucket"}) {
    const PatternResult p = patternOf(rateLimited(algorithm, 200), "check");
    // 50 a second over 20 s, give or take one window's worth at the start.
    EXPECT_GE(p.succeeded, 50 * 20 - 50) << algorithm;
    EXPECT_LE(p.succeeded, 50 * 20 + 50) << algorithm;
    EXPECT_GT(p.failed, p.requests / 2) << algorithm;
    EXPECT_EQ(patternOf(rateLimited(algorithm, 20), "check").failed, 0) << algorithm;
  }
}

TEST(CacheEngine, aLeaderboardReturnsTheTopPlayers) {
  Json doc = itemProject(1000);
  Json score = pattern("score", "update", 2000);
  score["keyDistribution"] = Json{{"kind", "zipfian"}, {"theta", 0.99}};
  score["equals"] = Json::array({"id", "group"});  // a player on a board (group)
  score["cache"] = Json{{"command", "ZINCRBY"}};
  Json top = pattern("top", "query", 100);
  top["equals"] = Json::array({"group"});
  top["order"] = "desc";
  top["limit"] = 10;
  doc["accessPatterns"].push_back(score);
  doc["accessPatterns"].push_back(top);
  CacheEngine* engine = nullptr;
  const Outcome out = simulate(doc, {}, 10, 1, &engine);
  EXPECT_EQ(patternOf(out.result, "top").failed, 0);
  const auto board = engine->redisKeyOf("top", 0);
  ASSERT_TRUE(board.has_value());
  EXPECT_EQ(engine->redisKeyOf("score", 123), board);  // the same sorted set
  std::vector<std::pair<RedisKeyspace::Member, double>> leaders;
  EXPECT_EQ(engine->keyspace().zrange(*board, 10, true, fromSeconds(60), &leaders), 10);
  ASSERT_EQ(leaders.size(), 10u);
  EXPECT_EQ(leaders[0].first, 0u);  // the zipfian's hottest player scored most
  for (std::size_t i = 1; i < leaders.size(); ++i)
    EXPECT_GE(leaders[i - 1].second, leaders[i].second);
}

TEST(CacheEngine, sessionsExpireAfterTheirTtl) {
  Json doc = itemProject(100000);
  Json put = pattern("login", "put", 1000);
  put["cache"] = Json{{"command", "HSET"}, {"ttlSeconds", 5}};
  doc["accessPatterns"].push_back(put);
  const Outcome out = simulate(doc, {{"cold", "on"}}, 20);
  const CacheReport& c = *out.result.cache;
  // About 5 s of sessions (5,000) live at any time; the rest have expired. Active expiry stops
  // a cycle when few sampled keys had expired, so some expired keys linger, as in Redis.
  EXPECT_GT(c.expirations, 10000);
  const double session = static_cast<double>(itemHashBytes()) + parameters().expireOverheadBytes;
  EXPECT_GT(c.usedMemoryBytes, 4500 * session);
  EXPECT_LT(c.usedMemoryBytes, 7500 * session);
}

TEST(CacheEngine, theNodeSaturatesNearItsCommandRate) {
  const double service = parameters().roundTripCpuMicros +
                         parameters().commandMicros(RedisCommand::HGetAll, 3) +
                         (10 + 100 + 8) * parameters().perByteNanos / 1000.0;
  const double capacity = 1e6 / service;  // HGETALLs a second
  EXPECT_GT(capacity, 70000);
  EXPECT_LT(capacity, 110000);
  auto at = [&](double utilization) {
    Json doc = itemProject(10000);
    doc["accessPatterns"].push_back(pattern("get", "get", utilization * capacity));
    return simulate(doc, {}, 10).result;
  };
  const RunResult half = at(0.5);
  const RunResult busy = at(0.9);
  ASSERT_EQ(half.servers.size(), 1u);
  EXPECT_EQ(half.servers[0].name, "cache");
  EXPECT_EQ(half.servers[0].instance, "cache.r7g.large");
  EXPECT_NEAR(half.servers[0].utilization, 0.5, 0.02);
  EXPECT_NEAR(busy.servers[0].utilization, 0.9, 0.02);
  const double rtt = parameters().networkRoundTripMicros / 1000.0;
  EXPECT_GT(patternOf(busy, "get").latency.p99 - rtt,
            3 * (patternOf(half, "get").latency.p99 - rtt));
  EXPECT_GT(busy.servers[0].peakQueueLength, half.servers[0].peakQueueLength);
}

TEST(CacheEngine, theNodeCostsItsHourlyPriceForAMonth) {
  Json doc = itemProject(1000);
  doc["accessPatterns"].push_back(pattern("get", "get", 100));
  const RunResult r = simulate(doc, {}, 2).result;
  const RedisNodeType& node = *parameters().findNode("cache.r7g.large");
  EXPECT_DOUBLE_EQ(r.monthlyCost.instances, node.pricePerHour * parameters().hoursPerMonth);
  EXPECT_DOUBLE_EQ(r.monthlyCost.total, r.monthlyCost.instances);
  // The default maxmemory is the node's memory less ElastiCache's reserved share.
  EXPECT_NEAR(r.cache->maxMemoryBytes, node.memoryBytes * (1 - parameters().reservedMemoryFraction),
              1);
  const RunResult small = simulate(doc, {{"node", "cache.t4g.micro"}}, 2).result;
  EXPECT_LT(small.monthlyCost.total, r.monthlyCost.total);
}

TEST(CacheEngine, theSameSeedGivesByteIdenticalJson) {
  Json doc = itemProject(50000);
  Json get = pattern("get", "get", 5000);
  get["keyDistribution"] = Json{{"kind", "zipfian"}, {"theta", 0.99}};
  doc["accessPatterns"].push_back(get);
  Json put = pattern("put", "put", 1000);
  put["cache"] = Json{{"command", "HSET"}, {"ttlSeconds", 3}};
  doc["accessPatterns"].push_back(put);
  const EngineSettings settings{{"maxmemory", std::to_string(5000 * itemHashBytes())},
                                {"policy", "allkeys-lfu"}};
  const std::string first = simulate(doc, settings, 5, 9).json;
  EXPECT_EQ(first, simulate(doc, settings, 5, 9).json);
  EXPECT_NE(first, simulate(doc, settings, 5, 10).json);
  const Json parsed = Json::parse(first);
  EXPECT_EQ(parsed["engine"], "cache");
  EXPECT_EQ(parsed["cache"]["evictionPolicy"], "allkeys-lfu");
  EXPECT_EQ(parsed["server"]["name"], "cache");
}

TEST(CacheEngine, isRegisteredAndRejectsBadSettings) {
  bool listed = false;
  for (const EngineInfo& e : registeredEngines()) listed = listed || e.name == "cache";
  EXPECT_TRUE(listed);
  std::string error;
  EXPECT_FALSE(createEngine("cache", {{"policy", "random"}}, &error));
  EXPECT_NE(error.find("allkeys-lru"), std::string::npos);
  EXPECT_FALSE(createEngine("cache", {{"maxmemory", "lots"}}, &error));
  EXPECT_FALSE(createEngine("cache", {{"colour", "red"}}, &error));
  EXPECT_NE(error.find("unknown engine option 'colour'"), std::string::npos);
  EXPECT_EQ(parseMemorySize("64mb"), 64.0 * 1024 * 1024);
  EXPECT_EQ(parseMemorySize("1g"), 1e9);
  EXPECT_EQ(parseMemorySize("1000"), 1000.0);
}

TEST(CacheEngine, anUnknownNodeIsAnError) {
  Json doc = itemProject(10);
  doc["accessPatterns"].push_back(pattern("get", "get", 10));
  const model::Project project = load(doc);
  const model::DesignPlan plan = model::planDesign(project, project.designs.front(), prices());
  CacheOptions options;
  options.node = "cache.z9.huge";
  CacheEngine engine(options);
  Runner runner(RunOptions{});
  RunOutcome out =
      runner.run(engine, EngineInput{project, project.designs.front(), plan, prices()});
  EXPECT_FALSE(out.status.ok());
  EXPECT_NE(out.status.message().find("cache.r7g.large"), std::string::npos);
}

TEST(CacheEngine, thePatternCacheFieldIsReadWrittenBackAndValidated) {
  Json doc = itemProject(10);
  Json p = pattern("limit", "get", 10);
  p["cache"] =
      Json{{"rateLimit",
            Json{{"algorithm", "token-bucket"}, {"limit", 5}, {"windowSeconds", 2}, {"burst", 1}}},
           {"ttlSeconds", 60},
           {"note", "kept"}};
  doc["accessPatterns"].push_back(p);
  model::ProjectReadResult read = model::readProjectJson(doc.dump(), "c.kvlab.json");
  ASSERT_TRUE(read.project.accessPatterns[0].cache.has_value());
  const model::CacheSpec& spec = *read.project.accessPatterns[0].cache;
  EXPECT_EQ(spec.rateLimit->algorithm, model::CacheRateLimitAlgorithm::TokenBucket);
  EXPECT_EQ(spec.rateLimit->limit, 5);
  EXPECT_EQ(spec.extra.size(), 1u);  // "note", kept
  const Json written = Json::parse(model::writeProjectJson(read.project));
  EXPECT_EQ(written["accessPatterns"][0]["cache"]["rateLimit"]["burst"], 1);
  EXPECT_EQ(written["accessPatterns"][0]["cache"]["note"], "kept");
  EXPECT_EQ(written["accessPatterns"][0]["cache"]["ttlSeconds"], 60);

  Json bad = itemProject(10);
  Json q = pattern("q", "get", 10);
  q["cache"] = Json{{"command", "FLUSHALL"}, {"ttlSeconds", 0}};
  bad["accessPatterns"].push_back(q);
  model::ProjectReadResult badRead = model::readProjectJson(bad.dump(), "b.kvlab.json");
  model::validateProject(badRead.project, "b.kvlab.json", badRead.diagnostics);
  std::vector<std::string> paths;
  for (const model::Diagnostic& d : badRead.diagnostics.items()) {
    if (d.severity == model::Severity::Error) paths.push_back(d.path);
  }
  EXPECT_NE(std::find(paths.begin(), paths.end(), "accessPatterns[0].cache.command"), paths.end());
  EXPECT_NE(std::find(paths.begin(), paths.end(), "accessPatterns[0].cache.ttlSeconds"),
            paths.end());
}

}  // namespace
}  // namespace kvlab::sim
