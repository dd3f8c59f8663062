#include "simulator/engines/cache_aside/cache_aside_engine.h"

#include <gtest/gtest.h>

#include <numeric>
#include <string>

#include <nlohmann/json.hpp>

#include "model/design/planner.h"
#include "model/io/project_json.h"
#include "model/schema/project_validator.h"
#include "simulator/core/runner.h"
#include "simulator/engines/engine_registry.h"
#include "simulator/metrics/run_result_json.h"
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

// 10,000 users read by id (zipfian) and, optionally, renamed by id.
Json usersProject(double readRate, double updateRate) {
  Json doc = Json::parse(R"json({
    "format": "kvlab/1", "name": "users",
    "entities": [
      { "name": "User", "identifier": ["userId"], "count": 10000,
        "attributes": [ { "name": "userId", "type": "S" }, { "name": "name", "type": "S", "size": 40 } ] } ],
    "accessPatterns": [
      { "id": "read", "name": "a user", "action": "get", "entities": ["User"], "equals": ["userId"],
        "keyDistribution": { "kind": "zipfian", "theta": 0.99 } } ],
    "designs": [ { "name": "d", "table": { "name": "Users", "pk": "PK", "sk": null },
      "entityKeys": { "User": { "PK": "USER#{userId}" } } } ]
  })json");
  doc["accessPatterns"][0]["rate"] = Json{{"mean", readRate}};
  if (updateRate > 0) {
    Json update = Json::parse(R"json({ "id": "rename", "name": "rename a user", "action": "update",
      "entities": ["User"], "equals": ["userId"], "keyDistribution": { "kind": "zipfian", "theta": 0.99 } })json");
    update["rate"] = Json{{"mean", updateRate}};
    doc["accessPatterns"].push_back(update);
  }
  return doc;
}

model::Project load(const Json& document) {
  model::ProjectReadResult read = model::readProjectJson(document.dump(), "test.kvlab.json");
  model::validateProject(read.project, "test.kvlab.json", read.diagnostics);
  for (const model::Diagnostic& d : read.diagnostics.items()) {
    if (d.severity == model::Severity::Error) ADD_FAILURE() << model::formatDiagnostic(d);
  }
  return read.project;
}

RunResult simulate(const std::string& engineName, const model::Project& project,
                   const EngineSettings& settings, double seconds, std::uint64_t seed = 1) {
  const model::Design& design = project.designs.front();
  const model::DesignPlan plan = model::planDesign(project, design, prices());
  std::string error;
  std::unique_ptr<Engine> engine = createEngine(engineName, settings, &error);
  EXPECT_NE(engine, nullptr) << error;
  if (!engine) return {};
  RunOptions run;
  run.durationSeconds = seconds;
  run.seed = seed;
  Runner runner(run);
  RunOutcome outcome =
      runner.run(*engine, EngineInput{project, design, plan, prices(), seed, seconds});
  EXPECT_TRUE(outcome.status.ok()) << outcome.status.message();
  return outcome.result;
}

double mean(const std::vector<double>& values, std::size_t from, std::size_t to) {
  return std::accumulate(values.begin() + from, values.begin() + to, 0.0) /
         static_cast<double>(to - from);
}

TEST(CacheAsideEngineTest, shouldWarmUpFromColdAndTakeTheReadsOffTheDatabase) {
  const model::Project project = load(usersProject(2000, 0));
  const RunResult r = simulate("cache-aside", project, {{"cold", "on"}, {"ttl", "3600"}}, 30);
  ASSERT_TRUE(r.cache.has_value());
  const auto& byBucket = r.cache->hitRatioByBucket;
  ASSERT_EQ(byBucket.size(), 30u);
  EXPECT_LT(byBucket.front(), 0.7);  // cold: the first second misses a lot
  // Every key read once stays (nothing expires or is evicted): only first reads of rarely read
  // keys still miss.
  EXPECT_GT(mean(byBucket, 20, 30), 0.9);
  EXPECT_GT(mean(byBucket, 20, 30), byBucket.front() + 0.25);
  EXPECT_EQ(r.cache->hits + r.cache->misses, r.requests);

  // The database alone serves every read; behind the cache, only the misses.
  const RunResult alone = simulate("relational", project, {}, 30);
  ASSERT_EQ(r.servers.size(), 2u);
  EXPECT_EQ(r.servers[0].name, "relational");
  EXPECT_EQ(r.servers[1].name, "cache");
  EXPECT_LT(r.servers[0].utilization, alone.servers.at(0).utilization / 3);
  EXPECT_GT(r.monthlyCost.instances, alone.monthlyCost.instances);  // the cache node costs
}

