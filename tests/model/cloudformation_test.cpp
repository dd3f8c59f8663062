// CloudFormation import and export, JSON and YAML: corpus designs exported and read back to the
// same tables and GSIs, hand-written templates with what KV Lab does not model, and errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/interop/cloudformation_reader.h"
#include "model/interop/cloudformation_writer.h"
#include "model/interop/nosql_workbench_reader.h"
#include "model/interop/table_spec.h"
#include "model/io/project_file.h"
#include "model/schema/project_validator.h"
#include "tests/support/test_files.h"

namespace kvlab::model::interop {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::ordered_json;

void expectValid(const Project& project, const std::string& label) {
  Diagnostics diagnostics;
  validateProject(project, label, diagnostics);
  for (const Diagnostic& d : diagnostics.items()) {
    EXPECT_NE(d.severity, Severity::Error) << label << ": " << formatDiagnostic(d);
  }
}

// A table as CloudFormation sees it, for comparisons.
std::string shapeOf(const TableSpec& spec) {
  std::string out = spec.name + " pk=" + spec.pk.name + ":" + spec.pk.type;
  if (spec.sk) out += " sk=" + spec.sk->name + ":" + spec.sk->type;
  for (const auto* indexes : {&spec.gsis, &spec.lsis}) {
    for (const IndexSpec& index : *indexes) {
      out += (indexes == &spec.gsis ? " gsi " : " lsi ") + index.name + " " + index.pk.name + ":" +
             index.pk.type;
      if (index.sk) out += "/" + index.sk->name + ":" + index.sk->type;
      out += " " + std::string(projectionName(index.projection));
      for (const std::string& name : index.include) out += "," + name;
    }
  }
  out += " billing=" + spec.billingMode.value_or("-");
  if (spec.throughput) {
    out +=
        " " + std::to_string(spec.throughput->read) + "/" + std::to_string(spec.throughput->write);
  }
  return out;
}

class CorpusDesignCloudFormation
    : public ::testing::TestWithParam<std::tuple<std::filesystem::path, bool>> {};

TEST_P(CorpusDesignCloudFormation, shouldExportAndImportToTheSameTablesAndGsis) {
  const auto& [path, yaml] = GetParam();
  ProjectLoadResult loaded = loadProjectFile(path);
  ASSERT_TRUE(loaded.ok()) << path;
  for (const Design& design : loaded.project->designs) {
    ExportOptions options;
    options.yaml = yaml;
    std::string out;
    const Status written = writeCloudFormationTemplate(*loaded.project, {&design}, options, out);
    ASSERT_TRUE(written.ok()) << written.message();
    if (yaml) {
      EXPECT_NE(out.front(), '{');
    }
    ImportResult back = readCloudFormationTemplate(out, "template");
    ASSERT_TRUE(back.ok()) << back.status.message() << "\n" << out;
    expectValid(back.project, path.filename().string() + " (re-imported)");
    ASSERT_EQ(back.project.designs.size(), 1u);
    // On demand unless stated: the export says so, the import reads it.
    TableSpec expected = tableSpecOf(*loaded.project, design);
    expected.billingMode = expected.billingMode.value_or("PAY_PER_REQUEST");
    EXPECT_EQ(shapeOf(tableSpecOf(back.project, back.project.designs[0])), shapeOf(expected));
    // And again: the second export is the first.
    std::string twice;
    ASSERT_TRUE(
        writeCloudFormationTemplate(back.project, {&back.project.designs[0]}, options, twice).ok());
    EXPECT_EQ(out, twice);
  }
}

std::string paramName(
    const ::testing::TestParamInfo<std::tuple<std::filesystem::path, bool>>& info) {
  std::string name = std::get<0>(info.param).filename().string();
  name = name.substr(0, name.find('.'));
  for (char& c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0) c = '_';
  }
  return name + (std::get<1>(info.param) ? "_yaml" : "_json");
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, CorpusDesignCloudFormation,
    ::testing::Combine(::testing::ValuesIn(test::corpusDesignFilesForParameters()),
                       ::testing::Bool()),
    paramName);

constexpr const char* kYamlTemplate = R"(AWSTemplateFormatVersion: "2010-09-09"
Description: Orders service
Parameters:
  Stage:
    Type: String
    Default: dev
