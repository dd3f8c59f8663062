// NoSQL Workbench import and export: every published model in the corpus, tricky hand-written
// models, and every corpus design exported and read back.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "model/interop/nosql_workbench_reader.h"
#include "model/interop/nosql_workbench_writer.h"
#include "model/io/project_file.h"
#include "model/io/project_json.h"
#include "model/schema/project_validator.h"
#include "tests/support/test_files.h"

namespace kvlab::model::interop {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::ordered_json;

std::vector<std::filesystem::path> workbenchCorpus() {
  std::vector<std::filesystem::path> files;
  const auto dir = test::sharedDir() / "corpus" / "nosql-workbench";
  if (std::filesystem::is_directory(dir)) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) files.push_back(dir / "missing.json");  // fails rather than runs nothing
  return files;
}

std::string workbenchTestName(const ::testing::TestParamInfo<std::filesystem::path>& info) {
  std::string name = info.param.stem().string();
  for (char& c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0) c = '_';
  }
  return name;
}

ExportOptions fixedDate() {
  ExportOptions options;
  options.timestamp = "Jan 1, 2025, 9:00 AM";
  return options;
}

std::vector<const Design*> allDesigns(const Project& project) {
  std::vector<const Design*> designs;
  for (const Design& design : project.designs) designs.push_back(&design);
  return designs;
}

void expectValid(const Project& project, const std::string& label) {
  Diagnostics diagnostics;
  validateProject(project, label, diagnostics);
  for (const Diagnostic& d : diagnostics.items()) {
    EXPECT_NE(d.severity, Severity::Error) << label << ": " << formatDiagnostic(d);
  }
}

// What a Workbench model says about its tables: names, keys, GSIs, and the items of each table
// (table-level and facet items together, in a canonical order).
struct TableShape {
  std::string name;
  Json keys;
  Json gsis;
  std::vector<std::string> items;
  bool operator==(const TableShape&) const = default;
};

std::vector<TableShape> tableShapes(const std::string& text) {
  const Json root = Json::parse(text);
  std::vector<TableShape> shapes;
  for (const Json& table : root["DataModel"]) {
    TableShape shape;
    shape.name = table["TableName"];
    shape.keys = table["KeyAttributes"];
    shape.gsis = table.value("GlobalSecondaryIndexes", Json::array());
    for (Json& gsi : shape.gsis)
      gsi = Json{{"IndexName", gsi["IndexName"]},
                 {"KeyAttributes", gsi["KeyAttributes"]},
                 {"Projection", gsi.value("Projection", Json{{"ProjectionType", "ALL"}})}};
    for (const Json& item : table.value("TableData", Json::array()))
      shape.items.push_back(item.dump());
    for (const Json& facet : table.value("TableFacets", Json::array())) {
      for (const Json& item : facet.value("TableData", Json::array()))
        shape.items.push_back(item.dump());
    }
    std::sort(shape.items.begin(), shape.items.end());
    shapes.push_back(std::move(shape));
  }
  return shapes;
}

