#include "simulator/core/runner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <string>

#include "model/capacity/cost.h"
#include "model/design/planner.h"
#include "model/io/project_file.h"
#include "simulator/engines/engine_registry.h"
#include "simulator/metrics/run_result_json.h"
#include "tests/support/test_files.h"

namespace kvlab::sim {
namespace {

struct Sample {
  model::Project project;
  model::capacity::PriceSheet prices;
  model::DesignPlan plan;
};

const Sample& shop() {
  static const Sample sample = [] {
    Sample s;
    auto loaded = model::loadProjectFile(test::sourceDir() / "samples/online-shop.kvlab.json");
    EXPECT_TRUE(loaded.ok());
    s.project = std::move(*loaded.project);
    auto prices =
        model::capacity::PriceSheet::load(test::sourceDir() / "data/prices/us-east-1-2024-11.json");
    EXPECT_TRUE(prices.ok());
    s.prices = *prices.sheet;
    s.plan = model::planDesign(s.project, s.project.designs.front(), s.prices);
    return s;
  }();
  return sample;
}

RunOutcome runShop(Runner& runner, const RunOptions& options, const EngineSettings& settings = {}) {
  const Sample& s = shop();
  std::unique_ptr<Engine> engine = createEngine("dynamodb", settings);
  EXPECT_NE(engine, nullptr);
  const EngineInput input{s.project,    s.project.designs.front(), s.plan, s.prices,
                          options.seed, options.durationSeconds};
  return runner.run(*engine, input);
}

std::string shopJson(std::uint64_t seed, const EngineSettings& settings = {}) {
  RunOptions options;
  options.seed = seed;
  options.durationSeconds = 10;
  Runner runner(options);
  RunOutcome outcome = runShop(runner, options, settings);
  EXPECT_TRUE(outcome.status.ok()) << outcome.status.message();
  return runResultJson(outcome.result);
}

TEST(Runner, shouldGiveByteIdenticalResultsForTheSameSeed) {
  const std::string first = shopJson(7);
  EXPECT_EQ(first, shopJson(7));
  EXPECT_NE(first, shopJson(8));
  const EngineSettings provisioned{{"capacity", "provisioned"}};
  EXPECT_EQ(shopJson(7, provisioned), shopJson(7, provisioned));
}

TEST(Runner, shouldRunEveryPatternWithARateAtItsMeanRate) {
  RunOptions options;
  options.durationSeconds = 30;
  Runner runner(options);
  const RunOutcome outcome = runShop(runner, options);
  ASSERT_TRUE(outcome.status.ok());
  const RunResult& r = outcome.result;
  ASSERT_EQ(r.patterns.size(), shop().project.accessPatterns.size());
  for (std::size_t i = 0; i < r.patterns.size(); ++i) {
    const double mean = shop().project.accessPatterns[i].rate->mean;
    // Poisson: within 5 standard deviations of mean x 30.
    EXPECT_NEAR(static_cast<double>(r.patterns[i].requests), mean * 30,
                5 * std::sqrt(mean * 30) + 1)
        << r.patterns[i].id;
    // One bucket per second of the run, and of the drain after it.
    EXPECT_EQ(r.patterns[i].timeline.size(),
              static_cast<std::size_t>(std::max(30.0, std::ceil(r.simulatedSeconds))))
        << r.patterns[i].id;
  }
}

// The shop's Scan (AP8, the orders of a day: the whole table, thousands of 1 MB pages) is
// throttled and goes on through the drain. The run's units are those served within its duration,
// the same in every view: per owner the mean is at most the peak, the patterns' units add up to
// the owners', the heat's seconds within the run to the owner's units, and the month's cost is
// theirs.
TEST(Runner, shouldReportTheUnitsServedWithinTheDurationTheSameWayEverywhere) {
  RunOptions options;
  options.seed = 7;
  options.durationSeconds = 20;
  Runner runner(options);
  const RunOutcome outcome = runShop(runner, options);
  ASSERT_TRUE(outcome.status.ok());
  const RunResult& r = outcome.result;
  EXPECT_GT(r.simulatedSeconds, r.durationSeconds + 30);  // the Scans run on in the drain

  double patternRead = 0;
  double patternWrite = 0;
  for (const PatternResult& p : r.patterns) {
    patternRead += p.readUnits;
    patternWrite += p.writeUnits;
    double timelineRead = 0;
    double timelineWrite = 0;
    for (const TimeBucket& b : p.timeline) {
      if (b.startSeconds >= r.durationSeconds) continue;
      timelineRead += b.readUnits;
      timelineWrite += b.writeUnits;
    }
    EXPECT_NEAR(timelineRead, p.readUnits, 1e-6 * p.readUnits + 1e-9) << p.id;
    EXPECT_NEAR(timelineWrite, p.writeUnits, 1e-6 * p.writeUnits + 1e-9) << p.id;
  }
  double ownerRead = 0;
  double ownerWrite = 0;
  for (const CapacityOwnerReport& o : r.partitions.owners) {
    ownerRead += o.readUnits;
    ownerWrite += o.writeUnits;
    EXPECT_LE(o.readUnits / r.durationSeconds, o.peakReadUnitsPerSecond + 1e-9) << o.name;
    EXPECT_LE(o.writeUnits / r.durationSeconds, o.peakWriteUnitsPerSecond + 1e-9) << o.name;
    double heatRead = 0;
    double heatWrite = 0;
    for (const PartitionHeat& h : r.partitions.heat) {
      if (h.owner != o.name) continue;
      for (std::size_t i = 0; i < h.readUnits.size(); ++i) {
        if (static_cast<double>(h.fromSecond) + static_cast<double>(i) >= r.durationSeconds) {
          continue;
        }
        heatRead += h.readUnits[i];
        heatWrite += h.writeUnits[i];
      }
    }
    EXPECT_NEAR(heatRead, o.readUnits, 1e-6 * o.readUnits + 1e-9) << o.name;
    EXPECT_NEAR(heatWrite, o.writeUnits, 1e-6 * o.writeUnits + 1e-9) << o.name;
  }
  EXPECT_NEAR(patternRead, ownerRead, 1e-6 * ownerRead);
  EXPECT_NEAR(patternWrite, ownerWrite, 1e-6 * ownerWrite);

  const model::capacity::PriceSheet& prices = shop().prices;
  const double month = 3600.0 * prices.hoursPerMonth;
  EXPECT_NEAR(
      r.monthlyCost.onDemand,
      model::capacity::onDemandReadCost(prices, ownerRead / r.durationSeconds * month) +
          model::capacity::onDemandWriteCost(prices, ownerWrite / r.durationSeconds * month),
      1e-6 * r.monthlyCost.onDemand);
}

TEST(Runner, shouldReportProgressEachVirtualSecondAndStopWhenCancelled) {
  RunOptions options;
  options.durationSeconds = 60;
  Runner runner(options);
  std::atomic<bool> cancel{false};
  int calls = 0;
  runner.setProgressCallback([&](const RunProgress& p) {
    ++calls;
    EXPECT_DOUBLE_EQ(p.virtualSeconds, calls);
    EXPECT_DOUBLE_EQ(p.durationSeconds, 60);
    if (p.virtualSeconds >= 5) cancel = true;
  });
  runner.setCancelFlag(&cancel);
  const RunOutcome outcome = runShop(runner, options);
  ASSERT_TRUE(outcome.status.ok());
  EXPECT_TRUE(outcome.result.cancelled);
  EXPECT_EQ(calls, 5);
  EXPECT_LE(outcome.result.simulatedSeconds, 5.0);
  EXPECT_GT(outcome.result.requests, 0);
}

TEST(Runner, shouldRefuseADurationThatIsNotPositive) {
  RunOptions options;
  options.durationSeconds = 0;
  Runner runner(options);
  const RunOutcome outcome = runShop(runner, options);
  EXPECT_FALSE(outcome.status.ok());
  EXPECT_NE(outcome.status.message().find("duration"), std::string::npos);
}

TEST(EngineRegistry, shouldMakeEnginesByNameAndExplainBadSettings) {
  ASSERT_FALSE(registeredEngines().empty());
  EXPECT_EQ(registeredEngines()[0].name, "dynamodb");
  std::string error;
  EXPECT_EQ(createEngine("mongodb", {}, &error), nullptr);
  EXPECT_NE(error.find("dynamodb"), std::string::npos);
  EXPECT_EQ(createEngine("dynamodb", {{"capacity", "lots"}}, &error), nullptr);
  EXPECT_NE(error.find("on-demand or provisioned"), std::string::npos);
  EXPECT_NE(createEngine("dynamodb", {{"capacity", "provisioned"}, {"burst", "off"}}), nullptr);
}

// An engine whose state grows by `bytesPerSecond` each virtual second, serving one pattern.
class GrowingEngine final : public Engine {
 public:
  explicit GrowingEngine(std::size_t bytesPerSecond) : bytesPerSecond_(bytesPerSecond) {}
  std::string_view name() const override { return "growing"; }
  std::vector<std::string> throttleReasons() const override { return {}; }
  Status prepare(const EngineInput&, std::vector<PatternLoad>& loads) override {
    PatternLoad load;
    load.patternId = "P";
    load.meanRate = 10;
    load.peakRate = 10;
    loads.push_back(load);
    return Status::Ok();
  }
  void onRequest(const Request& request, EngineContext& context) override {
    context.metrics().recordSuccess(request.pattern, 1000, 0);
  }
  void onEvent(const Event&, EngineContext&) override {}
  void onSecond(std::int64_t second, EngineContext&) override {
    bytes_ = static_cast<std::size_t>(second) * bytesPerSecond_;
  }
  void finish(EngineContext&, RunResult&) override {}
  std::size_t memoryBytes() const override { return bytes_; }

