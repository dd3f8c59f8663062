// Golden outputs: every sample's plan and a short simulation, compared with the text stored in
// tests/golden/ (one file per command of tests/golden/commands.txt). A change of a sample, of the
// planner or of an engine that changes what a user reads fails here with a diff; when the change
// is intended, scripts/update-golden.sh writes the new outputs.
#include <sys/wait.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/test_files.h"

namespace kvlab::cli {
namespace {

namespace fs = std::filesystem;

struct GoldenCommand {
  std::string name;               // the golden file's name without ".txt"
  std::vector<std::string> args;  // kvlab's arguments, paths relative to the source dir
};

// gtest prints a failing parameter with this.
void PrintTo(const GoldenCommand& command, std::ostream* out) { *out << command.name; }

fs::path goldenDir() { return test::sourceDir() / "tests" / "golden"; }

// tests/golden/commands.txt: "NAME ARGS..." a line; blank lines and # comments are skipped.
std::vector<GoldenCommand> goldenCommands() {
  std::vector<GoldenCommand> commands;
  std::ifstream in(goldenDir() / "commands.txt");
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    GoldenCommand command;
    if (!(words >> command.name) || command.name.front() == '#') continue;
    for (std::string word; words >> word;) command.args.push_back(word);
    commands.push_back(std::move(command));
  }
  // A missing manifest gives one command that fails, rather than no test at all.
  if (commands.empty()) commands.push_back({"missing-commands-txt", {}});
  return commands;
}

std::string shellQuoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// What scripts/update-golden.sh writes: standard output, then standard error and the exit code
// when there are any. kvlab runs from the source dir, so that paths in its output are relative.
std::string runFromSourceDir(const std::vector<std::string>& args) {
  test::TempDir dir;
  std::string command =
      "cd " + shellQuoted(test::sourceDir().string()) + " && " + shellQuoted(KVLAB_CLI_PATH);
  for (const std::string& arg : args) command += " " + shellQuoted(arg);
  command +=
      " >" + shellQuoted((dir / "out").string()) + " 2>" + shellQuoted((dir / "err").string());
  const int status = std::system(command.c_str());
  const int exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::string text = test::readFile(dir / "out");
  const std::string err = test::readFile(dir / "err");
  if (!err.empty()) text += "--- stderr ---\n" + err;
  if (exitCode != 0) text += "--- exit " + std::to_string(exitCode) + " ---\n";
  return text;
}

std::vector<std::string> linesOf(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// `diff -u` of the two texts (at most 120 lines of it), or the first line that differs when
// diff cannot run.
std::string differences(const std::string& expected, const std::string& actual,
                        const std::string& name) {
  test::TempDir dir;
  test::writeFile(dir / "expected", expected);
  test::writeFile(dir / "actual", actual);
  const std::string command = "diff -u --label " + shellQuoted("tests/golden/" + name + ".txt") +
                              " --label actual " + shellQuoted((dir / "expected").string()) + " " +
                              shellQuoted((dir / "actual").string()) + " >" +
                              shellQuoted((dir / "diff").string()) + " 2>&1";
  const int status = std::system(command.c_str());
  if (WIFEXITED(status) && WEXITSTATUS(status) == 1) {
    const std::vector<std::string> lines = linesOf(test::readFile(dir / "diff"));
    std::string out;
    for (std::size_t i = 0; i < lines.size() && i < 120; ++i) out += lines[i] + "\n";
    if (lines.size() > 120) out += "... (" + std::to_string(lines.size() - 120) + " more lines)\n";
    return out;
  }
  const std::vector<std::string> a = linesOf(expected);
  const std::vector<std::string> b = linesOf(actual);
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  return "first difference at line " + std::to_string(i + 1) +
         ":\n  expected: " + (i < a.size() ? a[i] : std::string("(end of file)")) +
         "\n  actual:   " + (i < b.size() ? b[i] : std::string("(end of output)")) + "\n";
}

class Golden : public ::testing::TestWithParam<GoldenCommand> {};

TEST_P(Golden, shouldPrintWhatTheGoldenFileHolds) {
  const GoldenCommand& command = GetParam();
  ASSERT_FALSE(command.args.empty()) << "no commands in " << (goldenDir() / "commands.txt");
  const fs::path file = goldenDir() / (command.name + ".txt");
  ASSERT_TRUE(fs::exists(file)) << file << " is missing: run scripts/update-golden.sh";
  const std::string expected = test::readFile(file);
  const std::string actual = runFromSourceDir(command.args);
  if (actual != expected) {
    std::string args;
    for (const std::string& arg : command.args) args += " " + arg;
    ADD_FAILURE() << "kvlab" << args << " no longer prints tests/golden/" << command.name
                  << ".txt:\n"
                  << differences(expected, actual, command.name)
                  << "If the change is intended, run scripts/update-golden.sh [path/to/kvlab] and "
                     "review git diff tests/golden.";
  }
}

std::string goldenTestName(const ::testing::TestParamInfo<GoldenCommand>& info) {
  std::string name = info.param.name;
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
      '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Samples, Golden, ::testing::ValuesIn(goldenCommands()), goldenTestName);

// Every sample has a golden plan of each design and a golden DynamoDB simulation of each design.
TEST(GoldenCommands, shouldCoverEverySampleAndDesign) {
  std::set<std::string> names;
  for (const GoldenCommand& command : goldenCommands()) names.insert(command.name);
  const auto samples = test::sampleFiles();
  ASSERT_FALSE(samples.empty());
  for (const fs::path& sample : samples) {
    std::string stem = sample.filename().string();
    stem = stem.substr(0, stem.size() - std::string(".kvlab.json").size());
    const nlohmann::json project = nlohmann::json::parse(test::readFile(sample));
    for (const nlohmann::json& design : project.at("designs")) {
      const std::string name = design.at("name").get<std::string>();
      EXPECT_EQ(names.count(stem + ".plan." + name), 1u)
          << "no golden plan of " << sample.filename() << " design " << name;
      EXPECT_EQ(names.count(stem + ".simulate." + name + ".dynamodb"), 1u)
          << "no golden simulation of " << sample.filename() << " design " << name;
    }
  }
  // And no golden file is left over from a command that is gone.
  for (const auto& entry : fs::directory_iterator(goldenDir())) {
    const fs::path& path = entry.path();
    if (path.extension() != ".txt" || path.filename() == "commands.txt") continue;
    EXPECT_EQ(names.count(path.stem().string()), 1u)
        << path.filename() << " is named in no line of tests/golden/commands.txt";
  }
}

// The golden files hold no absolute paths of this machine and no date of the run.
TEST(GoldenCommands, shouldHoldNoAbsolutePathOrDateOfToday) {
  const std::string source = test::sourceDir().string();
  const std::time_t now = std::time(nullptr);
  char today[16];
  std::strftime(today, sizeof today, "%Y-%m-%d", std::gmtime(&now));
  for (const GoldenCommand& command : goldenCommands()) {
    const fs::path file = goldenDir() / (command.name + ".txt");
    if (!fs::exists(file)) continue;
    const std::string text = test::readFile(file);
    EXPECT_EQ(text.find(source), std::string::npos) << file << " holds " << source;
    EXPECT_EQ(text.find(today), std::string::npos) << file << " holds today's date " << today;
  }
}

}  // namespace
}  // namespace kvlab::cli
