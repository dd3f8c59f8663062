#include "model/io/project_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/schema/project_validator.h"

namespace kvlab::model {
namespace {

using Json = nlohmann::ordered_json;
using ::testing::HasSubstr;

// A small valid project that each negative case breaks in one place.
const char* kValidProject = R"json({
  "format": "kvlab/1",
  "name": "Shop",
  "entities": [
    { "name": "Customer", "identifier": ["customerId"], "count": 1000,
      "attributes": [ { "name": "customerId", "type": "S", "size": 16 },
                      { "name": "email", "type": "S" } ] },
    { "name": "Order", "identifier": ["orderId"],
      "attributes": [ { "name": "orderId", "type": "S" }, { "name": "customerId", "type": "S" },
                      { "name": "orderDate", "type": "S", "format": "iso8601" },
                      { "name": "status", "type": "S", "distinct": 5 },
                      { "name": "total", "type": "N" } ] }
  ],
  "relationships": [
    { "from": "Customer", "to": "Order", "kind": "one-to-many", "fanout": { "mean": 12, "max": 500 } }
  ],
  "accessPatterns": [
    { "id": "AP1", "name": "Customer by id", "action": "get", "entities": ["Customer"],
      "equals": ["customerId"], "rate": { "mean": 500, "peak": 2000 },
      "keyDistribution": { "kind": "zipfian", "theta": 0.99 } },
    { "id": "AP2", "name": "Orders of a customer", "action": "query", "entities": ["Order"],
      "equals": ["customerId"], "range": { "attribute": "orderDate", "op": "between" },
      "order": "desc", "limit": 20 },
    { "id": "AP3", "name": "Pending orders", "action": "query", "entities": ["Order"],
      "equals": ["status"], "sortBy": "orderDate", "order": "asc" },
    { "id": "AP4", "name": "Place an order", "action": "transaction", "entities": ["Order"],
      "itemsPerRequest": 4 },
    { "id": "AP5", "name": "Revenue", "action": "aggregate", "entities": ["Order"],
      "aggregate": { "function": "sum", "attribute": "total" } }
  ],
  "designs": [
    { "name": "expert",
      "table": { "name": "Shop", "pk": "PK", "sk": "SK" },
      "entityKeys": {
        "Customer": { "PK": "CUSTOMER#{customerId}", "SK": "CUSTOMER#{customerId}" },
        "Order": { "PK": "CUSTOMER#{customerId}", "SK": "ORDER#{orderDate}#{orderId}" } },
      "gsis": [ { "name": "GSI1", "pk": "GSI1PK", "sk": "GSI1SK", "projection": "ALL",
                  "entityKeys": { "Order": { "GSI1PK": "STATUS#{status}", "GSI1SK": "{orderDate}" } } } ],
      "plan": { "AP1": { "index": "table", "operation": "GetItem",
                         "keyCondition": "PK = CUSTOMER#{customerId}" } } }
  ]
})json";

Diagnostics check(const std::string& text) {
  ProjectReadResult result = readProjectJson(text, "shop.kvlab.json");
  if (result.parsed) validateProject(result.project, "shop.kvlab.json", result.diagnostics);
  return result.diagnostics;
}

std::string describe(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.items()) out += formatDiagnostic(d) + "\n";
  return out;
}

const Diagnostic* findError(const Diagnostics& diagnostics, const std::string& path) {
  for (const Diagnostic& d : diagnostics.items()) {
    if (d.severity == Severity::Error && d.path == path) return &d;
  }
  return nullptr;
}

TEST(ProjectJson, shouldAcceptTheValidProjectWithoutFindings) {
  Diagnostics diagnostics = check(kValidProject);
  EXPECT_TRUE(diagnostics.empty()) << describe(diagnostics);
}

