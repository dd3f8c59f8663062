#include "ui/views/view_screenshots.h"

#include <QDir>
#include <QEventLoop>

#include "ui/document/project_document.h"
#include "ui/views/aggregate_view.h"
#include "ui/views/main_window.h"
#include "ui/views/plan_view.h"
#include "ui/views/proposals_view.h"
#include "ui/views/run_results_panel.h"
#include "ui/views/saved_runs_view.h"
#include "ui/views/simulate_view.h"
#include "ui/views/window_screenshot.h"

namespace kvlab::ui {
namespace {

// Runs the Simulate tab on `engine` and waits for it.
void simulateAndWait(SimulateView* simulate, const QString& engine) {
  simulate->selectEngine(engine);
  simulate->selectLoad(QStringLiteral("mean"));
  simulate->setDurationSeconds(kScreenshotRunSeconds);
  simulate->setSeed(1);
  QEventLoop loop;
  QObject::connect(simulate, &SimulateView::runFinished, &loop, &QEventLoop::quit);
  if (simulate->run()) loop.exec();
}

}  // namespace

Status saveViewScreenshots(MainWindow& window, const QSize& size, const QString& dir) {
  const QDir folder(dir);

  window.showView(MainWindow::kModelView);
  Status status = saveWindowScreenshot(window, size, folder.filePath(QStringLiteral("model.png")));
  if (!status.ok()) return status;

  window.showView(MainWindow::kDiagramView);
  status = saveWindowScreenshot(window, size, folder.filePath(QStringLiteral("diagram.png")));
  if (!status.ok()) return status;

  window.showView(MainWindow::kPlanView);
  window.planView()->selectDesign(0);
  status = saveWindowScreenshot(window, size, folder.filePath(QStringLiteral("plan.png")));
  if (!status.ok()) return status;
  // The first two designs side by side, when there are two.
  if (window.planView()->selectComparedDesign(1)) {
    status =
        saveWindowScreenshot(window, size, folder.filePath(QStringLiteral("plan-compare.png")));
    window.planView()->selectComparedDesign(-1);
    if (!status.ok()) return status;
  }

  // The first design's table, then its first GSI when it has one.
  window.showView(MainWindow::kAggregateView);
  AggregateView* aggregate = window.aggregateView();
  aggregate->selectDesign(0);
  aggregate->selectIndex(0);
  status = saveWindowScreenshot(window, size, folder.filePath(QStringLiteral("aggregate.png")));
  if (!status.ok()) return status;
  if (aggregate->selectIndex(1)) {
    status =
        saveWindowScreenshot(window, size, folder.filePath(QStringLiteral("aggregate-gsi.png")));
    if (!status.ok()) return status;
  }

  window.showView(MainWindow::kProposalsView);
  ProposalsView* proposals = window.proposalsView();
  QEventLoop loop;
  QObject::connect(proposals, &ProposalsView::proposingFinished, &loop, &QEventLoop::quit);
  if (proposals->propose()) loop.exec();
  proposals->selectProposal(0);
  status = saveWindowScreenshot(window, size, folder.filePath(QStringLiteral("proposals.png")));
  if (!status.ok()) return status;

  window.showView(MainWindow::kSimulateView);
  SimulateView* simulate = window.simulateView();
  simulateAndWait(simulate, QStringLiteral("dynamodb"));
  status = saveWindowScreenshot(window, size, folder.filePath(QStringLiteral("simulate.png")));
  if (!status.ok()) return status;
  // The same run's heat map in a window of its own, at the size of the others.
  if (QWidget* heat = simulate->results()->openHeatMapWindow()) {
    status = saveWindowScreenshot(*heat, size, folder.filePath(QStringLiteral("heatmap.png")));
    heat->close();
    if (!status.ok()) return status;
  }
  simulate->keepRuns();

  simulateAndWait(simulate, QStringLiteral("all"));
  // The comparison shows every engine; the table and charts below show cache-aside's run, with
  // the cache's hit ratio and both servers' utilization, which the DynamoDB picture lacks.
  simulate->showRun(3);
  status = saveWindowScreenshot(window, size, folder.filePath(QStringLiteral("simulate-all.png")));
  if (!status.ok()) return status;
  simulate->keepRuns();

  // The month's cost of the plan beside the runs on every engine.
  window.showView(MainWindow::kCostView);
  status = saveWindowScreenshot(window, size, folder.filePath(QStringLiteral("cost.png")));
  if (!status.ok()) return status;

  // The kept runs: DynamoDB's first run beside the relational engine's of the second.
  window.showView(MainWindow::kRunsView);
  SavedRunsView* saved = window.savedRunsView();
  if (saved->selectRuns({0, 2})) {
    status = saveWindowScreenshot(window, size, folder.filePath(QStringLiteral("runs.png")));
    if (!status.ok()) return status;
  }

  // Last, so that the editor dock takes no room from the pictures above.
  window.showView(MainWindow::kModelView);
  window.editPattern(1);
  status = saveWindowScreenshot(window, size, folder.filePath(QStringLiteral("editing.png")));
  if (!status.ok()) return status;

  if (!window.document()->project().designs.empty()) {
    window.revealDesign(0);
    status =
        saveWindowScreenshot(window, size, folder.filePath(QStringLiteral("design-editor.png")));
    if (!status.ok()) return status;
  }

  // The first workload, when the project has one: its rates over time drawn in the editor.
  if (!window.document()->project().workloads.empty()) {
    window.revealWorkload(0);
    status =
        saveWindowScreenshot(window, size, folder.filePath(QStringLiteral("workload-editor.png")));
  }
  return status;
}

}  // namespace kvlab::ui
