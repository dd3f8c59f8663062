#include "report/run_result_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "simulator/metrics/run_result_json.h"
#include "tests/report/report_test_support.h"

namespace kvlab::report {
namespace {

using ::testing::HasSubstr;

sim::RunResult shopRun() {
  const model::Project project = test::loadProject(test::shopSample());
  const model::DesignPlan plan =
      model::planDesign(project, project.designs.front(), test::prices());
  return test::simulate(project, project.designs.front(), plan, test::prices(), 4);
}

TEST(RunResultReader, shouldReadBackWhatTheSimulatorWrites) {
  const sim::RunResult run = shopRun();
  std::vector<sim::RunResult> read;
  ASSERT_TRUE(parseRunResults(sim::runResultJson(run), "run.json", read).ok());
  ASSERT_EQ(read.size(), 1u);
  // Written again, what was read gives the same document: nothing the report shows is lost.
  EXPECT_EQ(sim::runResultJson(read.front()), sim::runResultJson(run));
}

TEST(RunResultReader, shouldReadEveryRunOfAComparison) {
  const std::string one = sim::runResultJson(shopRun());
  const std::string comparison =
      "{\n\"format\": \"kvlab-comparison/1\",\n\"runs\": [\n" + one + ",\n" + one + "]\n}\n";
  std::vector<sim::RunResult> read;
  ASSERT_TRUE(parseRunResults(comparison, "all.json", read).ok());
  EXPECT_EQ(read.size(), 2u);
}

TEST(RunResultReader, shouldNameTheFileAndTheJsonPathOfAWrongField) {
  std::string text = sim::runResultJson(shopRun());
  const std::string from = "\"p99\": ";
  const std::size_t at = text.find(from, text.find("\"patterns\""));
  ASSERT_NE(at, std::string::npos);
  text.insert(at + from.size(), "\"fast\", \"was\": ");
  std::vector<sim::RunResult> read;
  const Status status = parseRunResults(text, "run.json", read);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(), "run.json: patterns[0].latencyMs.p99: expected a number");
  EXPECT_TRUE(read.empty());
}

TEST(RunResultReader, shouldSayWhereJsonIsMalformed) {
  std::vector<sim::RunResult> read;
  const Status status =
      parseRunResults("{\n  \"format\": \"kvlab-run/1\",\n  oops\n}", "r.json", read);
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("r.json:3:"));
  EXPECT_THAT(status.message(), HasSubstr("malformed JSON"));
}

TEST(RunResultReader, shouldRefuseAnotherFormat) {
  std::vector<sim::RunResult> read;
  const Status status = parseRunResults(R"({"format": "kvlab/1"})", "p.json", read);
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("p.json: format: expected \"kvlab-run/1\""));
  const Status missing = parseRunResults(R"({"format": "kvlab-comparison/1"})", "c.json", read);
  EXPECT_EQ(missing.message(), "c.json: missing required field \"runs\"");
}

TEST(RunResultReader, shouldSayWhenTheFileCannotBeOpened) {
  std::vector<sim::RunResult> read;
  const Status status = readRunResults("/nonexistent/run.json", read);
  EXPECT_EQ(status.message(), "/nonexistent/run.json: cannot open");
}

}  // namespace
}  // namespace kvlab::report
