// The workload replayed for real on a PostgreSQL server started by the test.
#include "simulator/backends/postgres_replay.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "model/io/project_file.h"
#include "simulator/metrics/run_result_json.h"
#include "tests/support/postgres_server.h"
#include "tests/support/test_files.h"

namespace kvlab::sim {
namespace {

class PostgresReplayTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = std::make_unique<test::PostgresServer>(); }
  static void TearDownTestSuite() { server_.reset(); }
  void SetUp() override { ASSERT_TRUE(server_->error().empty()) << server_->error(); }
  static std::unique_ptr<test::PostgresServer> server_;
};

std::unique_ptr<test::PostgresServer> PostgresReplayTest::server_;

model::Project sample(const std::string& name) {
  model::ProjectLoadResult loaded = model::loadProjectFile(test::sourceDir() / "samples" / name);
  EXPECT_TRUE(loaded.ok());
  return loaded.project.value_or(model::Project{});
}

TEST_F(PostgresReplayTest, shouldReplayTheShopOnARealServerAndMeasureEveryPattern) {
  PostgresReplayOptions options;
  options.connection = server_->connectionString();
  options.durationSeconds = 3;
  options.rateScale = 0.1;  // about 200 requests a second: the test machine is shared
  options.maxRowsPerTable = 500;
  const RunOutcome outcome = replayOnPostgres(sample("online-shop.kvlab.json"), options);
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.message();
  const RunResult& r = outcome.result;
  EXPECT_EQ(r.engine, "postgres");
  EXPECT_GT(r.requests, 300);
  EXPECT_EQ(r.failed, 0) << runResultJson(r);
  EXPECT_EQ(r.succeeded, r.requests);
  for (const PatternResult& p : r.patterns) {
    if (p.requests == 0) continue;
    // Real round trips over loopback: more than nothing, less than a second.
    EXPECT_GT(p.latency.p50, 0.0) << p.id;
    EXPECT_LT(p.latency.p50, 1000.0) << p.id;
  }
  for (const std::string& note : r.notes) {
    EXPECT_EQ(note.find("statement error"), std::string::npos) << note;
  }
}

TEST_F(PostgresReplayTest, shouldDrawTheSameRequestsAsTheSimulatorForTheSameSeed) {
  PostgresReplayOptions options;
  options.connection = server_->connectionString();
  options.durationSeconds = 1;
  options.rateScale = 0.05;
  options.maxRowsPerTable = 200;
  const model::Project project = sample("online-shop.kvlab.json");
  const RunOutcome first = replayOnPostgres(project, options);
  const RunOutcome second = replayOnPostgres(project, options);
  ASSERT_TRUE(first.status.ok() && second.status.ok());
  ASSERT_EQ(first.result.patterns.size(), second.result.patterns.size());
  for (std::size_t i = 0; i < first.result.patterns.size(); ++i) {
    EXPECT_EQ(first.result.patterns[i].requests, second.result.patterns[i].requests);
  }
}

// Closed loop: two clients, each sending its next request when the last is answered. They are
// never more than two at a time, so nothing waits for a connection, and they stop at the end of
// the duration with requests of the mix left over.
TEST_F(PostgresReplayTest, shouldKeepTwoClientsBusyInClosedLoopUntilTheDurationEnds) {
  PostgresReplayOptions options;
  options.connection = server_->connectionString();
  options.durationSeconds = 1;
  options.rateScale = 100;  // far more requests in the mix than two clients can send in a second
  options.connections = 2;
  options.closedLoop = true;
  options.maxRowsPerTable = 200;
  const RunOutcome outcome = replayOnPostgres(sample("online-shop.kvlab.json"), options);
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.message();
  const RunResult& r = outcome.result;
  EXPECT_EQ(r.rate, "closed loop");
  EXPECT_GT(r.succeeded, 50);
  EXPECT_EQ(r.failed, 0) << runResultJson(r);
  EXPECT_LT(r.requests, 200000);  // the mix held 200,000 arrivals (max-requests): most unsent
  for (const std::string& note : r.notes) {
    EXPECT_EQ(note.find("ran out"), std::string::npos) << note;
  }
}

// A cap on the arrivals keeps the mix: every pattern gets its share, not the first ones all.
TEST_F(PostgresReplayTest, shouldCapTheArrivalsPatternByPatternInProportion) {
  PostgresReplayOptions options;
  options.connection = server_->connectionString();
  options.durationSeconds = 1;
  options.rateScale = 100;
  options.connections = 2;
  options.closedLoop = true;
  options.maxRequests = 300;
  options.maxRowsPerTable = 200;
  const model::Project project = sample("online-shop.kvlab.json");
  const RunOutcome outcome = replayOnPostgres(project, options);
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.message();
  double total = 0;
  for (const model::AccessPattern& p : project.accessPatterns) total += p.rate ? p.rate->mean : 0;
  for (const PatternResult& p : outcome.result.patterns) {
    const model::AccessPattern* pattern = project.findPattern(p.id);
    ASSERT_NE(pattern, nullptr);
    const double share = 300 * pattern->rate->mean / total;
    EXPECT_LE(static_cast<double>(p.requests), std::ceil(share)) << p.id;
    if (share >= 5) EXPECT_GT(p.requests, 0) << p.id;
  }
}

TEST(PostgresReplay, shouldNameTheConnectionWhenTheServerCannotBeReached) {
  PostgresReplayOptions options;
  options.connection = "host=127.0.0.1 port=1 connect_timeout=2 user=nobody dbname=none";
  const RunOutcome outcome = replayOnPostgres(model::Project{}, options);
  ASSERT_FALSE(outcome.status.ok());
  EXPECT_NE(outcome.status.message().find("port=1"), std::string::npos);
  EXPECT_NE(outcome.status.message().find("cannot connect"), std::string::npos);
}

}  // namespace
}  // namespace kvlab::sim