std::string exported(const Project& project) {
  std::string out;
  const Status status = writeNoSqlWorkbenchModel(project, allDesigns(project), fixedDate(), out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out;
}

// The key templates of every entity of every design, for comparing two imports.
std::string templatesOf(const Project& project) {
  std::string out;
  for (const Design& design : project.designs) {
    for (const EntityKeys& keys : design.entityKeys) {
      for (const auto& [key, text] : keys.templates)
        out += design.name + " " + keys.entity + " " + key + "=" + text + "\n";
    }
    for (const SecondaryIndex& gsi : design.gsis) {
      for (const EntityKeys& keys : gsi.entityKeys) {
        for (const auto& [key, text] : keys.templates)
          out += gsi.name + " " + keys.entity + " " + key + "=" + text + "\n";
      }
    }
  }
  return out;
}

class WorkbenchCorpus : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(WorkbenchCorpus, shouldImportValidateExportAndReimportToTheSameTablesKeysGsisAndItems) {
  const std::string file = GetParam().filename().string();
  const std::string text = test::readFile(GetParam());
  ImportResult first = readNoSqlWorkbenchModel(text, file);
  ASSERT_TRUE(first.ok()) << first.status.message();
  EXPECT_FALSE(first.project.designs.empty());
  expectValid(first.project, file);

  // Through the kvlab/1 text form too: what import writes is what export reads.
  ProjectReadResult reread = readProjectJson(writeProjectJson(first.project), file);
  ASSERT_FALSE(reread.diagnostics.hasErrors());
  const std::string out = exported(reread.project);
  ImportResult second = readNoSqlWorkbenchModel(out, "exported.json");
  ASSERT_TRUE(second.ok()) << second.status.message();
  expectValid(second.project, "exported.json");

  const auto before = tableShapes(text);
  const auto after = tableShapes(out);
  ASSERT_EQ(before.size(), after.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(before[i].name, after[i].name);
    EXPECT_EQ(before[i].keys, after[i].keys) << before[i].name;
    EXPECT_EQ(before[i].gsis, after[i].gsis) << before[i].name;
    EXPECT_EQ(before[i].items, after[i].items) << before[i].name;
  }
  EXPECT_EQ(templatesOf(first.project), templatesOf(second.project));
  EXPECT_EQ(Json::parse(out)["ModelMetadata"]["Version"], "3.0");
}

INSTANTIATE_TEST_SUITE_P(Corpus, WorkbenchCorpus, ::testing::ValuesIn(workbenchCorpus()),
                         workbenchTestName);

const Design& onlyDesign(const Project& project) {
  EXPECT_EQ(project.designs.size(), 1u);
  return project.designs.front();
}

std::string templateOf(const Design& design, const std::string& entity, const std::string& key) {
  const EntityKeys* keys = design.findEntity(entity);
  if (keys != nullptr && keys->find(key) != nullptr) return *keys->find(key);
  for (const SecondaryIndex& gsi : design.gsis) {
    const EntityKeys* indexKeys = gsi.findEntity(entity);
    if (indexKeys != nullptr && indexKeys->find(key) != nullptr) return *indexKeys->find(key);
  }
  return "(none)";
}

TEST(WorkbenchImport, shouldInferTemplatesFromTheSampleItemsOfEachFacet) {
  const auto path = test::sharedDir() / "corpus" / "nosql-workbench" / "AnOnlineShop_facets.json";
  ImportResult result = readNoSqlWorkbenchModel(test::readFile(path), "shop.json");
  ASSERT_TRUE(result.ok()) << result.status.message();
  const Design& design = onlyDesign(result.project);
  EXPECT_EQ(design.table.name, "OnlineShop");
  EXPECT_EQ(templateOf(design, "customer", "PK"), "c#{cId}");
  EXPECT_EQ(templateOf(design, "customer", "SK"), "c#{cId}");
  EXPECT_EQ(templateOf(design, "warehouseItem", "GSI2-PK"), "w#{wId}");
  ASSERT_NE(result.project.findEntity("customer"), nullptr);
  EXPECT_EQ(result.project.findEntity("customer")->identifier, std::vector<std::string>{"cId"});
  // A sparse GSI: customers have no GSI1 keys.
  EXPECT_EQ(design.findGsi("GSI1")->findEntity("customer"), nullptr);
}

TEST(WorkbenchImport, shouldComposeGenericKeysFromTheItemsAttributes) {
  const auto path = test::sharedDir() / "corpus" / "nosql-workbench" / "DeviceStateLog_7.json";
  ImportResult result = readNoSqlWorkbenchModel(test::readFile(path), "log.json");
  ASSERT_TRUE(result.ok()) << result.status.message();
  const Design& design = onlyDesign(result.project);
  // No facets and no type attribute: one entity named after the table.
  ASSERT_EQ(result.project.entities.size(), 1u);
  EXPECT_EQ(result.project.entities[0].name, "DeviceStateLog");
  EXPECT_EQ(templateOf(design, "DeviceStateLog", "DeviceID"), "d#{DeviceID}");
  EXPECT_EQ(templateOf(design, "DeviceStateLog", "State#Date"), "{State}#{Date}");
  EXPECT_EQ(templateOf(design, "DeviceStateLog", "Operator"), "{Operator}");
  EXPECT_EQ(templateOf(design, "DeviceStateLog", "EscalatedTo"), "{EscalatedTo}");
}

TEST(WorkbenchImport, shouldMakeOneEntityPerValueOfTheTypeAttributeWhenThereAreNoFacets) {
  const auto path = test::sharedDir() / "corpus" / "nosql-workbench" / "Hospital.json";
  ImportResult result = readNoSqlWorkbenchModel(test::readFile(path), "hospital.json");
  ASSERT_TRUE(result.ok()) << result.status.message();
  std::vector<std::string> names;
  for (const Entity& entity : result.project.entities) names.push_back(entity.name);
  EXPECT_EQ(names, (std::vector<std::string>{"patient", "treatment", "medicine", "admission",
                                             "doctor", "nurse", "room", "activity"}));
  const Design& design = onlyDesign(result.project);
  // The model's OneTable ModelSchema states this template; the sample item disagrees with it.
  EXPECT_EQ(templateOf(design, "treatment", "SK"), "{timestamp}#{treatmentId}");
  EXPECT_EQ(templateOf(design, "patient", "SK"), "A");
}

constexpr const char* kTrickyModel = R"({
  "ModelName": "Tricky",
  "ModelMetadata": {"Author": "t", "DateCreated": "Jan 1, 2024, 1:00 PM",
                    "DateLastModified": "Jan 1, 2024, 1:00 PM", "Description": "tricky",
                    "AWSService": "Amazon DynamoDB", "Version": "3.0", "Colour": "blue"},
  "FutureTopLevel": {"x": [1, 2]},
  "DataModel": [
    {"TableName": "Accounts",
     "KeyAttributes": {"PartitionKey": {"AttributeName": "AccountNo", "AttributeType": "N"}},
     "NonKeyAttributes": [{"AttributeName": "Owner", "AttributeType": "S"},
                          {"AttributeName": "Balance", "AttributeType": "N"}],
     "TableFacets": [{"FacetName": "Account", "KeyAttributeAlias": {"PartitionKeyAlias": "AccountNo"},
                      "TableData": [{"AccountNo": {"N": "1"}, "Owner": {"S": "ann"}, "Balance": {"N": "5"}},
                                    {"AccountNo": {"N": "2"}, "Owner": {"S": "bob"}}],
                      "NonKeyAttributes": ["Owner", "Balance"], "FacetColour": "red"},
                     {"FacetName": "Empty", "KeyAttributeAlias": {"PartitionKeyAlias": "AccountNo"},
                      "TableData": [], "NonKeyAttributes": []}],
     "TableData": [],
     "BillingMode": "PROVISIONED",
     "ProvisionedCapacitySettings": {"ProvisionedThroughput": {"ReadCapacityUnits": 7, "WriteCapacityUnits": 3},
        "AutoScalingRead": {"ScalableTargetRequest": {"MinCapacity": 1, "MaxCapacity": 10,
           "ServiceRole": "AWSServiceRoleForApplicationAutoScaling_DynamoDBTable"},
           "ScalingPolicyConfiguration": {"TargetValue": 70}}},
     "DataAccess": {"MySql": {}},
     "TableColour": "green"},
    {"TableName": "Events",
     "KeyAttributes": {"PartitionKey": {"AttributeName": "pk", "AttributeType": "S"},
                       "SortKey": {"AttributeName": "sk", "AttributeType": "S"}},
     "GlobalSecondaryIndexes": [{"IndexName": "ByKind", "KeyAttributes": {
          "PartitionKey": {"AttributeName": "gsi1pk", "AttributeType": "S"}},
          "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["at"]}, "IndexColour": "grey"}],
     "TableData": [
       {"pk": {"S": "USER#u1"}, "sk": {"S": "EVENT#2024-01-01T10:00:00"}, "_type": {"S": "Event"},
        "at": {"S": "2024-01-01T10:00:00"}, "gsi1pk": {"S": "KIND#login"}, "kind": {"S": "login"}},
       {"pk": {"S": "USER#u2"}, "sk": {"S": "EVENT#2024-01-02T11:00:00"}, "_type": {"S": "Event"},
        "at": {"S": "2024-01-02T11:00:00"}, "gsi1pk": {"S": "KIND#logout"}, "kind": {"S": "logout"}},
       {"pk": {"S": "USER#u1"}, "sk": {"S": "PROFILE"}, "_type": {"S": "User"}, "name": {"S": "Ann"}},
       {"pk": {"S": "USER#u2"}, "sk": {"S": "PROFILE"}, "_type": {"S": "User"}, "name": {"S": "Bob"}}
     ]}
  ]})";

TEST(WorkbenchImport, shouldReadTrickyModelsAndKeepWhatItDoesNotModel) {
  ImportResult result = readNoSqlWorkbenchModel(kTrickyModel, "tricky.json");
  ASSERT_TRUE(result.ok()) << result.status.message();
  expectValid(result.project, "tricky.json");
  ASSERT_EQ(result.project.designs.size(), 2u);  // one design per table
  const Design& accounts = result.project.designs[0];
  EXPECT_EQ(accounts.table.sk, std::nullopt);
  EXPECT_EQ(templateOf(accounts, "Account", "AccountNo"), "{AccountNo}");
  EXPECT_EQ(result.project.findEntity("Account")->findAttribute("AccountNo")->type,
            AttributeType::N);
  // A facet without items still becomes an entity.
  EXPECT_NE(result.project.findEntity("Empty"), nullptr);
  const Design& events = result.project.designs[1];
  EXPECT_EQ(templateOf(events, "User", "pk"), "USER#{userId}");
  EXPECT_EQ(templateOf(events, "User", "sk"), "PROFILE");
  EXPECT_EQ(templateOf(events, "Event", "sk"), "EVENT#{at}");
  EXPECT_EQ(templateOf(events, "Event", "gsi1pk"), "KIND#{kind}");
  EXPECT_EQ(events.findGsi("ByKind")->findEntity("User"), nullptr);
  EXPECT_EQ(events.findGsi("ByKind")->projection, Projection::Include);

  const std::string out = exported(result.project);
  const Json root = Json::parse(out);
  EXPECT_EQ(root["FutureTopLevel"], Json::parse(R"({"x": [1, 2]})"));
  EXPECT_EQ(root["ModelMetadata"]["Colour"], "blue");
  EXPECT_EQ(root["ModelMetadata"]["DateCreated"], "Jan 1, 2024, 1:00 PM");
  const Json& table = root["DataModel"][0];
  EXPECT_EQ(table["TableColour"], "green");
  EXPECT_EQ(table["BillingMode"], "PROVISIONED");
  EXPECT_EQ(table["ProvisionedCapacitySettings"]["ProvisionedThroughput"]["ReadCapacityUnits"], 7);
  EXPECT_EQ(table["ProvisionedCapacitySettings"]["AutoScalingRead"]["ScalingPolicyConfiguration"]
                 ["TargetValue"],
            70);
  EXPECT_EQ(table["KeyAttributes"]["PartitionKey"]["AttributeType"], "N");
  EXPECT_EQ(table["TableFacets"][0]["FacetColour"], "red");
  EXPECT_EQ(root["DataModel"][1]["GlobalSecondaryIndexes"][0]["IndexColour"], "grey");
  EXPECT_EQ(tableShapes(kTrickyModel), tableShapes(out));
}

TEST(WorkbenchImport, shouldReadVersionOneFilesWithoutAwsServiceAndWriteVersionThree) {
  const char* v1 = R"({"ModelName": "Old", "ModelMetadata": {"Version": "1.0"},
    "DataModel": [{"TableName": "OldTable",
      "KeyAttributes": {"PartitionKey": {"AttributeName": "id", "AttributeType": "S"}},
      "NonKeyAttributes": [{"AttributeName": "title", "AttributeType": "S"}],
      "TableData": [{"id": {"S": "a1"}, "title": {"S": "x"}}], "DataAccess": {"MySql": {}}}]})";
  ImportResult result = readNoSqlWorkbenchModel(v1, "old.json");
  ASSERT_TRUE(result.ok()) << result.status.message();
  EXPECT_EQ(templateOf(result.project.designs[0], "OldTable", "id"), "{id}");
  const Json out = Json::parse(exported(result.project));
  EXPECT_EQ(out["ModelMetadata"]["Version"], "3.0");
  EXPECT_EQ(out["ModelMetadata"]["AWSService"], "Amazon DynamoDB");
  EXPECT_EQ(out["DataModel"][0]["TableFacets"][0]["FacetName"], "OldTable");
  EXPECT_EQ(out["DataModel"][0]["BillingMode"], "PAY_PER_REQUEST");
}

