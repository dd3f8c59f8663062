#include "model/design/planner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include <nlohmann/json.hpp>

#include "model/design/plan_json.h"
#include "model/io/project_file.h"
#include "model/io/project_json.h"
#include "model/schema/project_validator.h"
#include "tests/support/test_files.h"

namespace kvlab::model {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::ordered_json;

const capacity::PriceSheet& prices() {
  static const capacity::PriceSheet sheet = [] {
    auto load =
        capacity::PriceSheet::load(test::sourceDir() / "data/prices/us-east-1-2024-11.json");
    EXPECT_TRUE(load.ok());
    return *load.sheet;
  }();
  return sheet;
}

// One entity whose items are exactly 1,500 bytes in design "d": the attributes (12 + 4 + 1438),
// PK "DOC#{id}" (2 + 14), SK "DOC" (2 + 3), GSI1PK "{id}" (6 + 10), GSI1SK "DOC" (6 + 3).
Json docProject() {
  return Json::parse(R"json({
    "format": "kvlab/1", "name": "docs",
    "entities": [
      { "name": "Doc", "identifier": ["id"], "count": 1000000,
        "attributes": [ { "name": "id", "type": "S", "size": 10 },
                        { "name": "body", "type": "S", "size": 1438 },
                        { "name": "status", "type": "S", "size": 4, "distinct": 2 } ] } ],
    "accessPatterns": [
      { "id": "get", "name": "a doc", "action": "get", "entities": ["Doc"], "equals": ["id"],
        "rate": { "mean": 100, "peak": 400 } },
      { "id": "put", "name": "write a doc", "action": "put", "entities": ["Doc"],
        "rate": { "mean": 10, "peak": 50 } }
    ],
    "designs": [
      { "name": "d", "table": { "name": "Docs", "pk": "PK", "sk": "SK" },
        "entityKeys": { "Doc": { "PK": "DOC#{id}", "SK": "DOC" } },
        "gsis": [ { "name": "GSI1", "pk": "GSI1PK", "sk": "GSI1SK", "projection": "ALL",
                    "entityKeys": { "Doc": { "GSI1PK": "{id}", "GSI1SK": "DOC" } } } ] } ]
  })json");
}

Project load(const Json& document) {
  ProjectReadResult read = readProjectJson(document.dump(), "test.kvlab.json");
  validateProject(read.project, "test.kvlab.json", read.diagnostics);
  for (const Diagnostic& d : read.diagnostics.items()) ADD_FAILURE() << formatDiagnostic(d);
  return read.project;
}

DesignPlan plan(const Json& document, PlannerOptions options = {}) {
  const Project project = load(document);
  return planDesign(project, project.designs.front(), prices(), options);
}

bool hasWarning(const PatternPlan& plan, const std::string& code) {
  for (const PlanWarning& w : plan.warnings) {
    if (w.code == code) return true;
  }
  return false;
}

TEST(Planner, shouldEstimateTheItemFromItsAttributesAndTheKeysTheDesignAdds) {
  const DesignPlan p = plan(docProject());
  ASSERT_EQ(p.items.size(), 1u);
  // 1,500 bytes plus the status attribute (6 + 4).
  EXPECT_EQ(p.items[0].averageBytes, 1510);
}

TEST(Planner, shouldGetAnItemByItsFullKeyForHalfAUnit) {
  Json doc = docProject();
  doc["entities"][0]["attributes"].erase(2);
  const DesignPlan planned = plan(doc);
  const PatternPlan& get = planned.patterns[0];
  EXPECT_TRUE(get.served);
  EXPECT_EQ(get.index, "table");
  EXPECT_EQ(get.operation, Operation::GetItem);
  EXPECT_EQ(get.keyCondition, "PK = DOC#{id} AND SK = DOC");
  EXPECT_DOUBLE_EQ(get.readUnitsPerRequest, 0.5);
}

TEST(Planner, shouldChargeAStrongReadAWholeUnit) {
  Json doc = docProject();
  doc["accessPatterns"][0]["consistency"] = "strong";
  EXPECT_DOUBLE_EQ(plan(doc).patterns[0].readUnitsPerRequest, 1);
}

