// Inputs the fuzz targets (tests/fuzz) found to crash, hang or break an invariant, kept as tests of
// what the user sees instead: an error that names the file and the fault.
#include <sqlite3.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/capacity/price_sheet.h"
#include "model/design/planner.h"
#include "model/interop/cloudformation_reader.h"
#include "model/interop/cloudformation_writer.h"
#include "model/io/diagnostic.h"
#include "model/io/native_project_store.h"
#include "model/io/project_json.h"
#include "model/schema/project_validator.h"
#include "tests/support/test_files.h"

namespace kvlab::model {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> messages(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics.items()) out.push_back(formatDiagnostic(d));
  return out;
}

// project_json_fuzzer: nlohmann reports a number beyond a double's range with out_of_range, not
// parse_error, and the reader let it escape: the program ended on a one-line file.
TEST(FuzzRegression, shouldReportANumberBeyondADoublesRangeInAProjectAsMalformedJson) {
  const ProjectReadResult result = readProjectJson(
      R"({"format": "kvlab/1", "name": "x", "entities": [], "n": 1e400})", "big.kvlab.json");
  EXPECT_FALSE(result.parsed);
  EXPECT_THAT(messages(result.diagnostics),
              ElementsAre("big.kvlab.json: error: malformed JSON: number overflow parsing "
                          "'1e400'; expected a number of magnitude at most 1.8e308"));
}

TEST(FuzzRegression, shouldReportANegativeNumberBeyondADoublesRangeAsMalformedJson) {
  const ProjectReadResult result = readProjectJson("[-2e308]", "neg.kvlab.json");
  EXPECT_FALSE(result.parsed);
  EXPECT_THAT(messages(result.diagnostics),
              ElementsAre(HasSubstr("neg.kvlab.json: error: malformed JSON: number overflow "
                                    "parsing '-2e308'")));
}

// The same escape in the price sheet reader.
TEST(FuzzRegression, shouldReportANumberBeyondADoublesRangeInAPriceSheetAsInvalidJson) {
  const auto load = capacity::PriceSheet::parse(R"({"hoursPerMonth": 1e999})", "prices.json");
  EXPECT_FALSE(load.ok());
  ASSERT_EQ(load.errors.size(), 1u);
  EXPECT_EQ(load.errors[0].message(),
            "prices.json: error: is not valid JSON: number overflow parsing '1e999'; expected a "
            "number of magnitude at most 1.8e308");
}

// A native file whose `sql` statement (run after a normal save) plants a hostile row.
std::filesystem::path nativeFileWith(const test::TempDir& dir, const std::string& sql) {
  Project project;
  project.name = "Deep";
  project.entities.push_back(Entity{});
  project.entities[0].name = "Customer";
  const auto path = dir / "deep.kvlab";
  EXPECT_TRUE(writeNativeProject(project, path).ok());
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  return path;
}