TEST(ProjectJson, shouldReadEveryField) {
  ProjectReadResult result = readProjectJson(kValidProject, "shop.kvlab.json");
  const Project& p = result.project;
  ASSERT_EQ(p.entities.size(), 2u);
  EXPECT_EQ(p.entities[0].count, 1000);
  EXPECT_EQ(p.entities[1].attributes[3].distinct, 5);
  EXPECT_EQ(p.entities[1].attributes[2].format, "iso8601");
  ASSERT_EQ(p.relationships.size(), 1u);
  EXPECT_EQ(p.relationships[0].fanout->max, 500);
  const AccessPattern& ap2 = p.accessPatterns[1];
  EXPECT_EQ(ap2.action, Action::Query);
  EXPECT_EQ(ap2.range->op, RangeOp::Between);
  EXPECT_EQ(ap2.order, SortOrder::Desc);
  EXPECT_EQ(ap2.limit, 20);
  EXPECT_EQ(ap2.consistencyOrDefault(), Consistency::Eventual);
  EXPECT_DOUBLE_EQ(p.accessPatterns[0].rate->peakOrMean(), 2000);
  EXPECT_DOUBLE_EQ(*p.accessPatterns[0].keyDistribution->theta, 0.99);
  const Design& d = p.designs[0];
  EXPECT_EQ(d.table.sk, "SK");
  EXPECT_EQ(*d.findEntity("Order")->find("SK"), "ORDER#{orderDate}#{orderId}");
  EXPECT_EQ(d.gsis[0].projection, Projection::All);
  ASSERT_TRUE(d.plan);
  EXPECT_EQ((*d.plan)[0].operation, Operation::GetItem);
}

TEST(ProjectJson, shouldWriteBackTheSameDocument) {
  ProjectReadResult result = readProjectJson(kValidProject, "shop.kvlab.json");
  EXPECT_EQ(nlohmann::json::parse(writeProjectJson(result.project)),
            nlohmann::json::parse(kValidProject));
}

TEST(ProjectJson, shouldKeepUnknownFieldsAndNameThemInWarnings) {
  Json doc = Json::parse(kValidProject);
  doc["notes"] = Json::array({"from a review"});
  doc["entities"][0]["attributes"][0]["x-origin"] = {{"tool", "spreadsheet"}};
  doc["designs"][0]["gsis"][0]["billing"] = "PROVISIONED";
  ProjectReadResult result = readProjectJson(doc.dump(), "shop.kvlab.json");
  EXPECT_FALSE(result.diagnostics.hasErrors()) << describe(result.diagnostics);
  EXPECT_EQ(result.diagnostics.warningCount(), 3);
  EXPECT_THAT(describe(result.diagnostics),
              HasSubstr("entities[0].attributes[0].x-origin: unknown field \"x-origin\""));
  EXPECT_EQ(nlohmann::json::parse(writeProjectJson(result.project)),
            nlohmann::json::parse(doc.dump()));
}

TEST(ProjectJson, shouldReadAndWriteBackWorkloads) {
  Json doc = Json::parse(kValidProject);
  doc["workloads"] = Json::parse(R"([{"name": "launch", "durationSeconds": 600, "seed": 7,
      "patterns": {"AP1": {"rate": {"shape": "ramp", "from": 10, "to": 500, "durationSeconds": 300},
                           "keyDistribution": {"kind": "hotspot", "hotFraction": 0.1},
                           "consistency": "strong"},
                   "AP2": {"rate": {"shape": "csv", "file": "ap2-rates.csv"}}}}])");
  Diagnostics diagnostics = check(doc.dump());
  EXPECT_TRUE(diagnostics.empty()) << describe(diagnostics);
  ProjectReadResult result = readProjectJson(doc.dump(), "shop.kvlab.json");
  ASSERT_EQ(result.project.workloads.size(), 1u);
  const Workload& w = result.project.workloads[0];
  EXPECT_EQ(w.seed, 7u);
  const PatternWorkload* ap1 = w.find("AP1");
  ASSERT_NE(ap1, nullptr);
  EXPECT_EQ(ap1->rate->shape, RateShape::Ramp);
  EXPECT_DOUBLE_EQ(*ap1->rate->to, 500);
  EXPECT_EQ(ap1->consistency, Consistency::Strong);
  EXPECT_EQ(w.find("AP2")->rate->file, "ap2-rates.csv");
  EXPECT_EQ(nlohmann::json::parse(writeProjectJson(result.project)),
            nlohmann::json::parse(doc.dump()));
}