// Reference vector 22: a 1.5 KB item inserted into a table with one ALL-projection GSI costs
// 2 (table) + 2 (GSI) = 4 write units.
TEST(Planner, shouldChargeAPutOnTheTableAndOnEveryIndexThatHoldsTheItem) {
  Json doc = docProject();
  doc["entities"][0]["attributes"].erase(2);
  const DesignPlan p = plan(doc);
  const PatternPlan& put = p.patterns[1];
  EXPECT_EQ(put.operation, Operation::PutItem);
  EXPECT_DOUBLE_EQ(put.writeUnitsPerRequest, 4);
  ASSERT_EQ(put.writeUnitsByCapacity.size(), 2u);
  EXPECT_EQ(put.writeUnitsByCapacity[1].first, "GSI1");
  EXPECT_DOUBLE_EQ(put.writeUnitsByCapacity[1].second, 2);
}

TEST(Planner, shouldLeaveAnItemOutOfASparseIndex) {
  Json doc = docProject();
  doc["designs"][0]["gsis"][0]["entityKeys"] = Json::object();
  EXPECT_DOUBLE_EQ(plan(doc).patterns[1].writeUnitsPerRequest, 2);
}

// Reference vector 14: a transaction writing 3 items of 500 bytes costs 6 write units.
TEST(Planner, shouldChargeATransactionTwicePerItem) {
  Json doc = docProject();
  doc["entities"][0]["attributes"][1]["size"] = 438;  // 500-byte items
  doc["entities"][0]["attributes"].erase(2);
  doc["designs"][0]["gsis"] = Json::array();
  doc["accessPatterns"].push_back(Json::parse(R"({"id": "tx", "name": "three docs",
      "action": "transaction", "entities": ["Doc"], "itemsPerRequest": 3})"));
  const DesignPlan p = plan(doc);
  EXPECT_EQ(p.items[0].averageBytes, 500 - 25);  // without the GSI key attributes
  const PatternPlan& tx = *p.find("tx");
  EXPECT_EQ(tx.operation, Operation::TransactWriteItems);
  EXPECT_DOUBLE_EQ(tx.writeUnitsPerRequest, 6);
}

TEST(Planner, shouldWarnThatATransactionOverOneHundredItemsMustBeSplit) {
  Json doc = docProject();
  doc["accessPatterns"].push_back(Json::parse(R"({"id": "tx", "name": "many",
      "action": "transaction", "entities": ["Doc"], "itemsPerRequest": 150})"));
  ProjectReadResult read = readProjectJson(doc.dump(), "t");
  const DesignPlan p = planDesign(read.project, read.project.designs[0], prices());
  EXPECT_TRUE(hasWarning(*p.find("tx"), "transaction-too-large"));
}

TEST(Planner, shouldQueryAGsiWhenOnlyItsKeysMatchAndSayItCannotReadStrongly) {
  Json doc = docProject();
  doc["designs"][0]["gsis"][0]["entityKeys"]["Doc"] = {{"GSI1PK", "STATUS#{status}"},
                                                       {"GSI1SK", "{id}"}};
  doc["accessPatterns"].push_back(Json::parse(R"({"id": "byStatus", "name": "by status",
      "action": "query", "entities": ["Doc"], "equals": ["status"], "limit": 10,
      "consistency": "strong"})"));
  const DesignPlan planned = plan(doc);
  const PatternPlan& query = *planned.find("byStatus");
  EXPECT_TRUE(query.served);
  EXPECT_EQ(query.index, "GSI1");
  EXPECT_EQ(query.operation, Operation::Query);
  EXPECT_EQ(query.keyCondition, "GSI1PK = STATUS#{status}");
  EXPECT_DOUBLE_EQ(query.itemsPerRequest, 10);
  // Ten entries of 1,525 bytes: 15,250 bytes, 4 blocks of 4 KB, eventually consistent.
  EXPECT_DOUBLE_EQ(query.readUnitsPerRequest, 2);
  EXPECT_TRUE(hasWarning(query, "strong-read-on-gsi"));
}

