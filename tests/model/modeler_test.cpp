#include "model/modeler/modeler.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "model/design/planner.h"
#include "model/io/project_file.h"
#include "model/io/project_json.h"
#include "model/schema/project_validator.h"
#include "tests/support/test_files.h"

namespace kvlab::model {
namespace {

using Json = nlohmann::ordered_json;

const capacity::PriceSheet& prices() {
  static const capacity::PriceSheet sheet =
      *capacity::PriceSheet::load(test::sourceDir() / "data/prices/us-east-1-2024-11.json").sheet;
  return sheet;
}

Project loadOrFail(const std::filesystem::path& file) {
  ProjectLoadResult loaded = loadProjectFile(file);
  EXPECT_TRUE(loaded.ok()) << file;
  return loaded.project.value_or(Project{});
}

int scans(const DesignPlan& plan, const Project& project) {
  int count = 0;
  for (const PatternPlan& p : plan.patterns) {
    if (p.scan && project.findPattern(p.patternId)->action != Action::Scan) ++count;
  }
  return count;
}

double monthly(const DesignPlan& plan) {
  return plan.monthlyCost.onDemand + plan.monthlyCost.storage;
}

// Every proposal is a valid design of the project.
void expectValid(const Project& project, const Proposal& proposal) {
  Project withProposal = project;
  withProposal.designs = {proposal.design};
  Diagnostics diagnostics;
  validateProject(withProposal, "proposal", diagnostics);
  for (const Diagnostic& d : diagnostics.items()) {
    if (d.severity == Severity::Error) ADD_FAILURE() << formatDiagnostic(d);
  }
}

class PublishedDesign : public ::testing::TestWithParam<std::filesystem::path> {};

// The proposal serves by key every pattern the expert serves by key, with no more GSIs, at no
// more cost than the expert's design priced by the same planner. With compact key prefixes, as
// the published designs write them (c#, p#), the cost is compared exactly.
TEST_P(PublishedDesign, shouldProposeADesignAsGoodAsTheExperts) {
  const Project project = loadOrFail(GetParam());
  const Design* expert = project.findDesign("expert");
  ASSERT_NE(expert, nullptr);
  const DesignPlan expertPlan = planDesign(project, *expert, prices());
  ModelerOptions options;
  options.compactKeys = true;
  const ModelerResult result = proposeDesigns(project, prices(), options);
  ASSERT_TRUE(result.error.empty()) << result.error;
  ASSERT_FALSE(result.proposals.empty());
  const Proposal& best = result.proposals.front();
  expectValid(project, best);
  EXPECT_LE(scans(best.plan, project), scans(expertPlan, project));
  for (const PatternPlan& p : expertPlan.patterns) {
    if (!p.scan) {
      EXPECT_FALSE(best.plan.find(p.patternId)->scan) << p.patternId;
    }
  }
  EXPECT_LE(best.plan.gsiCount, expertPlan.gsiCount);
  EXPECT_LE(monthly(best.plan), monthly(expertPlan) * (1 + 1e-9));
}

// Readable prefixes (CUSTOMER#) make keys a few bytes longer; the structure is as good.
TEST_P(PublishedDesign, shouldProposeAReadableDesignWithNoMoreIndexesOrScans) {
  const Project project = loadOrFail(GetParam());
  const DesignPlan expertPlan = planDesign(project, *project.findDesign("expert"), prices());
  const ModelerResult result = proposeDesigns(project, prices());
  ASSERT_FALSE(result.proposals.empty());
  const Proposal& best = result.proposals.front();
  expectValid(project, best);
  EXPECT_LE(scans(best.plan, project), scans(expertPlan, project));
  EXPECT_LE(best.plan.gsiCount, expertPlan.gsiCount);
  EXPECT_LE(monthly(best.plan), monthly(expertPlan) * 1.10);
  for (const std::string& reason : best.reasons) EXPECT_FALSE(reason.empty());
}

INSTANTIATE_TEST_SUITE_P(Corpus, PublishedDesign,
                         ::testing::ValuesIn(test::corpusDesignFilesForParameters()),
                         test::corpusTestName);

std::string designsText(const ModelerResult& result) {
  Project holder;
  holder.name = "holder";
  for (const Proposal& p : result.proposals) holder.designs.push_back(p.design);
  return writeProjectJson(holder);
}

TEST(Modeler, shouldGiveTheSameProposalsWhateverTheOrderOfTheInput) {
  Project project = loadOrFail(test::sourceDir() / "samples/online-shop.kvlab.json");
  const std::string expected = designsText(proposeDesigns(project, prices()));
  std::mt19937 random(7);
  for (int round = 0; round < 3; ++round) {
    std::shuffle(project.entities.begin(), project.entities.end(), random);
    std::shuffle(project.relationships.begin(), project.relationships.end(), random);
    std::shuffle(project.accessPatterns.begin(), project.accessPatterns.end(), random);
    for (Entity& e : project.entities)
      std::shuffle(e.attributes.begin(), e.attributes.end(), random);
    EXPECT_EQ(designsText(proposeDesigns(project, prices())), expected) << "round " << round;
  }
}

TEST(Modeler, shouldProposeTheSameOnAnotherThreadAndLeaveNothingOfItBehind) {
  const Project project = loadOrFail(test::sourceDir() / "samples/online-shop.kvlab.json");
  const std::string expected = designsText(proposeDesigns(project, prices()));
  // Twice on threads that then end, as the studio's workers do: GLPK's per-thread environment
  // must not outlive them (the sanitizer build reports it as a leak otherwise).
  for (int run = 0; run < 2; ++run) {
    std::string there;
    std::thread worker([&] { there = designsText(proposeDesigns(project, prices())); });
    worker.join();
    EXPECT_EQ(there, expected) << "run " << run;
  }
  EXPECT_EQ(designsText(proposeDesigns(project, prices())), expected);
}

TEST(Modeler, shouldServeEveryPatternOfTheShopByKeyAndExplainEachChoice) {
  const Project project = loadOrFail(test::sourceDir() / "samples/online-shop.kvlab.json");
  const ModelerResult result = proposeDesigns(project, prices());
  ASSERT_GE(result.proposals.size(), 2u);
  for (const Proposal& proposal : result.proposals) expectValid(project, proposal);
  const Proposal& best = result.proposals.front();
  EXPECT_EQ(best.design.name, "proposal-1");
  EXPECT_EQ(scans(best.plan, project), 0);
  // The order and its items come back in one Query of one item collection.
  const PatternPlan& orderWithItems = *best.plan.find("AP3");
  EXPECT_EQ(orderWithItems.operation, Operation::Query);
  EXPECT_EQ(orderWithItems.index, "table");
  EXPECT_THAT(best.reasons, ::testing::Contains(::testing::HasSubstr("item collection (R1)")));
  // Proposals are ranked and differ in their table keys.
  EXPECT_LE(best.monthlyCost, result.proposals[1].monthlyCost);
  auto designText = [](const Design& design) {
    Project holder;
    holder.designs = {design};
    return writeProjectJson(holder);
  };
  EXPECT_NE(designText(best.design), designText(result.proposals[1].design));
}

TEST(Modeler, shouldWriteReadableKeysWithGenericNamesInAnOverloadedTable) {
  const Project project = loadOrFail(test::sourceDir() / "samples/online-shop.kvlab.json");
  const ModelerResult result = proposeDesigns(project, prices());
  ASSERT_FALSE(result.proposals.empty());
  const Design& design = result.proposals.front().design;
  EXPECT_EQ(design.table.pk, "PK");
  EXPECT_EQ(design.table.sk, "SK");
  EXPECT_EQ(*design.findEntity("Customer")->find("PK"), "CUSTOMER#{customerId}");
  for (const SecondaryIndex& gsi : design.gsis) {
    EXPECT_THAT(gsi.name, ::testing::MatchesRegex("GSI[0-9]+"));
  }
}

// Events written 3,000 a second into two days: any key by day takes 1,500 write units a second on
// one value, over a partition's 1,000. The modeler keys by day (the query needs it) and says how
// to shard; the count over all events is left to a Scan with the price of a counter instead.
Project busyDays() {
  const char* text = R"json({ "format": "kvlab/1", "name": "events",
    "entities": [ { "name": "Event", "identifier": ["eventId"], "count": 10000000,
      "attributes": [ { "name": "eventId", "type": "S", "size": 16 },
                      { "name": "day", "type": "S", "size": 10, "distinct": 2 },
                      { "name": "body", "type": "S", "size": 200 } ] } ],
    "accessPatterns": [
      { "id": "WRITE", "name": "record an event", "action": "put", "entities": ["Event"],
        "rate": { "mean": 3000 } },
      { "id": "DAY", "name": "a day's events", "action": "query", "entities": ["Event"],
        "equals": ["day"], "limit": 100, "rate": { "mean": 10 } },
      { "id": "COUNT", "name": "events so far", "action": "aggregate", "entities": ["Event"],
        "aggregate": { "function": "count" }, "rate": { "mean": 1 } } ] })json";
  ProjectReadResult read = readProjectJson(text, "events.kvlab.json");
  EXPECT_FALSE(read.diagnostics.hasErrors());
  return read.project;
}

