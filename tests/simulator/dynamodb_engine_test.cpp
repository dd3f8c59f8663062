#include "simulator/engines/dynamodb/dynamodb_engine.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include <nlohmann/json.hpp>

#include "model/capacity/cost.h"
#include "model/design/planner.h"
#include "model/io/project_json.h"
#include "model/schema/project_validator.h"
#include "simulator/core/runner.h"
#include "simulator/metrics/run_result_json.h"
#include "tests/support/test_files.h"

namespace kvlab::sim {
namespace {

using Json = nlohmann::ordered_json;

const model::capacity::PriceSheet& prices() {
  static const model::capacity::PriceSheet sheet = [] {
    auto load =
        model::capacity::PriceSheet::load(test::sourceDir() / "data/prices/us-east-1-2024-11.json");
    EXPECT_TRUE(load.ok());
    return *load.sheet;
  }();
  return sheet;
}

// One entity whose items are 948 bytes (one write unit): id (2 + 10), body (4 + 900), tag (3 + 8),
// PK "DOC#{id}" (2 + 14), SK "DOC" (2 + 3). `count` documents, written by one put pattern.
Json docProject(double count, double rate, double peak) {
  Json doc = Json::parse(R"json({
    "format": "kvlab/1", "name": "docs",
    "entities": [
      { "name": "Doc", "identifier": ["id"], "count": 1,
        "attributes": [ { "name": "id", "type": "S", "size": 10 },
                        { "name": "body", "type": "S", "size": 900 },
                        { "name": "tag", "type": "S", "size": 8, "distinct": 1000 } ] } ],
    "accessPatterns": [
      { "id": "write", "name": "write a doc", "action": "put", "entities": ["Doc"],
        "rate": { "mean": 1, "peak": 1 } } ],
    "designs": [
      { "name": "d", "table": { "name": "Docs", "pk": "PK", "sk": "SK" },
        "entityKeys": { "Doc": { "PK": "DOC#{id}", "SK": "DOC" } } } ]
  })json");
  doc["entities"][0]["count"] = count;
  doc["accessPatterns"][0]["rate"] = Json{{"mean", rate}, {"peak", peak}};
  return doc;
}

// The same with a KEYS_ONLY GSI keyed on the tag (1,000 values): a put writes one unit to it.
Json docProjectWithIndex(double count, double rate) {
  Json doc = docProject(count, rate, rate);
  doc["designs"][0]["gsis"] = Json::parse(R"json([
    { "name": "ByTag", "pk": "GSI1PK", "sk": "GSI1SK", "projection": "KEYS_ONLY",
      "entityKeys": { "Doc": { "GSI1PK": "TAG#{tag}", "GSI1SK": "DOC#{id}" } } } ])json");
  return doc;
}

model::Project load(const Json& document) {
  model::ProjectReadResult read = model::readProjectJson(document.dump(), "test.kvlab.json");
  model::validateProject(read.project, "test.kvlab.json", read.diagnostics);
  for (const model::Diagnostic& d : read.diagnostics.items()) {
    if (d.severity == model::Severity::Error) ADD_FAILURE() << model::formatDiagnostic(d);
  }
  return read.project;
}

RunResult simulate(const Json& document, const DynamoDbOptions& options, const RunOptions& run) {
  const model::Project project = load(document);
  const model::Design& design = project.designs.front();
  const model::DesignPlan plan = model::planDesign(project, design, prices());
  DynamoDbEngine engine(options);
  Runner runner(run);
  const EngineInput input{project, design, plan, prices(), run.seed, run.durationSeconds};
  RunOutcome outcome = runner.run(engine, input);
  EXPECT_TRUE(outcome.status.ok()) << outcome.status.message();
  return outcome.result;
}

DynamoDbOptions provisioned(double readUnits, double writeUnits) {
  DynamoDbOptions options;
  options.mode = CapacityMode::Provisioned;
  options.provisioned.push_back({"table", readUnits, writeUnits});
  return options;
}

RunOptions seconds(double duration) {
  RunOptions run;
  run.durationSeconds = duration;
  return run;
}

std::int64_t reasonCount(const PatternResult& p, const std::string& reason) {
  for (const auto& [name, count] : p.throttlesByReason) {
    if (name == reason) return count;
  }
  return 0;
}

