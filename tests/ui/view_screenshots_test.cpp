#include "ui/views/view_screenshots.h"

#include <gtest/gtest.h>

#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>

#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/document/project_document.h"
#include "ui/models/cost_table_model.h"
#include "ui/models/proposal_table_model.h"
#include "ui/views/cost_view.h"
#include "ui/views/main_window.h"
#include "ui/views/plan_view.h"
#include "ui/views/proposals_view.h"
#include "ui/views/simulate_view.h"

namespace kvlab::ui {
namespace {

using test::qtPath;

class ViewScreenshotsTest : public test::UiTest {};

const char* const kViews[] = {
    "model.png",     "diagram.png",  "plan.png",          "aggregate.png",      "aggregate-gsi.png",
    "proposals.png", "simulate.png", "heatmap.png",       "simulate-all.png",   "cost.png",
    "runs.png",      "editing.png",  "design-editor.png", "workload-editor.png"};

// A painted view has many colours (antialiased text, icons, lines); a blank one has one.
int colourCount(const QImage& image) {
  QSet<QRgb> colours;
  for (int y = 0; y < image.height(); y += 2) {
    for (int x = 0; x < image.width(); x += 2) colours.insert(image.pixel(x, y));
  }
  return static_cast<int>(colours.size());
}

void expectDistinctPictures(const test::TempDir& dir, const std::string& folder,
                            const QSize& size) {
  std::vector<QImage> images;
  for (const char* name : kViews) {
    SCOPED_TRACE(name);
    const QImage image(qtPath(dir.path() / folder / name));
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), size);
    EXPECT_GT(colourCount(image), 20);
    images.push_back(image);
  }
  // Each shows its own tab (or run), not the same window again.
  for (std::size_t i = 0; i < images.size(); ++i) {
    for (std::size_t j = i + 1; j < images.size(); ++j) {
      EXPECT_NE(images[i], images[j]) << kViews[i] << " and " << kViews[j];
    }
  }
}

TEST_F(ViewScreenshotsTest, writesOnePngPerViewWithTheModelerAndTheRunsDone) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(test::shopSample())));
  test::TempDir dir;

  const Status status = saveViewScreenshots(window, QSize(1280, 800), qtPath(dir / "shots"));

  ASSERT_TRUE(status.ok()) << status.message();
  expectDistinctPictures(dir, "shots", QSize(1280, 800));
  // The proposals picture was taken after the modeler finished, with a proposal chosen.
  EXPECT_FALSE(window.proposalsView()->isProposing());
  EXPECT_GE(window.proposalsView()->proposalModel()->rowCount(), 2);
  EXPECT_EQ(window.proposalsView()->selectedProposal(), 0);
  EXPECT_EQ(window.planView()->currentDesign(), "single-table");
  // The Simulate pictures were taken after the runs finished: the last on every engine.
  EXPECT_FALSE(window.simulateView()->isRunning());
  ASSERT_EQ(window.simulateView()->runs().size(), 4u);
  EXPECT_DOUBLE_EQ(window.simulateView()->runs().front().durationSeconds, kScreenshotRunSeconds);
  // Both simulations were kept, and the Cost tab priced the last one's runs beside the plan.
  EXPECT_EQ(window.document()->project().runs.size(), 5u);
  EXPECT_EQ(window.costView()->costModel()->rowCount(), 1 + 4);
}

TEST_F(ViewScreenshotsTest, theScreenshotOptionWritesAPngPerView) {
  test::TempDir dir;
  QProcess studio;
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  studio.setProcessEnvironment(environment);

  studio.start(QStringLiteral(KVLAB_STUDIO_PATH),
               {QStringLiteral("--screenshot"), qtPath(dir.path()), qtPath(test::shopSample())});

  ASSERT_TRUE(studio.waitForFinished(120000)) << studio.errorString().toStdString();
  EXPECT_EQ(studio.exitStatus(), QProcess::NormalExit);
  EXPECT_EQ(studio.exitCode(), 0) << studio.readAllStandardError().toStdString();
  expectDistinctPictures(dir, "", QSize(1280, 800));
}

}  // namespace
}  // namespace kvlab::ui