std::string reasonAbout(const Proposal& proposal, const std::string& start) {
  for (const std::string& reason : proposal.reasons) {
    if (reason.rfind(start, 0) == 0) return reason;
  }
  return {};
}

TEST(Modeler, shouldSayHowToShardAKeyOneValueOfWhichTakesMoreWritesThanAPartition) {
  const ModelerResult result = proposeDesigns(busyDays(), prices());
  ASSERT_FALSE(result.proposals.empty()) << result.error;
  const std::string reason = reasonAbout(result.proposals.front(), "WRITE needs write sharding");
  ASSERT_FALSE(reason.empty());
  EXPECT_THAT(reason, ::testing::HasSubstr("1500 write units"));
  // 1,500 units with a quarter of headroom over 1,000 a partition: two shards.
  EXPECT_THAT(reason, ::testing::HasSubstr("hash(id) % 2"));
}

TEST(Modeler, shouldPriceACounterForAnAggregateNoKeyServes) {
  const ModelerResult result = proposeDesigns(busyDays(), prices());
  ASSERT_FALSE(result.proposals.empty()) << result.error;
  const std::string reason = reasonAbout(result.proposals.front(), "COUNT is left to a Scan");
  ASSERT_FALSE(reason.empty());
  // 3,000 writes a second, each also ADDing to the counter: 1 write unit at $0.625 a million,
  // for 730 hours.
  const double expected = 3000.0 * 730 * 3600 * 0.625 / 1e6;
  char text[32];
  std::snprintf(text, sizeof text, "$%.2f", expected);
  EXPECT_THAT(reason, ::testing::HasSubstr("counter item"));
  EXPECT_THAT(reason, ::testing::HasSubstr(text));
}

