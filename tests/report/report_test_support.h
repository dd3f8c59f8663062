// Helpers shared by the report tests: projects, a real short simulation, a CSV reader, the CLI.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "model/capacity/price_sheet.h"
#include "model/design/planner.h"
#include "model/io/project_file.h"
#include "report/report_data.h"
#include "simulator/core/runner.h"
#include "simulator/engines/engine_registry.h"
#include "tests/support/test_files.h"

namespace kvlab::report::test {

inline model::Project loadProject(const std::filesystem::path& path) {
  model::ProjectLoadResult loaded = model::loadProjectFile(path);
  EXPECT_TRUE(loaded.ok()) << path;
  return loaded.project.value_or(model::Project{});
}

inline model::capacity::PriceSheet prices() {
  auto load = model::capacity::PriceSheet::load(kvlab::test::sourceDir() / "data" / "prices" /
                                                "us-east-1-2024-11.json");
  EXPECT_TRUE(load.ok());
  return std::move(*load.sheet);
}

inline std::filesystem::path shopSample() {
  return kvlab::test::sourceDir() / "samples" / "online-shop.kvlab.json";
}

// A real run of `design` on the DynamoDB engine, `seconds` long, seed 1.
inline sim::RunResult simulate(const model::Project& project, const model::Design& design,
                               const model::DesignPlan& plan,
                               const model::capacity::PriceSheet& sheet, double seconds) {
  sim::RunOptions options;
  options.durationSeconds = seconds;
  options.drainSeconds = 5;
  std::unique_ptr<sim::Engine> engine = sim::createEngine("dynamodb", {});
  EXPECT_NE(engine, nullptr);
  sim::Runner runner(options);
  const sim::EngineInput input{project, design, plan, sheet, 1, seconds};
  sim::RunOutcome outcome = runner.run(*engine, input);
  EXPECT_TRUE(outcome.status.ok()) << outcome.status.message();
  return std::move(outcome.result);
}

// The report of `design` (the first when null), with the given runs.
inline ReportData reportOf(const model::Project& project, const model::Design* design = nullptr,
                           std::vector<sim::RunResult> runs = {}) {
  if (design == nullptr) design = &project.designs.front();
  const model::DesignPlan plan = model::planDesign(project, *design, prices());
  return buildReportData(ReportInputs{project, *design, plan, std::move(runs), "project.json"});
}

// RFC 4180: records of fields; quoted fields may hold commas, doubled quotes and line breaks.
// Fails the test on a malformed file (a quote inside an unquoted field, an unclosed quote).
inline std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  bool wasQuoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      EXPECT_TRUE(field.empty() && !wasQuoted) << "quote inside a field at byte " << i;
      quoted = true;
      wasQuoted = true;
    } else if (c == ',') {
      record.push_back(field);
      field.clear();
      wasQuoted = false;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      record.push_back(field);
      records.push_back(record);
      record.clear();
      field.clear();
      wasQuoted = false;
      ++i;
    } else {
      EXPECT_FALSE(wasQuoted) << "text after a closing quote at byte " << i;
      EXPECT_NE(c, '\n') << "a bare line feed outside quotes at byte " << i;
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "unclosed quote";
  EXPECT_TRUE(record.empty() && field.empty()) << "the last record has no CRLF";
  return records;
}

struct CliRun {
  int exitCode = -1;
  std::string out;
  std::string err;
};

inline std::string shellQuoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// A shell command's exit code and output.
inline CliRun runCommand(const std::string& command) {
  kvlab::test::TempDir dir;
  const std::string full = command + " >" + shellQuoted((dir / "out").string()) + " 2>" +
                           shellQuoted((dir / "err").string());
  const int status = std::system(full.c_str());
  CliRun run;
  run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.out = kvlab::test::readFile(dir / "out");
  run.err = kvlab::test::readFile(dir / "err");
  return run;
}

inline CliRun runKvlab(const std::vector<std::string>& args) {
  std::string command = shellQuoted(KVLAB_CLI_PATH);
  for (const std::string& arg : args) command += " " + shellQuoted(arg);
  return runCommand(command);
}

inline std::filesystem::path artifactsDir() {
  std::filesystem::path dir = KVLAB_REPORT_ARTIFACTS;
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace kvlab::report::test
