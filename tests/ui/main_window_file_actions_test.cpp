#include <gtest/gtest.h>

#include <QMessageBox>
#include <QSignalSpy>
#include <filesystem>

#include "model/interop/exporters.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/document/project_document.h"
#include "ui/views/main_window.h"
#include "ui/views/simulate_view.h"

// The File menu's Import, Export and Report, through the methods its actions call once their
// dialogs have a path.
namespace kvlab::ui {
namespace {

using test::qtPath;

class MainWindowFileActionsTest : public test::UiTest {};

constexpr int kRunTimeoutMs = 300000;

QMessageBox* errorBox(const MainWindow& window) {
  return window.findChild<QMessageBox*>(QStringLiteral("fileError"));
}

TEST_F(MainWindowFileActionsTest, everyExportFormatWritesAFile) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(test::shopSample())));
  test::TempDir dir;
  for (const model::interop::Exporter& exporter : model::interop::exporters()) {
    const QString format = QString::fromUtf8(exporter.name.data(), exporter.name.size());
    SCOPED_TRACE(format.toStdString());
    const auto path = dir / (format.toStdString() + ".out");

    const Status status = window.exportDesign(format, "single-table", qtPath(path));

    ASSERT_TRUE(status.ok()) << status.message();
    EXPECT_GT(std::filesystem::file_size(path), 100u);
  }
  // A .yaml name makes CloudFormation YAML.
  ASSERT_TRUE(window.exportDesign("cloudformation", "single-table", qtPath(dir / "t.yaml")).ok());
  EXPECT_EQ(test::readFile(dir / "t.yaml").rfind("AWSTemplateFormatVersion", 0), 0u)
      << test::readFile(dir / "t.yaml").substr(0, 80);
  EXPECT_EQ(test::readFile(dir / "sql.out").find('{'), std::string::npos);
}

TEST_F(MainWindowFileActionsTest, anExportedModelReimportsAsANewUnsavedDocument) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(test::shopSample())));
  const std::size_t entities = window.document()->project().entities.size();
  test::TempDir dir;
  const QString exported = qtPath(dir / "shop-workbench.json");
  ASSERT_TRUE(window.exportDesignTo("nosql-workbench", "single-table", exported));
  EXPECT_EQ(errorBox(window), nullptr);
  QSignalSpy changed(window.document(), &ProjectDocument::changed);

  ASSERT_TRUE(window.importProjectFrom("nosql-workbench", exported));

  EXPECT_EQ(changed.size(), 1);
  EXPECT_EQ(errorBox(window), nullptr);
  const model::Project& imported = window.document()->project();
  EXPECT_EQ(imported.entities.size(), entities);
  ASSERT_EQ(imported.designs.size(), 1u);
  EXPECT_TRUE(window.document()->filePath().isEmpty());
  EXPECT_TRUE(window.document()->isModified());
  EXPECT_TRUE(window.document()->isProjectValid());
}

TEST_F(MainWindowFileActionsTest, aFailedExportIsReportedInAMessageBoxNamingTheFile) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(test::shopSample())));
  test::TempDir dir;
  const QString path = qtPath(dir / "no-such-folder" / "out.json");

  const Status status = window.exportDesign("aws-cli", "single-table", path);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("no-such-folder/out.json"), std::string::npos)
      << status.message();

  EXPECT_FALSE(window.exportDesignTo("aws-cli", "single-table", path));
  QMessageBox* box = errorBox(window);
  ASSERT_NE(box, nullptr);
  EXPECT_TRUE(box->text().contains("no-such-folder/out.json")) << box->text().toStdString();
  box->close();
  EXPECT_FALSE(std::filesystem::exists(dir / "no-such-folder"));
  // An unknown design is an error too, not an exception.
  EXPECT_FALSE(window.exportDesign("sql", "nope", qtPath(dir / "x.sql")).ok());
  EXPECT_FALSE(std::filesystem::exists(dir / "x.sql"));
}

TEST_F(MainWindowFileActionsTest, aMalformedImportIsReportedWithItsPlaceAndChangesNothing) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(test::shopSample())));
  test::TempDir dir;
  test::writeFile(dir / "bad.json", "{\"ModelName\": \"x\",\n \"DataModel\": [ 1, ]}");
  const std::string before = window.document()->project().name;

  const Status status = window.importProject("nosql-workbench", qtPath(dir / "bad.json"));

  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("bad.json"), std::string::npos) << status.message();
  // Where: a line and column for malformed text.
  EXPECT_NE(status.message().find(":2"), std::string::npos) << status.message();
  EXPECT_EQ(window.document()->project().name, before);
  EXPECT_FALSE(window.document()->isModified());

  EXPECT_FALSE(window.importProjectFrom("nosql-workbench", qtPath(dir / "missing.json")));
  ASSERT_NE(errorBox(window), nullptr);
  EXPECT_TRUE(errorBox(window)->text().contains("missing.json"));
}

TEST_F(MainWindowFileActionsTest, aReportHoldsTheDesignAndTheLastRun) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(test::shopSample())));
  SimulateView* simulate = window.simulateView();
  QSignalSpy finished(simulate, &SimulateView::runFinished);
  simulate->selectEngine("dynamodb");
  simulate->setDurationSeconds(2);
  ASSERT_TRUE(simulate->run());
  ASSERT_TRUE(finished.wait(kRunTimeoutMs));
  test::TempDir dir;

  for (const char* format : {"html", "md", "csv", "xlsx", "pdf"}) {
    SCOPED_TRACE(format);
    const auto path = dir / (std::string("report.") + format);
    const Status status = window.writeReport(format, "single-table", qtPath(path));
    ASSERT_TRUE(status.ok()) << status.message();
    EXPECT_GT(std::filesystem::file_size(path), 1000u);
  }
  const std::string markdown = test::readFile(dir / "report.md");
  EXPECT_NE(markdown.find("single-table"), std::string::npos);
  EXPECT_NE(markdown.find("dynamodb"), std::string::npos);
  EXPECT_EQ(test::readFile(dir / "report.pdf").rfind("%PDF", 0), 0u);

  EXPECT_FALSE(window.writeReportTo("docx", "single-table", qtPath(dir / "r.docx")));
  ASSERT_NE(errorBox(window), nullptr);
  EXPECT_TRUE(errorBox(window)->text().contains("docx"));
}

}  // namespace
}  // namespace kvlab::ui
