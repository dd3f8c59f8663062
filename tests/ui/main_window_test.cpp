#include "ui/views/main_window.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>

#include "model/io/project_json.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "ui/document/project_document.h"
#include "ui/models/plan_table_model.h"
#include "ui/models/project_tree_model.h"
#include "ui/views/entity_editor.h"
#include "ui/views/plan_view.h"
#include "ui/views/proposals_view.h"
#include "ui/views/simulate_view.h"

namespace kvlab::ui {
namespace {

using test::qtPath;

class MainWindowTest : public test::UiTest {};

std::filesystem::path corpusFile(const std::string& name) {
  return test::sharedDir() / "corpus" / "designs" / name;
}

QTreeView* projectTree(const MainWindow& window) {
  return window.findChild<QTreeView*>("projectTree");
}

QTreeView* diagnosticsView(const MainWindow& window) {
  return window.findChild<QTreeView*>("diagnosticsView");
}

QString statusSummary(const MainWindow& window) {
  return window.findChild<QLabel*>("projectSummary")->text();
}

QAction* actionNamed(const MainWindow& window, const QString& text) {
  for (QAction* action : window.findChildren<QAction*>()) {
    if (action->text() == text) return action;
  }
  return nullptr;
}

// Answers the next modal message box with `button`, once it is open.
void answerNextMessageBox(QMessageBox::StandardButton button) {
  auto* timer = new QTimer(QApplication::instance());
  timer->setInterval(10);
  QObject::connect(timer, &QTimer::timeout, [timer, button] {
    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (!box) return;
    timer->stop();
    timer->deleteLater();
    box->button(button)->click();
  });
  timer->start();
}

TEST_F(MainWindowTest, opensACorpusFileAndShowsItInTitleStatusBarAndTree) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(corpusFile("aws-online-shop.kvlab.json"))));

  EXPECT_EQ(window.windowTitle(), "Online shop — aws-online-shop.kvlab.json[*]");
  EXPECT_FALSE(window.isWindowModified());
  EXPECT_EQ(statusSummary(window), "10 entities, 16 access patterns, 1 design");

  QTreeView* tree = projectTree(window);
  ASSERT_NE(tree, nullptr);
  QAbstractItemModel* model = tree->model();
  const QModelIndex entities = model->index(0, 0);
  EXPECT_EQ(model->rowCount(entities), 10);
  EXPECT_TRUE(tree->isExpanded(entities));
  EXPECT_EQ(model->index(0, 0, entities).data().toString(), "Customer");
  // Designs are open down to their key templates; attributes wait for a click.
  const QModelIndex design = model->index(0, 0, model->index(3, 0));
  const QModelIndex table = model->index(0, 0, design);
  EXPECT_TRUE(tree->isExpanded(design));
  EXPECT_TRUE(tree->visualRect(model->index(0, 0, table)).isValid());
  EXPECT_FALSE(tree->visualRect(model->index(0, 0, model->index(0, 0, entities))).isValid());
  // The name column is wide enough for the longest name it shows.
  EXPECT_GE(tree->columnWidth(0), static_cast<QAbstractItemView*>(tree)->sizeHintForColumn(0));
}

TEST_F(MainWindowTest, showsTheErrorsOfAnInvalidFileWithTheirJsonPaths) {
  test::TempDir dir;
  test::writeFile(dir / "broken.kvlab.json", test::kBrokenProjectJson);
  MainWindow window;

  ASSERT_TRUE(window.openFile(qtPath(dir / "broken.kvlab.json")));

  QTreeView* view = diagnosticsView(window);
  ASSERT_NE(view, nullptr);
  QAbstractItemModel* model = view->model();
  ASSERT_EQ(model->rowCount(), 1);
  EXPECT_EQ(model->index(0, 0).data().toString(), "Error");
  EXPECT_EQ(model->index(0, 1).data().toString(), test::kBrokenProjectErrorPath);
  EXPECT_TRUE(model->index(0, 2).data().toString().contains("unknown entity \"Ghost\""));
  auto* dock = window.findChild<QDockWidget*>("diagnosticsDock");
  ASSERT_NE(dock, nullptr);
  EXPECT_FALSE(dock->isHidden());
  EXPECT_EQ(dock->windowTitle(), "Diagnostics: 1 error, 0 warnings");
  EXPECT_EQ(statusSummary(window), "1 entity, 1 access pattern, 0 designs");
}

TEST_F(MainWindowTest, keepsTheOpenProjectWhenAFileCannotBeRead) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(corpusFile("aws-retail-cart.kvlab.json"))));
  const QString title = window.windowTitle();
  test::TempDir dir;

  EXPECT_FALSE(window.openFile(qtPath(dir / "missing.kvlab")));

  EXPECT_EQ(window.windowTitle(), title);
  EXPECT_EQ(diagnosticsView(window)->model()->index(0, 2).data().toString(), "no such file");
}