TEST(Planner, shouldReadEveryItemOfAKeyValueFromAGsiWithoutASortKey) {
  Json doc = docProject();
  doc["designs"][0]["gsis"][0] = Json::parse(R"({"name": "GSI1", "pk": "GSI1PK", "sk": null,
      "projection": "ALL", "entityKeys": {"Doc": {"GSI1PK": "STATUS#{status}"}}})");
  doc["accessPatterns"].push_back(Json::parse(R"({"id": "byStatus", "name": "by status",
      "action": "query", "entities": ["Doc"], "equals": ["status"]})"));
  const DesignPlan planned = plan(doc);
  const PatternPlan& query = *planned.find("byStatus");
  EXPECT_EQ(query.index, "GSI1");
  // A GSI key need not be unique: 10^6 documents over 2 status values.
  EXPECT_DOUBLE_EQ(query.itemsPerRequest, 500000);
}

TEST(Planner, shouldFlagAPartitionKeyWithTooFewValuesForItsWriteRate) {
  Json doc = docProject();
  doc["designs"][0]["gsis"][0]["entityKeys"]["Doc"] = {{"GSI1PK", "STATUS#{status}"},
                                                       {"GSI1SK", "{id}"}};
  doc["accessPatterns"][1]["rate"] = {{"mean", 2000}, {"peak", 3000}};
  const DesignPlan planned = plan(doc);
  const PatternPlan& put = planned.patterns[1];
  ASSERT_TRUE(hasWarning(put, "hot-key"));
  // 3,000 puts a second, 2 GSI units each, over 2 status values: 3,000 units on one value.
  bool named = false;
  for (const PlanWarning& w : put.warnings) {
    named = named || (w.code == "hot-key" && w.message.find("GSI1") != std::string::npos &&
                      w.message.find("3000 write units") != std::string::npos);
  }
  EXPECT_TRUE(named);
}

TEST(Planner, shouldScanAndSayWhyWhenNoKeyServesThePattern) {
  Json doc = docProject();
  doc["accessPatterns"].push_back(Json::parse(R"({"id": "byStatus", "name": "by status",
      "action": "query", "entities": ["Doc"], "equals": ["status"]})"));
  const DesignPlan p = plan(doc);
  const PatternPlan& query = *p.find("byStatus");
  EXPECT_FALSE(query.served);
  EXPECT_TRUE(query.scan);
  EXPECT_EQ(query.operation, Operation::Scan);
  EXPECT_THAT(query.reason, HasSubstr("a GSI with that partition key would serve it"));
  EXPECT_EQ(query.filter, std::vector<std::string>{"status"});
  // A scan reads the whole table: 10^6 items of 1,510 bytes.
  EXPECT_DOUBLE_EQ(query.itemsPerRequest, 1e6);
  EXPECT_DOUBLE_EQ(query.readUnitsPerRequest, std::ceil(1510e6 / 4096) * 0.5);
}

TEST(Planner, shouldPriceTheMonthFromTheRatesAndTheSheet) {
  Json doc = docProject();
  doc["entities"][0]["attributes"].erase(2);
  const DesignPlan p = plan(doc);
  const double seconds = 730 * 3600;
  // get: 100/s x 0.5; put: 10/s x 2 on the table and 10/s x 2 on GSI1.
  const double onDemand = 100 * 0.5 * seconds * 0.125 / 1e6 + 10 * 4 * seconds * 0.625 / 1e6;
  EXPECT_NEAR(p.monthlyCost.onDemand, onDemand, 1e-6);
  // Peaks with 20% headroom: table 400 x 0.5 = 200 -> 240 RCU, 50 x 2 = 100 -> 120 WCU; GSI1 at
  // least 1 RCU and 120 WCU.
  const double provisioned = (240 + 1) * 730 * 0.00013 + (120 + 120) * 730 * 0.00065;
  EXPECT_NEAR(p.monthlyCost.provisioned, provisioned, 1e-6);
  // 10^6 items of 1,500 bytes + 100, in the table and again in GSI1 (ALL projection).
  EXPECT_NEAR(p.monthlyCost.storage, 2 * 1e6 * 1600 / 1e9 * 0.25, 1e-6);
  EXPECT_DOUBLE_EQ(p.readUnitsPerSecond, 50);
  EXPECT_DOUBLE_EQ(p.writeUnitsPerSecond, 40);
}