// RUBiS as NoSE models it (7 entities, 36 statements; data/models/rubis.kvlab.json cites
// the source): every statement served by key, within DynamoDB's 20 GSIs, the same whatever the
// order of the input. (Its speed is measured, not asserted: docs/modeler.md.)
TEST(Modeler, shouldServeEveryRubisStatementByKey) {
  const Project project = loadOrFail(test::sourceDir() / "data/models/rubis.kvlab.json");
  ASSERT_EQ(project.accessPatterns.size(), 36u);
  ModelerOptions options;
  options.proposals = 3;
  const ModelerResult result = proposeDesigns(project, prices(), options);
  ASSERT_EQ(result.proposals.size(), 3u) << result.error;
  for (const Proposal& proposal : result.proposals) {
    EXPECT_EQ(proposal.scans, 0) << proposal.design.name;
    EXPECT_LE(proposal.design.gsis.size(), 20u);
    expectValid(project, proposal);
  }
  Project shuffled = project;
  std::mt19937 random(7);
  std::shuffle(shuffled.accessPatterns.begin(), shuffled.accessPatterns.end(), random);
  std::shuffle(shuffled.entities.begin(), shuffled.entities.end(), random);
  std::shuffle(shuffled.relationships.begin(), shuffled.relationships.end(), random);
  EXPECT_EQ(designsText(proposeDesigns(shuffled, prices(), options)), designsText(result));
}