// Throttled attempts in the timeline's buckets starting at or after `from` seconds.
std::int64_t throttledFrom(const PatternResult& p, double from) {
  std::int64_t n = 0;
  for (const TimeBucket& b : p.timeline) {
    if (b.startSeconds >= from) n += b.throttled;
  }
  return n;
}

TEST(DynamoDbEngine, shouldChargeEachWriteWhatThePlannerSays) {
  const RunResult r = simulate(docProject(1e6, 100, 100), DynamoDbOptions{}, seconds(20));
  ASSERT_EQ(r.patterns.size(), 1u);
  const PatternResult& p = r.patterns[0];
  EXPECT_EQ(p.throttled, 0);
  EXPECT_EQ(p.succeeded, p.requests);
  EXPECT_DOUBLE_EQ(p.writeUnits, static_cast<double>(p.requests));  // 1 unit each
  EXPECT_NEAR(static_cast<double>(p.requests), 2000, 150);          // Poisson, 100/s for 20 s
}

// §4.1 and §4.4: one item takes at most 1,000 write units a second, whatever the table has; split
// for heat cannot go below one key. 1,500 one-KB writes a second: a third cannot be served.
TEST(DynamoDbEngine, shouldThrottleAboutAThirdOfWritesToOneItemEvenWithAdaptiveCapacity) {
  const RunResult r = simulate(docProject(1, 1500, 1500), provisioned(10, 3000), seconds(30));
  const PatternResult& p = r.patterns[0];
  // Once the retries have piled up (from 10 s), a third of the writes a second is not served.
  double arrived = 0;
  double served = 0;
  for (const TimeBucket& b : p.timeline) {
    if (b.startSeconds < 10 || b.startSeconds >= 30) continue;
    arrived += static_cast<double>(b.requests);
    served += static_cast<double>(b.succeeded);
  }
  EXPECT_NEAR(1 - served / arrived, 1.0 / 3, 0.03) << served << " of " << arrived;
  // Over the run, retries after the last arrival save some: still about a quarter fail.
  const double failed = static_cast<double>(p.failed) / static_cast<double>(p.requests);
  EXPECT_GT(failed, 0.2) << "failed " << p.failed << " of " << p.requests;
  EXPECT_LT(failed, 0.34) << "failed " << p.failed << " of " << p.requests;
  EXPECT_GT(reasonCount(p, "TableWriteKeyRangeThroughputExceeded"), 0);
  EXPECT_EQ(reasonCount(p, "TableWriteProvisionedThroughputExceeded"), 0);
  // Served: 1,000 a second, no more.
  EXPECT_LE(p.writeUnits, 1000.0 * (r.simulatedSeconds + 1));
  ASSERT_FALSE(r.hotKeysByThrottles.empty());
  EXPECT_EQ(r.hotKeysByThrottles[0].key, "DOC#0");
}

TEST(DynamoDbEngine, shouldServeTheSameLoadSpreadOverManyKeys) {
  const RunResult r = simulate(docProject(1e6, 1500, 1500), provisioned(10, 3000), seconds(30));
  const PatternResult& p = r.patterns[0];
  EXPECT_EQ(p.throttled, 0);
  EXPECT_EQ(p.failed, 0);
}

// §4.5: a new on-demand table serves 4,000 writes a second at once; one pre-warmed to 8,000
// (warm-write, as for a launch) serves 6,000 from the first second.
TEST(DynamoDbEngine, shouldServeALaunchOnlyOnATablePreWarmedForIt) {
  const Json launch = docProject(1e6, 6000, 6000);
  const RunResult cold = simulate(launch, DynamoDbOptions{}, seconds(5));
  EXPECT_GT(cold.patterns[0].throttled, 1000);

  DynamoDbOptions warm;
  ASSERT_EQ(applyDynamoDbOptions({{"warm-write", "8000"}}, warm), std::nullopt);
  const RunResult served = simulate(launch, warm, seconds(5));
  EXPECT_EQ(served.patterns[0].throttled, 0);
  ASSERT_EQ(served.partitions.owners.size(), 1u);
  EXPECT_GE(served.partitions.owners[0].initialPartitions, 8);  // 8,000 WCU: 8 partitions (§4.2)

  DynamoDbOptions bad;
  EXPECT_NE(applyDynamoDbOptions({{"warm-read", "0"}}, bad), std::nullopt);
}

