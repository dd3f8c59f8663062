#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include "model/io/native_project_store.h"
#include "model/io/project_file.h"
#include "model/io/project_json.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/document/autosaver.h"
#include "ui/document/project_document.h"
#include "ui/document/recovery_store.h"
#include "ui/views/main_window.h"
#include "ui/views/recovery_prompt.h"

// Autosave and crash recovery in the main window: a crash is a window destroyed without being
// closed, which leaves its recovery file as a killed studio would.
namespace kvlab::ui {
namespace {

using namespace std::chrono_literals;
using test::qtPath;

class MainWindowRecoveryTest : public test::UiTest {
 protected:
  QString projectFile() {
    const auto path = dir_ / "shop.kvlab.json";
    if (!std::filesystem::exists(path)) std::filesystem::copy_file(test::shopSample(), path);
    return qtPath(path);
  }
  QString recoveryDir() const { return qtPath(dir_ / "recovery"); }
  QStringList recoveryFiles() const {
    return QDir(recoveryDir()).entryList({QStringLiteral("*.kvlab.json")}, QDir::Files);
  }
  std::unique_ptr<MainWindow> newWindow() {
    auto window = std::make_unique<MainWindow>();
    window->enableRecovery(recoveryDir(), 20ms);
    return window;
  }
  // Opens the project in a window, changes it, waits for the autosave and "crashes"; returns
  // the unsaved project as kvlab/1 text.
  std::string crashWithUnsavedChanges() {
    auto window = newWindow();
    EXPECT_TRUE(window->openFile(projectFile()));
    QSignalSpy autosaved(window->autosaver(), &Autosaver::autosaved);
    model::Design design = window->document()->project().designs.front();
    design.name = "unsaved-design";
    window->document()->addDesign(std::move(design));
    EXPECT_TRUE(autosaved.wait(5000));
    return model::writeProjectJson(window->document()->project());
  }