TEST(ProjectJson, shouldReadAndWriteBackTheDiagramsPositionsInTheirOrder) {
  Json doc = Json::parse(kValidProject);
  doc["diagram"] =
      Json::parse(R"({"positions": {"Order": [412.5, -96], "Customer": [0, 0]}, "zoom": 1.5})");
  ProjectReadResult result = readProjectJson(doc.dump(), "shop.kvlab.json");
  EXPECT_FALSE(result.diagnostics.hasErrors()) << describe(result.diagnostics);
  // The diagram's own unknown field is kept and named, as anywhere else.
  EXPECT_THAT(describe(result.diagnostics), HasSubstr("diagram.zoom: unknown field \"zoom\""));
  ASSERT_TRUE(result.project.diagram);
  const Diagram& diagram = *result.project.diagram;
  ASSERT_EQ(diagram.positions.size(), 2u);
  EXPECT_EQ(diagram.positions[0].entity, "Order");
  EXPECT_DOUBLE_EQ(diagram.positions[0].x, 412.5);
  EXPECT_DOUBLE_EQ(diagram.positions[0].y, -96);
  ASSERT_NE(diagram.find("Customer"), nullptr);
  EXPECT_EQ(diagram.find("Ghost"), nullptr);

  const std::string written = writeProjectJson(result.project);
  EXPECT_EQ(nlohmann::json::parse(written), nlohmann::json::parse(doc.dump())) << written;
  EXPECT_LT(written.find("\"Order\": ["), written.find("\"Customer\": [")) << "file order";
  EXPECT_EQ(writeProjectJson(readProjectJson(written, "again.kvlab.json").project), written);
}

TEST(ProjectJson, shouldLeaveOutTheDiagramWhenTheProjectHasNone) {
  ProjectReadResult result = readProjectJson(kValidProject, "shop.kvlab.json");
  EXPECT_FALSE(result.project.diagram);
  EXPECT_FALSE(Json::parse(writeProjectJson(result.project)).contains("diagram"));
}

TEST(ProjectJson, shouldWarnAboutThePositionOfAnEntityTheProjectLacks) {
  Json doc = Json::parse(kValidProject);
  doc["diagram"] = Json::parse(R"({"positions": {"Customer": [0, 0], "Ghost": [300, 0]}})");
  Diagnostics diagnostics = check(doc.dump());
  EXPECT_FALSE(diagnostics.hasErrors()) << describe(diagnostics);
  EXPECT_EQ(diagnostics.warningCount(), 1) << describe(diagnostics);
  EXPECT_THAT(describe(diagnostics),
              HasSubstr("diagram.positions.Ghost: no entity named \"Ghost\"; the position is "
                        "ignored"));
}

TEST(ProjectJson, shouldReportMalformedJsonWithLineAndColumn) {
  Diagnostics diagnostics = check("{\n  \"format\": \"kvlab/1\",\n  \"name\": oops\n}");
  ASSERT_EQ(diagnostics.items().size(), 1u);
  const Diagnostic& d = diagnostics.items()[0];
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.column, 11);
  EXPECT_THAT(d.message, HasSubstr("malformed JSON"));
  EXPECT_THAT(formatDiagnostic(d), HasSubstr("shop.kvlab.json:3:11: error:"));
}

TEST(ProjectJson, shouldReportInvalidUtf8AsMalformed) {
  Diagnostics diagnostics = check("{\"format\": \"kvlab/1\", \"name\": \"caf\xC3\x28\"}");
  ASSERT_TRUE(diagnostics.hasErrors());
  EXPECT_EQ(diagnostics.items()[0].line, 1);
  EXPECT_THAT(diagnostics.items()[0].message, HasSubstr("UTF-8"));
}

TEST(ProjectJson, shouldStopAtTheNestingLimitWithoutCrashing) {
  std::string deep = "{\"format\": \"kvlab/1\", \"name\": \"x\", \"entities\": [], \"extra\": ";
  for (int i = 0; i < 100000; ++i) deep += '[';
  for (int i = 0; i < 100000; ++i) deep += ']';
  deep += "}";
  Diagnostics diagnostics = check(deep);
  ASSERT_TRUE(diagnostics.hasErrors());
  EXPECT_THAT(diagnostics.items()[0].message, HasSubstr("nesting deeper than 64"));
  EXPECT_THAT(diagnostics.items()[0].path, HasSubstr("extra[0][0]"));
}

TEST(ProjectJson, shouldReportADuplicateKeyAtItsPath) {
  std::string text = kValidProject;
  text.replace(text.find("\"count\": 1000"), 13, "\"count\": 1000, \"count\": 7");
  Diagnostics diagnostics = check(text);
  const Diagnostic* d = findError(diagnostics, "entities[0].count");
  ASSERT_NE(d, nullptr) << describe(diagnostics);
  EXPECT_THAT(d->message, HasSubstr("duplicate key"));
}