std::string nested(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// native_project_fuzzer: a row nesting 200,000 arrays deep passed the reader's JSON parse (which
// is iterative) and overflowed the stack when the value was copied into the document.
TEST(FuzzRegression, shouldRefuseANativeRowNestedDeeperThanTheLimitInsteadOfOverflowingTheStack) {
  test::TempDir dir;
  const auto path = nativeFileWith(
      dir, "UPDATE entities SET body = '{\"name\": \"Customer\", \"x\": " + nested(200000) + "}'");
  const ProjectReadResult result = readNativeProject(path);
  EXPECT_FALSE(result.parsed);
  EXPECT_THAT(messages(result.diagnostics),
              ElementsAre(path.string() +
                          ": error: cannot read entities: a row of table entities nests deeper "
                          "than 64 levels (the limit)"));
}

TEST(FuzzRegression, shouldRefuseANativeProjectRowNestedDeeperThanTheLimit) {
  test::TempDir dir;
  const auto path = nativeFileWith(
      dir, "UPDATE project SET body = '{\"name\": \"Deep\", \"x\": " + nested(100) + "}'");
  const ProjectReadResult result = readNativeProject(path);
  EXPECT_FALSE(result.parsed);
  EXPECT_THAT(messages(result.diagnostics),
              ElementsAre(path.string() +
                          ": error: the project file's project row nests deeper than 64 levels "
                          "(the limit)"));
}

// Within the limit, a deep row reaches the kvlab/1 reader, which names the place as in a text file.
TEST(FuzzRegression, shouldReportANativeRowJustWithinTheLimitWhereTheTextFormWould) {
  test::TempDir dir;
  const auto path = nativeFileWith(
      dir, "UPDATE entities SET body = '{\"name\": \"Customer\", \"x\": " + nested(63) + "}'");
  const ProjectReadResult result = readNativeProject(path);
  EXPECT_FALSE(result.parsed);
  std::string at = "entities[0].x";
  for (int i = 0; i < 61; ++i) at += "[0]";
  EXPECT_THAT(messages(result.diagnostics),
              ElementsAre(path.string() + ": error: " + at +
                          ": nesting deeper than 64 levels (the limit)"));
}

// planner_fuzzer: the planner charged a transaction item by item, so a valid 86 KB file of 500
// transactions of 10^6 items (the limit of itemsPerRequest) took minutes to plan. Each entity's
// items are now charged at once; the charges are those of 10^6 separate items.
TEST(FuzzRegression, shouldChargeATransactionOfAMillionItemsAsAMillionSeparateItems) {
  // Doc items are 1,510 bytes: the attributes (12 + 1442 + 10) and the keys PK (16), SK (5),
  // GSI1PK (16) and GSI1SK (9). GSI1 projects them all.
  const std::string text = R"json({
    "format": "kvlab/1", "name": "docs",
    "entities": [
      { "name": "Doc", "identifier": ["id"], "count": 1000000,
        "attributes": [ { "name": "id", "type": "S", "size": 10 },
                        { "name": "body", "type": "S", "size": 1438 },
                        { "name": "status", "type": "S", "size": 4, "distinct": 2 } ] } ],
    "accessPatterns": [
      { "id": "tx", "name": "a million docs", "action": "transaction", "entities": ["Doc"],
        "itemsPerRequest": 1000000 } ],
    "designs": [
      { "name": "d", "table": { "name": "Docs", "pk": "PK", "sk": "SK" },
        "entityKeys": { "Doc": { "PK": "DOC#{id}", "SK": "DOC" } },
        "gsis": [ { "name": "GSI1", "pk": "GSI1PK", "sk": "GSI1SK", "projection": "ALL",
                    "entityKeys": { "Doc": { "GSI1PK": "{id}", "GSI1SK": "DOC" } } } ] } ]
  })json";
  ProjectReadResult read = readProjectJson(text, "docs.kvlab.json");
  validateProject(read.project, "docs.kvlab.json", read.diagnostics);
  ASSERT_FALSE(read.diagnostics.hasErrors());
  const auto sheet =
      capacity::PriceSheet::load(test::sourceDir() / "data/prices/us-east-1-2024-11.json");
  ASSERT_TRUE(sheet.ok());
  const DesignPlan plan = planDesign(read.project, read.project.designs[0], *sheet.sheet);
  const PatternPlan& tx = *plan.find("tx");
  // Per item: 2 transactional write units for each started KB in the table (2 KB: 4 units) and 2
  // standard units in GSI1.
  EXPECT_THAT(tx.writeUnitsByCapacity, ElementsAre(std::pair<std::string, double>("GSI1", 2e6),
                                                   std::pair<std::string, double>("table", 4e6)));
  EXPECT_DOUBLE_EQ(tx.writeUnitsPerRequest, 6e6);
  ASSERT_FALSE(tx.warnings.empty());
  EXPECT_EQ(tx.warnings.back().message,
            "a transaction takes at most 100 items and 4 MB; this one has 1000000 items and "
            "1510000000 bytes: it must be split, losing atomicity");
}