TEST(Planner, shouldSayWhereTheStatedPlanDisagrees) {
  Json doc = docProject();
  doc["designs"][0]["plan"] = {{"get", {{"index", "GSI1"}, {"operation", "Query"}}}};
  const DesignPlan planned = plan(doc);
  const PatternPlan& get = planned.patterns[0];
  ASSERT_TRUE(get.stated);
  EXPECT_FALSE(get.agreesWithStated);
  EXPECT_TRUE(hasWarning(get, "stated-plan-differs"));
}

TEST(Planner, shouldFindTheKeyFirstWhenAnUpdateDoesNotGiveIt) {
  Json doc = docProject();
  doc["designs"][0]["entityKeys"]["Doc"]["SK"] = "DOC#{status}";
  doc["designs"][0]["gsis"][0]["entityKeys"]["Doc"] = {{"GSI1PK", "{id}"}, {"GSI1SK", "DOC"}};
  doc["accessPatterns"].push_back(Json::parse(R"({"id": "upd", "name": "update",
      "action": "update", "entities": ["Doc"], "equals": ["id"]})"));
  const DesignPlan planned = plan(doc);
  const PatternPlan& update = *planned.find("upd");
  EXPECT_TRUE(hasWarning(update, "key-lookup-first"));
  EXPECT_GT(update.readUnitsPerRequest, 0);
  // The update may change status, which the sort key holds: the item moves (see below).
  EXPECT_EQ(update.operation, Operation::TransactWriteItems);
}

double unitsOn(const std::vector<std::pair<std::string, double>>& byOwner,
               const std::string& owner) {
  for (const auto& [name, units] : byOwner) {
    if (name == owner) return units;
  }
  return 0;
}

// kvlab/1 does not say which attributes an update sets: it may change any but the identifier,
// what it is given by equality, and a parent's identifier.
TEST(Planner, shouldTakeAnUpdateToChangeNeitherTheIdentifierNorWhatFindsTheItemNorItsParent) {
  Json doc = docProject();
  doc["entities"][0]["attributes"].push_back({{"name", "folderId"}, {"type", "S"}});
  doc["entities"].push_back(Json::parse(R"({"name": "Folder", "identifier": ["folderId"],
      "attributes": [{"name": "folderId", "type": "S"}]})"));
  doc["relationships"] = Json::parse(R"([{"from": "Folder", "to": "Doc", "kind": "one-to-many"}])");
  doc["accessPatterns"].push_back(Json::parse(R"({"id": "upd", "name": "update",
      "action": "update", "entities": ["Doc"], "equals": ["id", "status"]})"));
  const Project project = load(doc);
  EXPECT_EQ(attributesAnUpdateMayChange(project, *project.findPattern("upd"), "Doc"),
            std::vector<std::string>{"body"});
  EXPECT_TRUE(attributesAnUpdateMayChange(project, *project.findPattern("get"), "Doc").empty());
}

