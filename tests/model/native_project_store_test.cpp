#include "model/io/native_project_store.h"

#include <sqlite3.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <algorithm>
#include <limits>

#include "model/io/project_file.h"
#include "model/io/project_json.h"
#include "tests/support/test_files.h"

namespace kvlab::model {
namespace {

using ::testing::HasSubstr;

Project smallProject(const std::string& name) {
  Project project;
  project.name = name;
  Entity customer;
  customer.name = "Customer";
  customer.identifier = {"customerId"};
  customer.attributes.push_back(Attribute{"customerId", AttributeType::S, 16, {}, {}, {}});
  project.entities.push_back(customer);
  project.extra.emplace_back("notes", R"(["kept"])");
  return project;
}

void exec(const std::filesystem::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

TEST(NativeProjectStore, shouldWriteASqliteDatabaseThatReadsBackTheSameProject) {
  test::TempDir dir;
  const Project project = smallProject("Shop");
  ASSERT_TRUE(writeNativeProject(project, dir / "shop.kvlab").ok());
  EXPECT_TRUE(looksLikeSqliteFile(dir / "shop.kvlab"));
  ProjectReadResult read = readNativeProject(dir / "shop.kvlab");
  ASSERT_FALSE(read.diagnostics.hasErrors());
  EXPECT_EQ(writeProjectJson(read.project), writeProjectJson(project));
}

SavedRun savedRun(const std::string& name, std::uint64_t seed, const std::string& result) {
  return SavedRun{name, "single-table", "dynamodb", seed,
                  std::make_shared<const std::string>(result)};
}

TEST(NativeProjectStore, shouldKeepTheSavedRunsInOrderWithTheirResultsByteForByte) {
  test::TempDir dir;
  Project project = smallProject("Shop");
  // Any text, any size: the store does not read results. The largest seed survives the signed
  // column.
  const std::string big(3u << 20, 'x');
  project.runs.push_back(savedRun("first — mean rates", 1, R"({"format": "kvlab-run/1"})"));
  project.runs.push_back(savedRun("second", std::numeric_limits<std::uint64_t>::max(), big));
  project.runs.push_back(savedRun("", 0, ""));
  ASSERT_TRUE(writeNativeProject(project, dir / "shop.kvlab").ok());

  ProjectReadResult read = readNativeProject(dir / "shop.kvlab");
  ASSERT_FALSE(read.diagnostics.hasErrors());
  ASSERT_EQ(read.project.runs.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(read.project.runs[i].name, project.runs[i].name);
    EXPECT_EQ(read.project.runs[i].design, "single-table");
    EXPECT_EQ(read.project.runs[i].engine, "dynamodb");
    EXPECT_EQ(read.project.runs[i].seed, project.runs[i].seed);
    EXPECT_TRUE(read.project.runs[i].resultJson() == project.runs[i].resultJson());
  }
}

TEST(NativeProjectStore, shouldOpenTheProjectWithoutItsRunsWhenTheirTableCannotBeRead) {
  test::TempDir dir;
  Project project = smallProject("Shop");
  project.runs.push_back(savedRun("lost", 1, R"({"format": "kvlab-run/1"})"));
  ASSERT_TRUE(writeNativeProject(project, dir / "shop.kvlab").ok());
  exec(dir / "shop.kvlab", "DROP TABLE runs");
  const ProjectLoadResult loaded = loadProjectFile(dir / "shop.kvlab");
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded.project->runs.empty());
  EXPECT_EQ(loaded.project->entities.size(), 1u);
  // Beside the unknown field's warning, one about the runs, naming the file.
  const auto& items = loaded.diagnostics.items();
  const auto runs = std::find_if(items.begin(), items.end(), [](const Diagnostic& d) {
    return d.message.find("cannot read the kept simulation runs") != std::string::npos;
  });
  ASSERT_NE(runs, items.end());
  EXPECT_EQ(runs->severity, Severity::Warning);
  EXPECT_EQ(runs->file, (dir / "shop.kvlab").string());
}

TEST(NativeProjectStore, shouldLeaveTheRunsOutOfTheTextForm) {
  test::TempDir dir;
  Project project = smallProject("Shop");
  project.runs.push_back(savedRun("kept only natively", 7, R"({"format": "kvlab-run/1"})"));
  ASSERT_TRUE(saveProjectFile(project, dir / "shop.kvlab.json").ok());
  EXPECT_EQ(test::readFile(dir / "shop.kvlab.json"), writeProjectJson(smallProject("Shop")));
  const ProjectLoadResult text = loadProjectFile(dir / "shop.kvlab.json");
  ASSERT_TRUE(text.project.has_value());
  EXPECT_TRUE(text.project->runs.empty());
}

TEST(NativeProjectStore, shouldRefuseAFileFromANewerVersionAndLeaveItUntouched) {
  test::TempDir dir;
  const auto file = dir / "future.kvlab";
  ASSERT_TRUE(writeNativeProject(smallProject("Future"), file).ok());
  exec(file, "PRAGMA user_version = " + std::to_string(kNativeSchemaVersion + 1));
  const std::string before = test::readFile(file);
  ProjectLoadResult result = loadProjectFile(file);
  ASSERT_TRUE(result.diagnostics.hasErrors());
  EXPECT_THAT(result.diagnostics.items()[0].message, HasSubstr("newer KV Lab"));
  EXPECT_TRUE(test::readFile(file) == before) << "the file changed";
}

TEST(NativeProjectStore, shouldRefuseASqliteDatabaseOfAnotherApplication) {
  test::TempDir dir;
  const auto file = dir / "other.kvlab";
  exec(file, "CREATE TABLE t (x)");
  ProjectLoadResult result = loadProjectFile(file);
  ASSERT_TRUE(result.diagnostics.hasErrors());
  EXPECT_THAT(result.diagnostics.items()[0].message, HasSubstr("not a KV Lab project"));
}

TEST(NativeProjectStore, shouldReportADamagedFileInsteadOfCrashing) {
  test::TempDir dir;
  const auto file = dir / "damaged.kvlab";
  ASSERT_TRUE(writeNativeProject(smallProject("Damaged"), file).ok());
  std::string bytes = test::readFile(file);
  ASSERT_GT(bytes.size(), 4096u);
  for (std::size_t i = 4096; i < bytes.size(); ++i) bytes[i] = static_cast<char>(0xA5);
  test::writeFile(file, bytes);
  ProjectLoadResult result = loadProjectFile(file);
  EXPECT_TRUE(result.diagnostics.hasErrors());
  EXPECT_FALSE(result.ok());
}

// Each step of a save, made to fail, must leave the previous file as it was and no temporary
// file behind.
class InterruptedSave : public ::testing::TestWithParam<std::tuple<SaveStep, const char*>> {};

TEST_P(InterruptedSave, shouldLeaveThePreviousFileReadable) {
  const auto [failingStep, fileName] = GetParam();
  test::TempDir dir;
  const auto file = dir / fileName;
  ASSERT_TRUE(saveProjectFile(smallProject("Old"), file).ok());
  const std::string before = test::readFile(file);

  Status status = saveProjectFile(smallProject("New"), file,
                                  [step = failingStep](SaveStep s) { return s == step; });
  EXPECT_FALSE(status.ok());
  EXPECT_TRUE(test::readFile(file) == before) << "the file changed";
  ProjectLoadResult reread = loadProjectFile(file);
  ASSERT_TRUE(reread.ok());
  EXPECT_EQ(reread.project->name, "Old");
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    ++files;
  }
  EXPECT_EQ(files, 1) << "a temporary file was left behind";
}

INSTANTIATE_TEST_SUITE_P(
    EveryStep, InterruptedSave,
    ::testing::Combine(::testing::Values(SaveStep::CreateTemporary, SaveStep::WriteContent,
                                         SaveStep::SyncTemporary, SaveStep::ReplaceTarget),
                       ::testing::Values("p.kvlab", "p.kvlab.json")));

TEST(NativeProjectStore, shouldReportAFullDiskAsSqliteSaysIt) {
  test::TempDir dir;
  Status status = writeNativeProject(smallProject("Full"), dir / "full.kvlab",
                                     [](SaveStep s) { return s == SaveStep::WriteContent; });
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("full"));
  EXPECT_FALSE(std::filesystem::exists(dir / "full.kvlab"));
}