 private:
  std::size_t bytesPerSecond_;
  std::size_t bytes_ = 0;
};

TEST(RunnerMemoryBudget, shouldStopAtTheFirstVirtualSecondTheRunIsOverItsBudget) {
  const Sample& s = shop();
  RunOptions options;
  options.durationSeconds = 60;
  options.memoryBudgetBytes = 10 * 1024 * 1024;
  GrowingEngine engine(1024 * 1024);  // 1 MiB a second: over 10 MiB (with the queue) at 10 s
  Runner runner(options);
  const EngineInput input{s.project, s.project.designs.front(), s.plan, s.prices, 1, 60};
  RunOutcome outcome = runner.run(engine, input);
  ASSERT_FALSE(outcome.status.ok());
  EXPECT_THAT(outcome.status.message(),
              ::testing::HasSubstr("over its memory budget of 10 MiB at 10 s of virtual time"));
  EXPECT_THAT(outcome.status.message(), ::testing::HasSubstr("the growing engine's state 10 MiB"));
  EXPECT_THAT(outcome.status.message(), ::testing::HasSubstr("--memory-budget"));
  EXPECT_TRUE(outcome.result.cancelled) << "the partial result comes with the error";
  EXPECT_LE(outcome.result.simulatedSeconds, 10.0);

  options.memoryBudgetBytes = 0;  // no budget
  Runner unlimited(options);
  GrowingEngine again(1024 * 1024);
  EXPECT_TRUE(unlimited.run(again, input).status.ok());
}

// The shop sample on `engine` for 5 s, within `budget` bytes.
RunOutcome shopOn(const std::string& engineName, std::uint64_t budget, std::size_t* memory) {
  const Sample& s = shop();
  RunOptions options;
  options.durationSeconds = 5;
  options.memoryBudgetBytes = budget;
  std::string error;
  std::unique_ptr<Engine> engine = createEngine(engineName, {}, &error);
  EXPECT_NE(engine, nullptr) << error;
  if (!engine) return {};
  Runner runner(options);
  const EngineInput input{s.project, s.project.designs.front(), s.plan, s.prices, 1, 5};
  RunOutcome outcome = runner.run(*engine, input);
  if (memory != nullptr) *memory = engine->memoryBytes();
  return outcome;
}

class EngineMemoryBudget : public ::testing::TestWithParam<const char*> {};

TEST_P(EngineMemoryBudget, shouldStopARunOverATinyBudgetAndSayWhatUsedIt) {
  std::size_t memory = 0;
  RunOutcome fits = shopOn(GetParam(), defaultMemoryBudgetBytes(), &memory);
  ASSERT_TRUE(fits.status.ok()) << fits.status.message();
  // The engine counts its own state: the database's pages, the keyspace model's tables.
  EXPECT_GT(memory, 16u * 1024) << GetParam();

  RunOutcome stopped = shopOn(GetParam(), 16 * 1024, nullptr);
  ASSERT_FALSE(stopped.status.ok());
  EXPECT_THAT(stopped.status.message(),
              ::testing::HasSubstr("went over its memory budget of 16 KiB at 0 s"));
  EXPECT_THAT(stopped.status.message(),
              ::testing::HasSubstr("the " + std::string(GetParam()) + " engine's state"));
}

INSTANTIATE_TEST_SUITE_P(Engines, EngineMemoryBudget,
                         ::testing::Values("relational", "cache", "cache-aside"),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(RunnerMemoryBudget, shouldDefaultToHalfOfPhysicalMemory) {
  EXPECT_GT(defaultMemoryBudgetBytes(), 0u);
  EXPECT_EQ(RunOptions{}.memoryBudgetBytes, defaultMemoryBudgetBytes());
}

TEST(RunnerMemoryBudget, shouldWriteSizesInBinaryUnits) {
  EXPECT_EQ(memorySizeText(800), "800 bytes");
  EXPECT_EQ(memorySizeText(16 * 1024), "16 KiB");
  EXPECT_EQ(memorySizeText(512ull * 1024 * 1024), "512 MiB");
  EXPECT_EQ(memorySizeText(3ull * 1024 * 1024 * 1024 / 2), "1.5 GiB");
}

}  // namespace
}  // namespace kvlab::sim