  test::TempDir dir_;
};

using test::answerNextMessageBox;

TEST_F(MainWindowRecoveryTest, offersTheUnsavedChangesAfterACrashAndRecoversThemExactly) {
  const std::string saved = test::readFile(projectFile().toStdString());
  const std::string unsaved = crashWithUnsavedChanges();
  ASSERT_EQ(recoveryFiles().size(), 1) << "the crash took the recovery file with it";

  auto window = newWindow();
  std::vector<RecoveryFile> offered;
  window->setRecoveryDecision([&offered](const RecoveryFile& file) {
    offered.push_back(file);
    return RecoveryChoice::Recover;
  });
  ASSERT_TRUE(window->openFile(projectFile()));

  ASSERT_EQ(offered.size(), 1u);
  EXPECT_EQ(offered.front().projectPath, projectFile());
  ProjectDocument* document = window->document();
  EXPECT_EQ(model::writeProjectJson(document->project()), unsaved);
  EXPECT_TRUE(document->isModified());
  EXPECT_EQ(document->filePath(), projectFile());
  EXPECT_TRUE(window->isWindowModified());
  EXPECT_EQ(test::readFile(projectFile().toStdString()), saved)
      << "recovering wrote the project file";

  // Saving writes the recovered project to its file and leaves nothing to recover.
  ASSERT_TRUE(window->saveFileAs(projectFile()).ok());
  EXPECT_TRUE(recoveryFiles().isEmpty());
  model::ProjectLoadResult reread = model::loadProjectFile(projectFile().toStdString());
  ASSERT_TRUE(reread.project.has_value());
  EXPECT_EQ(model::writeProjectJson(*reread.project), unsaved);
}

TEST_F(MainWindowRecoveryTest, discardingTheRecoveryDeletesItAndOpensTheFileAsSaved) {
  const std::string saved = test::readFile(projectFile().toStdString());
  crashWithUnsavedChanges();
  auto window = newWindow();
  window->setRecoveryDecision([](const RecoveryFile&) { return RecoveryChoice::Discard; });

  ASSERT_TRUE(window->openFile(projectFile()));

  EXPECT_FALSE(window->document()->isModified());
  EXPECT_EQ(window->document()->project().findDesign("unsaved-design"), nullptr);
  EXPECT_TRUE(recoveryFiles().isEmpty());
  EXPECT_EQ(test::readFile(projectFile().toStdString()), saved);
}

TEST_F(MainWindowRecoveryTest, laterKeepsTheRecoveryFileForNextTime) {
  crashWithUnsavedChanges();
  {
    auto window = newWindow();
    window->setRecoveryDecision([](const RecoveryFile&) { return RecoveryChoice::Later; });
    ASSERT_TRUE(window->openFile(projectFile()));
    EXPECT_FALSE(window->document()->isModified());
    EXPECT_EQ(recoveryFiles().size(), 1);
  }
  auto window = newWindow();
  int asked = 0;
  window->setRecoveryDecision([&asked](const RecoveryFile&) {
    ++asked;
    return RecoveryChoice::Recover;
  });
  ASSERT_TRUE(window->openFile(projectFile()));
  EXPECT_EQ(asked, 1);
  EXPECT_NE(window->document()->project().findDesign("unsaved-design"), nullptr);
}

TEST_F(MainWindowRecoveryTest, aCleanCloseLeavesNothingToRecover) {
  auto window = newWindow();
  ASSERT_TRUE(window->openFile(projectFile()));
  QSignalSpy autosaved(window->autosaver(), &Autosaver::autosaved);
  model::Design design = window->document()->project().designs.front();
  design.name = "thrown-away";
  window->document()->addDesign(std::move(design));
  ASSERT_TRUE(autosaved.wait(5000));
  ASSERT_EQ(recoveryFiles().size(), 1);

  answerNextMessageBox(QMessageBox::Discard);  // "unsaved changes": throw them away
  EXPECT_TRUE(window->close());

  EXPECT_TRUE(recoveryFiles().isEmpty());
  EXPECT_TRUE(QDir(recoveryDir()).entryList(QDir::Files).isEmpty());
}

TEST_F(MainWindowRecoveryTest, aStartWithoutAFileOffersAnUntitledProjectACrashLeft) {
  {
    auto window = newWindow();
    QSignalSpy autosaved(window->autosaver(), &Autosaver::autosaved);
    model::Project sketch;
    sketch.name = "Sketch";
    window->document()->setProject(sketch);
    ASSERT_TRUE(autosaved.wait(5000));
  }
  auto window = newWindow();
  std::vector<RecoveryFile> offered;
  window->setRecoveryDecision([&offered](const RecoveryFile& file) {
    offered.push_back(file);
    return RecoveryChoice::Recover;
  });

  ASSERT_TRUE(window->offerPendingRecovery());

  ASSERT_EQ(offered.size(), 1u);
  EXPECT_TRUE(offered.front().projectPath.isEmpty());
  EXPECT_EQ(window->document()->project().name, "Sketch");
  EXPECT_TRUE(window->document()->filePath().isEmpty());
  EXPECT_TRUE(window->document()->isModified());
  // It keeps autosaving to the same file, and a save under a name removes it.
  ASSERT_TRUE(window->saveFileAs(qtPath(dir_ / "sketch.kvlab")).ok());
  EXPECT_TRUE(recoveryFiles().isEmpty());
}

// The real question, as a user meets it: a message box named "recoveryPrompt". Its picture is
// left in build-*/test-artifacts/recovery-dialog.png for a person to look at.
TEST_F(MainWindowRecoveryTest, asksWithAMessageBoxByDefault) {
  const std::string unsaved = crashWithUnsavedChanges();
  auto window = newWindow();
  window->show();
  QString seenName;
  QString seenText;
  answerNextMessageBox(QMessageBox::Yes, [&](QMessageBox* box) {
    seenName = box->objectName();
    seenText = box->text() + QLatin1Char('\n') + box->informativeText();
    const QString folder = QStringLiteral(KVLAB_UI_ARTIFACTS);
    QDir().mkpath(folder);
    EXPECT_TRUE(box->grab().save(QDir(folder).filePath(QStringLiteral("recovery-dialog.png"))));
  });

  ASSERT_TRUE(window->openFile(projectFile()));

  EXPECT_EQ(seenName, QStringLiteral("recoveryPrompt"));
  EXPECT_TRUE(seenText.contains(QStringLiteral("shop.kvlab.json"))) << seenText.toStdString();
  EXPECT_TRUE(seenText.contains(QStringLiteral("until you save"))) << seenText.toStdString();
  EXPECT_TRUE(seenText.contains(projectFile())) << seenText.toStdString();
  EXPECT_EQ(model::writeProjectJson(window->document()->project()), unsaved);
}

// The studio's save path never destroys a file it cannot read: a native file that fails
// SQLite's integrity check, or one of a newer KV Lab.
TEST_F(MainWindowRecoveryTest, neverOverwritesAProjectFileThatFailsItsIntegrityCheck) {
  const auto file = dir_ / "shop.kvlab";
  MainWindow window;
  ASSERT_TRUE(window.openFile(projectFile()));
  ASSERT_TRUE(window.saveFileAs(qtPath(file)).ok());
  std::string bytes = test::readFile(file);
  ASSERT_GT(bytes.size(), 4096u);
  for (std::size_t i = 4096; i < bytes.size(); ++i) bytes[i] = static_cast<char>(0xA5);
  test::writeFile(file, bytes);  // damaged on disk while open
  ASSERT_FALSE(model::loadProjectFile(file).ok());

  const Status status = window.saveFileAs(qtPath(file));

  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("not replaced"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("damaged"), std::string::npos) << status.message();
  EXPECT_TRUE(test::readFile(file) == bytes) << "the damaged file was overwritten";
  // Under another name the save goes through.
  EXPECT_TRUE(window.saveFileAs(qtPath(dir_ / "rescued.kvlab")).ok());
}

TEST_F(MainWindowRecoveryTest, neverOverwritesAFileOfANewerKvLab) {
  const auto file = dir_ / "future.kvlab";
  ProjectDocument document;
  ASSERT_TRUE(document.load(projectFile()));
  ASSERT_TRUE(document.saveAs(qtPath(file)).ok());
  // A newer schema version, as the next KV Lab would write.
  std::string bytes = test::readFile(file);
  bytes[60] = 0;
  bytes[61] = 0;
  bytes[62] = 0;
  bytes[63] = static_cast<char>(model::kNativeSchemaVersion + 1);  // PRAGMA user_version
  test::writeFile(file, bytes);
  ASSERT_FALSE(model::loadProjectFile(file).ok());

  const Status status = document.save();

  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("newer KV Lab"), std::string::npos) << status.message();
  EXPECT_TRUE(test::readFile(file) == bytes);
}

}  // namespace
}  // namespace kvlab::ui
