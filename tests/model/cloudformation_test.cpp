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