Resources:
  OrdersTable:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    Properties:
      TableName: !Sub "orders-${Stage}"
      AttributeDefinitions:
        - AttributeName: pk
          AttributeType: S
        - AttributeName: sk
          AttributeType: S
        - AttributeName: gsi1pk
          AttributeType: S
        - AttributeName: createdAt
          AttributeType: N
      KeySchema:
        - AttributeName: pk
          KeyType: HASH
        - AttributeName: sk
          KeyType: RANGE
      BillingMode: PROVISIONED
      ProvisionedThroughput:
        ReadCapacityUnits: 10
        WriteCapacityUnits: 5
      GlobalSecondaryIndexes:
        - IndexName: gsi1
          KeySchema:
            - AttributeName: gsi1pk
              KeyType: HASH
            - AttributeName: createdAt
              KeyType: RANGE
          Projection:
            ProjectionType: INCLUDE
            NonKeyAttributes: [status, total]
          ProvisionedThroughput:
            ReadCapacityUnits: 4
            WriteCapacityUnits: 2
      LocalSecondaryIndexes:
        - IndexName: byCreated
          KeySchema:
            - AttributeName: pk
              KeyType: HASH
            - AttributeName: createdAt
              KeyType: RANGE
          Projection:
            ProjectionType: KEYS_ONLY
      StreamSpecification:
        StreamViewType: NEW_AND_OLD_IMAGES
      TimeToLiveSpecification:
        AttributeName: expiresAt
        Enabled: true
  Queue:
    Type: AWS::SQS::Queue
Outputs:
  TableArn:
    Value: !GetAtt OrdersTable.Arn
)";

TEST(CloudFormationImport, shouldReadYamlWithShortFormsAndKeepWhatItDoesNotModel) {
  ImportResult result = readCloudFormationTemplate(kYamlTemplate, "orders.yaml");
  ASSERT_TRUE(result.ok()) << result.status.message();
  expectValid(result.project, "orders.yaml");
  EXPECT_EQ(result.project.name, "orders");
  ASSERT_EQ(result.project.designs.size(), 1u);
  const Design& design = result.project.designs[0];
  // An intrinsic TableName: the logical id names the table.
  EXPECT_EQ(design.table.name, "OrdersTable");
  EXPECT_EQ(shapeOf(tableSpecOf(result.project, design)),
            "OrdersTable pk=pk:S sk=sk:S gsi gsi1 gsi1pk:S/createdAt:N INCLUDE,status,total lsi "
            "byCreated pk:S/createdAt:N KEYS_ONLY billing=PROVISIONED 10/5");
  ASSERT_NE(result.project.findEntity("OrdersTable"), nullptr);
  EXPECT_EQ(*design.findEntity("OrdersTable")->find("pk"), "{pk}");

  for (bool yaml : {false, true}) {
    ExportOptions options;
    options.yaml = yaml;
    std::string out;
    ASSERT_TRUE(writeCloudFormationTemplate(result.project, {&design}, options, out).ok());
    ImportResult again = readCloudFormationTemplate(out, "again");
    ASSERT_TRUE(again.ok()) << again.status.message() << "\n" << out;
    EXPECT_EQ(shapeOf(tableSpecOf(again.project, again.project.designs[0])),
              shapeOf(tableSpecOf(result.project, design)));
    if (yaml) continue;
    const Json root = Json::parse(out);
    EXPECT_EQ(root["Parameters"]["Stage"]["Default"], "dev");
    EXPECT_EQ(root["Outputs"]["TableArn"]["Value"],
              Json::parse(R"({"Fn::GetAtt": ["OrdersTable", "Arn"]})"));
    EXPECT_EQ(root["Resources"]["Queue"]["Type"], "AWS::SQS::Queue");
    const Json& table = root["Resources"]["OrdersTable"];
    EXPECT_EQ(table["DeletionPolicy"], "Retain");
    EXPECT_EQ(table["Properties"]["TableName"], Json::parse(R"({"Fn::Sub": "orders-${Stage}"})"));
    EXPECT_EQ(table["Properties"]["StreamSpecification"]["StreamViewType"], "NEW_AND_OLD_IMAGES");
    EXPECT_EQ(table["Properties"]["TimeToLiveSpecification"]["Enabled"], true);
    EXPECT_EQ(table["Properties"]["GlobalSecondaryIndexes"][0]["ProvisionedThroughput"]
                   ["ReadCapacityUnits"],
              4);
  }
}

