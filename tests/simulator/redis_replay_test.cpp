// The cache engine's workload replayed for real on a Redis server started by the test.
#include "simulator/backends/redis_replay.h"

#include <hiredis/hiredis.h>

#include <gtest/gtest.h>

#include <memory>

#include "model/design/planner.h"
#include "model/io/project_file.h"
#include "simulator/core/runner.h"
#include "simulator/engines/cache/cache_engine.h"
#include "simulator/metrics/run_result_json.h"
#include "tests/support/redis_server.h"
#include "tests/support/test_files.h"

namespace kvlab::sim {
namespace {

class RedisReplayTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = std::make_unique<test::RedisServer>(); }
  static void TearDownTestSuite() { server_.reset(); }
  void SetUp() override { ASSERT_TRUE(server_->error().empty()) << server_->error(); }
  static std::unique_ptr<test::RedisServer> server_;

  static long long keysOnServer() {
    redisContext* c = redisConnect("127.0.0.1", server_->port());
    auto* reply = static_cast<redisReply*>(redisCommand(c, "DBSIZE"));
    const long long n = reply ? reply->integer : -1;
    freeReplyObject(reply);
    redisFree(c);
    return n;
  }
};

std::unique_ptr<test::RedisServer> RedisReplayTest::server_;

const model::capacity::PriceSheet& prices() {
  static const model::capacity::PriceSheet sheet = [] {
    auto load =
        model::capacity::PriceSheet::load(test::sourceDir() / "data/prices/us-east-1-2024-11.json");
    EXPECT_TRUE(load.ok());
    return *load.sheet;
  }();
  return sheet;
}

model::Project sample(const std::string& name) {
  model::ProjectLoadResult loaded = model::loadProjectFile(test::sourceDir() / "samples" / name);
  EXPECT_TRUE(loaded.ok());
  return loaded.project.value_or(model::Project{});
}

RunResult simulated(const model::Project& project, double seconds, double rateScale) {
  model::Project scaled = project;
  for (model::AccessPattern& p : scaled.accessPatterns) {
    if (p.rate) {
      p.rate->mean *= rateScale;
      if (p.rate->peak) *p.rate->peak *= rateScale;
    }
  }
  const model::Design& design = scaled.designs.front();
  const model::DesignPlan plan = model::planDesign(scaled, design, prices());
  CacheEngine engine;
  RunOptions run;
  run.durationSeconds = seconds;
  Runner runner(run);
  const EngineInput input{scaled, design, plan, prices(), 1, seconds};
  RunOutcome outcome = runner.run(engine, input);
  EXPECT_TRUE(outcome.status.ok()) << outcome.status.message();
  return outcome.result;
}

