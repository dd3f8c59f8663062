// The kvlab command line, run as a user runs it: arguments in, exit code and output out.
#include <sys/wait.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "tests/support/test_files.h"

namespace kvlab::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct CliRun {
  int exitCode = -1;
  std::string out;
  std::string err;
};

std::string shellQuoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

CliRun runKvlab(const std::vector<std::string>& args) {
  test::TempDir dir;
  std::string command = shellQuoted(KVLAB_CLI_PATH);
  for (const std::string& arg : args) command += " " + shellQuoted(arg);
  command +=
      " >" + shellQuoted((dir / "out").string()) + " 2>" + shellQuoted((dir / "err").string());
  const int status = std::system(command.c_str());
  CliRun run;
  run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.out = test::readFile(dir / "out");
  run.err = test::readFile(dir / "err");
  return run;
}

void replaceOnce(std::string& text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

std::string sample() { return (test::sourceDir() / "samples" / "online-shop.kvlab.json").string(); }

TEST(Cli, shouldPrintItsVersion) {
  CliRun run = runKvlab({"--version"});
  EXPECT_EQ(run.exitCode, 0);
  EXPECT_THAT(run.out, HasSubstr("kvlab 0."));
}

TEST(Cli, shouldListItsCommandsInHelp) {
  CliRun run = runKvlab({"--help"});
  EXPECT_EQ(run.exitCode, 0);
  for (const char* command : {"validate", "convert", "summary", "help"}) {
    EXPECT_THAT(run.out, HasSubstr(command));
  }
}

TEST(Cli, shouldExplainOneCommandWithHelpCommand) {
  CliRun run = runKvlab({"help", "validate"});
  EXPECT_EQ(run.exitCode, 0);
  EXPECT_THAT(run.out, HasSubstr("--json"));
}

TEST(Cli, shouldExitWithTwoOnUsageErrors) {
  EXPECT_EQ(runKvlab({}).exitCode, 2);
  EXPECT_EQ(runKvlab({"frobnicate"}).exitCode, 2);
  EXPECT_EQ(runKvlab({"validate"}).exitCode, 2);
  EXPECT_EQ(runKvlab({"validate", "--bogus", sample()}).exitCode, 2);
  CliRun unknownTopic = runKvlab({"help", "nosuch"});
  EXPECT_EQ(unknownTopic.exitCode, 2);
  EXPECT_THAT(unknownTopic.err, HasSubstr("unknown command"));
}

TEST(Cli, shouldAcceptAValidProject) {
  CliRun run = runKvlab({"validate", sample()});
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("valid (4 entities, 8 access patterns, 1 designs)"));
}

TEST(Cli, shouldAcceptEveryPublishedDesign) {
  const auto files = test::corpusDesignFiles();
  ASSERT_FALSE(files.empty()) << "no corpus at " << test::sharedDir();
  std::vector<std::string> args = {"validate", "--quiet"};
  for (const auto& file : files) args.push_back(file.string());
  CliRun run = runKvlab(args);
  EXPECT_EQ(run.exitCode, 0) << run.err;
}

TEST(Cli, shouldRejectAMalformedFileWithItsLineAndColumn) {
  test::TempDir dir;
  test::writeFile(dir / "bad.kvlab.json", "{\n  \"format\": \"kvlab/1\",\n  \"name\": \n}\n");
  CliRun run = runKvlab({"validate", (dir / "bad.kvlab.json").string()});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_THAT(run.err, HasSubstr("bad.kvlab.json:4:1: error: malformed JSON"));
}

TEST(Cli, shouldNameTheJsonPathOfEachFault) {
  test::TempDir dir;
  std::string text = test::readFile(sample());
  replaceOnce(text, R"("equals": ["customerId"], "range")", R"("equals": ["customer"], "range")");
  replaceOnce(text, "ITEM#{productId}", "ITEM#{productId");
  test::writeFile(dir / "shop.kvlab.json", text);
  CliRun run = runKvlab({"validate", (dir / "shop.kvlab.json").string()});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_THAT(run.err, HasSubstr("error: accessPatterns[1].equals[0]: unknown attribute"));
  EXPECT_THAT(run.err, HasSubstr("error: designs[0].entityKeys.OrderItem.SK: unbalanced braces"));
  EXPECT_THAT(run.err, HasSubstr("invalid (2 errors)"));
}

