#include "simulator/engines/relational/relational_engine.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "model/design/planner.h"
#include "model/io/project_file.h"
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

// Users, their posts (a one-to-many), and patterns that read one user, a user's newest posts,
// every post (a scan) and write posts.
Json blogProject() {
  return Json::parse(R"json({
    "format": "kvlab/1", "name": "blog",
    "entities": [
      { "name": "User", "identifier": ["userId"], "count": 2000,
        "attributes": [ { "name": "userId", "type": "S" }, { "name": "name", "type": "S", "size": 20 } ] },
      { "name": "Post", "identifier": ["postId"], "count": 20000,
        "attributes": [ { "name": "postId", "type": "S" }, { "name": "userId", "type": "S" },
                        { "name": "createdAt", "type": "S", "format": "iso8601" },
                        { "name": "body", "type": "S", "size": 400 } ] } ],
    "relationships": [ { "from": "User", "to": "Post", "kind": "one-to-many", "fanout": { "mean": 10 } } ],
    "accessPatterns": [
      { "id": "user", "name": "a user", "action": "get", "entities": ["User"], "equals": ["userId"],
        "rate": { "mean": 100 } },
      { "id": "posts", "name": "a user's newest posts", "action": "query", "entities": ["Post"],
        "equals": ["userId"], "sortBy": "createdAt", "order": "desc", "limit": 10, "rate": { "mean": 50 } },
      { "id": "all", "name": "every post", "action": "scan", "entities": ["Post"], "rate": { "mean": 1 } },
      { "id": "write", "name": "write a post", "action": "put", "entities": ["Post"], "rate": { "mean": 20 } }
    ],
    "designs": [ { "name": "d", "table": { "name": "Blog", "pk": "PK", "sk": "SK" },
      "entityKeys": { "User": { "PK": "USER#{userId}", "SK": "USER" },
                      "Post": { "PK": "USER#{userId}", "SK": "POST#{createdAt}#{postId}" } } } ]
  })json");
}

model::Project load(const Json& document) {
  model::ProjectReadResult read = model::readProjectJson(document.dump(), "test.kvlab.json");
  model::validateProject(read.project, "test.kvlab.json", read.diagnostics);
  for (const model::Diagnostic& d : read.diagnostics.items()) {
    if (d.severity == model::Severity::Error) ADD_FAILURE() << model::formatDiagnostic(d);
  }
  return read.project;
}

RunResult simulate(const model::Project& project, const EngineSettings& settings,
                   const RunOptions& run) {
  const model::Design& design = project.designs.front();
  const model::DesignPlan plan = model::planDesign(project, design, prices());
  std::string error;
  std::unique_ptr<Engine> engine = createEngine("relational", settings, &error);
  EXPECT_NE(engine, nullptr) << error;
  if (!engine) return {};
  Runner runner(run);
  const EngineInput input{project, design, plan, prices(), run.seed, run.durationSeconds};
  RunOutcome outcome = runner.run(*engine, input);
  EXPECT_TRUE(outcome.status.ok()) << outcome.status.message();
  return outcome.result;
}

const PatternResult& patternOf(const RunResult& r, const std::string& id) {
  for (const PatternResult& p : r.patterns) {
    if (p.id == id) return p;
  }
  ADD_FAILURE() << "no pattern " << id;
  static PatternResult none;
  return none;
}