TEST(CloudFormationImport, shouldNameThePlaceAndWhatWasExpected) {
  ImportResult noTable =
      readCloudFormationTemplate(R"({"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}})", "q.json");
  ASSERT_FALSE(noTable.ok());
  EXPECT_THAT(
      noTable.status.message(),
      HasSubstr("q.json: error: Resources: expected a resource of Type AWS::DynamoDB::Table"));

  ImportResult undefined = readCloudFormationTemplate(
      R"({"Resources": {"T": {"Type": "AWS::DynamoDB::Table", "Properties": {
          "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}], "AttributeDefinitions": []}}}})",
      "t.json");
  ASSERT_FALSE(undefined.ok());
  EXPECT_THAT(
      undefined.status.message(),
      HasSubstr("t.json: error: Resources.T.Properties.KeySchema: key attribute \"id\" has no "
                "entry in AttributeDefinitions"));

  ImportResult badYaml =
      readCloudFormationTemplate("Resources:\n  T:\n    Type: [unclosed\n", "bad.yaml");
  ASSERT_FALSE(badYaml.ok());
  EXPECT_THAT(badYaml.status.message(), HasSubstr("bad.yaml:"));
  EXPECT_THAT(badYaml.status.message(), HasSubstr("malformed YAML"));

  ImportResult badJson = readCloudFormationTemplate("{\"Resources\": {,}}", "bad.json");
  ASSERT_FALSE(badJson.ok());
  EXPECT_THAT(badJson.status.message(), HasSubstr("bad.json:1:16: error: malformed JSON"));
}

struct Malformed {
  const char* label;
  std::string text;
  std::string message;  // the whole message: the file, the place, what was expected
};

// A catalogue of malformed templates, JSON and YAML: each refused with the file, the JSON path or
// the line and column, and what was expected there, and no project.
TEST(CloudFormationImport, shouldNameTheFileThePlaceAndWhatWasExpectedForEveryMalformedTemplate) {
  auto table = [](const std::string& properties) {
    return R"({"Resources": {"T": {"Type": "AWS::DynamoDB::Table", "Properties": {"TableName": "Tab", )" +
           properties + "}}}}";
  };
  const std::string keys =
      R"("AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}], "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}])";
  const std::vector<Malformed> cases = {
      {"empty", "", "t.yaml: error: expected an object, found null"},
      {"truncated JSON", "{\"Resources\": {\n",
       "t.yaml:2:1: error: malformed JSON: syntax error while parsing object key - unexpected end "
       "of input; expected string literal"},
      {"a YAML list unclosed", "Resources:\n  T: [\n",
       "t.yaml:3:1: error: malformed YAML: end of sequence flow not found"},
      {"a YAML tab", "Resources:\n\tT: 1\n",
       "t.yaml:2:3: error: malformed YAML: illegal map value"},
      {"a YAML alias to nothing", "Resources: *nothing\n",
       "t.yaml:1:12: error: malformed YAML: the referenced anchor is not defined"},
      {"a YAML key that is a list", "Resources:\n  ? [a, b]\n  : 1\n",
       "t.yaml:2:5: error: malformed YAML: bad conversion"},
      {"a plain list", "- a\n- b\n", "t.yaml: error: expected an object, found an array"},
      {"no resources", "AWSTemplateFormatVersion: '2010-09-09'\n",
       "t.yaml: error: Resources: missing required field \"Resources\""},
      {"resources as a list", "Resources: [a]\n",
       "t.yaml: error: Resources: expected an object, found an array"},
      {"no table", R"({"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}})",
       "t.yaml: error: Resources: expected a resource of Type AWS::DynamoDB::Table; found none"},
      {"a table without properties", R"({"Resources": {"T": {"Type": "AWS::DynamoDB::Table"}}})",
       "t.yaml: error: Resources.T.Properties: missing required field \"Properties\""},
      {"no key schema", table(R"("AttributeDefinitions": [])"),
       "t.yaml: error: Resources.T.Properties.KeySchema: missing required field \"KeySchema\""},
      {"two HASH keys",
       table(
           R"("AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}], "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}, {"AttributeName": "id", "KeyType": "HASH"}])"),
       "t.yaml: error: Resources.T.Properties.KeySchema[1].KeyType: expected one HASH and at most "
       "one RANGE key, found another \"HASH\""},
      {"only a RANGE key",
       table(
           R"("AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}], "KeySchema": [{"AttributeName": "id", "KeyType": "RANGE"}])"),
       "t.yaml: error: Resources.T.Properties.KeySchema: expected a key of KeyType HASH"},
      {"an attribute of type BOOL",
       table(
           R"("AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "BOOL"}], "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}])"),
       "t.yaml: error: Resources.T.Properties.AttributeDefinitions[0].AttributeType: expected S, N "
       "or B, found \"BOOL\""},
      {"an undefined key attribute",
       table(
           R"("AttributeDefinitions": [], "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}])"),
       "t.yaml: error: Resources.T.Properties.KeySchema: key attribute \"id\" has no entry in "
       "AttributeDefinitions; expected one giving its type (S, N or B)"},
      {"an index without a projection",
       table(
           keys +
           R"(, "GlobalSecondaryIndexes": [{"IndexName": "GSI1", "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}])"),
       "t.yaml: error: Resources.T.Properties.GlobalSecondaryIndexes[0].Projection: missing "
       "required field \"Projection\""},
      {"INCLUDE without attributes",
       table(
           keys +
           R"(, "GlobalSecondaryIndexes": [{"IndexName": "GSI1", "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}], "Projection": {"ProjectionType": "INCLUDE"}}])"),
       "t.yaml: error: "
       "Resources.T.Properties.GlobalSecondaryIndexes[0].Projection.NonKeyAttributes: missing "
       "required field \"NonKeyAttributes\""},
      {"a local index without a sort key",
       table(
           keys +
           R"(, "LocalSecondaryIndexes": [{"IndexName": "LSI1", "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"}}])"),
       "t.yaml: error: Resources.T.Properties.LocalSecondaryIndexes[0].KeySchema: a local "
       "secondary index has the table's HASH key \"id\" and a RANGE key"},
      {"negative capacity",
       table(keys +
             R"(, "ProvisionedThroughput": {"ReadCapacityUnits": -5, "WriteCapacityUnits": 1})"),
       "t.yaml: error: Resources.T.Properties.ProvisionedThroughput.ReadCapacityUnits: expected a "
       "non-negative integer, found -5"},
      {"a table named after a short logical id",
       R"({"Resources": {"T": {"Type": "AWS::DynamoDB::Table", "Properties": {)" + keys + "}}}}",
       "t.yaml: error: Resources.T: the table takes its name from the logical id \"T\", which is "
       "not a table name of 3 to 255 letters, digits, '_', '-' or '.'; expected a TableName"},
      {"an index name DynamoDB refuses",
       table(
           keys +
           R"(, "GlobalSecondaryIndexes": [{"IndexName": "by date", "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"}}])"),
       "t.yaml: error: Resources.T.Properties.GlobalSecondaryIndexes[0].IndexName: expected an "
       "index name of 3 to 255 letters, digits, '_', '-' or '.', found \"by date\""},
      {"two tables of one name",
       R"({"Resources": {"A": {"Type": "AWS::DynamoDB::Table", "Properties": {"TableName": "Tab", )" +
           keys +
           R"(}}, "B": {"Type": "AWS::DynamoDB::Table", "Properties": {"TableName": "Tab", )" +
           keys + "}}}}",
       "t.yaml: error: Resources.B.Properties.TableName: the table \"Tab\" is already "
       "Resources.A.Properties.TableName; expected a name of its own"},
      {"YAML that is not UTF-8", "Resources:\n  T\xfd: 1\n",
       "t.yaml:2:4: error: malformed YAML: invalid UTF-8 byte 0xFD; expected UTF-8 text"},
      {"billing mode not text", table(keys + R"(, "BillingMode": ["PROVISIONED"])"),
       "t.yaml: error: Resources.T.Properties.BillingMode: expected a string, found an array"},
  };
  for (const Malformed& c : cases) {
    const ImportResult result = readCloudFormationTemplate(c.text, "t.yaml");
    ASSERT_FALSE(result.ok()) << c.label;
    EXPECT_EQ(result.status.message(), c.message) << c.label;
    EXPECT_TRUE(result.project.designs.empty() && result.project.entities.empty()) << c.label;
  }
}