// Templates that ask for more than they say: YAML aliases (`*a`) stand for the node they name,
// and the reader expanded each into JSON. Lists of aliases of lists grow exponentially: the
// 637-byte template below (10^8 values) made the reader take 4 GB in 37 s before it ran out of
// memory. The reader now counts values and bytes as it expands and stops at 10^6 values or
// 64 MiB, with the line and column of the node it stopped at.
// `prelude`, then lists a0 (10 times `leaf`), a1 (10 times *a0), ... up to a(levels - 1), then a
// table: 10^levels leaves once the aliases are expanded.
std::string aliasBomb(int levels, const std::string& leaf, const std::string& prelude = "") {
  std::string text = prelude + "a0: &a0 [" + leaf;
  for (int i = 1; i < 10; ++i) text += ", " + leaf;
  text += "]\n";
  for (int level = 1; level < levels; ++level) {
    const std::string name = "a" + std::to_string(level);
    const std::string previous = "*a" + std::to_string(level - 1);
    text += name + ": &" + name + " [" + previous;
    for (int i = 1; i < 10; ++i) text += ", " + previous;
    text += "]\n";
  }
  return text +
         "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n"
         "      KeySchema: [{AttributeName: id, KeyType: HASH}]\n"
         "      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]\n";
}

// Found by cloudformation_fuzzer: a NUL inside a flow mapping made yaml-cpp hand back a key with
// a lone 0x85 byte, and writing the kept template threw. YAML cannot hold control characters
// but tab and line breaks: the reader refuses them where they are.
TEST(FuzzRegression, shouldRefuseAYamlTemplateWithAControlCharacter) {
  const std::string text = std::string(
                               "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n"
                               "    Properties:\n      KeySchema: [{AttributeName: id, KeyType: "
                               "HASH}]\n      AttributeDefinitions: [{Attribu") +
                           '\0' + "teName: id, AttributeType: S}]\n";
  const interop::ImportResult result = interop::readCloudFormationTemplate(text, "nul.yaml");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status.message(),
            "nul.yaml:6:38: error: malformed YAML: control character 0x00; expected printable "
            "text (tabs and line breaks only)");
  const interop::ImportResult escape = interop::readCloudFormationTemplate(
      "Resources:\n  T:\n    Type: \x1b[31mAWS\n", "escape.yaml");
  ASSERT_FALSE(escape.ok());
  EXPECT_NE(escape.status.message().find("escape.yaml:3:11: error: malformed YAML: control "
                                         "character 0x1B"),
            std::string::npos)
      << escape.status.message();
}

// Found by cloudformation_fuzzer right after: a DEL (0x7F) in a JSON template's description is
// written unescaped into the YAML export (yaml-cpp's emitter), so the YAML reader must take it
// back.
TEST(FuzzRegression, shouldTakeBackAYamlExportWhoseTextHoldsADelete) {
  const std::string json =
      "{\"Description\": \"m\x7fst\", \"Resources\": {\"Chat\": {\"Type\": "
      "\"AWS::DynamoDB::Table\", \"Properties\": {\"KeySchema\": [{\"AttributeName\": \"id\", "
      "\"KeyType\": \"HASH\"}], \"AttributeDefinitions\": [{\"AttributeName\": \"id\", "
      "\"AttributeType\": \"S\"}]}}}}";
  const interop::ImportResult imported = interop::readCloudFormationTemplate(json, "del.json");
  ASSERT_TRUE(imported.ok()) << imported.status.message();
  interop::ExportOptions options;
  options.yaml = true;
  std::string exported;
  const Status written = interop::writeCloudFormationTemplate(
      imported.project, {&imported.project.designs.front()}, options, exported);
  ASSERT_TRUE(written.ok()) << written.message();
  ASSERT_NE(exported.find('\x7f'), std::string::npos);
  const interop::ImportResult again = interop::readCloudFormationTemplate(exported, "del.yaml");
  EXPECT_TRUE(again.ok()) << again.status.message();
}

TEST(FuzzRegression, shouldRefuseAYamlTemplateWhoseAliasesExpandToTooManyValues) {
  const std::string text = aliasBomb(8, "x");
  EXPECT_LT(text.size(), 650u);
  const interop::ImportResult result = interop::readCloudFormationTemplate(text, "bomb.yaml");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status.message(),
            "bomb.yaml:1:37: error: the document holds more than 1000000 values once its aliases "
            "(*name) are expanded; expected at most that many");
}