// R5/R6: users and groups, many-to-many through 5 million memberships, each side read with its
// entity. The membership is keyed by one side with the other's key as sort key, and the inverted
// index (a GSI on the table's SK, sorted by its PK) reads the same items from the other side; it
// copies no key into the items, so it costs less than an overloaded GSI of its own keys.
TEST(Modeler, shouldReadAManyToManyRelationshipFromBothSidesThroughAnInvertedIndex) {
  const Project project = loadOrFail(test::sourceDir() / "tests/model/data/memberships.kvlab.json");
  const ModelerResult result = proposeDesigns(project, prices());
  ASSERT_FALSE(result.proposals.empty()) << result.error;
  const Proposal& best = result.proposals.front();
  expectValid(project, best);
  EXPECT_EQ(best.scans, 0);
  ASSERT_EQ(best.design.gsis.size(), 1u);
  const SecondaryIndex& inverted = best.design.gsis.front();
  ASSERT_TRUE(best.design.table.sk.has_value());
  EXPECT_EQ(inverted.pk, *best.design.table.sk);
  EXPECT_EQ(inverted.sk, best.design.table.pk);
  EXPECT_EQ(inverted.entityKeys.size(), best.design.entityKeys.size());
  // A membership's sort key is the other side's key: the inverted index's partition key.
  const std::string& membershipSk = *best.design.findEntity("Membership")->find("SK");
  EXPECT_TRUE(membershipSk == "USER#{userId}" || membershipSk == "GROUP#{groupId}") << membershipSk;
  // Each side with its entity in one Query: one on the table, the other on the inverted index.
  const PatternPlan& groups = *best.plan.find("USER_GROUPS");
  const PatternPlan& members = *best.plan.find("GROUP_MEMBERS");
  for (const PatternPlan* p : {&groups, &members}) {
    EXPECT_EQ(p->operation, Operation::Query) << p->patternId;
    for (const PlanWarning& w : p->warnings) EXPECT_NE(w.code, "multi-query") << p->patternId;
  }
  EXPECT_NE(groups.index, members.index);
  EXPECT_THAT(best.reasons, ::testing::Contains(::testing::HasSubstr("inverted index, R5/R6")));
  EXPECT_THAT(best.reasons, ::testing::Contains(::testing::HasSubstr("adjacency list (R6)")));

  // The same structure with the other side in an overloaded GSI of copied keys costs more.
  Design overloaded = best.design;
  overloaded.name = "overloaded";
  overloaded.gsis.front().pk = "GSI1PK";
  overloaded.gsis.front().sk = "GSI1SK";
  for (EntityKeys& keys : overloaded.gsis.front().entityKeys) {
    for (auto& [name, text] : keys.templates) name = name == *inverted.pk ? "GSI1PK" : "GSI1SK";
  }
  const DesignPlan copied = planDesign(project, overloaded, prices());
  EXPECT_LT(monthly(best.plan), monthly(copied));

  Project shuffled = project;
  std::mt19937 random(11);
  std::shuffle(shuffled.entities.begin(), shuffled.entities.end(), random);
  std::shuffle(shuffled.relationships.begin(), shuffled.relationships.end(), random);
  std::shuffle(shuffled.accessPatterns.begin(), shuffled.accessPatterns.end(), random);
  EXPECT_EQ(designsText(proposeDesigns(shuffled, prices())), designsText(result));
}