TEST(CloudFormationExport, shouldCarryWorkbenchBillingAndKeyTypes) {
  const char* model = R"({"ModelName": "M", "DataModel": [{"TableName": "Counters",
    "KeyAttributes": {"PartitionKey": {"AttributeName": "n", "AttributeType": "N"}},
    "BillingMode": "PROVISIONED",
    "ProvisionedCapacitySettings": {"ProvisionedThroughput": {"ReadCapacityUnits": 3, "WriteCapacityUnits": 2}},
    "TableData": [{"n": {"N": "1"}}, {"n": {"N": "2"}}]}]})";
  ImportResult imported = readNoSqlWorkbenchModel(model, "m.json");
  ASSERT_TRUE(imported.ok()) << imported.status.message();
  std::string out;
  ASSERT_TRUE(
      writeCloudFormationTemplate(imported.project, {&imported.project.designs[0]}, {}, out).ok());
  const Json properties = Json::parse(out)["Resources"]["CountersTable"]["Properties"];
  EXPECT_EQ(properties["AttributeDefinitions"][0]["AttributeType"], "N");
  EXPECT_EQ(properties["BillingMode"], "PROVISIONED");
  EXPECT_EQ(properties["ProvisionedThroughput"]["ReadCapacityUnits"], 3);
}

}  // namespace
}  // namespace kvlab::model::interop