TEST(WorkbenchImport, shouldNameTheFileAndLineOfMalformedJson) {
  ImportResult result =
      readNoSqlWorkbenchModel("{\n  \"ModelName\": \"x\",\n  \"DataModel\": [\n}\n", "bad.json");
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status.message(), HasSubstr("bad.json:4:1: error: malformed JSON"));
}

TEST(WorkbenchImport, shouldNameTheJsonPathAndWhatWasExpected) {
  ImportResult missing = readNoSqlWorkbenchModel(
      R"({"ModelName": "x", "DataModel": [{"TableName": "T1x", "KeyAttributes": {"PartitionKey": {"AttributeType": "S"}}}]})",
      "m.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status.message(),
              HasSubstr("m.json: error: DataModel[0].KeyAttributes.PartitionKey.AttributeName: "
                        "missing required field"));
  ImportResult badItem = readNoSqlWorkbenchModel(
      R"({"DataModel": [{"TableName": "T1x", "KeyAttributes": {"PartitionKey": {"AttributeName": "id"}},
          "TableData": [{"id": "plain"}]}]})",
      "i.json");
  ASSERT_FALSE(badItem.ok());
  EXPECT_THAT(badItem.status.message(),
              HasSubstr("i.json: error: DataModel[0].TableData[0].id: expected an attribute value "
                        "in DynamoDB JSON"));
  ImportResult notModel = readNoSqlWorkbenchModel(R"({"format": "kvlab/1"})", "p.json");
  ASSERT_FALSE(notModel.ok());
  EXPECT_THAT(notModel.status.message(), HasSubstr("DataModel: missing required field"));
  ImportResult badKeyType = readNoSqlWorkbenchModel(
      R"({"DataModel": [{"TableName": "T1x", "KeyAttributes": {"PartitionKey": {"AttributeName": "id", "AttributeType": "BOOL"}}}]})",
      "k.json");
  ASSERT_FALSE(badKeyType.ok());
  EXPECT_THAT(
      badKeyType.status.message(),
      HasSubstr("DataModel[0].KeyAttributes.PartitionKey.AttributeType: expected S, N or B"));
}