TEST(Cli, shouldFailWhenAnyOfSeveralFilesIsInvalid) {
  CliRun run = runKvlab({"validate", sample(), "/nonexistent.kvlab.json"});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_THAT(run.out, HasSubstr("valid"));
  EXPECT_THAT(run.err, HasSubstr("/nonexistent.kvlab.json: error: no such file"));
}

TEST(Cli, shouldPrintMachineReadableDiagnostics) {
  test::TempDir dir;
  test::writeFile(dir / "p.kvlab.json",
                  R"({"format": "kvlab/1", "name": "x", "entities": [{"name": "A",
                      "identifier": ["id"], "attributes": [{"name": "id", "type": "Q"}]}],
                      "notes": 1})");
  CliRun run = runKvlab({"validate", "--json", (dir / "p.kvlab.json").string()});
  EXPECT_EQ(run.exitCode, 1);
  const auto report = nlohmann::json::parse(run.out);
  const auto& file = report["files"][0];
  EXPECT_EQ(file["valid"], false);
  EXPECT_EQ(file["errors"], 1);
  EXPECT_EQ(file["warnings"], 1);
  EXPECT_EQ(file["diagnostics"][0]["path"], "entities[0].attributes[0].type");
  EXPECT_EQ(file["diagnostics"][0]["severity"], "error");
}

TEST(Cli, shouldConvertToTheNativeFileAndBackToTheSameDocument) {
  test::TempDir dir;
  const auto native = (dir / "shop.kvlab").string();
  const auto back = (dir / "shop.kvlab.json").string();
  ASSERT_EQ(runKvlab({"convert", sample(), native}).exitCode, 0);
  CliRun run = runKvlab({"convert", native, back});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("wrote"));
  EXPECT_EQ(nlohmann::json::parse(test::readFile(back)),
            nlohmann::json::parse(test::readFile(sample())));
}

TEST(Cli, shouldWriteNothingWhenTheInputIsInvalid) {
  test::TempDir dir;
  test::writeFile(dir / "bad.kvlab.json", R"({"format": "kvlab/1"})");
  CliRun run =
      runKvlab({"convert", (dir / "bad.kvlab.json").string(), (dir / "out.kvlab").string()});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_THAT(run.err, HasSubstr("nothing was written"));
  EXPECT_FALSE(std::filesystem::exists(dir / "out.kvlab"));
}

TEST(Cli, shouldSummarizeAProject) {
  CliRun run = runKvlab({"summary", sample()});
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Entities (4)"));
  EXPECT_THAT(run.out, HasSubstr("Access patterns (8)"));
  EXPECT_THAT(run.out, HasSubstr("400/s (peak 1500/s)"));
  EXPECT_THAT(run.out, HasSubstr("GSI GSI1 (GSI1PK, GSI1SK) ALL: Order"));
  EXPECT_THAT(run.err, Not(HasSubstr("error")));
}

TEST(Cli, shouldPlanEveryPatternOfTheShop) {
  CliRun run = runKvlab({"plan", sample()});
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Design single-table: table OnlineShop, 2 GSIs"));
  EXPECT_THAT(run.out, HasSubstr("PK = CUSTOMER#{customerId} AND SK = PROFILE"));
  EXPECT_THAT(run.out, HasSubstr("TransactWriteItems"));
  EXPECT_THAT(run.out, HasSubstr("Served 7 of 8 patterns"));
}