// R8: 1% of 10 million tickets are escalated; only they carry escalatedTo (KV Lab's `presence`
// extension says so). The patterns that ask for escalated tickets are served from indexes keyed
// on it, which hold, store and write those 100,000 tickets alone; a customer's tickets, all of
// them, are not read from such an index (it would miss the others).
Project tickets() {
  const char* text = R"json({ "format": "kvlab/1", "name": "tickets",
    "entities": [ { "name": "Ticket", "identifier": ["ticketId"], "count": 10000000,
      "attributes": [ { "name": "ticketId", "type": "S", "size": 16 },
                      { "name": "customerId", "type": "S", "size": 16, "distinct": 100000 },
                      { "name": "escalatedTo", "type": "S", "size": 16, "distinct": 200,
                        "presence": 0.01 },
                      { "name": "body", "type": "S", "size": 800 } ] } ],
    "accessPatterns": [
      { "id": "GET", "name": "a ticket", "action": "get", "entities": ["Ticket"],
        "equals": ["ticketId"], "rate": { "mean": 100 } },
      { "id": "MINE", "name": "a customer's tickets", "action": "query", "entities": ["Ticket"],
        "equals": ["customerId"], "rate": { "mean": 10 } },
      { "id": "ESCALATED", "name": "an engineer's escalated tickets", "action": "query",
        "entities": ["Ticket"], "equals": ["escalatedTo"], "rate": { "mean": 5 } },
      { "id": "MINE_ESCALATED", "name": "a customer's escalated tickets", "action": "query",
        "entities": ["Ticket"], "equals": ["customerId"], "filter": ["escalatedTo"],
        "rate": { "mean": 50 } },
      { "id": "OPEN", "name": "open a ticket", "action": "put", "entities": ["Ticket"],
        "rate": { "mean": 50 } } ] })json";
  ProjectReadResult read = readProjectJson(text, "tickets.kvlab.json");
  EXPECT_FALSE(read.diagnostics.hasErrors());
  return read.project;
}

TEST(Modeler, shouldServeASelectivePatternFromASparseIndexOfTheFewItemsItSelects) {
  const Project project = tickets();
  const ModelerResult result = proposeDesigns(project, prices());
  ASSERT_FALSE(result.proposals.empty()) << result.error;
  const Proposal& best = result.proposals.front();
  expectValid(project, best);
  EXPECT_EQ(best.scans, 0);
  const CapacityLoad& table = best.plan.capacity.front();
  for (const char* id : {"ESCALATED", "MINE_ESCALATED"}) {
    const PatternPlan& p = *best.plan.find(id);
    ASSERT_NE(p.index, "table") << id;
    const CapacityLoad* index = nullptr;
    for (const CapacityLoad& load : best.plan.capacity) {
      if (load.name == p.index) index = &load;
    }
    ASSERT_NE(index, nullptr);
    EXPECT_DOUBLE_EQ(index->items, 100000) << id;
    EXPECT_LT(index->storageMonthly, table.storageMonthly / 50) << id;
    EXPECT_TRUE(p.filter.empty()) << id;
  }
  // A customer's escalated tickets: one of them on average, not the customer's 100.
  EXPECT_LE(best.plan.find("MINE_ESCALATED")->itemsPerRequest, 1);
  EXPECT_DOUBLE_EQ(best.plan.find("MINE")->itemsPerRequest, 100);
  EXPECT_THAT(best.reasons, ::testing::Contains(::testing::HasSubstr("sparse (R8)")));
}

