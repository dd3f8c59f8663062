// Every published design in the shared corpus loads, validates and round-trips through both file
// forms unchanged.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/io/project_file.h"
#include "model/io/project_json.h"
#include "tests/support/test_files.h"

namespace kvlab::model {
namespace {

std::string describe(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.items()) out += formatDiagnostic(d) + "\n";
  return out;
}

class CorpusDesign : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(CorpusDesign, shouldLoadWithoutErrors) {
  ProjectLoadResult result = loadProjectFile(GetParam());
  EXPECT_TRUE(result.ok()) << describe(result.diagnostics);
  ASSERT_TRUE(result.project);
  EXPECT_FALSE(result.project->entities.empty());
  EXPECT_FALSE(result.project->designs.empty());
}

TEST_P(CorpusDesign, shouldRoundTripThroughTheNativeFileUnchanged) {
  test::TempDir dir;
  ProjectLoadResult original = loadProjectFile(GetParam());
  ASSERT_TRUE(original.ok()) << describe(original.diagnostics);
  ASSERT_TRUE(saveProjectFile(*original.project, dir / "p.kvlab").ok());
  ProjectLoadResult native = loadProjectFile(dir / "p.kvlab");
  ASSERT_TRUE(native.ok()) << describe(native.diagnostics);
  ASSERT_TRUE(saveProjectFile(*native.project, dir / "p.kvlab.json").ok());
  // Same fields, same values, same unknown fields as the published file.
  EXPECT_EQ(nlohmann::json::parse(test::readFile(dir / "p.kvlab.json")),
            nlohmann::json::parse(test::readFile(GetParam())));
}

INSTANTIATE_TEST_SUITE_P(Published, CorpusDesign,
                         ::testing::ValuesIn(test::corpusDesignFilesForParameters()),
                         test::corpusTestName);

}  // namespace
}  // namespace kvlab::model