// §4.3 and reference vector 19: unused capacity is banked (up to 300 s) and spent on a spike.
TEST(DynamoDbEngine, shouldAbsorbAShortSpikeWithBurstCapacityButNotALongOne) {
  // 100 WCU; 50 writes/s bank 50 units a second, 3,000 after a minute. A spike to 250/s needs
  // 150 more a second: 10 s (1,500) fit, 60 s (9,000) do not.
  RunOptions shortSpike = seconds(120);
  shortSpike.rate = RateChoice::Spike;
  shortSpike.spikeStartSeconds = 60;
  shortSpike.spikeLengthSeconds = 10;
  const RunResult absorbed = simulate(docProject(1e6, 50, 250), provisioned(10, 100), shortSpike);
  EXPECT_EQ(absorbed.patterns[0].throttled, 0);

  RunOptions longSpike = shortSpike;
  longSpike.spikeLengthSeconds = 60;
  const RunResult throttled = simulate(docProject(1e6, 50, 250), provisioned(10, 100), longSpike);
  const PatternResult& p = throttled.patterns[0];
  EXPECT_GT(reasonCount(p, "TableWriteProvisionedThroughputExceeded"), 0);
  // The bank lasts about 3,000 / 150 = 20 s into the spike.
  EXPECT_EQ(throttledFrom(p, 0) - throttledFrom(p, 75), 0);
  EXPECT_GT(throttledFrom(p, 85), 0);

  DynamoDbOptions noBurst = provisioned(10, 100);
  noBurst.burst = false;
  EXPECT_GT(simulate(docProject(1e6, 50, 250), noBurst, shortSpike).patterns[0].throttled, 0);
}

// §4.4: two hot keys on one partition are split apart, after which each has 1,000 WCU.
TEST(DynamoDbEngine, shouldSplitForHeatToRelieveTwoHotKeysThatShareAPartition) {
  DynamoDbOptions options = provisioned(10, 3000);
  options.initialPartitions = 1;  // both keys on one partition
  // Two documents at 700 writes a second each: 1,400 on a partition that serves 1,000.
  const RunResult split = simulate(docProject(2, 1400, 1400), options, seconds(30));
  const PatternResult& p = split.patterns[0];
  EXPECT_GT(throttledFrom(p, 0), 0);   // hot at first
  EXPECT_EQ(throttledFrom(p, 10), 0);  // split after 3 seconds, then calm
  ASSERT_EQ(split.partitions.owners.size(), 1u);
  EXPECT_EQ(split.partitions.owners[0].partitions, 2);
  EXPECT_EQ(split.partitions.owners[0].splits, 1);

  options.splitForHeat = false;
  const RunResult stuck = simulate(docProject(2, 1400, 1400), options, seconds(30));
  EXPECT_GT(throttledFrom(stuck.patterns[0], 10), 1000);
}

// §3.4: a GSI without the write capacity for its entries throttles the writes to the table.
TEST(DynamoDbEngine, shouldThrottleBaseTableWritesWhenAGsiLacksWriteCapacity) {
  DynamoDbOptions options = provisioned(10, 2000);
  options.provisioned.push_back({"ByTag", 10, 100});
  const RunResult r = simulate(docProjectWithIndex(1e6, 500), options, seconds(30));
  const PatternResult& p = r.patterns[0];
  EXPECT_GT(reasonCount(p, "IndexWriteProvisionedThroughputExceeded"), 0);
  EXPECT_EQ(reasonCount(p, "TableWriteProvisionedThroughputExceeded"), 0);
  EXPECT_EQ(reasonCount(p, "TableWriteKeyRangeThroughputExceeded"), 0);
  // The table is held to what the index can take: about 100 writes a second, not 500.
  ASSERT_EQ(r.partitions.owners.size(), 2u);
  const CapacityOwnerReport& table = r.partitions.owners[0];
  EXPECT_LT(table.writeUnits / r.durationSeconds, 150);

  // With enough index capacity nothing is throttled, and every table write has its index write.
  DynamoDbOptions ample = provisioned(10, 2000);
  ample.provisioned.push_back({"ByTag", 10, 1000});
  const RunResult fine = simulate(docProjectWithIndex(1e6, 500), ample, seconds(30));
  EXPECT_EQ(fine.patterns[0].throttled, 0);
  // The entries of the writes of the last instants land in the drain, where they are not counted.
  const double tableWrites = fine.partitions.owners[0].writeUnits;
  const double indexWrites = fine.partitions.owners[1].writeUnits;
  EXPECT_LE(indexWrites, tableWrites);
  EXPECT_GT(indexWrites, 0.99 * tableWrites);
}