// R17: an attribute an update may change, in the table's key, moves the item: a delete and a put
// in one transaction (each twice), and every index entry deleted and written again.
TEST(Planner, shouldPriceAnUpdateThatMayChangeTheTableKeyAsADeleteAndAPut) {
  Json doc = docProject();
  doc["designs"][0]["entityKeys"]["Doc"]["SK"] = "DOC#{status}";
  doc["accessPatterns"].push_back(Json::parse(R"({"id": "upd", "name": "update",
      "action": "update", "entities": ["Doc"], "equals": ["id"], "rate": {"mean": 1}})"));
  const DesignPlan planned = plan(doc);
  const PatternPlan& update = *planned.find("upd");
  EXPECT_EQ(update.operation, Operation::TransactWriteItems);
  EXPECT_TRUE(hasWarning(update, "key-change"));
  // 1,517 bytes: 2 units a write; a delete and a put, each twice: 8. GSI1: a delete and a put.
  EXPECT_EQ(unitsOn(update.writeUnitsByCapacity, "table"), 8);
  EXPECT_EQ(unitsOn(update.writeUnitsByCapacity, "GSI1"), 4);

  // Keyed on what the update does not change: an UpdateItem and one write of the entry.
  Json unchanged = docProject();
  unchanged["accessPatterns"].push_back(Json::parse(R"({"id": "upd", "name": "update",
      "action": "update", "entities": ["Doc"], "equals": ["id"]})"));
  const DesignPlan inPlacePlan = plan(unchanged);
  const PatternPlan& inPlace = *inPlacePlan.find("upd");
  EXPECT_EQ(inPlace.operation, Operation::UpdateItem);
  EXPECT_FALSE(hasWarning(inPlace, "key-change"));
  EXPECT_EQ(unitsOn(inPlace.writeUnitsByCapacity, "table"), 2);
  EXPECT_EQ(unitsOn(inPlace.writeUnitsByCapacity, "GSI1"), 2);
}

// R17 on an index: the old entry is deleted and the new one written, two writes instead of one.
TEST(Planner, shouldPriceTwoIndexWritesWhenAnUpdateMayChangeTheIndexKey) {
  Json doc = docProject();
  doc["designs"][0]["gsis"][0]["entityKeys"]["Doc"]["GSI1SK"] = "{status}";
  doc["accessPatterns"].push_back(Json::parse(R"({"id": "upd", "name": "update",
      "action": "update", "entities": ["Doc"], "equals": ["id"]})"));
  const DesignPlan planned = plan(doc);
  const PatternPlan& update = *planned.find("upd");
  EXPECT_EQ(update.operation, Operation::UpdateItem);
  EXPECT_TRUE(hasWarning(update, "key-change"));
  EXPECT_EQ(unitsOn(update.writeUnitsByCapacity, "table"), 2);
  EXPECT_EQ(unitsOn(update.writeUnitsByCapacity, "GSI1"), 4);
}

// R8: an index keyed on an attribute that 1% of the items carry holds, stores and writes 1% of
// them. `presence` is KV Lab's extension of kvlab/1 (docs/file-format.md).
TEST(Planner, shouldHoldOnlyTheItemsThatCarryTheKeyInASparseIndex) {
  Json doc = docProject();
  doc["entities"][0]["attributes"].push_back(
      {{"name", "flaggedAt"}, {"type", "S"}, {"size", 24}, {"presence", 0.01}});
  doc["designs"][0]["gsis"][0]["entityKeys"]["Doc"] = {{"GSI1PK", "FLAGGED"},
                                                       {"GSI1SK", "{flaggedAt}"}};
  doc["accessPatterns"].push_back(Json::parse(R"({"id": "flagged", "name": "flagged docs",
      "action": "query", "entities": ["Doc"], "equals": ["status"], "filter": ["flaggedAt"]})"));
  ProjectReadResult read = readProjectJson(doc.dump(), "test.kvlab.json");
  validateProject(read.project, "test.kvlab.json", read.diagnostics);
  EXPECT_FALSE(read.diagnostics.hasErrors());
  const Project project = read.project;
  const DesignPlan sparse = planDesign(project, project.designs.front(), prices());
  ASSERT_EQ(sparse.capacity.size(), 2u);
  EXPECT_DOUBLE_EQ(sparse.capacity[1].items, 10000);
  // A put writes an entry for 1 item in 100: 2 units each.
  EXPECT_NEAR(unitsOn(sparse.find("put")->writeUnitsByCapacity, "GSI1"), 0.02, 1e-12);

  Project dense = project;
  dense.entities[0].attributes.back().presence.reset();
  const DesignPlan full = planDesign(dense, dense.designs.front(), prices());
  EXPECT_DOUBLE_EQ(full.capacity[1].items, 1000000);
  EXPECT_NEAR(full.capacity[1].storageMonthly / sparse.capacity[1].storageMonthly, 100, 1e-6);
}

