#include "report/run_result_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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

// Every engine's run, as `kvlab simulate --engine all --json` writes them, reads back to the very
// same JSON: the cache's hit and miss latency and a server's busy core-seconds were once dropped.
TEST(RunResultReader, shouldReadBackEveryEnginesRunToTheSameJson) {
  const test::CliRun run = test::runKvlab(
      {"simulate", (kvlab::test::sourceDir() / "samples/sessions-at-scale.kvlab.json").string(),
       "--engine", "all", "--duration", "1s", "--json", "-"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  std::vector<sim::RunResult> read;
  ASSERT_TRUE(parseRunResults(run.out, "all.json", read).ok());
  const nlohmann::json written = nlohmann::json::parse(run.out);
  ASSERT_EQ(read.size(), written["runs"].size());
  for (std::size_t i = 0; i < read.size(); ++i) {
    EXPECT_EQ(nlohmann::json::parse(sim::runResultJson(read[i])), written["runs"][i])
        << written["runs"][i]["engine"];
  }
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

// run_result_fuzzer: a document whose "format" was not a string ended the program: nlohmann's
// value("format", "") throws type_error when the value is of another type, and nothing caught it.
TEST(RunResultReader, shouldRefuseAFormatThatIsNotAString) {
  std::vector<sim::RunResult> read;
  EXPECT_EQ(parseRunResults(R"({"format": 1})", "r.json", read).message(),
            "r.json: format: expected a string");
  EXPECT_EQ(parseRunResults(R"({"format": ["kvlab-comparison/1"], "runs": []})", "r.json", read)
                .message(),
            "r.json: format: expected a string");
  EXPECT_TRUE(read.empty());
}

// run_result_fuzzer: a number beyond a double's range ended the program. nlohmann throws
// out_of_range for it even when asked not to throw, and only parse errors were caught.
TEST(RunResultReader, shouldReportANumberBeyondADoublesRangeAsMalformedJson) {
  std::vector<sim::RunResult> read;
  EXPECT_EQ(
      parseRunResults(R"({"format": "kvlab-run/1", "durationSeconds": 1e400})", "r.json", read)
          .message(),
      "r.json: malformed JSON: number overflow parsing '1e400'; expected a number of "
      "magnitude at most 1.8e308");
  EXPECT_TRUE(read.empty());
}

struct Malformed {
  const char* label;
  std::string text;
  std::string message;
};

// A catalogue of malformed run files: each refused with the file, the JSON path (or line and
// column) and what was expected, and no run added.
TEST(RunResultReader, shouldNameTheFileThePlaceAndWhatWasExpectedForEveryMalformedFile) {
  std::string run = sim::runResultJson(shopRun());
  auto with = [&](const std::string& from, const std::string& to) {
    std::string text = run;
    const std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
  };
  const std::vector<Malformed> cases = {
      {"empty", "",
       "r.json:1:1: malformed JSON: [json.exception.parse_error.101] parse error at line 1, column "
       "1: syntax error while parsing value - unexpected end of input; expected '[', '{', or a "
       "literal"},
      {"truncated", run.substr(0, 40), "r.json:3:"},
      {"not an object", "[]", "r.json: expected a kvlab-run/1 or kvlab-comparison/1 object"},
      {"no format", "{}", "r.json: missing required field \"format\""},
      {"a comparison without runs", R"({"format": "kvlab-comparison/1", "runs": []})",
       "r.json: runs: expected at least one run"},
      {"a comparison of something else",
       R"({"format": "kvlab-comparison/1", "runs": [{"format": "kvlab/1"}]})",
       "r.json: runs[0].format: expected \"kvlab-run/1\" or \"kvlab-comparison/1\", got "
       "\"kvlab/1\""},
      {"a run that is not an object", R"({"format": "kvlab-comparison/1", "runs": [7]})",
       "r.json: runs[0]: expected an object"},
      {"no engine", with("\"engine\"", "\"motor\""), "r.json: missing required field \"engine\""},
      {"a count that is a fraction", with("\"requests\": ", "\"requests\": 0.5, \"was\": "),
       "r.json: requests: expected a whole number"},
      {"patterns not a list", with("\"patterns\": [", "\"patterns\": 5, \"was\": ["),
       "r.json: patterns: expected an array"},
      {"a bucket's second as text", with("\"second\": ", "\"second\": \"0\", \"was\": "),
       "r.json: patterns[0].timeline[0].second: expected a number"},
      {"a hash that is not hexadecimal", with("\"hashLow\": \"", "\"hashLow\": \"zz"),
       "r.json: partitions.heat[0].hashLow: expected a hexadecimal number, got \"zz"},
      {"a note that is not text", with("\"notes\": [", "\"notes\": [1], \"was\": ["),
       "r.json: notes[0]: expected a string"},
  };
  for (const Malformed& c : cases) {
    std::vector<sim::RunResult> read;
    const Status status = parseRunResults(c.text, "r.json", read);
    ASSERT_FALSE(status.ok()) << c.label;
    EXPECT_THAT(status.message(), HasSubstr(c.message)) << c.label;
    EXPECT_TRUE(read.empty()) << c.label;
  }
}

TEST(RunResultReader, shouldSayWhenTheFileCannotBeOpened) {
  std::vector<sim::RunResult> read;
  const Status status = readRunResults("/nonexistent/run.json", read);
  EXPECT_EQ(status.message(), "/nonexistent/run.json: cannot open");
}

}  // namespace
}  // namespace kvlab::report
