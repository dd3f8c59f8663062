#include "ui/views/view_screenshots.h"

#include <QDir>
#include <QEventLoop>

#include "ui/views/main_window.h"
#include "ui/views/plan_view.h"
#include "ui/views/proposals_view.h"
#include "ui/views/window_screenshot.h"

namespace kvlab::ui {

Status saveViewScreenshots(MainWindow& window, const QSize& size, const QString& dir) {
  const QDir folder(dir);

  window.showView(MainWindow::kModelView);
  Status status = saveWindowScreenshot(window, size, folder.filePath(QStringLiteral("model.png")));
  if (!status.ok()) return status;

  window.showView(MainWindow::kPlanView);
  window.planView()->selectDesign(0);
  status = saveWindowScreenshot(window, size, folder.filePath(QStringLiteral("plan.png")));
  if (!status.ok()) return status;

  window.showView(MainWindow::kProposalsView);
  ProposalsView* proposals = window.proposalsView();
  QEventLoop loop;
  QObject::connect(proposals, &ProposalsView::proposingFinished, &loop, &QEventLoop::quit);
  if (proposals->propose()) loop.exec();
  proposals->selectProposal(0);
  return saveWindowScreenshot(window, size, folder.filePath(QStringLiteral("proposals.png")));
}

}  // namespace kvlab::ui