TEST(CacheAsideEngineTest, shouldAnswerHitsFasterThanMisses) {
  const RunResult r =
      simulate("cache-aside", load(usersProject(1000, 0)), {{"cold", "on"}, {"rtt-ms", "0.5"}}, 20);
  ASSERT_TRUE(r.cache.has_value());
  ASSERT_GT(r.cache->hitLatency.count, 0);
  ASSERT_GT(r.cache->missLatency.count, 0);
  // A miss is the cache's round trip, the database's and the SET's: about three hits.
  EXPECT_GT(r.cache->missLatency.p50, 2 * r.cache->hitLatency.p50);
}

TEST(CacheAsideEngineTest, shouldLoseItsHitsWhenFlushedMidRunAndWinThemBack) {
  const RunResult r = simulate("cache-aside", load(usersProject(2000, 0)),
                               {{"flush-at", "15"}, {"ttl", "3600"}}, 30);
  ASSERT_TRUE(r.cache.has_value());
  const auto& byBucket = r.cache->hitRatioByBucket;
  ASSERT_EQ(byBucket.size(), 30u);
  EXPECT_GT(mean(byBucket, 5, 15), 0.9);                  // warm from the start
  EXPECT_LT(byBucket[15], mean(byBucket, 5, 15) - 0.2);   // the second after the flush
  EXPECT_GT(mean(byBucket, 25, 30), byBucket[15] + 0.2);  // back
}

TEST(CacheAsideEngineTest, shouldMissAfterAWriteDeletesTheCachedResult) {
  const RunResult reads = simulate("cache-aside", load(usersProject(1000, 0)), {}, 20);
  const RunResult mixed = simulate("cache-aside", load(usersProject(1000, 200)), {}, 20);
  ASSERT_TRUE(reads.cache && mixed.cache);
  // Renames of the same (popular) users delete what the reads would have found.
  EXPECT_GT(mixed.cache->misses, reads.cache->misses + 500);
  EXPECT_LT(mixed.cache->hitRatio, reads.cache->hitRatio);
}

TEST(CacheAsideEngineTest, shouldGiveTheSameBytesForTheSameSeed) {
  const model::Project project = load(usersProject(500, 50));
  const std::string first = runResultJson(simulate("cache-aside", project, {}, 10, 7));
  EXPECT_EQ(first, runResultJson(simulate("cache-aside", project, {}, 10, 7)));
  EXPECT_NE(first, runResultJson(simulate("cache-aside", project, {}, 10, 8)));
}

TEST(CacheAsideEngineTest, shouldRefuseOptionsNeitherSideKnows) {
  std::string error;
  EXPECT_EQ(createEngine("cache-aside", {{"warp", "9"}}, &error), nullptr);
  EXPECT_NE(error.find("warp"), std::string::npos);
  EXPECT_EQ(createEngine("cache-aside", {{"flush-at", "soon"}}, &error), nullptr);
  EXPECT_NE(error.find("flush-at"), std::string::npos);
  EXPECT_NE(createEngine("cache-aside", {{"cores", "4"}, {"policy", "allkeys-lfu"}}, &error),
            nullptr)
      << error;
}

}  // namespace
}  // namespace kvlab::sim
