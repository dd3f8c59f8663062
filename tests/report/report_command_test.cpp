// kvlab report, run as a user runs it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/report/report_test_support.h"

namespace kvlab::report {
namespace {

using ::testing::HasSubstr;

std::string shop() { return test::shopSample().string(); }

TEST(ReportCommand, shouldWriteAReportWithASimulatedRun) {
  kvlab::test::TempDir dir;
  const std::string runFile = (dir / "run.json").string();
  test::CliRun simulate =
      test::runKvlab({"simulate", shop(), "--duration", "5s", "--quiet", "--json", runFile});
  ASSERT_EQ(simulate.exitCode, 0) << simulate.err;
  const std::string out = (dir / "shop.html").string();
  test::CliRun run = test::runKvlab({"report", shop(), "--design", "single-table", "--run", runFile,
                                     "--format", "html", "-o", out});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("wrote " + out + " (html, design single-table, 1 run)"));
  const std::string html = kvlab::test::readFile(out);
  EXPECT_THAT(html, HasSubstr("Run 1: dynamodb engine"));
  EXPECT_THAT(html, HasSubstr("Partition heat map"));
}

TEST(ReportCommand, shouldTakeTheFormatFromTheOutputsExtension) {
  kvlab::test::TempDir dir;
  test::CliRun run = test::runKvlab({"report", shop(), "-o", (dir / "shop.md").string()});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_THAT(kvlab::test::readFile(dir / "shop.md"), HasSubstr("# KV Lab report: "));
}

TEST(ReportCommand, aBrokenRunFileShouldWriteNothingAndNameTheFileAndPlace) {
  kvlab::test::TempDir dir;
  const auto runFile = dir / "broken.json";
  kvlab::test::writeFile(runFile, R"({"format": "kvlab-run/1", "engine": "dynamodb",
    "durationSeconds": 60, "patterns": [{"id": "AP1", "requests": "many"}]})");
  const auto out = dir / "shop.csv";
  test::CliRun run = test::runKvlab(
      {"report", shop(), "--run", runFile.string(), "--format", "csv", "-o", out.string()});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_THAT(run.err, HasSubstr(runFile.string() + ": patterns[0].requests: expected a whole "
                                                    "number; nothing was written"));
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(ReportCommand, aRunOfAnotherDesignShouldBeRefused) {
  kvlab::test::TempDir dir;
  const std::string runFile = (dir / "run.json").string();
  kvlab::test::writeFile(runFile, R"({"format": "kvlab-run/1", "engine": "dynamodb",
    "design": "naive", "durationSeconds": 1, "patterns": []})");
  test::CliRun run =
      test::runKvlab({"report", shop(), "--run", runFile, "-o", (dir / "r.html").string()});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_THAT(run.err, HasSubstr("the run is of design 'naive'"));
}

TEST(ReportCommand, usageErrorsShouldExitTwo) {
  kvlab::test::TempDir dir;
  EXPECT_EQ(
      test::runKvlab({"report", shop(), "--format", "docx", "-o", (dir / "r").string()}).exitCode,
      2);
  EXPECT_EQ(test::runKvlab({"report", shop(), "--design", "nope", "-o", (dir / "r.md").string()})
                .exitCode,
            2);
  EXPECT_EQ(test::runKvlab({"report", shop(), "-o", (dir / "r.unknown").string()}).exitCode, 2);
}

TEST(ReportCommand, anUnwritableOutputShouldExitOneNamingIt) {
  test::CliRun run =
      test::runKvlab({"report", shop(), "--format", "html", "-o", "/nonexistent-dir/r.html"});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_THAT(run.err, HasSubstr("/nonexistent-dir/r.html"));
}

}  // namespace
}  // namespace kvlab::report