TEST(ProjectJson, shouldReportSeveralErrorsTogether) {
  Json doc = Json::parse(kValidProject);
  doc["accessPatterns"][1]["equals"][0] = "custId";
  doc["entities"][0]["count"] = -3;
  doc["designs"][0]["entityKeys"]["Order"]["SK"] = "ORDER#{orderDate";
  Diagnostics diagnostics = check(doc.dump());
  EXPECT_EQ(diagnostics.errorCount(), 3) << describe(diagnostics);
  EXPECT_NE(findError(diagnostics, "accessPatterns[1].equals[0]"), nullptr);
  EXPECT_NE(findError(diagnostics, "entities[0].count"), nullptr);
  EXPECT_NE(findError(diagnostics, "designs[0].entityKeys.Order.SK"), nullptr);
}

TEST(ProjectJson, shouldReadAndWriteAnAttributesPresenceWithoutAWarning) {
  Json doc = Json::parse(kValidProject);
  doc["entities"][0]["attributes"][0]["presence"] = 0.25;
  ProjectReadResult result = readProjectJson(doc.dump(), "shop.kvlab.json");
  EXPECT_FALSE(result.diagnostics.hasErrors()) << describe(result.diagnostics);
  for (const Diagnostic& d : result.diagnostics.items()) {
    EXPECT_EQ(d.path.find("presence"), std::string::npos) << d.message;
  }
  ASSERT_TRUE(result.project.entities[0].attributes[0].presence);
  EXPECT_DOUBLE_EQ(*result.project.entities[0].attributes[0].presence, 0.25);
  const Json written = Json::parse(writeProjectJson(result.project));
  EXPECT_EQ(written["entities"][0]["attributes"][0]["presence"], 0.25);
  EXPECT_FALSE(written["entities"][1]["attributes"][0].contains("presence"));
}

TEST(ProjectJson, shouldRefuseADocumentOverTheSizeLimit) {
  std::string huge(kMaxDocumentBytes + 1, ' ');
  Diagnostics diagnostics = check(huge);
  ASSERT_TRUE(diagnostics.hasErrors());
  EXPECT_THAT(diagnostics.items()[0].message, HasSubstr("at most"));
}

// One negative case: a change to the valid project, the path the error must name and a fragment
// of what it must say.
struct Fault {
  const char* pointer;  // JSON pointer of the value to change
  const char* value;    // its new JSON value, or nullptr to remove it
  const char* path;
  const char* fragment;
};

void PrintTo(const Fault& fault, std::ostream* out) { *out << fault.pointer; }

class ProjectFaults : public ::testing::TestWithParam<Fault> {};

TEST_P(ProjectFaults, shouldNameTheJsonPathOfTheFault) {
  const Fault& fault = GetParam();
  Json doc = Json::parse(kValidProject);
  const Json::json_pointer pointer(fault.pointer);
  if (fault.value == nullptr) {
    doc[pointer.parent_pointer()].erase(pointer.back());
  } else {
    doc[pointer] = Json::parse(fault.value);
  }
  Diagnostics diagnostics = check(doc.dump());
  const Diagnostic* d = findError(diagnostics, fault.path);
  ASSERT_NE(d, nullptr) << "no error at " << fault.path << "; found:\n" << describe(diagnostics);
  EXPECT_THAT(d->message, HasSubstr(fault.fragment));
  EXPECT_EQ(d->file, "shop.kvlab.json");
}

