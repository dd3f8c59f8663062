// The OneTable schema and the AWS CLI's create-table input, from the shop sample and every corpus
// design.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/interop/aws_cli_writer.h"
#include "model/interop/exporters.h"
#include "model/interop/onetable_writer.h"
#include "model/io/project_file.h"
#include "tests/support/test_files.h"

namespace kvlab::model::interop {
namespace {

using Json = nlohmann::ordered_json;

Project shop() {
  ProjectLoadResult loaded =
      loadProjectFile(test::sourceDir() / "samples" / "online-shop.kvlab.json");
  EXPECT_TRUE(loaded.ok());
  return *loaded.project;
}

TEST(OneTableWriter, shouldWriteIndexesAndModelsWithValueTemplates) {
  const Project project = shop();
  const Design& design = project.designs.front();
  std::string out;
  ASSERT_TRUE(writeOneTableSchema(project, design, out).ok());
  const Json schema = Json::parse(out);
  EXPECT_EQ(schema["format"], "onetable:1.1.0");
  EXPECT_EQ(schema["indexes"]["primary"]["hash"], design.table.pk);
  for (const SecondaryIndex& gsi : design.gsis) {
    EXPECT_EQ(schema["indexes"][gsi.name]["hash"], *gsi.pk);
  }
  for (const EntityKeys& keys : design.entityKeys) {
    ASSERT_TRUE(schema["models"].contains(keys.entity)) << keys.entity;
    for (const auto& [key, text] : keys.templates) {
      std::string expected;
      for (char c : text) expected += c == '{' ? std::string("${") : std::string(1, c);
      if (text != "{" + key + "}") {
        EXPECT_EQ(schema["models"][keys.entity][key]["value"], expected) << keys.entity;
      }
    }
    const Entity* entity = project.findEntity(keys.entity);
    for (const std::string& id : entity->identifier) {
      EXPECT_TRUE(schema["models"][keys.entity].contains(id)) << keys.entity << "." << id;
    }
  }
}

TEST(AwsCliWriter, shouldWriteTheCreateTableInput) {
  const Project project = shop();
  const Design& design = project.designs.front();
  std::string out;
  ASSERT_TRUE(writeAwsCliCreateTable(project, design, out).ok());
  const Json input = Json::parse(out);
  EXPECT_EQ(input["TableName"], design.table.name);
  EXPECT_EQ(input["KeySchema"][0],
            Json::parse(R"({"AttributeName": ")" + design.table.pk + R"(", "KeyType": "HASH"})"));
  EXPECT_EQ(input["BillingMode"], "PAY_PER_REQUEST");
  EXPECT_EQ(input["GlobalSecondaryIndexes"].size(), design.gsis.size());
  // Every key attribute is defined once, and only key attributes are.
  std::set<std::string> defined;
  for (const Json& definition : input["AttributeDefinitions"]) {
    EXPECT_TRUE(defined.insert(definition["AttributeName"].get<std::string>()).second);
  }
  EXPECT_TRUE(defined.count(design.table.pk));
}

class CorpusDesignExports : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(CorpusDesignExports, shouldExportEveryDesignToEveryFormat) {
  ProjectLoadResult loaded = loadProjectFile(GetParam());
  ASSERT_TRUE(loaded.ok()) << GetParam();
  for (const Design& design : loaded.project->designs) {
    for (const Exporter& exporter : exporters()) {
      for (bool yaml : {false, true}) {
        ExportOptions options;
        options.yaml = yaml;
        options.timestamp = "Jan 1, 2025, 9:00 AM";
        std::string out;
        const Status status = exporter.write(*loaded.project, {&design}, options, out);
        EXPECT_TRUE(status.ok()) << exporter.name << ": " << status.message();
        EXPECT_FALSE(out.empty()) << exporter.name;
        // Every format is JSON but YAML CloudFormation and SQL (run on PostgreSQL by
        // tests/simulator/postgres_sql_test.cpp).
        if (exporter.name == "sql") {
          EXPECT_NE(out.find("CREATE TABLE"), std::string::npos);
        } else if (!yaml || exporter.name != "cloudformation") {
          EXPECT_TRUE(Json::accept(out)) << exporter.name;
        }
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusDesignExports,
                         ::testing::ValuesIn(test::corpusDesignFilesForParameters()),
                         test::corpusTestName);

}  // namespace
}  // namespace kvlab::model::interop
