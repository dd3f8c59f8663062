#include "ui/models/diagnostics_model.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>

#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "ui/document/project_document.h"

namespace kvlab::ui {
namespace {

using test::qtPath;

class DiagnosticsModelTest : public test::UiTest {};

TEST_F(DiagnosticsModelTest, listsEachFindingWithItsJsonPath) {
  test::TempDir dir;
  test::writeFile(dir / "broken.kvlab.json", test::kBrokenProjectJson);
  ProjectDocument document;
  DiagnosticsModel model(&document);
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  EXPECT_EQ(model.rowCount(), 0);

  ASSERT_TRUE(document.load(qtPath(dir / "broken.kvlab.json")));

  ASSERT_EQ(model.rowCount(), 1);
  EXPECT_EQ(model.errorCount(), 1);
  EXPECT_EQ(model.index(0, DiagnosticsModel::kSeverityColumn).data().toString(), "Error");
  EXPECT_EQ(model.index(0, DiagnosticsModel::kLocationColumn).data().toString(),
            test::kBrokenProjectErrorPath);
  EXPECT_EQ(model.index(0, DiagnosticsModel::kMessageColumn).data().toString(),
            "unknown entity \"Ghost\"; expected one of the project's entities");
  EXPECT_TRUE(model.index(0, DiagnosticsModel::kMessageColumn)
                  .data(Qt::ToolTipRole)
                  .toString()
                  .contains("broken.kvlab.json"));
}

TEST_F(DiagnosticsModelTest, showsLineAndColumnForMalformedJson) {
  test::TempDir dir;
  test::writeFile(dir / "bad.kvlab.json", "{\"format\": \"kvlab/1\",\n \"name\": }");
  ProjectDocument document;
  DiagnosticsModel model(&document);

  EXPECT_FALSE(document.load(qtPath(dir / "bad.kvlab.json")));

  ASSERT_GE(model.rowCount(), 1);
  EXPECT_EQ(model.index(0, DiagnosticsModel::kLocationColumn).data().toString(),
            "line 2, column 10");
  EXPECT_TRUE(model.index(0, DiagnosticsModel::kMessageColumn)
                  .data()
                  .toString()
                  .startsWith("malformed JSON"));
}

TEST_F(DiagnosticsModelTest, countsWarningsApartFromErrors) {
  ProjectDocument document;
  DiagnosticsModel model(&document);
  // The corpus file keeps its "notes" field, which kvlab/1 does not define, with a warning.
  ASSERT_TRUE(document.load(
      qtPath(test::sharedDir() / "corpus" / "designs" / "aws-online-shop.kvlab.json")));

  EXPECT_EQ(model.errorCount(), 0);
  EXPECT_EQ(model.warningCount(), model.rowCount());
  EXPECT_GE(model.warningCount(), 1);
  EXPECT_EQ(model.index(0, DiagnosticsModel::kSeverityColumn).data().toString(), "Warning");
}

}  // namespace
}  // namespace kvlab::ui