struct Malformed {
  const char* label;
  std::string text;
  std::string message;  // the whole message: the file, the place, what was expected
};

// A catalogue of malformed models: each refused with the file, the JSON path or the line and
// column, and what was expected there, and no project.
TEST(WorkbenchImport, shouldNameTheFileThePlaceAndWhatWasExpectedForEveryMalformedModel) {
  auto table = [](const std::string& fields) {
    return R"({"DataModel": [{"TableName": "Tab", "KeyAttributes": {"PartitionKey": {"AttributeName": "id"}})" +
           fields + "}]}";
  };
  const std::vector<Malformed> cases = {
      {"empty", "",
       "m.json:1:1: error: malformed JSON: syntax error while parsing value - unexpected end of "
       "input; expected '[', '{', or a literal"},
      {"truncated", "{\n  \"DataModel\": [\n",
       "m.json:3:1: error: malformed JSON: syntax error while parsing value - unexpected end of "
       "input; expected '[', '{', or a literal"},
      {"a number beyond a double", R"({"DataModel": [], "x": 1e400})",
       "m.json: error: malformed JSON: number overflow parsing '1e400'; expected a number of "
       "magnitude at most 1.8e308"},
      {"too deep", std::string(200, '[') + std::string(200, ']'),
       "m.json: error: the document nests more than 128 levels deep"},
      {"not an object", "[]", "m.json: error: expected an object, found an array"},
      {"no tables", "{}", "m.json: error: DataModel: missing required field \"DataModel\""},
      {"tables not a list", R"({"DataModel": {}})",
       "m.json: error: DataModel: expected an array, found an object"},
      {"a table that is not an object", R"({"DataModel": [7]})",
       "m.json: error: DataModel[0]: expected an object, found a number"},
      {"a table without a name", R"({"DataModel": [{"TableName": ""}]})",
       "m.json: error: DataModel[0].TableName: expected a non-empty string"},
      {"no partition key", R"({"DataModel": [{"TableName": "Tab", "KeyAttributes": {}}]})",
       "m.json: error: DataModel[0].KeyAttributes.PartitionKey: missing required field "
       "\"PartitionKey\""},
      {"the sort key is the partition key",
       R"({"DataModel": [{"TableName": "Tab", "KeyAttributes": {"PartitionKey": {"AttributeName": "id"}, "SortKey": {"AttributeName": "id"}}}]})",
       "m.json: error: DataModel[0].KeyAttributes.SortKey.AttributeName: the sort key must differ "
       "from the partition key \"id\""},
      {"a key of type BOOL",
       R"({"DataModel": [{"TableName": "Tab", "KeyAttributes": {"PartitionKey": {"AttributeName": "id", "AttributeType": "BOOL"}}}]})",
       "m.json: error: DataModel[0].KeyAttributes.PartitionKey.AttributeType: expected S, N or B "
       "(the type of a key attribute), found \"BOOL\""},
      {"an attribute of an unknown type",
       table(R"(, "NonKeyAttributes": [{"AttributeName": "a", "AttributeType": "DATE"}])"),
       "m.json: error: DataModel[0].NonKeyAttributes[0].AttributeType: expected one of S N B BOOL "
       "NULL L M SS NS BS, found \"DATE\""},
      {"an index without a name",
       table(
           R"(, "GlobalSecondaryIndexes": [{"KeyAttributes": {"PartitionKey": {"AttributeName": "g"}}}])"),
       "m.json: error: DataModel[0].GlobalSecondaryIndexes[0].IndexName: missing required field "
       "\"IndexName\""},
      {"an unknown projection",
       table(
           R"(, "GlobalSecondaryIndexes": [{"IndexName": "GSI1", "KeyAttributes": {"PartitionKey": {"AttributeName": "g"}}, "Projection": {"ProjectionType": "SOME"}}])"),
       "m.json: error: DataModel[0].GlobalSecondaryIndexes[0].Projection.ProjectionType: expected "
       "ALL, KEYS_ONLY or INCLUDE, found \"SOME\""},
      {"INCLUDE without attributes",
       table(
           R"(, "GlobalSecondaryIndexes": [{"IndexName": "GSI1", "KeyAttributes": {"PartitionKey": {"AttributeName": "g"}}, "Projection": {"ProjectionType": "INCLUDE"}}])"),
       "m.json: error: DataModel[0].GlobalSecondaryIndexes[0].Projection.NonKeyAttributes: an "
       "INCLUDE projection needs a non-empty list of attributes"},
      {"a facet without a name", table(R"(, "TableFacets": [{"KeyAttributeAlias": {}}])"),
       "m.json: error: DataModel[0].TableFacets[0].FacetName: missing required field "
       "\"FacetName\""},
      {"an item not in DynamoDB JSON",
       table(R"(, "TableFacets": [{"FacetName": "F", "TableData": [{"id": {"STRING": "x"}}]}])"),
       "m.json: error: DataModel[0].TableFacets[0].TableData[0].id: expected an attribute value in "
       "DynamoDB JSON such as {\"S\": \"text\"} or {\"N\": \"1\"}, found {\"STRING\":\"x\"}"},
      {"items not a list", table(R"(, "TableData": {"id": {"S": "x"}})"),
       "m.json: error: DataModel[0].TableData: expected an array, found an object"},
      {"negative capacity",
       table(
           R"(, "ProvisionedCapacitySettings": {"ProvisionedThroughput": {"ReadCapacityUnits": -1}})"),
       "m.json: error: "
       "DataModel[0].ProvisionedCapacitySettings.ProvisionedThroughput.ReadCapacityUnits: expected "
       "a non-negative integer, found -1"},
      {"a table name DynamoDB refuses", R"({"DataModel": [{"TableName": "T"}]})",
       "m.json: error: DataModel[0].TableName: expected a table name of 3 to 255 letters, digits, "
       "'_', '-' or '.', found \"T\""},
      {"an index name DynamoDB refuses",
       table(R"(, "GlobalSecondaryIndexes": [{"IndexName": "by date"}])"),
       "m.json: error: DataModel[0].GlobalSecondaryIndexes[0].IndexName: expected an index name of "
       "3 to 255 letters, digits, '_', '-' or '.', found \"by date\""},
      {"two tables of one name",
       R"({"DataModel": [{"TableName": "Tab", "KeyAttributes": {"PartitionKey": {"AttributeName": "id"}}}, {"TableName": "Tab", "KeyAttributes": {"PartitionKey": {"AttributeName": "id"}}}]})",
       "m.json: error: DataModel[1].TableName: the table \"Tab\" is already DataModel[0]; expected "
       "a name of its own"},
      {"billing mode not text", table(R"(, "BillingMode": 1)"),
       "m.json: error: DataModel[0].BillingMode: expected a string, found a number"},
  };
  for (const Malformed& c : cases) {
    const ImportResult result = readNoSqlWorkbenchModel(c.text, "m.json");
    ASSERT_FALSE(result.ok()) << c.label;
    EXPECT_EQ(result.status.message(), c.message) << c.label;
    EXPECT_TRUE(result.project.designs.empty() && result.project.entities.empty()) << c.label;
  }
}