// A Scan of the whole table (the documents by tag, which no key serves), that is, about 900 pages
// of 1 MB (128 read units each), at one a second on a table of 1,000 RCU: each Scan needs two
// minutes of the table's capacity, so most attempts are throttled and the Scans still run, page
// by page, through the drain after the last arrival.
Json scanProject() {
  Json doc = docProject(1e6, 1, 1);
  doc["accessPatterns"] = Json::parse(R"json([
    { "id": "count", "name": "documents by tag", "action": "aggregate", "entities": ["Doc"],
      "equals": ["tag"], "aggregate": { "function": "count" }, "rate": { "mean": 1 } } ])json");
  return doc;
}

// A throttled call consumes nothing; what a run consumed is what was served within its
// duration, so it cannot be more than the capacity the table had for that long, its mean cannot
// be above its peak, and every view of it (patterns, owners, heat, timeline, cost) agrees.
TEST(DynamoDbEngine, shouldCountOnlyTheUnitsServedWithinTheRunWhenMostCallsAreThrottled) {
  DynamoDbOptions options = provisioned(1000, 10);
  options.burst = false;  // the table serves 1,000 read units a second, no more
  const RunResult r = simulate(scanProject(), options, seconds(10));
  ASSERT_EQ(r.patterns.size(), 1u);
  const PatternResult& p = r.patterns[0];
  EXPECT_GT(p.throttled, 10 * p.requests);  // many throttled attempts per Scan
  EXPECT_EQ(p.succeeded, 0);                // none finishes
  EXPECT_GT(r.simulatedSeconds, 60);        // the Scans go on in the drain

  ASSERT_EQ(r.partitions.owners.size(), 1u);
  const CapacityOwnerReport& table = r.partitions.owners[0];
  const double pageUnits = 128.5;  // what one admitted call may overdraw
  EXPECT_GT(table.readUnits, 0);
  EXPECT_LE(table.readUnits, 1000 * r.durationSeconds + pageUnits);
  EXPECT_LE(table.peakReadUnitsPerSecond, 1000 + pageUnits);
  EXPECT_LE(table.readUnits / r.durationSeconds, table.peakReadUnitsPerSecond);
  EXPECT_NEAR(p.readUnits, table.readUnits, 1e-6 * table.readUnits);

  // The heat and the timeline show the drain too; their seconds within the run are the units.
  double heat = 0;
  double heatAfter = 0;
  for (const PartitionHeat& h : r.partitions.heat) {
    for (std::size_t i = 0; i < h.readUnits.size(); ++i) {
      const double second = static_cast<double>(h.fromSecond) + static_cast<double>(i);
      (second < r.durationSeconds ? heat : heatAfter) += h.readUnits[i];
    }
  }
  EXPECT_NEAR(heat, table.readUnits, 1e-6 * table.readUnits);
  EXPECT_GT(heatAfter, 0);
  double timeline = 0;
  for (const TimeBucket& b : p.timeline) {
    if (b.startSeconds < r.durationSeconds) timeline += b.readUnits;
  }
  EXPECT_NEAR(timeline, p.readUnits, 1e-6 * p.readUnits);

  // The month's on-demand price of this load is at most that of 1,000 read units a second.
  const double month = 3600.0 * prices().hoursPerMonth;
  EXPECT_LE(r.monthlyCost.onDemand,
            model::capacity::onDemandReadCost(prices(), (1000 + pageUnits) * month) +
                model::capacity::onDemandWriteCost(prices(), 0) + 1e-6);
}