// One get pattern at `rate` per second on `cores` cores with exponential service of mean
// `serviceMs`, no network: an M/M/c queue.
RunResult queueRun(double rate, int cores, double serviceMs, double seconds) {
  Json doc = blogProject();
  doc["accessPatterns"] = Json::array({Json::parse(R"json(
    { "id": "user", "name": "a user", "action": "get", "entities": ["User"], "equals": ["userId"] })json")});
  doc["accessPatterns"][0]["rate"] = Json{{"mean", rate}};
  RunOptions run;
  run.durationSeconds = seconds;
  run.drainSeconds = 600;
  return simulate(load(doc),
                  {{"cores", std::to_string(cores)},
                   {"connections", "100000"},
                   {"service-time-ms", std::to_string(serviceMs)},
                   {"rtt-ms", "0"},
                   {"service", "exponential"}},
                  run);
}

// Erlang C: the probability that an arrival waits, for c servers at offered load a = lambda/mu.
double erlangC(int c, double a) {
  double term = 1;  // a^k / k!
  double sum = 0;
  for (int k = 0; k < c; ++k) {
    sum += term;
    term *= a / (k + 1);
  }
  const double last = term * c / (c - a);  // a^c / c! x c / (c - a)
  return last / (sum + last);
}

TEST(RelationalEngineTest, shouldWaitAsErlangCSaysWithExponentialServiceTimes) {
  for (const auto& [cores, rate] : {std::pair{2, 150.0}, std::pair{4, 340.0}}) {
    const double serviceMs = 10;  // mu = 100 per second per core
    const RunResult r = queueRun(rate, cores, serviceMs, 1500);
    const double a = rate / 100.0;
    const double expectedWaitMs = erlangC(cores, a) / (cores * 100.0 - rate) * 1000;
    const double measuredWaitMs = patternOf(r, "user").latency.mean - serviceMs;
    EXPECT_NEAR(measuredWaitMs, expectedWaitMs, expectedWaitMs * 0.08)
        << cores << " cores at " << rate << "/s (utilization " << a / cores << ")";
    EXPECT_NEAR(r.servers.at(0).utilization, a / cores, 0.02);
  }
}

TEST(RelationalEngineTest, shouldBeFarSlowerAtNinetyPercentUtilizationThanAtFifty) {
  const RunResult half = queueRun(100, 2, 10, 600);
  const RunResult ninety = queueRun(180, 2, 10, 600);
  EXPECT_NEAR(half.servers.at(0).utilization, 0.5, 0.03);
  EXPECT_NEAR(ninety.servers.at(0).utilization, 0.9, 0.03);
  EXPECT_GT(patternOf(ninety, "user").latency.p99, 4 * patternOf(half, "user").latency.p99);
  EXPECT_GT(patternOf(ninety, "user").latency.mean, 3 * patternOf(half, "user").latency.mean);
}

TEST(RelationalEngineTest, shouldTimeRequestsOutWhenThePoolStaysExhausted) {
  Json doc = blogProject();
  doc["accessPatterns"] = Json::array({Json::parse(R"json(
    { "id": "user", "name": "a user", "action": "get", "entities": ["User"], "equals": ["userId"],
      "rate": { "mean": 400 } })json")});
  RunOptions run;
  run.durationSeconds = 20;
  // 2 cores x 100 per second cannot serve 400 per second: the pool fills and waits time out.
  const RunResult r = simulate(load(doc),
                               {{"cores", "2"},
                                {"connections", "10"},
                                {"service-time-ms", "10"},
                                {"connection-timeout-ms", "1000"}},
                               run);
  const PatternResult& p = patternOf(r, "user");
  EXPECT_GT(p.failed, p.requests / 3);
  EXPECT_GT(p.throttled, 0);
  EXPECT_NEAR(r.servers.at(0).utilization, 1.0, 0.02);
}

TEST(RelationalEngineTest, shouldChargeWhatTheStatementsReallyDo) {
  RunOptions run;
  run.durationSeconds = 30;
  const RunResult r = simulate(load(blogProject()), {{"service", "fixed"}, {"rtt-ms", "0"}}, run);
  EXPECT_EQ(r.failed, 0);
  // A scan of 20,000 posts costs far more core time than a lookup of one user.
  EXPECT_GT(patternOf(r, "all").latency.p50, 20 * patternOf(r, "user").latency.p50);
  // A user's ten newest posts by index: more than a lookup, far less than the scan.
  EXPECT_GT(patternOf(r, "posts").latency.p50, patternOf(r, "user").latency.p50);
  EXPECT_LT(patternOf(r, "posts").latency.p50, patternOf(r, "all").latency.p50 / 5);
  for (const std::string& note : r.notes) {
    EXPECT_EQ(note.find("failed in SQLite"), std::string::npos) << note;
  }
  EXPECT_EQ(r.monthlyCost.capacityMode, "instance");
  EXPECT_GT(r.monthlyCost.instances, 100);  // db.r8g.large for 730 hours
  EXPECT_NEAR(r.monthlyCost.total, r.monthlyCost.instances + r.monthlyCost.storage, 1e-9);
}

TEST(RelationalEngineTest, shouldScaleTheWorkOfAScanWhenTheTablesHoldFewerRows) {
  RunOptions run;
  run.durationSeconds = 20;
  const model::Project project = load(blogProject());
  const RunResult full = simulate(project, {{"service", "fixed"}, {"rtt-ms", "0"}}, run);
  const RunResult tenth =
      simulate(project, {{"service", "fixed"}, {"rtt-ms", "0"}, {"rows", "2000"}}, run);
  // The scan's measured work is scaled back to 20,000 rows: about the same time.
  EXPECT_NEAR(patternOf(tenth, "all").latency.p50, patternOf(full, "all").latency.p50,
              patternOf(full, "all").latency.p50 * 0.25);
}

TEST(RelationalEngineTest, shouldGiveTheSameBytesForTheSameSeed) {
  RunOptions run;
  run.durationSeconds = 10;
  run.seed = 42;
  const model::Project project = load(blogProject());
  const std::string first = runResultJson(simulate(project, {}, run));
  const std::string second = runResultJson(simulate(project, {}, run));
  EXPECT_EQ(first, second);
  run.seed = 43;
  EXPECT_NE(first, runResultJson(simulate(project, {}, run)));
}

TEST(RelationalEngineTest, shouldRefuseAnUnknownOptionOrInstance) {
  std::string error;
  EXPECT_EQ(createEngine("relational", {{"cpus", "4"}}, &error), nullptr);
  EXPECT_NE(error.find("cpus"), std::string::npos);
  EXPECT_EQ(createEngine("relational", {{"cores", "zero"}}, &error), nullptr);
  EXPECT_NE(error.find("cores=zero"), std::string::npos);

  const model::Project project = load(blogProject());
  const model::DesignPlan plan = model::planDesign(project, project.designs.front(), prices());
  RelationalOptions options;
  options.instance = "db.x99.huge";
  RelationalEngine engine(options);
  Runner runner(RunOptions{});
  const RunOutcome outcome =
      runner.run(engine, EngineInput{project, project.designs.front(), plan, prices(), 1, 10});
  ASSERT_FALSE(outcome.status.ok());
  EXPECT_NE(outcome.status.message().find("db.x99.huge"), std::string::npos);
  EXPECT_NE(outcome.status.message().find("db.r8g.large"), std::string::npos);
}

// Every published design's project runs on the relational engine with no SQL error.
class RelationalCorpusRunTest : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(RelationalCorpusRunTest, shouldRunEveryPatternWithoutAnSqlError) {
  model::ProjectLoadResult loaded = model::loadProjectFile(GetParam());
  ASSERT_TRUE(loaded.project.has_value());
  model::Project project = *loaded.project;
  // Corpus patterns may state no rate: give each one.
  for (model::AccessPattern& p : project.accessPatterns) {
    if (!p.rate) p.rate = model::Rate{5, std::nullopt, {}};
  }
  RunOptions run;
  run.durationSeconds = 3;
  const RunResult r = simulate(project, {{"rows", "3000"}}, run);
  EXPECT_GT(r.succeeded, 0);
  EXPECT_EQ(r.failed, 0);
  for (const std::string& note : r.notes) {
    EXPECT_EQ(note.find("failed in SQLite"), std::string::npos) << note;
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, RelationalCorpusRunTest,
                         ::testing::ValuesIn(test::corpusDesignFilesForParameters()),
                         test::corpusTestName);

}  // namespace
}  // namespace kvlab::sim
