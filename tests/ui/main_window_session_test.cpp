#include <gtest/gtest.h>

#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTabWidget>
#include <QUndoStack>
#include <filesystem>
#include <memory>
#include <string>

#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/document/project_document.h"
#include "ui/views/main_window.h"

// What the studio keeps between sessions (recent files, the window's layout) and File > New.
namespace kvlab::ui {
namespace {

using test::qtPath;

class MainWindowSessionTest : public test::UiTest {};

std::unique_ptr<QSettings> settingsIn(const test::TempDir& dir) {
  return std::make_unique<QSettings>(qtPath(dir / "studio.ini"), QSettings::IniFormat);
}

QStringList recentMenuEntries(MainWindow& window) {
  auto* menu = window.findChild<QMenu*>(QStringLiteral("recentMenu"));
  EXPECT_NE(menu, nullptr);
  if (menu == nullptr) return {};
  emit menu->aboutToShow();
  QStringList texts;
  for (QAction* action : menu->actions()) texts << action->text();
  return texts;
}

TEST_F(MainWindowSessionTest, remembersTheFilesOpenedAndSavedNewestFirstAcrossWindows) {
  test::TempDir dir;
  const QString saved = qtPath(dir / "copy.kvlab.json");
  {
    MainWindow window;
    window.useSettings(settingsIn(dir));
    EXPECT_TRUE(window.recentFiles().isEmpty());
    ASSERT_TRUE(window.openFile(qtPath(test::shopSample())));
    ASSERT_TRUE(window.saveFileAs(saved).ok());
    EXPECT_EQ(window.recentFiles(),
              (QStringList{saved, QFileInfo(qtPath(test::shopSample())).absoluteFilePath()}));
  }
  MainWindow next;
  next.useSettings(settingsIn(dir));
  ASSERT_EQ(next.recentFiles().size(), 2);
  EXPECT_EQ(recentMenuEntries(next),
            (QStringList{"&1 copy.kvlab.json", "&2 online-shop.kvlab.json"}));

  // Opening one again moves it to the front; a file that is gone leaves the list when chosen.
  ASSERT_TRUE(next.openFile(qtPath(test::shopSample())));
  EXPECT_EQ(next.recentFiles().front(), QFileInfo(qtPath(test::shopSample())).absoluteFilePath());
  std::filesystem::remove(dir / "copy.kvlab.json");
  QString told;
  test::answerNextMessageBox(QMessageBox::Ok, [&told](QMessageBox* box) { told = box->text(); });
  next.openRecent(saved);
  EXPECT_TRUE(told.contains(QStringLiteral("no longer in the list"))) << told.toStdString();
  EXPECT_EQ(next.recentFiles(),
            (QStringList{QFileInfo(qtPath(test::shopSample())).absoluteFilePath()}));
}

TEST_F(MainWindowSessionTest, keepsAtMostEightRecentFiles) {
  test::TempDir dir;
  MainWindow window;
  window.useSettings(settingsIn(dir));
  ASSERT_TRUE(window.openFile(qtPath(test::shopSample())));
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(window.saveFileAs(qtPath(dir / ("p" + std::to_string(i) + ".kvlab.json"))).ok());
  }
  ASSERT_EQ(window.recentFiles().size(), MainWindow::kMaxRecentFiles);
  EXPECT_TRUE(window.recentFiles().front().endsWith(QStringLiteral("p9.kvlab.json")));
}

TEST_F(MainWindowSessionTest, restoresTheLayoutSavedAtTheLastClose) {
  test::TempDir dir;
  {
    MainWindow window;
    window.useSettings(settingsIn(dir));
    window.resize(1000, 700);
    window.showView(MainWindow::kPlanView);
    window.show();
    ASSERT_TRUE(window.close());
  }
  MainWindow next;
  next.useSettings(settingsIn(dir));
  next.restoreLayout();
  EXPECT_EQ(next.findChild<QTabWidget*>()->currentIndex(), MainWindow::kPlanView);
  EXPECT_EQ(next.size(), QSize(1000, 700));
}

TEST_F(MainWindowSessionTest, withoutSettingsNothingIsRemembered) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(test::shopSample())));
  EXPECT_TRUE(window.recentFiles().isEmpty());
}

TEST_F(MainWindowSessionTest, newStartsAnEmptyUnmodifiedProjectWithoutAFile) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(test::shopSample())));
  ASSERT_TRUE(window.newProject());
  EXPECT_TRUE(window.document()->project().entities.empty());
  EXPECT_TRUE(window.document()->filePath().isEmpty());
  EXPECT_FALSE(window.document()->isModified());
  EXPECT_EQ(window.document()->undoStack()->count(), 0);
}

}  // namespace
}  // namespace kvlab::ui