TEST(DynamoDbEngine, shouldGiveIdenticalJsonForTheSameSeed) {
  RunOptions run = seconds(20);
  run.seed = 42;
  const Json doc = docProjectWithIndex(1000, 800);
  const std::string first = runResultJson(simulate(doc, DynamoDbOptions{}, run));
  EXPECT_EQ(first, runResultJson(simulate(doc, DynamoDbOptions{}, run)));
  run.seed = 43;
  EXPECT_NE(first, runResultJson(simulate(doc, DynamoDbOptions{}, run)));
}

TEST(DynamoDbEngine, shouldWriteTheFieldsOfTheJsonResult) {
  const Json j = Json::parse(
      runResultJson(simulate(docProjectWithIndex(1000, 100), DynamoDbOptions{}, seconds(5))));
  for (const char* key : {"engine", "seed", "durationSeconds", "requests", "patterns", "partitions",
                          "hotKeys", "monthlyCost"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["engine"], "dynamodb");
  const Json& p = j["patterns"][0];
  for (const char* key : {"id", "requests", "throttled", "retries", "failed", "latencyMs",
                          "readUnits", "writeUnits"}) {
    EXPECT_TRUE(p.contains(key)) << key;
  }
  for (const char* key : {"p50", "p95", "p99", "p999"}) EXPECT_TRUE(p["latencyMs"].contains(key));
  EXPECT_TRUE(j["partitions"].contains("count"));
  EXPECT_TRUE(j["partitions"].contains("throttledRequests"));
  EXPECT_TRUE(j["partitions"]["heat"][0].contains("writeUnits"));
  EXPECT_TRUE(j["hotKeys"].contains("byUnits"));
  EXPECT_TRUE(j["hotKeys"].contains("byThrottles"));
  // The latency is the service-time model's: single-digit milliseconds for a put (§6).
  EXPECT_GT(p["latencyMs"]["p50"].get<double>(), 1.0);
  EXPECT_LT(p["latencyMs"]["p50"].get<double>(), 10.0);
}

// Posts and their comments in one item collection (PK POST#{postId}); `posts` posts with 10
// comments each on average; comments are added (put) and removed (delete) at the given rates.
Json commentsProject(double posts, double addRate, double deleteRate) {
  Json doc = Json::parse(R"json({
    "format": "kvlab/1", "name": "comments",
    "entities": [
      { "name": "Post", "identifier": ["postId"], "count": 1,
        "attributes": [ { "name": "postId", "type": "S", "size": 10 },
                        { "name": "title", "type": "S", "size": 100 } ] },
      { "name": "Comment", "identifier": ["commentId"], "count": 1,
        "attributes": [ { "name": "commentId", "type": "S", "size": 10 },
                        { "name": "postId", "type": "S", "size": 10 },
                        { "name": "body", "type": "S", "size": 900 } ] } ],
    "relationships": [ { "from": "Post", "to": "Comment", "kind": "one-to-many",
                         "fanout": { "mean": 10 } } ],
    "accessPatterns": [
      { "id": "add", "name": "add a comment", "action": "put", "entities": ["Comment"],
        "rate": { "mean": 1 } },
      { "id": "remove", "name": "remove a comment", "action": "delete", "entities": ["Comment"],
        "rate": { "mean": 1 } } ],
    "designs": [
      { "name": "d", "table": { "name": "Posts", "pk": "PK", "sk": "SK" },
        "entityKeys": { "Post": { "PK": "POST#{postId}", "SK": "POST" },
                        "Comment": { "PK": "POST#{postId}", "SK": "COMMENT#{commentId}" } } } ]
  })json");
  doc["entities"][0]["count"] = posts;
  doc["entities"][1]["count"] = posts * 10;
  doc["accessPatterns"][0]["rate"]["mean"] = addRate;
  doc["accessPatterns"][1]["rate"]["mean"] = deleteRate;
  if (deleteRate <= 0) doc["accessPatterns"].erase(1);
  return doc;
}

const CapacityOwnerReport& tableOf(const RunResult& r) {
  EXPECT_FALSE(r.partitions.owners.empty());
  return r.partitions.owners.front();
}

