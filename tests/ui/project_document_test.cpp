#include "ui/document/project_document.h"

#include <gtest/gtest.h>

#include <QSignalSpy>

#include "model/io/project_file.h"
#include "model/io/project_json.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"

namespace kvlab::ui {
namespace {

using test::qtPath;

class ProjectDocumentTest : public test::UiTest {};

std::filesystem::path onlineShop() {
  return test::sharedDir() / "corpus" / "designs" / "aws-online-shop.kvlab.json";
}

TEST_F(ProjectDocumentTest, startsUntitledEmptyAndUnmodified) {
  ProjectDocument document;
  EXPECT_EQ(document.displayName(), "Untitled");
  EXPECT_TRUE(document.filePath().isEmpty());
  EXPECT_FALSE(document.isModified());
  EXPECT_TRUE(document.project().entities.empty());
}

TEST_F(ProjectDocumentTest, loadingACorpusFileMakesItTheUnmodifiedProject) {
  ProjectDocument document;
  QSignalSpy aboutToChange(&document, &ProjectDocument::aboutToChange);
  QSignalSpy changed(&document, &ProjectDocument::changed);
  QSignalSpy pathChanged(&document, &ProjectDocument::filePathChanged);

  ASSERT_TRUE(document.load(qtPath(onlineShop())));

  EXPECT_EQ(document.displayName(), "Online shop");
  EXPECT_EQ(document.filePath(), qtPath(onlineShop()));
  EXPECT_EQ(document.fileName(), "aws-online-shop.kvlab.json");
  EXPECT_FALSE(document.isModified());
  EXPECT_EQ(document.project().entities.size(), 10u);
  EXPECT_FALSE(document.diagnostics().hasErrors());
  EXPECT_EQ(aboutToChange.count(), 1);
  EXPECT_EQ(changed.count(), 1);
  EXPECT_EQ(pathChanged.count(), 1);
}

TEST_F(ProjectDocumentTest, loadingAFileWithErrorsKeepsTheProjectAndListsTheErrors) {
  test::TempDir dir;
  test::writeFile(dir / "broken.kvlab.json", test::kBrokenProjectJson);
  ProjectDocument document;

  ASSERT_TRUE(document.load(qtPath(dir / "broken.kvlab.json")));

  EXPECT_EQ(document.displayName(), "Broken");
  ASSERT_EQ(document.diagnostics().errorCount(), 1);
  EXPECT_EQ(document.diagnostics().items()[0].path, test::kBrokenProjectErrorPath);
}

TEST_F(ProjectDocumentTest, loadingAMissingFileKeepsThePreviousProjectAndSaysWhy) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(onlineShop())));
  QSignalSpy changed(&document, &ProjectDocument::changed);
  QSignalSpy diagnosticsChanged(&document, &ProjectDocument::diagnosticsChanged);
  test::TempDir dir;

  EXPECT_FALSE(document.load(qtPath(dir / "missing.kvlab")));

  EXPECT_EQ(document.displayName(), "Online shop");
  EXPECT_EQ(document.filePath(), qtPath(onlineShop()));
  EXPECT_EQ(changed.count(), 0);
  EXPECT_EQ(diagnosticsChanged.count(), 1);
  ASSERT_TRUE(document.diagnostics().hasErrors());
  EXPECT_EQ(document.diagnostics().items()[0].message, "no such file");
}

TEST_F(ProjectDocumentTest, savingAsNativeThenLoadingGivesTheSameProject) {
  for (const std::filesystem::path& file : test::corpusDesignFiles()) {
    SCOPED_TRACE(file.filename().string());
    ProjectDocument document;
    ASSERT_TRUE(document.load(qtPath(file)));
    test::TempDir dir;
    const QString saved = qtPath(dir / "copy.kvlab");

    const Status status = document.saveAs(saved);
    ASSERT_TRUE(status.ok()) << status.message();
    EXPECT_EQ(model::projectFileFormFor(dir / "copy.kvlab"), model::ProjectFileForm::Native);
    EXPECT_EQ(document.filePath(), saved);

    ProjectDocument reopened;
    ASSERT_TRUE(reopened.load(saved));
    EXPECT_EQ(model::writeProjectJson(reopened.project()),
              model::writeProjectJson(document.project()));
  }
}