TEST(FuzzRegression, shouldRefuseAYamlTemplateWhoseAliasesExpandToTooManyBytes) {
  // 10^5 copies of a 1,000-byte string: 100 MB from 1.5 KB, well within the count of values.
  const std::string text = aliasBomb(5, "*s", "s: &s " + std::string(1000, 'x') + "\n");
  EXPECT_LT(text.size(), 1500u);
  const interop::ImportResult result = interop::readCloudFormationTemplate(text, "bytes.yaml");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status.message(),
            "bytes.yaml:1:4: error: the document holds more than 67108864 bytes of text once its "
            "aliases (*name) are expanded; expected at most that many");
}

TEST(FuzzRegression, shouldRefuseDeeplyNestedTemplatesWithAnError) {
  const std::string deepYaml = std::string(200, '[') + std::string(200, ']');
  const interop::ImportResult yaml = interop::readCloudFormationTemplate(deepYaml, "deep.yaml");
  ASSERT_FALSE(yaml.ok());
  EXPECT_THAT(yaml.status.message(),
              HasSubstr("deep.yaml:1:130: error: the document nests more than 128 levels deep"));
  // Deeper than yaml-cpp's own guard (2,000 levels): its parser refuses before it recurses on.
  const std::string deeperYaml = std::string(5000, '[') + std::string(5000, ']');
  const interop::ImportResult deeper =
      interop::readCloudFormationTemplate(deeperYaml, "deeper.yaml");
  ASSERT_FALSE(deeper.ok());
  EXPECT_THAT(deeper.status.message(), HasSubstr("deeper.yaml:1:"));
  EXPECT_THAT(deeper.status.message(), HasSubstr("malformed YAML"));
  const std::string deepJson =
      "{\"Resources\": " + std::string(200, '[') + std::string(200, ']') + "}";
  const interop::ImportResult json = interop::readCloudFormationTemplate(deepJson, "deep.json");
  ASSERT_FALSE(json.ok());
  EXPECT_THAT(json.status.message(),
              HasSubstr("deep.json: error: the document nests more than 128 levels deep"));
}

// Found by cloudformation_fuzzer: a property the import keeps, whose name is 1,200 characters
// with control characters in it, was written back as an implicit YAML key (at most 1,024
// characters) and did not read again. Long keys are now explicit ("? ") and control characters
// double-quoted escapes.
TEST(FuzzRegression, shouldWriteALongOrControlCharacterKeyAsYamlThatReadsAgain) {
  std::string key(1200, 'k');
  key[10] = '\x07';
  key[20] = '\0';
  nlohmann::json property;
  property[key] = nullptr;
  property["Bell\x07"] = "tab\there";
  // The template itself is JSON, which has no limit on key lengths.
  nlohmann::json table = nlohmann::json::parse(R"json({ "Type": "AWS::DynamoDB::Table",
    "Properties": { "TableName": "Orders",
      "KeySchema": [ { "AttributeName": "id", "KeyType": "HASH" } ],
      "AttributeDefinitions": [ { "AttributeName": "id", "AttributeType": "S" } ] } })json");
  table["Properties"]["Odd"] = property;
  const std::string text = nlohmann::json{{"Resources", {{"T", table}}}}.dump();
  const interop::ImportResult first = interop::readCloudFormationTemplate(text, "odd.json");
  ASSERT_TRUE(first.ok()) << first.status.message();
  std::vector<const Design*> designs;
  for (const Design& d : first.project.designs) designs.push_back(&d);
  interop::ExportOptions options;
  options.yaml = true;
  std::string yaml;
  ASSERT_TRUE(interop::writeCloudFormationTemplate(first.project, designs, options, yaml).ok());
  const interop::ImportResult second = interop::readCloudFormationTemplate(yaml, "again.yaml");
  EXPECT_TRUE(second.ok()) << second.status.message() << "\n" << yaml;
}

}  // namespace
}  // namespace kvlab::model