const PatternResult* patternOf(const RunResult& r, const std::string& id) {
  for (const PatternResult& p : r.patterns) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

TEST(RedisUrl, shouldReadHostPortAndDatabase) {
  std::string error;
  auto a = parseRedisUrl("redis://10.0.0.5:6380/3", &error);
  ASSERT_TRUE(a) << error;
  EXPECT_EQ(a->host, "10.0.0.5");
  EXPECT_EQ(a->port, 6380);
  EXPECT_EQ(a->database, 3);
  a = parseRedisUrl("localhost", &error);
  ASSERT_TRUE(a) << error;
  EXPECT_EQ(a->port, 6379);
  EXPECT_FALSE(parseRedisUrl("redis://host:99999", &error));
  EXPECT_NE(error.find("port"), std::string::npos) << error;
  EXPECT_FALSE(parseRedisUrl("redis://user:secret@host:6379", &error));
  EXPECT_FALSE(parseRedisUrl("redis://host/x", &error));
}

TEST_F(RedisReplayTest, shouldReplayEveryPatternOfTheRedisSampleWithoutAnError) {
  RedisReplayOptions options;
  options.connection = server_->url();
  options.durationSeconds = 2;
  options.rateScale = 0.1;
  const RunOutcome outcome = replayOnRedis(sample("redis-patterns.kvlab.json"), prices(), options);
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.message();
  const RunResult& r = outcome.result;
  EXPECT_EQ(r.engine, "redis");
  EXPECT_GT(r.requests, 100);
  for (const std::string& note : r.notes) {
    EXPECT_EQ(note.find("error(s) from the server"), std::string::npos) << note;
  }
  for (const PatternResult& p : r.patterns) {
    if (p.succeeded == 0) continue;
    EXPECT_GT(p.latency.p50, 0.0) << p.id;
    EXPECT_LT(p.latency.p50, 1000.0) << p.id;
  }
  EXPECT_EQ(keysOnServer(), 0) << "the run's keys are deleted at the end";
}

TEST_F(RedisReplayTest, shouldRefuseWhatTheModelRefusesUnderTheSameRateLimits) {
  const model::Project project = sample("rate-limits.kvlab.json");
  RedisReplayOptions options;
  options.connection = server_->url();
  options.durationSeconds = 3;
  options.rateScale = 0.2;
  const RunOutcome outcome = replayOnRedis(project, prices(), options);
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.message();
  const RunResult model = simulated(project, 3, 0.2);
  std::int64_t realRefused = 0;
  std::int64_t modelRefused = 0;
  for (const PatternResult& p : outcome.result.patterns) {
    const PatternResult* m = patternOf(model, p.id);
    ASSERT_NE(m, nullptr) << p.id;
    EXPECT_EQ(p.requests, m->requests) << p.id << ": the same seeded arrivals";
    realRefused += p.throttled;
    modelRefused += m->throttled;
    // The scripts on the server and the model decide alike, request by request up to clock
    // edges: within a tenth (or 5 requests) per pattern.
    EXPECT_NEAR(static_cast<double>(p.throttled), static_cast<double>(m->throttled),
                std::max(5.0, 0.1 * static_cast<double>(m->throttled)))
        << p.id;
  }
  EXPECT_GT(modelRefused, 0) << "the sample's limits should refuse some requests";
  EXPECT_GT(realRefused, 0);
}

TEST_F(RedisReplayTest, shouldMeasureAHitRatioCloseToTheModelsOnAWarmCache) {
  const model::Project project = sample("redis-patterns.kvlab.json");
  RedisReplayOptions options;
  options.connection = server_->url();
  options.durationSeconds = 2;
  options.rateScale = 0.1;
  options.maxPreloadKeys = 1000000;
  const RunOutcome outcome = replayOnRedis(project, prices(), options);
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.message();
  ASSERT_TRUE(outcome.result.cache);
  const RunResult model = simulated(project, 2, 0.1);
  ASSERT_TRUE(model.cache);
  EXPECT_GT(outcome.result.cache->hits + outcome.result.cache->misses, 50);
  EXPECT_NEAR(outcome.result.cache->hitRatio, model.cache->hitRatio, 0.05);
}

TEST_F(RedisReplayTest, shouldRunClosedLoopWithSeveralClients) {
  RedisReplayOptions options;
  options.connection = server_->url();
  options.durationSeconds = 1;
  options.clients = 2;
  options.maxRequests = 5000;
  const RunOutcome outcome = replayOnRedis(sample("redis-patterns.kvlab.json"), prices(), options);
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.message();
  EXPECT_GT(outcome.result.succeeded, 100);
  EXPECT_EQ(outcome.result.rate, "closed loop");
}

TEST_F(RedisReplayTest, shouldNameTheServerItCannotReach) {
  RedisReplayOptions options;
  options.connection = "redis://127.0.0.1:1/0";
  const RunOutcome outcome = replayOnRedis(sample("redis-patterns.kvlab.json"), prices(), options);
  ASSERT_FALSE(outcome.status.ok());
  EXPECT_NE(outcome.status.message().find("redis://127.0.0.1:1/0"), std::string::npos)
      << outcome.status.message();
}

}  // namespace
}  // namespace kvlab::sim
