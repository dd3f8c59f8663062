#include "simulator/core/workload_setup.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "model/io/project_json.h"
#include "tests/support/test_files.h"

namespace kvlab::sim {
namespace {

model::Project projectWith(const std::string& workloads) {
  const std::string text = R"({"format": "kvlab/1", "name": "w",
    "entities": [{"name": "A", "identifier": ["id"], "attributes": [{"name": "id", "type": "S"}]}],
    "accessPatterns": [{"id": "get", "name": "get", "action": "get", "entities": ["A"],
                        "equals": ["id"], "rate": {"mean": 10}}],
    "workloads": )" + workloads +
                           "}";
  model::ProjectReadResult read = model::readProjectJson(text, "w.kvlab.json");
  EXPECT_FALSE(read.diagnostics.hasErrors());
  return read.project;
}

TEST(WorkloadSetup, shouldGiveThePatternTheWorkloadsCurveDurationAndSeed) {
  model::Project project = projectWith(R"([{"name": "spiky", "durationSeconds": 90, "seed": 5,
      "patterns": {"get": {"rate": {"shape": "spike", "base": 10, "peak": 500,
                                    "startSeconds": 30, "lengthSeconds": 10},
                           "consistency": "strong", "keyDistribution": {"kind": "latest"}}}}])");
  RunOptions run;
  ASSERT_TRUE(applyWorkload(project.workloads[0], ".", project, run).ok());
  EXPECT_DOUBLE_EQ(run.durationSeconds, 90);
  EXPECT_EQ(run.seed, 5u);
  ASSERT_EQ(run.rateCurves.count("get"), 1u);
  EXPECT_DOUBLE_EQ(run.rateCurves.at("get")->rateAt(5), 10);
  EXPECT_DOUBLE_EQ(run.rateCurves.at("get")->rateAt(35), 500);
  EXPECT_EQ(project.accessPatterns[0].consistency, model::Consistency::Strong);
  EXPECT_EQ(project.accessPatterns[0].keyDistribution->kind, model::KeyDistributionKind::Latest);
}

TEST(WorkloadSetup, shouldNameTheFileAndLineOfABadRateFile) {
  test::TempDir dir;
  test::writeFile(dir / "rates.csv", "0,10\n5,-3\n");
  model::Project project = projectWith(
      R"([{"name": "replay", "patterns": {"get": {"rate": {"shape": "csv", "file": "rates.csv"}}}}])");
  RunOptions run;
  const Status status = applyWorkload(project.workloads[0], dir.path(), project, run);
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), ::testing::HasSubstr("workload replay, pattern get"));
  EXPECT_THAT(status.message(), ::testing::HasSubstr("rates.csv:2"));
  EXPECT_TRUE(run.rateCurves.empty());
}

TEST(WorkloadSetup, shouldReadARateFileBesideTheProject) {
  test::TempDir dir;
  test::writeFile(dir / "rates.csv", "0,10\n60,200\n");
  model::Project project = projectWith(
      R"([{"name": "replay", "patterns": {"get": {"rate": {"shape": "csv", "file": "rates.csv"}}}}])");
  RunOptions run;
  ASSERT_TRUE(applyWorkload(project.workloads[0], dir.path(), project, run).ok());
  EXPECT_DOUBLE_EQ(run.rateCurves.at("get")->rateAt(70), 200);
}

}  // namespace
}  // namespace kvlab::sim