TEST(NativeProjectStore, shouldReplaceTheOldFileWhenTheSaveSucceeds) {
  test::TempDir dir;
  const auto file = dir / "p.kvlab";
  ASSERT_TRUE(saveProjectFile(smallProject("Old"), file).ok());
  ASSERT_TRUE(saveProjectFile(smallProject("New"), file).ok());
  EXPECT_EQ(loadProjectFile(file).project->name, "New");
}

TEST(ProjectFile, shouldLoadAMisnamedFileByItsContent) {
  test::TempDir dir;
  ASSERT_TRUE(writeNativeProject(smallProject("Misnamed"), dir / "p.kvlab").ok());
  std::filesystem::rename(dir / "p.kvlab", dir / "p.kvlab.json");
  ProjectLoadResult result = loadProjectFile(dir / "p.kvlab.json");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.project->name, "Misnamed");
}

TEST(ProjectFile, shouldSayWhenTheFileDoesNotExist) {
  ProjectLoadResult result = loadProjectFile("/nonexistent/p.kvlab.json");
  ASSERT_TRUE(result.diagnostics.hasErrors());
  EXPECT_THAT(formatDiagnostic(result.diagnostics.items()[0]),
              HasSubstr("/nonexistent/p.kvlab.json: error: no such file"));
}

}  // namespace
}  // namespace kvlab::model