TEST(Planner, shouldWarnThatAnAggregateIsComputedByTheClient) {
  Json doc = docProject();
  doc["accessPatterns"].push_back(Json::parse(R"({"id": "count", "name": "count",
      "action": "aggregate", "entities": ["Doc"], "equals": ["id"],
      "aggregate": {"function": "count"}})"));
  const DesignPlan planned = plan(doc);
  EXPECT_TRUE(hasWarning(*planned.find("count"), "aggregate-client-side"));
}

TEST(Planner, shouldWarnWhenItemsMayPassFourHundredKilobytes) {
  Json doc = docProject();
  doc["entities"][0]["attributes"][1]["size"] = 300000;
  bool warned = false;
  const DesignPlan planned = plan(doc);
  for (const PlanWarning& w : planned.warnings) warned = warned || w.code == "item-too-large";
  EXPECT_TRUE(warned);
}

TEST(Planner, shouldPrintThePlanAsJsonWithTheDocumentedFields) {
  const Json json = Json::parse(designPlanJson(plan(docProject())));
  for (const char* field : {"design", "patterns", "gsiCount", "unitsPerSecond", "monthlyCost"}) {
    EXPECT_TRUE(json.contains(field)) << field;
  }
  const Json& pattern = json["patterns"][0];
  for (const char* field :
       {"id", "served", "index", "operation", "keyCondition", "scan", "filter", "itemsPerRequest",
        "readUnitsPerRequest", "writeUnitsPerRequest", "warnings"}) {
    EXPECT_TRUE(pattern.contains(field)) << field;
  }
  EXPECT_TRUE(json["monthlyCost"].contains("onDemand"));
  EXPECT_TRUE(json["unitsPerSecond"].contains("read"));
}

// Counts and sizes at the format's limits give byte totals far beyond 64-bit integers: the plan
// stays finite and positive instead of overflowing.
TEST(Planner, shouldPriceAnAstronomicalDesignWithoutOverflowing) {
  Json doc = docProject();
  doc["entities"][0]["count"] = 1000000000000000;
  doc["entities"][0]["attributes"][1]["size"] = 409600;
  doc["accessPatterns"].push_back(Json::parse(R"({"id": "all", "name": "all", "action": "scan",
      "entities": ["Doc"], "rate": {"mean": 1}})"));
  const DesignPlan p = plan(doc);
  EXPECT_GT(p.capacity[0].storedBytes, 4e20);
  EXPECT_TRUE(std::isfinite(p.monthlyCost.storage));
  EXPECT_GT(p.find("all")->readUnitsPerRequest, 1e16);
}

// On the published designs, the planner picks the experts' own index and operation.
TEST(Planner, shouldAgreeWithTheExpertsStatedPlansOnThePublishedDesigns) {
  const auto files = test::corpusDesignFiles();
  ASSERT_FALSE(files.empty()) << "no corpus at " << test::sharedDir();
  int stated = 0;
  int agreeing = 0;
  for (const auto& file : files) {
    ProjectLoadResult loaded = loadProjectFile(file);
    ASSERT_TRUE(loaded.ok()) << file;
    for (const Design& design : loaded.project->designs) {
      const DesignPlan p = planDesign(*loaded.project, design, prices());
      for (const PatternPlan& pattern : p.patterns) {
        if (!pattern.stated) continue;
        ++stated;
        if (pattern.agreesWithStated) {
          ++agreeing;
        } else {
          // Where it disagrees it says why.
          EXPECT_TRUE(hasWarning(pattern, "stated-plan-differs"))
              << file << " " << pattern.patternId;
          ADD_FAILURE() << file.filename() << " " << pattern.patternId << ": "
                        << pattern.warnings.back().message;
        }
      }
    }
  }
  EXPECT_GT(stated, 50);
  EXPECT_GE(agreeing, stated * 9 / 10);
}

}  // namespace
}  // namespace kvlab::model