INSTANTIATE_TEST_SUITE_P(
    NegativeCases, ProjectFaults,
    ::testing::Values(
        Fault{"/format", R"("kvlab/2")", "format", "expected \"kvlab/1\""},
        Fault{"/name", nullptr, "name", "missing required field"},
        Fault{"/entities/0/name", "7", "entities[0].name", "expected a string, found a number"},
        Fault{"/entities/0/attributes/0/type", R"("STRING")", "entities[0].attributes[0].type",
              "expected one of S, N, B"},
        Fault{"/entities/0/count", "-5", "entities[0].count", "expected an integer from 0"},
        Fault{"/entities/0/count", "2e15", "entities[0].count", "to 1000000000000000"},
        Fault{"/entities/0/attributes/0/size", "500000", "entities[0].attributes[0].size",
              "to 409600"},
        Fault{"/entities/0/attributes/0/presence", "0", "entities[0].attributes[0].presence",
              "greater than 0"},
        Fault{"/entities/0/attributes/0/presence", "1.5", "entities[0].attributes[0].presence",
              "1"},
        Fault{"/entities/0/attributes/0/presence", R"("most")",
              "entities[0].attributes[0].presence", "expected a number"},
        Fault{"/entities/0/identifier/0", R"("id")", "entities[0].identifier[0]",
              "unknown attribute \"id\""},
        Fault{"/entities/1/attributes/1/name", R"("orderId")", "entities[1].attributes[1].name",
              "duplicate attribute name"},
        Fault{"/entities/1/name", R"("Customer")", "entities[1].name", "duplicate entity name"},
        Fault{"/relationships/0/to", R"("Nope")", "relationships[0].to", "unknown entity \"Nope\""},
        Fault{"/relationships/0/kind", R"("one-to-few")", "relationships[0].kind",
              "one-to-one, one-to-many or many-to-many"},
        Fault{"/relationships/0/fanout/max", "3", "relationships[0].fanout.max",
              "at least the mean"},
        Fault{"/accessPatterns/1/equals/0", R"("custId")", "accessPatterns[1].equals[0]",
              "unknown attribute \"custId\"; expected an attribute of Order"},
        Fault{"/accessPatterns/0/rate/mean", "-1", "accessPatterns[0].rate.mean",
              "expected a number from 0"},
        Fault{"/accessPatterns/0/rate/peak", "100", "accessPatterns[0].rate.peak",
              "at least the mean"},
        Fault{"/accessPatterns/0/rate/mean", "1e12", "accessPatterns[0].rate.mean", "to 100000000"},
        Fault{"/accessPatterns/0/keyDistribution/theta", "1.5",
              "accessPatterns[0].keyDistribution.theta", "less than 1"},
        Fault{"/accessPatterns/0/keyDistribution/kind", R"("pareto")",
              "accessPatterns[0].keyDistribution.kind", "zipfian"},
        Fault{"/accessPatterns/2/id", R"("AP1")", "accessPatterns[2].id",
              "duplicate access pattern id \"AP1\""},
        Fault{"/accessPatterns/0/entities", "[]", "accessPatterns[0].entities",
              "at least one entity"},
        Fault{"/accessPatterns/0/entities/0", R"("Ghost")", "accessPatterns[0].entities[0]",
              "unknown entity \"Ghost\""},
        Fault{"/accessPatterns/1/range/op", R"("~")", "accessPatterns[1].range.op", "begins_with"},
        Fault{"/accessPatterns/1/range/attribute", R"("shipDate")",
              "accessPatterns[1].range.attribute", "unknown attribute \"shipDate\""},
        Fault{"/accessPatterns/1/limit", "0", "accessPatterns[1].limit", "from 1"},
        Fault{"/accessPatterns/1/action", R"("select")", "accessPatterns[1].action",
              "get, query, scan"},
        Fault{"/accessPatterns/0/equals", "[]", "accessPatterns[0].equals",
              "expected a non-empty list"},
        Fault{"/accessPatterns/4/aggregate", nullptr, "accessPatterns[4].aggregate",
              "missing required field"},
        Fault{"/accessPatterns/4/aggregate/attribute", nullptr,
              "accessPatterns[4].aggregate.attribute", "missing required field"},
        Fault{"/accessPatterns/2/sortBy", R"("when")", "accessPatterns[2].sortBy",
              "unknown attribute \"when\""},
        Fault{"/accessPatterns/1", R"("AP2")", "accessPatterns[1]", "expected an object"},
        Fault{"/designs/0/entityKeys/Order/SK", R"("ORDER#{orderDate")",
              "designs[0].entityKeys.Order.SK", "unbalanced braces"},
        Fault{"/designs/0/entityKeys/Order/SK", R"("ORDER#{shipDate}")",
              "designs[0].entityKeys.Order.SK", "names attribute \"shipDate\""},
        Fault{"/designs/0/entityKeys/Order/SK", R"("")", "designs[0].entityKeys.Order.SK",
              "cannot be empty"},
        Fault{"/designs/0/entityKeys/Order/SK", nullptr, "designs[0].entityKeys.Order",
              "missing the template for SK"},
        Fault{"/designs/0/entityKeys/Order/GSI1PK", R"("X")", "designs[0].entityKeys.Order.GSI1PK",
              "unexpected key attribute"},
        Fault{"/designs/0/entityKeys/Ghost", R"({"PK": "G", "SK": "G"})",
              "designs[0].entityKeys.Ghost", "unknown entity \"Ghost\""},
        Fault{"/designs/0/gsis/0/entityKeys/Order/GSI1PK", "42",
              "designs[0].gsis[0].entityKeys.Order.GSI1PK", "expected a key template string"},
        Fault{"/designs/0/gsis/0/projection", R"("SOME")", "designs[0].gsis[0].projection",
              "ALL, KEYS_ONLY or INCLUDE"},
        Fault{"/designs/0/gsis/0/projection", R"("INCLUDE")", "designs[0].gsis[0].include",
              "INCLUDE projection needs"},
        Fault{"/designs/0/gsis/0",
              R"({"name": "GSI1", "pk": "SK", "sk": "PK", "entityKeys": {"Order":
                  {"SK": "STATUS#{status}", "PK": "CUSTOMER#{customerId}"}}})",
              "designs[0].gsis[0].entityKeys.Order.SK", "disagrees with"},
        Fault{"/designs/0/table/name", R"("ab")", "designs[0].table.name", "3 to 255 letters"},
        Fault{"/designs/0/table/pk", nullptr, "designs[0].table.pk", "missing required field"},
        Fault{"/designs/0/plan/AP9", R"({"index": "table"})", "designs[0].plan.AP9",
              "no access pattern has id \"AP9\""},
        Fault{"/designs/0/plan/AP1/index", R"("GSI7")", "designs[0].plan.AP1.index",
              "unknown index \"GSI7\""},
        Fault{"/designs/0/plan/AP1/operation", R"("Select")", "designs[0].plan.AP1.operation",
              "GetItem, Query"},
        Fault{"/designs/0/lsis",
              R"([{"name":"L1","sk":"A"},{"name":"L2","sk":"B"},{"name":"L3","sk":"C"},
                  {"name":"L4","sk":"D"},{"name":"L5","sk":"E"},{"name":"L6","sk":"F"}])",
              "designs[0].lsis", "at most 5"},
        Fault{"/designs/0/lsis", R"([{"name":"LSI1"}])", "designs[0].lsis[0].sk",
              "missing required field"},
        Fault{"/workloads", R"([{"name": "w", "patterns": {"AP9": {}}}])",
              "workloads[0].patterns.AP9", "no access pattern has id \"AP9\""},
        Fault{"/workloads", R"([{"name": "w", "patterns": {"AP1": {"rate": {"shape": "ramp",
              "from": 1, "to": 5}}}}])",
              "workloads[0].patterns.AP1.rate.durationSeconds", "missing required field"},
        Fault{"/workloads", R"([{"name": "w", "patterns": {"AP1": {"rate": {"shape": "wave"}}}}])",
              "workloads[0].patterns.AP1.rate.shape", "constant, ramp, spike, daily or csv"},
        Fault{"/workloads", R"([{"name": "w", "durationSeconds": 0}])",
              "workloads[0].durationSeconds", "greater than 0"},
        Fault{"/diagram", "[]", "diagram", "expected an object, found an array"},
        Fault{"/diagram", R"({"positions": [[1, 2]]})", "diagram.positions",
              "expected an object, found an array"},
        Fault{"/diagram", R"({"positions": {"Customer": "left"}})", "diagram.positions.Customer",
              "expected [x, y], two numbers from -1000000 to 1000000, found \"left\""},
        Fault{"/diagram", R"({"positions": {"Customer": [1, 2, 3]}})", "diagram.positions.Customer",
              "expected [x, y]"},
        Fault{"/diagram", R"({"positions": {"Order": [10, "20"]}})", "diagram.positions.Order[1]",
              "expected a number from -1000000 to 1000000"},
        Fault{"/diagram", R"({"positions": {"Order": [-2e6, 20]}})", "diagram.positions.Order[0]",
              "found -2000000"}));

}  // namespace
}  // namespace kvlab::model