TEST(WorkbenchExport, shouldBeTheSameForTheSameProject) {
  const auto path = test::sourceDir() / "samples" / "online-shop.kvlab.json";
  ProjectLoadResult loaded = loadProjectFile(path);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(exported(*loaded.project), exported(*loaded.project));
}

TEST(WorkbenchExport, shouldRefuseTwoDesignsOfOneTable) {
  const auto path = test::sourceDir() / "samples" / "hot-partition.kvlab.json";
  ProjectLoadResult loaded = loadProjectFile(path);
  ASSERT_TRUE(loaded.ok());
  ASSERT_GE(loaded.project->designs.size(), 2u);
  std::string out;
  const Status status =
      writeNoSqlWorkbenchModel(*loaded.project, allDesigns(*loaded.project), fixedDate(), out);
  if (loaded.project->designs[0].table.name == loaded.project->designs[1].table.name) {
    EXPECT_FALSE(status.ok());
    EXPECT_THAT(status.message(), HasSubstr("twice"));
  }
}

class CorpusDesignWorkbench : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(CorpusDesignWorkbench, shouldRoundTripTablesKeysGsisAndTemplates) {
  ProjectLoadResult loaded = loadProjectFile(GetParam());
  ASSERT_TRUE(loaded.ok()) << GetParam();
  for (const Design& design : loaded.project->designs) {
    std::string out;
    ASSERT_TRUE(writeNoSqlWorkbenchModel(*loaded.project, {&design}, fixedDate(), out).ok());
    ImportResult back = readNoSqlWorkbenchModel(out, "exported.json");
    ASSERT_TRUE(back.ok()) << back.status.message();
    expectValid(back.project, GetParam().filename().string() + " (re-imported)");
    const Design& again = onlyDesign(back.project);
    EXPECT_EQ(again.table.name, design.table.name);
    EXPECT_EQ(again.table.pk, design.table.pk);
    EXPECT_EQ(again.table.sk, design.table.sk);
    ASSERT_EQ(again.gsis.size(), design.gsis.size());
    for (std::size_t g = 0; g < design.gsis.size(); ++g) {
      EXPECT_EQ(again.gsis[g].name, design.gsis[g].name);
      EXPECT_EQ(again.gsis[g].pk, design.gsis[g].pk);
      EXPECT_EQ(again.gsis[g].sk, design.gsis[g].sk);
      EXPECT_EQ(again.gsis[g].projection.value_or(Projection::All),
                design.gsis[g].projection.value_or(Projection::All));
    }
    // The generated items carry the templates: every entity's keys come back.
    for (const EntityKeys& keys : design.entityKeys) {
      for (const auto& [key, text] : keys.templates) {
        EXPECT_EQ(templateOf(again, keys.entity, key), text) << design.name << " " << keys.entity;
      }
    }
    // And exporting the re-imported project gives the same file.
    std::string twice;
    ASSERT_TRUE(writeNoSqlWorkbenchModel(back.project, {&again}, fixedDate(), twice).ok());
    EXPECT_EQ(tableShapes(out), tableShapes(twice));
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusDesignWorkbench,
                         ::testing::ValuesIn(test::corpusDesignFilesForParameters()),
                         test::corpusTestName);

}  // namespace
}  // namespace kvlab::model::interop