TEST(Cli, shouldPrintThePlanAsJson) {
  CliRun run = runKvlab({"plan", sample(), "--design", "single-table", "--json"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const auto plan = nlohmann::json::parse(run.out);
  EXPECT_EQ(plan["design"], "single-table");
  EXPECT_EQ(plan["gsiCount"], 2);
  EXPECT_EQ(plan["patterns"].size(), 8u);
  EXPECT_EQ(plan["patterns"][0]["operation"], "GetItem");
  EXPECT_EQ(plan["patterns"][0]["readUnitsPerRequest"], 0.5);
  EXPECT_GT(plan["monthlyCost"]["onDemand"].get<double>(), 0);
  EXPECT_GT(plan["unitsPerSecond"]["read"].get<double>(), 0);
}

TEST(Cli, shouldNameTheDesignsWhenTheOneAskedForDoesNotExist) {
  CliRun run = runKvlab({"plan", sample(), "--design", "nope"});
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_THAT(run.err, HasSubstr("no design named 'nope'; the designs are: single-table"));
}

TEST(Cli, shouldRefuseABrokenPriceSheet) {
  test::TempDir dir;
  test::writeFile(dir / "prices.json", R"({"format": "kvlab-prices/1"})");
  CliRun run = runKvlab({"plan", sample(), "--prices", (dir / "prices.json").string()});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_THAT(run.err, HasSubstr("prices.json: error:"));
}

TEST(Cli, shouldProposeRankedDesignsAsJson) {
  CliRun run = runKvlab({"propose", sample(), "--top", "2", "--json"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const auto result = nlohmann::json::parse(run.out);
  ASSERT_EQ(result["proposals"].size(), 2u);
  const auto& best = result["proposals"][0];
  EXPECT_EQ(best["name"], "proposal-1");
  EXPECT_EQ(best["design"]["table"]["pk"], "PK");
  EXPECT_EQ(best["plan"]["patterns"].size(), 8u);
  EXPECT_FALSE(best["reasons"].empty());
  EXPECT_LE(best["plan"]["monthlyCost"]["onDemand"].get<double>(),
            result["proposals"][1]["plan"]["monthlyCost"]["onDemand"].get<double>() + 1e-9);
}

TEST(Cli, shouldWriteTheProposalsIntoTheProjectAndCompareThemWithTheOriginal) {
  test::TempDir dir;
  const auto out = (dir / "shop.kvlab").string();
  CliRun propose = runKvlab({"propose", sample(), "-o", out});
  ASSERT_EQ(propose.exitCode, 0) << propose.err;
  EXPECT_THAT(propose.out, HasSubstr("proposal-1:"));
  CliRun validate = runKvlab({"validate", out});
  EXPECT_EQ(validate.exitCode, 0) << validate.err;
  EXPECT_THAT(validate.out, HasSubstr("4 designs"));
  CliRun compare = runKvlab({"compare", out, "--design", "single-table", "--design", "proposal-1"});
  ASSERT_EQ(compare.exitCode, 0) << compare.err;
  EXPECT_THAT(compare.out, HasSubstr("patterns served by key    7"));
  EXPECT_THAT(compare.out, HasSubstr("AP8   table Scan (unserved)"));
}

TEST(Cli, shouldAskForTwoDesignsToCompare) {
  CliRun run = runKvlab({"compare", sample(), "--design", "single-table"});
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_THAT(run.err, HasSubstr("name two designs"));
}

TEST(Cli, shouldSimulateADesignAndSummarizeTheRun) {
  CliRun run = runKvlab({"simulate", sample(), "--duration", "5s", "--seed", "3"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Simulated 5 s of design single-table on dynamodb (on-demand, "
                                 "mean rates, seed 3): "));
  EXPECT_THAT(run.out, HasSubstr("AP1 "));
  EXPECT_THAT(run.out, HasSubstr("RU/s mean/peak"));
  EXPECT_THAT(run.out, HasSubstr("This load for a month (USD"));
  EXPECT_THAT(run.err, Not(HasSubstr("error")));
}

TEST(Cli, shouldPrintOnlyTheRunAsJsonWithJsonDash) {
  CliRun run = runKvlab({"simulate", sample(), "--duration", "5s", "--seed", "3", "--json", "-"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const auto result = nlohmann::json::parse(run.out);  // nothing but JSON on standard output
  EXPECT_EQ(result["engine"], "dynamodb");
  EXPECT_EQ(result["design"], "single-table");
  EXPECT_EQ(result["seed"], 3);
  EXPECT_EQ(result["durationSeconds"], 5.0);
  EXPECT_GT(result["requests"].get<std::int64_t>(), 0);
  ASSERT_EQ(result["patterns"].size(), 8u);
  for (const auto& pattern : result["patterns"]) {
    EXPECT_TRUE(pattern["latencyMs"].contains("p50")) << pattern["id"];
  }
  EXPECT_GT(result["patterns"][0]["latencyMs"]["p50"].get<double>(), 0);  // AP1, a GetItem
  EXPECT_GE(result["partitions"]["count"].get<int>(), 3);                 // the table and two GSIs
  EXPECT_TRUE(result["hotKeys"].contains("byUnits"));
  EXPECT_TRUE(result["hotKeys"].contains("byThrottles"));
  EXPECT_EQ(result["monthlyCost"]["capacityMode"], "on-demand");
  EXPECT_GT(result["monthlyCost"]["total"].get<double>(), 0);
}

TEST(Cli, shouldPrintTheSameJsonForTheSameSeed) {
  const std::vector<std::string> args{"simulate", sample(), "--duration", "5s", "--json", "-"};
  auto withSeed = [&](const char* seed) {
    std::vector<std::string> a = args;
    a.insert(a.end(), {"--seed", seed});
    return runKvlab(a);
  };
  CliRun first = withSeed("11");
  ASSERT_EQ(first.exitCode, 0) << first.err;
  EXPECT_EQ(first.out, withSeed("11").out);
  EXPECT_NE(first.out, withSeed("12").out);
}

TEST(Cli, shouldRefuseSimulateOptionsThatMakeNoSense) {
  EXPECT_EQ(runKvlab({"simulate", sample(), "--duration", "soon"}).exitCode, 2);
  EXPECT_EQ(runKvlab({"simulate", sample(), "--rate", "median"}).exitCode, 2);
  EXPECT_EQ(runKvlab({"simulate", sample(), "--engine", "nosuch"}).exitCode, 2);
  EXPECT_EQ(runKvlab({"simulate", sample(), "--engine-option", "burst"}).exitCode, 2);
  CliRun budget = runKvlab({"simulate", sample(), "--memory-budget", "lots"});
  EXPECT_EQ(budget.exitCode, 2);
  EXPECT_THAT(budget.err, HasSubstr("--memory-budget lots: expected a size such as 512M or 2G"));
  EXPECT_EQ(runKvlab({"simulate", sample(), "--memory-budget", "0"}).exitCode, 2);
  EXPECT_EQ(runKvlab({"simulate", sample(), "--memory-budget", "-5M"}).exitCode, 2);
}

TEST(Cli, shouldStopASimulationOverItsMemoryBudgetWithStatusOne) {
  CliRun run = runKvlab({"simulate", sample(), "--engine", "relational", "--duration", "10s",
                         "--memory-budget", "64K", "-q"});
  EXPECT_EQ(run.exitCode, 1) << run.err;
  EXPECT_THAT(run.err, HasSubstr("went over its memory budget of 64 KiB"));
  EXPECT_THAT(run.err, HasSubstr("the relational engine's state"));
  EXPECT_EQ(run.out, "") << "no summary of a run that was stopped";

  for (const char* size : {"512M", "2G", "1.5GiB", "off"}) {
    CliRun fits = runKvlab({"simulate", sample(), "--engine", "relational", "--duration", "2s",
                            "--memory-budget", size, "-q"});
    EXPECT_EQ(fits.exitCode, 0) << size << ": " << fits.err;
  }
}

// Every sample validates, plans and simulates on each of its designs.
TEST(Samples, shouldValidatePlanAndSimulateEveryDesign) {
  const auto samples = test::sampleFiles();
  ASSERT_GE(samples.size(), 2u);
  for (const auto& file : samples) {
    const std::string path = file.string();
    CliRun validate = runKvlab({"validate", path});
    ASSERT_EQ(validate.exitCode, 0) << path << "\n" << validate.err;
    const auto project = nlohmann::json::parse(test::readFile(file));
    EXPECT_FALSE(project["description"].get<std::string>().empty()) << path;
    for (const auto& design : project["designs"]) {
      const std::string name = design["name"];
      CliRun plan = runKvlab({"plan", path, "--design", name, "--json"});
      EXPECT_EQ(plan.exitCode, 0) << path << " " << name << "\n" << plan.err;
      CliRun simulate =
          runKvlab({"simulate", path, "--design", name, "--duration", "5s", "--json", "-"});
      EXPECT_EQ(simulate.exitCode, 0) << path << " " << name << "\n" << simulate.err;
    }
  }
}

// The hot-partition sample teaches what it says: one celebrity key over a partition's write
// limit, and write sharding as the cure.
TEST(Samples, shouldShowTheHotPartitionAndItsCure) {
  const std::string path = (test::sourceDir() / "samples/hot-partition.kvlab.json").string();
  auto hotKeyWarnings = [&](const std::string& design) {
    const auto plan =
        nlohmann::json::parse(runKvlab({"plan", path, "--design", design, "--json"}).out);
    int count = 0;
    for (const auto& pattern : plan["patterns"]) {
      for (const auto& warning : pattern["warnings"]) count += warning["code"] == "hot-key";
    }
    return count;
  };
  EXPECT_EQ(hotKeyWarnings("naive"), 1);
  EXPECT_EQ(hotKeyWarnings("sharded"), 0);
  auto throttled = [&](const std::string& design) {
    const auto run = nlohmann::json::parse(
        runKvlab({"simulate", path, "--design", design, "--duration", "20s", "--json", "-"}).out);
    long total = 0;
    for (const auto& pattern : run["patterns"]) total += pattern["throttled"].get<long>();
    return total;
  };
  EXPECT_GT(throttled("naive"), 1000);
  EXPECT_EQ(throttled("sharded"), 0);
}

// kvlab bench --quick --json: the documented shape, every case, positive rates. No speed is
// asserted: the machine decides those.
TEST(CliTest, BenchQuickJsonHasEveryCase) {
  const CliRun run = runKvlab({"bench", "--quick", "--json"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const auto report = nlohmann::json::parse(run.out);
  ASSERT_TRUE(report.is_object());
  ASSERT_EQ(report.size(), 1u);
  ASSERT_TRUE(report["cases"].is_array());
  std::vector<std::string> names;
  for (const auto& c : report["cases"]) {
    ASSERT_EQ(c.size(), 5u) << c.dump();
    names.push_back(c["name"].get<std::string>());
    EXPECT_FALSE(c["unit"].get<std::string>().empty());
    EXPECT_GT(c["rate"].get<double>(), 0) << c.dump();
    EXPECT_GT(c["baselineRate"].get<double>(), 0) << c.dump();
    EXPECT_GT(c["ratio"].get<double>(), 0) << c.dump();
  }
  // One case per line of issue #10 (memory-dynamodb-1e7 only without --quick).
  EXPECT_EQ(names,
            (std::vector<std::string>{
                "dynamodb-read-heavy", "dynamodb-write-heavy", "dynamodb-throttle-storm",
                "relational-read-heavy", "cache-read-heavy", "memory-dynamodb-1e6", "modeler-rubis",
                "modeler-generated", "parallel-dynamodb", "parallel-engines"}));
}

// kvlab import and kvlab export: every published Workbench model imports to a valid project that
// exports and imports again; failures write nothing and say where.
TEST(CliInterop, shouldImportEveryWorkbenchModelAndExportItBack) {
  const auto dir = test::sharedDir() / "corpus" / "nosql-workbench";
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << dir;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    test::TempDir out;
    const std::string project = (out / "model.kvlab.json").string();
    CliRun imported =
        runKvlab({"import", entry.path().string(), "--from", "nosql-workbench", "-o", project});
    ASSERT_EQ(imported.exitCode, 0) << entry.path() << imported.err;
    EXPECT_THAT(imported.out, HasSubstr("wrote " + project));
    EXPECT_EQ(runKvlab({"validate", "--quiet", project}).exitCode, 0);
    const std::string model = (out / "back.json").string();
    CliRun exported = runKvlab({"export", project, "--to", "nosql-workbench", "-o", model});
    ASSERT_EQ(exported.exitCode, 0) << exported.err;
    const auto json = nlohmann::json::parse(test::readFile(model));
    EXPECT_EQ(json["ModelMetadata"]["Version"], "3.0");
    CliRun again = runKvlab({"import", model, "--from", "nosql-workbench", "-o", "-"});
    EXPECT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(nlohmann::json::parse(again.out)["format"], "kvlab/1");
  }
}

TEST(CliInterop, shouldWriteTheDefaultOutputInTheCurrentDirectory) {
  test::TempDir dir;
  const auto model = test::sharedDir() / "corpus" / "nosql-workbench" / "CartModel.json";
  const std::string command =
      "cd " + shellQuoted(dir.path().string()) + " && " + shellQuoted(KVLAB_CLI_PATH) + " import " +
      shellQuoted(model.string()) + " --from nosql-workbench >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_TRUE(std::filesystem::exists(dir / "CartModel.kvlab.json"));
}

TEST(CliInterop, shouldWriteNothingWhenAnImportFails) {
  test::TempDir dir;
  test::writeFile(dir / "bad.json", "{\n  \"DataModel\": [\n    {\"TableName\": 5}\n  ]\n}\n");
  const std::string out = (dir / "bad.kvlab.json").string();
  CliRun run =
      runKvlab({"import", (dir / "bad.json").string(), "--from", "nosql-workbench", "-o", out});
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_THAT(
      run.err,
      HasSubstr("bad.json: error: DataModel[0].TableName: expected a string, found a number"));
  EXPECT_THAT(run.err, HasSubstr("nothing was written"));
  EXPECT_FALSE(std::filesystem::exists(out));

  test::writeFile(dir / "broken.yaml", "Resources:\n  T: [\n");
  CliRun yaml =
      runKvlab({"import", (dir / "broken.yaml").string(), "--from", "cloudformation", "-o", out});
  EXPECT_EQ(yaml.exitCode, 1);
  EXPECT_THAT(yaml.err, HasSubstr("broken.yaml:"));
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_EQ(runKvlab({"import", (dir / "bad.json").string(), "--from", "excel"}).exitCode, 2);
}

// A failed import writes nothing: not the default output in the current directory, not a native
// file, and an existing output is left as it was; for each kind of malformed file.
TEST(CliInterop, shouldLeaveNoOutputFileWhenAMalformedFileIsImported) {
  test::TempDir dir;
  std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level < 8; ++level) {
    const std::string previous = "*a" + std::to_string(level - 1);
    bomb += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [" + previous;
    for (int i = 1; i < 10; ++i) bomb += ", " + previous;
    bomb += "]\n";
  }
  bomb += "Resources: {T: {Type: AWS::DynamoDB::Table}}\n";
  struct Case {
    const char* file;
    const char* from;
    std::string text;
    const char* error;
  };
  const std::vector<Case> cases = {
      {"truncated.json", "nosql-workbench", "{\"DataModel\": [",
       "truncated.json:1:16: error: malformed JSON"},
      {"short.json", "nosql-workbench",
       R"({"DataModel": [{"TableName": "T", "KeyAttributes": {"PartitionKey": {"AttributeName": "id"}}}]})",
       "short.json: error: DataModel[0].TableName: expected a table name of 3 to 255"},
      {"bomb.yaml", "cloudformation", bomb,
       "bomb.yaml:1:37: error: the document holds more than 1000000 values"},
      {"latin1.yaml", "cloudformation", "Resources:\n  T\xe9: 1\n",
       "latin1.yaml:2:4: error: malformed YAML: invalid UTF-8 byte 0xE9"},
      {"noresources.yaml", "cloudformation", "Outputs: {}\n",
       "noresources.yaml: error: Resources: missing required field"},
  };
  for (const Case& c : cases) {
    test::writeFile(dir / c.file, c.text);
    const std::string stem = std::string(c.file).substr(0, std::string(c.file).find('.'));
    // The default output, in the current directory.
    const std::string command = "cd " + shellQuoted(dir.path().string()) + " && " +
                                shellQuoted(KVLAB_CLI_PATH) + " import " + c.file + " --from " +
                                c.from + " >out.txt 2>err.txt";
    EXPECT_EQ(WEXITSTATUS(std::system(command.c_str())), 1) << c.file;
    EXPECT_THAT(test::readFile(dir / "err.txt"), HasSubstr(c.error)) << c.file;
    EXPECT_THAT(test::readFile(dir / "err.txt"), HasSubstr("nothing was written")) << c.file;
    EXPECT_FALSE(std::filesystem::exists(dir / (stem + ".kvlab.json"))) << c.file;
    // A native file asked for.
    const auto native = dir / (stem + ".kvlab");
    EXPECT_EQ(runKvlab({"import", (dir / c.file).string(), "--from", c.from, "-o", native.string()})
                  .exitCode,
              1)
        << c.file;
    EXPECT_FALSE(std::filesystem::exists(native)) << c.file;
    // An existing output, kept as it was.
    const auto existing = dir / "existing.kvlab.json";
    test::writeFile(existing, "keep me\n");
    EXPECT_EQ(
        runKvlab({"import", (dir / c.file).string(), "--from", c.from, "-o", existing.string()})
            .exitCode,
        1)
        << c.file;
    EXPECT_EQ(test::readFile(existing), "keep me\n") << c.file;
  }
  // Nothing else was left behind (no temporary file of a save).
  std::vector<std::string> left;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    left.push_back(entry.path().filename().string());
  }
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{"bomb.yaml", "err.txt", "existing.kvlab.json",
                                            "latin1.yaml", "noresources.yaml", "out.txt",
                                            "short.json", "truncated.json"}));
}

TEST(CliInterop, shouldExportADesignToEveryFormat) {
  test::TempDir dir;
  for (const char* format : {"nosql-workbench", "cloudformation", "aws-cli", "onetable"}) {
    const std::string out = (dir / (std::string(format) + ".json")).string();
    CliRun run =
        runKvlab({"export", sample(), "--design", "single-table", "--to", format, "-o", out});
    ASSERT_EQ(run.exitCode, 0) << format << ": " << run.err;
    EXPECT_TRUE(nlohmann::json::accept(test::readFile(out))) << format;
  }
  // CloudFormation YAML, chosen by the extension, reads back as the same table.
  const std::string yaml = (dir / "shop.yaml").string();
  ASSERT_EQ(runKvlab({"export", sample(), "--to", "cloudformation", "-o", yaml}).exitCode, 0);
  EXPECT_NE(test::readFile(yaml).front(), '{');
  CliRun back = runKvlab({"import", yaml, "--from", "cloudformation", "-o", "-"});
  ASSERT_EQ(back.exitCode, 0) << back.err;
  EXPECT_EQ(nlohmann::json::parse(back.out)["designs"][0]["table"]["name"], "OnlineShop");
  // An unknown design lists the designs; an unknown format is a usage error.
  CliRun unknown =
      runKvlab({"export", sample(), "--design", "nope", "--to", "onetable", "-o", "-"});
  EXPECT_EQ(unknown.exitCode, 2);
  EXPECT_THAT(unknown.err, HasSubstr("single-table"));
  EXPECT_EQ(runKvlab({"export", sample(), "--to", "excel", "-o", "-"}).exitCode, 2);
}

}  // namespace
}  // namespace kvlab::cli

namespace kvlab::cli {
namespace {

// The runs of `kvlab simulate SAMPLE --engine all --json -`, by engine.
std::map<std::string, nlohmann::json> compareEngines(const std::string& sampleName,
                                                     std::vector<std::string> extra) {
  std::vector<std::string> args{"simulate",   (test::sourceDir() / "samples" / sampleName).string(),
                                "--engine",   "all",
                                "--duration", "20s",
                                "--json",     "-"};
  args.insert(args.end(), extra.begin(), extra.end());
  CliRun run = runKvlab(args);
  EXPECT_EQ(run.exitCode, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["format"], "kvlab-comparison/1");
  std::map<std::string, nlohmann::json> byEngine;
  for (const auto& r : doc["runs"]) byEngine[r["engine"].get<std::string>()] = r;
  EXPECT_EQ(byEngine.size(), 4u);
  return byEngine;
}

// The engines of --engine all run side by side; the bytes do not depend on how many at once.
TEST(Samples, shouldGiveTheSameComparisonWhateverTheNumberOfJobs) {
  const std::string sample = (test::sourceDir() / "samples" / "cache-aside.kvlab.json").string();
  std::string outputs[2];
  for (int jobs = 1; jobs <= 2; ++jobs) {
    CliRun run = runKvlab({"simulate", sample, "--engine", "all", "--duration", "20s", "--jobs",
                           std::to_string(jobs), "--json", "-"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    outputs[jobs - 1] = run.out;
  }
  EXPECT_FALSE(outputs[0].empty());
  EXPECT_EQ(outputs[0], outputs[1]);
}

double patternP99(const nlohmann::json& run, const std::string& id) {
  for (const auto& p : run["patterns"]) {
    if (p["id"] == id) return p["latencyMs"]["p99"].get<double>();
  }
  ADD_FAILURE() << "no pattern " << id;
  return 0;
}

// Thirty thousand lookups a second: DynamoDB serves them; one two-core database saturates.
TEST(Samples, shouldShowTheRelationalServerSaturatingWhereDynamoDbDoesNot) {
  auto runs = compareEngines("sessions-at-scale.kvlab.json", {"--capacity", "provisioned"});
  const auto& dynamodb = runs["dynamodb"];
  const auto& relational = runs["relational"];
  EXPECT_EQ(dynamodb["throttled"], 0);
  EXPECT_EQ(dynamodb["failed"], 0);
  EXPECT_LT(dynamodb["latencyMs"]["p99"].get<double>(), 20);
  EXPECT_GT(relational["server"]["utilization"].get<double>(), 0.97);
  EXPECT_GT(relational["latencyMs"]["p99"].get<double>(),
            50 * dynamodb["latencyMs"]["p99"].get<double>());
  // Behind a cache the same database carries it.
  EXPECT_LT(runs["cache-aside"]["latencyMs"]["p99"].get<double>(), 20);
  EXPECT_GT(runs["cache-aside"]["cache"]["hitRatio"].get<double>(), 0.5);
}

// Questions no key answers (orders by status, a day's revenue): the relational engine answers
// them from an index; DynamoDB scans the table each time, slowly and expensively.
TEST(Samples, shouldShowTheRelationalEngineWinningAdHocQueriesAndAggregates) {
  auto runs = compareEngines("orders-reporting.kvlab.json", {});
  const auto& dynamodb = runs["dynamodb"];
  const auto& relational = runs["relational"];
  for (const std::string id : {"PENDING", "REVENUE"}) {
    EXPECT_GT(patternP99(dynamodb, id), 100 * patternP99(relational, id)) << id;
  }
  EXPECT_GT(dynamodb["monthlyCost"]["total"].get<double>(),
            3 * relational["monthlyCost"]["total"].get<double>());
  EXPECT_LT(relational["server"]["utilization"].get<double>(), 0.1);
  // Where the key serves the question, DynamoDB is fine too.
  EXPECT_LT(patternP99(dynamodb, "MINE"), 1000);
}

// Redis alone: sessions with a TTL, a fixed-window rate limit that refuses the busiest clients'
// calls, and a leaderboard, on one node at a small share of its thread.
TEST(Samples, shouldShowRedisServingSessionsRateLimitsAndALeaderboardAlone) {
  CliRun run =
      runKvlab({"simulate", (test::sourceDir() / "samples/redis-patterns.kvlab.json").string(),
                "--engine", "cache", "--duration", "120s", "--json", "-"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const auto result = nlohmann::json::parse(run.out);
  std::map<std::string, nlohmann::json> patterns;
  for (const auto& p : result["patterns"]) patterns[p["id"].get<std::string>()] = p;
  // Clients over 100 calls a minute are refused, the rest pass.
  const auto& call = patterns["CALL"];
  EXPECT_GT(call["throttlesByReason"]["RateLimitExceeded"].get<std::int64_t>(), 0);
  EXPECT_GT(call["succeeded"].get<std::int64_t>(), call["requests"].get<std::int64_t>() / 10);
  // 5,000 clients x 100 a minute is the most that can pass in two minutes.
  EXPECT_LE(call["succeeded"].get<std::int64_t>(), 5000 * 100 * 2);
  EXPECT_EQ(patterns["PAGE"]["failed"], 0);
  EXPECT_EQ(patterns["TOP"]["failed"], 0);
  EXPECT_GT(result["cache"]["hitRatio"].get<double>(), 0.9);
  EXPECT_LT(result["server"]["utilization"].get<double>(), 0.5);
  EXPECT_LT(result["latencyMs"]["p99"].get<double>(), 1.0);
}

}  // namespace
}  // namespace kvlab::cli