TEST_F(MainWindowTest, saveAsNativeThenReopenGivesTheSameProject) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(corpusFile("aws-online-shop.kvlab.json"))));
  test::TempDir dir;

  const Status status = window.saveFileAs(qtPath(dir / "shop.kvlab"));
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(window.windowTitle(), "Online shop — shop.kvlab[*]");

  MainWindow reopened;
  ASSERT_TRUE(reopened.openFile(qtPath(dir / "shop.kvlab")));
  EXPECT_EQ(model::writeProjectJson(reopened.document()->project()),
            model::writeProjectJson(window.document()->project()));
  EXPECT_EQ(statusSummary(reopened), statusSummary(window));
}

TEST_F(MainWindowTest, asksBeforeClosingWithUnsavedChanges) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(corpusFile("aws-retail-cart.kvlab.json"))));
  window.show();
  window.document()->setModified(true);
  EXPECT_TRUE(window.isWindowModified());

  answerNextMessageBox(QMessageBox::Cancel);
  EXPECT_FALSE(window.close());
  EXPECT_TRUE(window.isVisible());

  answerNextMessageBox(QMessageBox::Discard);
  EXPECT_TRUE(window.close());
  EXPECT_FALSE(window.isVisible());
}

TEST_F(MainWindowTest, closesWithoutAskingWhenNothingChanged) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(corpusFile("aws-retail-cart.kvlab.json"))));
  window.show();
  EXPECT_TRUE(window.close());
}

TEST_F(MainWindowTest, fileMenuHasTheUsualShortcuts) {
  MainWindow window;
  ASSERT_NE(actionNamed(window, "&Open…"), nullptr);
  EXPECT_EQ(actionNamed(window, "&Open…")->shortcut(), QKeySequence("Ctrl+O"));
  EXPECT_EQ(actionNamed(window, "&Save")->shortcut(), QKeySequence("Ctrl+S"));
  EXPECT_EQ(actionNamed(window, "Save &As…")->shortcut(), QKeySequence("Ctrl+Shift+S"));
  EXPECT_EQ(actionNamed(window, "&Quit")->shortcut(), QKeySequence("Ctrl+Q"));
  EXPECT_NE(actionNamed(window, "&About KV Lab Studio"), nullptr);
  EXPECT_NE(actionNamed(window, "&Import…"), nullptr);
  EXPECT_NE(actionNamed(window, "&Export…"), nullptr);
  EXPECT_NE(actionNamed(window, "&Report…"), nullptr);
}

TEST_F(MainWindowTest, showsTheModelPlanProposalsAndSimulateAsTabsWithTheModelFirst) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(test::sourceDir() / "samples" / "online-shop.kvlab.json")));

  auto* tabs = window.findChild<QTabWidget*>("mainViews");
  ASSERT_NE(tabs, nullptr);
  ASSERT_EQ(tabs->count(), MainWindow::kViewCount);
  EXPECT_EQ(tabs->tabText(MainWindow::kModelView), "Model");
  EXPECT_EQ(tabs->tabText(MainWindow::kPlanView), "Plan");
  EXPECT_EQ(tabs->tabText(MainWindow::kProposalsView), "Proposals");
  // The Model tab holds the tree, and beside it the editor once something is chosen.
  EXPECT_TRUE(tabs->currentWidget()->isAncestorOf(projectTree(window)));
  EXPECT_TRUE(tabs->currentWidget()->isAncestorOf(window.entityEditor()));
  EXPECT_EQ(tabs->widget(MainWindow::kPlanView), window.planView());
  EXPECT_EQ(tabs->widget(MainWindow::kProposalsView), window.proposalsView());
  EXPECT_EQ(tabs->tabText(MainWindow::kSimulateView), "Simulate");
  EXPECT_EQ(tabs->widget(MainWindow::kSimulateView), window.simulateView());
  // The plan tab plans the opened project with the default price sheet.
  EXPECT_EQ(window.planView()->planModel()->rowCount(), 8);

  window.showView(MainWindow::kPlanView);
  EXPECT_EQ(tabs->currentWidget(), window.planView());
}

TEST_F(MainWindowTest, opensProjectsWithoutAPriceSheetAndSaysWhyThereIsNoPlan) {
  test::TempDir emptyData;
  qputenv("KVLAB_DATA_DIR", QByteArray::fromStdString(emptyData.path().string()));
  MainWindow window;
  qunsetenv("KVLAB_DATA_DIR");

  ASSERT_TRUE(window.openFile(qtPath(test::sourceDir() / "samples" / "online-shop.kvlab.json")));

  EXPECT_EQ(window.planView()->planModel()->rowCount(), 0);
  EXPECT_TRUE(window.planView()->summaryText().startsWith("No plan: "));
  EXPECT_TRUE(window.planView()->summaryText().contains("us-east-1-2024-11.json"))
      << window.planView()->summaryText().toStdString();
  EXPECT_FALSE(window.proposalsView()->propose());
  EXPECT_TRUE(window.proposalsView()->statusText().startsWith("Cannot propose: "));
}

TEST_F(MainWindowTest, startsUntitledWithEmptyCounts) {
  MainWindow window;
  EXPECT_EQ(window.windowTitle(), "KV Lab Studio[*]");
  EXPECT_EQ(statusSummary(window), "0 entities, 0 access patterns, 0 designs");
}

}  // namespace
}  // namespace kvlab::ui
