#include "ui/document/autosaver.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QSignalSpy>
#include <chrono>
#include <filesystem>
#include <memory>

#include "model/io/project_json.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/document/project_document.h"
#include "ui/document/recovery_store.h"

namespace kvlab::ui {
namespace {

using namespace std::chrono_literals;
using test::qtPath;

class AutosaverTest : public test::UiTest {
 protected:
  // The shop sample copied into the test's folder, so that its file can change.
  QString projectFile() {
    const auto path = dir_ / "shop.kvlab.json";
    if (!std::filesystem::exists(path)) std::filesystem::copy_file(test::shopSample(), path);
    return qtPath(path);
  }
  QString recoveryDir() const { return qtPath(dir_ / "recovery"); }
  // The recovery files in the folder (not their locks).
  QStringList recoveryFiles() const {
    return QDir(recoveryDir()).entryList({QStringLiteral("*.kvlab.json")}, QDir::Files);
  }
  static void edit(ProjectDocument& document, const std::string& name) {
    model::Design design = document.project().designs.front();
    design.name = name;
    document.addDesign(std::move(design));
  }

  test::TempDir dir_;
};

TEST_F(AutosaverTest, writesAModifiedDocumentToItsRecoveryFileAfterTheInterval) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(projectFile()));
  Autosaver autosaver(&document, RecoveryStore(recoveryDir()));
  autosaver.setInterval(300ms);
  QSignalSpy autosaved(&autosaver, &Autosaver::autosaved);

  edit(document, "edited");
  EXPECT_TRUE(recoveryFiles().isEmpty()) << "written before the interval";
  ASSERT_TRUE(autosaved.wait(5000));

  const QString expected = RecoveryStore(recoveryDir()).pathFor(projectFile());
  EXPECT_EQ(autosaved.at(0).at(0).toString(), expected);
  EXPECT_EQ(autosaver.recoveryPath(), expected);
  const RecoveredProject recovered = RecoveryStore::read(expected);
  ASSERT_TRUE(recovered.project.has_value());
  EXPECT_EQ(model::writeProjectJson(*recovered.project),
            model::writeProjectJson(document.project()))
      << "the recovery file holds the unsaved project exactly (without its bookkeeping field)";
  EXPECT_EQ(recovered.projectPath, projectFile());
  EXPECT_TRUE(document.isModified()) << "autosave is not a save";
}

TEST_F(AutosaverTest, writesNothingForAnUnmodifiedDocumentNorTwiceForOneChange) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(projectFile()));
  Autosaver autosaver(&document, RecoveryStore(recoveryDir()));
  autosaver.setInterval(20ms);
  QSignalSpy autosaved(&autosaver, &Autosaver::autosaved);
  EXPECT_FALSE(autosaved.wait(200));
  EXPECT_TRUE(recoveryFiles().isEmpty());

  edit(document, "edited");
  ASSERT_TRUE(autosaved.wait(5000));
  EXPECT_FALSE(autosaved.wait(200)) << "rewritten without a change";
  edit(document, "edited-again");
  EXPECT_TRUE(autosaved.wait(5000));
}

TEST_F(AutosaverTest, removesTheRecoveryFileWhenTheDocumentIsSaved) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(projectFile()));
  Autosaver autosaver(&document, RecoveryStore(recoveryDir()));
  autosaver.setInterval(20ms);
  QSignalSpy autosaved(&autosaver, &Autosaver::autosaved);
  edit(document, "edited");
  ASSERT_TRUE(autosaved.wait(5000));
  ASSERT_EQ(recoveryFiles().size(), 1);

  ASSERT_TRUE(document.save().ok());

  EXPECT_TRUE(recoveryFiles().isEmpty());
  EXPECT_TRUE(QDir(recoveryDir()).entryList(QDir::Files).isEmpty()) << "the lock file stayed";
  EXPECT_TRUE(autosaver.recoveryPath().isEmpty());
}

TEST_F(AutosaverTest, givesAnUntitledProjectARecoveryFileOfItsOwn) {
  ProjectDocument document;
  Autosaver autosaver(&document, RecoveryStore(recoveryDir()));
  autosaver.setInterval(20ms);
  QSignalSpy autosaved(&autosaver, &Autosaver::autosaved);
  model::Project project;
  project.name = "Sketch";
  document.setProject(project);
  ASSERT_TRUE(autosaved.wait(5000));

  ASSERT_EQ(recoveryFiles().size(), 1);
  EXPECT_TRUE(recoveryFiles().front().startsWith(QStringLiteral("untitled-")));
  const RecoveredProject recovered = RecoveryStore::read(autosaver.recoveryPath());
  ASSERT_TRUE(recovered.project.has_value());
  EXPECT_EQ(recovered.project->name, "Sketch");
  EXPECT_TRUE(recovered.projectPath.isEmpty());

  // Saving it under a name leaves nothing to recover.
  ASSERT_TRUE(document.saveAs(qtPath(dir_ / "sketch.kvlab")).ok());
  EXPECT_TRUE(recoveryFiles().isEmpty());
}

TEST_F(AutosaverTest, leavesItsFileToACrashAndHidesItFromOthersWhileAlive) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(projectFile()));
  const RecoveryStore store(recoveryDir());
  auto autosaver = std::make_unique<Autosaver>(&document, store);
  autosaver->setInterval(20ms);
  QSignalSpy autosaved(autosaver.get(), &Autosaver::autosaved);
  edit(document, "edited");
  ASSERT_TRUE(autosaved.wait(5000));
  // Another studio starting now must not offer (or delete) a live session's file.
  EXPECT_FALSE(store.pendingFor(projectFile()).has_value());
  EXPECT_TRUE(store.pending().empty());

  autosaver.reset();  // as a crash would: the file stays, its lock goes

  const std::optional<RecoveryFile> pending = store.pendingFor(projectFile());
  ASSERT_TRUE(pending.has_value());
  EXPECT_EQ(pending->projectPath, projectFile());
  ASSERT_EQ(store.pending().size(), 1u);
  EXPECT_EQ(store.pending().front().path, pending->path);
}

TEST_F(AutosaverTest, offersNoRecoveryFileOlderThanItsProject) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(projectFile()));
  const RecoveryStore store(recoveryDir());
  {
    Autosaver autosaver(&document, store);
    autosaver.setInterval(20ms);
    QSignalSpy autosaved(&autosaver, &Autosaver::autosaved);
    edit(document, "edited");
    ASSERT_TRUE(autosaved.wait(5000));
  }
  // The project file was saved after the autosave (by another program, or a copy of KV Lab).
  const auto later = std::filesystem::last_write_time(
                         std::filesystem::path(store.pathFor(projectFile()).toStdString())) +
                     std::chrono::seconds(5);
  std::filesystem::last_write_time(std::filesystem::path(projectFile().toStdString()), later);
  EXPECT_FALSE(store.pendingFor(projectFile()).has_value());
  EXPECT_TRUE(store.pending().empty());
}

}  // namespace
}  // namespace kvlab::ui