double plannedBytes(const Json& document, const std::string& owner) {
  const model::Project project = load(document);
  const model::DesignPlan plan = model::planDesign(project, project.designs.front(), prices());
  for (const model::CapacityLoad& c : plan.capacity) {
    if (c.name == owner) return c.storedBytes;
  }
  return 0;
}

TEST(DynamoDbEngineItems, shouldStoreWhatThePlannerEstimatesInTheTableAndItsIndex) {
  const Json doc = docProjectWithIndex(200000, 10);
  const RunResult r = simulate(doc, DynamoDbOptions{}, seconds(5));
  ASSERT_EQ(r.partitions.owners.size(), 2u);
  // Puts of existing documents replace them: the table holds what it held.
  EXPECT_NEAR(r.partitions.owners[0].storedBytes, plannedBytes(doc, "table"),
              1e-6 * plannedBytes(doc, "table"));
  EXPECT_NEAR(r.partitions.owners[1].storedBytes, plannedBytes(doc, "ByTag"),
              1e-6 * plannedBytes(doc, "ByTag"));
  EXPECT_GT(r.partitions.owners[1].storedBytes, 0);
}

TEST(DynamoDbEngineItems, shouldKeepMemoryProportionalToTheItemsStored) {
  auto memoryFor = [](double documents) {
    const model::Project project = load(docProject(documents, 1, 1));
    const model::Design& design = project.designs.front();
    const model::DesignPlan plan = model::planDesign(project, design, prices());
    DynamoDbEngine engine;
    Runner runner(seconds(1));
    const EngineInput input{project, design, plan, prices(), 1, 1};
    EXPECT_TRUE(runner.run(engine, input).status.ok());
    return static_cast<double>(engine.memoryBytes());
  };
  const double small = memoryFor(100000);
  const double large = memoryFor(400000);
  // 24 bytes a collection (the hash order, 4 more, is built only when a partition splits).
  EXPECT_NEAR((large - small) / 300000.0, 24.0, 1.0);
}

TEST(DynamoDbEngineItems, shouldStoreASampleOfAKeyspaceLargerThanItsBudgetAndSaySo) {
  DynamoDbOptions options;
  options.maxStoredItems = 10000;
  const Json doc = docProject(1e6, 10, 10);
  const RunResult r = simulate(doc, options, seconds(5));
  EXPECT_NEAR(tableOf(r).storedBytes, plannedBytes(doc, "table"),
              1e-6 * plannedBytes(doc, "table"));
  bool said = false;
  for (const std::string& note : r.notes)
    said = said || note.find("one in 100 stored") != std::string::npos;
  EXPECT_TRUE(said) << "no note says the items are a sample";
}

// A keyspace far beyond memory (10^10 items, ~10 TB) runs on a sample and says so plainly;
// storage and partitions are the full size's.
TEST(DynamoDbEngineItems, shouldRunTenBillionItemsOnASample) {
  const Json doc = docProject(1e10, 100, 100);
  const RunResult r = simulate(doc, DynamoDbOptions{}, seconds(5));
  EXPECT_NEAR(tableOf(r).storedBytes, plannedBytes(doc, "table"),
              1e-6 * plannedBytes(doc, "table"));
  EXPECT_GE(tableOf(r).partitions, 1000);  // about 10 TB at 10 GB a partition
  bool said = false;
  for (const std::string& note : r.notes)
    said = said || note.find("one in 10000 stored") != std::string::npos;
  EXPECT_TRUE(said) << "no note says the items are a sample";
  EXPECT_EQ(r.patterns[0].failed, 0);
}

TEST(DynamoDbEngineItems, shouldGrowWithPutsIntoCollectionsAndShrinkWithDeletes) {
  const Json grow = commentsProject(1000, 100, 0);
  const double before = plannedBytes(grow, "table");
  const RunResult grown = simulate(grow, DynamoDbOptions{}, seconds(20));
  const PatternResult& adds = grown.patterns[0];
  Json twice = grow;
  twice["entities"][1]["count"] = 20000;
  const double commentBytes = (plannedBytes(twice, "table") - before) / 10000.0;
  EXPECT_NEAR(tableOf(grown).storedBytes - before,
              static_cast<double>(adds.succeeded) * commentBytes, commentBytes * 0.5);

  const RunResult shrunk =
      simulate(commentsProject(1000, 0.001, 100), DynamoDbOptions{}, seconds(20));
  EXPECT_LT(tableOf(shrunk).storedBytes, before);
}