// R17: tasks are read by board and due date (10 at a time) and rescheduled. Rescheduled rarely,
// the due date is in the table's sort key (R3); rescheduled 200 times a second, where each change
// of a key is a delete and a put, no key of a task holds the due date.
Project tasks(double reschedulesPerSecond) {
  Json document = Json::parse(R"json({ "format": "kvlab/1", "name": "tasks",
    "entities": [
      { "name": "Board", "identifier": ["boardId"], "count": 10000,
        "attributes": [ { "name": "boardId", "type": "S", "size": 16 },
                        { "name": "title", "type": "S", "size": 40 } ] },
      { "name": "Task", "identifier": ["taskId"], "count": 1000000,
        "attributes": [ { "name": "taskId", "type": "S", "size": 16 },
                        { "name": "boardId", "type": "S", "size": 16 },
                        { "name": "dueDate", "type": "S", "format": "iso8601" },
                        { "name": "body", "type": "S", "size": 300 } ] } ],
    "relationships": [ { "from": "Board", "to": "Task", "kind": "one-to-many",
                         "fanout": { "mean": 100 } } ],
    "accessPatterns": [
      { "id": "DUE", "name": "a board's tasks due in a range", "action": "query",
        "entities": ["Task"], "equals": ["boardId"],
        "range": { "attribute": "dueDate", "op": "between" }, "limit": 10,
        "rate": { "mean": 200 } },
      { "id": "BOARD", "name": "a board with its tasks", "action": "query",
        "entities": ["Board", "Task"], "equals": ["boardId"], "rate": { "mean": 50 } },
      { "id": "TASK", "name": "a task", "action": "get", "entities": ["Task"],
        "equals": ["taskId"], "rate": { "mean": 1 } },
      { "id": "MOVE", "name": "reschedule a task", "action": "update", "entities": ["Task"],
        "equals": ["taskId"], "rate": { "mean": 200 } },
      { "id": "NEW", "name": "create a task", "action": "put", "entities": ["Task"],
        "rate": { "mean": 5 } } ] })json");
  document["accessPatterns"][3]["rate"]["mean"] = reschedulesPerSecond;
  ProjectReadResult read = readProjectJson(document.dump(), "tasks.kvlab.json");
  EXPECT_FALSE(read.diagnostics.hasErrors());
  return read.project;
}

// Whether any key of `entity` in `design` (table or index) names `attribute`.
bool keyedOn(const Design& design, const std::string& entity, const std::string& attribute) {
  std::vector<const EntityKeys*> all{design.findEntity(entity)};
  for (const SecondaryIndex& gsi : design.gsis) all.push_back(gsi.findEntity(entity));
  for (const EntityKeys* keys : all) {
    if (keys == nullptr) continue;
    for (const auto& [name, text] : keys->templates) {
      if (text.find("{" + attribute + "}") != std::string::npos) return true;
    }
  }
  return false;
}

TEST(Modeler, shouldKeepAnAttributeThatUpdatesChangeOftenOutOfTheKeys) {
  const ModelerResult rare = proposeDesigns(tasks(0.001), prices());
  ASSERT_FALSE(rare.proposals.empty()) << rare.error;
  const Design& rarely = rare.proposals.front().design;
  EXPECT_NE(rarely.findEntity("Task")->find("SK")->find("{dueDate}"), std::string::npos);

  const ModelerResult often = proposeDesigns(tasks(200), prices());
  ASSERT_FALSE(often.proposals.empty()) << often.error;
  const Proposal& best = often.proposals.front();
  EXPECT_FALSE(keyedOn(best.design, "Task", "dueDate"));
  const PatternPlan& move = *best.plan.find("MOVE");
  EXPECT_EQ(move.operation, Operation::UpdateItem);
  for (const PlanWarning& w : move.warnings) EXPECT_NE(w.code, "key-change");
  // Priced by the planner, the design that keeps the due date in the sort key pays for a delete
  // and a put at every reschedule.
  Project project = tasks(200);
  const DesignPlan keyed = planDesign(project, rarely, prices());
  EXPECT_EQ(keyed.find("MOVE")->operation, Operation::TransactWriteItems);
  EXPECT_LT(monthly(best.plan), monthly(keyed));
}

}  // namespace
}  // namespace kvlab::model