TEST_F(ProjectDocumentTest, savingMakesTheDocumentUnmodified) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(onlineShop())));
  document.setModified(true);
  QSignalSpy modifiedChanged(&document, &ProjectDocument::modifiedChanged);
  test::TempDir dir;

  ASSERT_TRUE(document.saveAs(qtPath(dir / "shop.kvlab.json")).ok());

  EXPECT_FALSE(document.isModified());
  ASSERT_EQ(modifiedChanged.count(), 1);
  EXPECT_EQ(modifiedChanged.at(0).at(0).toBool(), false);
  EXPECT_EQ(test::readFile(dir / "shop.kvlab.json"), model::writeProjectJson(document.project()));
}

TEST_F(ProjectDocumentTest, aFailedSaveLeavesPathAndModifiedFlagAsTheyWere) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(onlineShop())));
  document.setModified(true);
  test::TempDir dir;

  const Status status = document.saveAs(qtPath(dir / "no-such-folder" / "shop.kvlab"));

  EXPECT_FALSE(status.ok());
  EXPECT_EQ(document.filePath(), qtPath(onlineShop()));
  EXPECT_TRUE(document.isModified());
}

TEST_F(ProjectDocumentTest, savingAProjectThatNeverHadAFileAsksForOne) {
  ProjectDocument document;
  model::Project project;
  project.name = "Fresh";
  document.setProject(project);

  EXPECT_TRUE(document.isModified());
  EXPECT_FALSE(document.save().ok());
  EXPECT_TRUE(document.isModified());
}

TEST_F(ProjectDocumentTest, addingADesignChangesTheProjectAndMarksItModified) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(onlineShop())));
  QSignalSpy aboutToChange(&document, &ProjectDocument::aboutToChange);
  QSignalSpy changed(&document, &ProjectDocument::changed);
  QSignalSpy modifiedChanged(&document, &ProjectDocument::modifiedChanged);
  model::Design design = document.project().designs.front();
  design.name = "copy";

  EXPECT_EQ(document.addDesign(design), "copy");

  ASSERT_EQ(document.project().designs.size(), 2u);
  EXPECT_EQ(document.project().designs.back().name, "copy");
  EXPECT_TRUE(document.isModified());
  EXPECT_TRUE(document.isProjectValid());
  EXPECT_EQ(aboutToChange.count(), 1);
  EXPECT_EQ(changed.count(), 1);
  EXPECT_EQ(modifiedChanged.count(), 1);
}

TEST_F(ProjectDocumentTest, anAddedDesignGetsAFreeNameWhenItsOwnIsTaken) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(onlineShop())));
  model::Design design = document.project().designs.front();
  const std::string name = design.name;

  EXPECT_EQ(document.addDesign(design), name + "-2");
  EXPECT_EQ(document.addDesign(design), name + "-3");

  ASSERT_EQ(document.project().designs.size(), 3u);
  EXPECT_EQ(document.project().designs[2].name, name + "-3");
  EXPECT_TRUE(document.isProjectValid());
}

TEST_F(ProjectDocumentTest, tellsWhetherTheProjectIsValidNow) {
  test::TempDir dir;
  test::writeFile(dir / "broken.kvlab.json", test::kBrokenProjectJson);
  ProjectDocument document;
  EXPECT_TRUE(document.isProjectValid());  // the empty project

  ASSERT_TRUE(document.load(qtPath(dir / "broken.kvlab.json")));
  EXPECT_FALSE(document.isProjectValid());

  ASSERT_TRUE(document.load(qtPath(onlineShop())));
  EXPECT_TRUE(document.isProjectValid());
}

}  // namespace
}  // namespace kvlab::ui
