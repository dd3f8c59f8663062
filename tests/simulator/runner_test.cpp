#include "simulator/core/runner.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace kvlab::sim