TEST(DynamoDbEngineItems, shouldSplitAPartitionThatOutgrowsItsStorage) {
  // 1 MB partitions (a what-if): 20 s of 500 new 1 KB comments a second add about 10 MB.
  DynamoDbOptions options;
  options.partitionBytes = 1024.0 * 1024;
  options.initialPartitions = 1;
  const RunResult r = simulate(commentsProject(100, 500, 0), options, seconds(20));
  const CapacityOwnerReport& table = tableOf(r);
  EXPECT_GE(table.storageSplits, 8);
  EXPECT_EQ(table.partitions, table.initialPartitions + table.splits);
  // Each partition ends under its storage, within one comment's collection of slack.
  EXPECT_LT(table.storedBytes / table.partitions, options.partitionBytes);
  EXPECT_EQ(r.patterns[0].throttled, 0);
}

TEST(DynamoDbEngineItems, shouldGiveTheSameBytesForTheSameSeedWithItems) {
  RunOptions run = seconds(10);
  run.seed = 7;
  const Json doc = commentsProject(1000, 200, 50);
  EXPECT_EQ(runResultJson(simulate(doc, DynamoDbOptions{}, run)),
            runResultJson(simulate(doc, DynamoDbOptions{}, run)));
}

// Auto scaling (AutoScalingOptions): 300 writes a second against 100 WCU.
TEST(DynamoDbEngineAutoScaling, shouldRaiseCapacityStepByStepUntilThrottlingStops) {
  DynamoDbOptions options = provisioned(10, 100);
  options.autoScaling.enabled = true;
  const RunResult scaled = simulate(docProject(1e6, 300, 300), options, seconds(1500));
  const CapacityOwnerReport& table = tableOf(scaled);
  ASSERT_GE(table.scaling.size(), 3u);
  // Two minutes above 70%, then a minute for the change: not before 3:00.
  EXPECT_GE(table.scaling.front().second, 180);
  EXPECT_NEAR(table.scaling.front().write, std::ceil(100 / 0.7), 3);  // consumed ~100 / target
  for (std::size_t i = 1; i < table.scaling.size(); ++i) {
    EXPECT_GE(table.scaling[i].write, table.scaling[i - 1].write);
  }
  EXPECT_GE(table.scaling.back().write, 300 / 0.7 - 5);
  const PatternResult& p = scaled.patterns[0];
  EXPECT_EQ(throttledFrom(p, 1200), 0);

  options.autoScaling.enabled = false;
  const RunResult fixed = simulate(docProject(1e6, 300, 300), options, seconds(1500));
  EXPECT_GT(throttledFrom(fixed.patterns[0], 1200), 10000);
  EXPECT_GT(fixed.patterns[0].failed, p.failed);
  EXPECT_GT(table.meanProvisionedWrite, 100);
  EXPECT_LT(table.meanProvisionedWrite, 430);
}

TEST(DynamoDbEngineAutoScaling, shouldLowerCapacityAfterFifteenQuietMinutes) {
  DynamoDbOptions options = provisioned(10, 1000);
  options.autoScaling.enabled = true;
  const RunResult r = simulate(docProject(1e6, 100, 100), options, seconds(1200));
  const CapacityOwnerReport& table = tableOf(r);
  // One change: reads 10 -> 1 and writes 1000 -> 143 together; then 100 of 143 is the target.
  ASSERT_EQ(table.scaling.size(), 1u);
  // 15 minutes at 10% (<= 70% - 20 points), then a minute for the change.
  EXPECT_EQ(table.scaling.front().second, 960);
  EXPECT_NEAR(table.scaling.front().write, std::ceil(100 / 0.7), 6);  // Poisson arrivals
  EXPECT_EQ(r.patterns[0].throttled, 0);
  EXPECT_LT(table.meanProvisionedWrite, 1000);
  EXPECT_LT(r.monthlyCost.provisioned,
            simulate(docProject(1e6, 100, 100), provisioned(10, 1000), seconds(1200))
                .monthlyCost.provisioned);
}

}  // namespace
}  // namespace kvlab::sim
