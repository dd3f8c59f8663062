#include "ui/views/simulate_view.h"

#include <gtest/gtest.h>

#include <QAbstractSeries>
#include <QChart>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/document/project_document.h"
#include "ui/models/comparison_table_model.h"
#include "ui/models/hot_key_table_model.h"
#include "ui/models/pattern_comparison_model.h"
#include "ui/models/run_table_model.h"
#include "ui/views/heat_map_widget.h"
#include "ui/views/run_results_panel.h"

namespace kvlab::ui {
namespace {

using test::qtPath;

class SimulateViewTest : public test::UiTest {};

// Runs take seconds on the sample; the limit only keeps a hang from lasting forever.
constexpr int kRunTimeoutMs = 300000;

QPushButton* button(const SimulateView& view, const char* name) {
  return view.findChild<QPushButton*>(name);
}

TEST_F(SimulateViewTest, aShortDynamoDbRunFillsTheTableAndTheCharts) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  SimulateView view(&document, test::defaultPrices(), {});
  QSignalSpy finished(&view, &SimulateView::runFinished);
  ASSERT_TRUE(view.selectEngine("dynamodb"));
  ASSERT_TRUE(view.selectDesign("single-table"));
  view.setDurationSeconds(2);
  view.setSeed(7);

  button(view, "runButton")->click();

  // The run is in a worker: the window is not waiting, and the controls say so.
  EXPECT_TRUE(view.isRunning());
  EXPECT_FALSE(button(view, "runButton")->isEnabled());
  EXPECT_TRUE(button(view, "cancelButton")->isEnabled());
  ASSERT_TRUE(finished.wait(kRunTimeoutMs));

  EXPECT_FALSE(view.isRunning());
  EXPECT_TRUE(button(view, "runButton")->isEnabled());
  EXPECT_FALSE(button(view, "cancelButton")->isEnabled());
  EXPECT_EQ(view.progress(), 1000);
  ASSERT_EQ(view.runs().size(), 1u);
  const sim::RunResult& run = view.runs().front();
  EXPECT_EQ(run.engine, "dynamodb");
  EXPECT_EQ(run.design, "single-table");
  EXPECT_EQ(run.seed, 7u);
  EXPECT_DOUBLE_EQ(run.durationSeconds, 2);
  EXPECT_FALSE(run.cancelled);
  EXPECT_GT(run.requests, 0);
  EXPECT_TRUE(view.statusText().startsWith("Simulated 2 s of design single-table on dynamodb"))
      << view.statusText().toStdString();
  // A row per pattern of the sample.
  ASSERT_EQ(view.results()->runModel()->rowCount(), 8);
  EXPECT_EQ(view.results()->runModel()->index(0, RunTableModel::kPatternColumn).data().toString(),
            "AP1");
  EXPECT_NE(view.results()->runModel()->index(0, RunTableModel::kP99Column).data().toString(), "-");
  // Charts with data: latency bars, the timeline's lines, the heat map's partitions.
  ASSERT_NE(view.results()->latencyChart(), nullptr);
  EXPECT_EQ(view.results()->latencyChart()->series().size(), 1);
  EXPECT_EQ(view.results()->latencyChart()->animationOptions(), QChart::NoAnimation);
  ASSERT_NE(view.results()->timelineChart(), nullptr);
  EXPECT_EQ(view.results()->timelineChart()->series().size(), 3);
  EXPECT_GE(view.results()->heatMap()->rowNames().size(), 1);
  EXPECT_FALSE(view.results()->heatMap()->cells().isNull());
  EXPECT_GT(view.results()->heatMap()->maxUnits(), 0);
  // p99 over time: a line per pattern that had a request succeed (AP8, at 0.1/s, had none).
  ASSERT_NE(view.results()->latencyTimelineChart(), nullptr);
  EXPECT_EQ(view.results()->latencyTimelineChart()->series().size(), 7);
  // The hottest keys, by units, each of the table or a GSI.
  ASSERT_GT(view.results()->hotKeyModel()->rowCount(), 0);
  const QString owner = view.results()->hotKeyModel()->index(0, 0).data().toString();
  EXPECT_TRUE(owner == "table" || owner.startsWith("GSI")) << owner.toStdString();
  // DynamoDB has no cache and no server: no utilization chart, no comparison.
  EXPECT_EQ(view.results()->utilizationChart(), nullptr);
  EXPECT_EQ(view.results()->comparisonModel()->rowCount(), 0);
}

TEST_F(SimulateViewTest, allEnginesRunSideBySideOnTheSameSeed) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  SimulateView view(&document, test::defaultPrices(), {});
  QSignalSpy finished(&view, &SimulateView::runFinished);
  ASSERT_TRUE(view.selectEngine("all"));
  view.setDurationSeconds(2);

  ASSERT_TRUE(view.run());
  ASSERT_TRUE(finished.wait(kRunTimeoutMs));

  ASSERT_EQ(view.runs().size(), 4u) << view.statusText().toStdString();
  const char* engines[] = {"dynamodb", "relational", "cache", "cache-aside"};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(view.runs()[static_cast<std::size_t>(i)].engine, engines[i]);
    EXPECT_EQ(view.results()
                  ->comparisonModel()
                  ->index(i, ComparisonTableModel::kEngineColumn)
                  .data()
                  .toString(),
              engines[i]);
  }
  // The same requests arrive on every engine.
  EXPECT_EQ(view.runs()[0].requests, view.runs()[1].requests);
  EXPECT_EQ(view.results()->patternComparisonModel()->rowCount(), 8);
  EXPECT_EQ(view.results()->patternComparisonModel()->columnCount(), 5);
  // The relational run has a server: its utilization is charted when it is shown.
  ASSERT_TRUE(view.showRun(1));
  EXPECT_EQ(view.results()->runModel()->engine(), "relational");
  ASSERT_NE(view.results()->utilizationChart(), nullptr);
  EXPECT_GE(view.results()->utilizationChart()->series().size(), 1);
  ASSERT_TRUE(view.showRun(3));
  ASSERT_NE(view.results()->utilizationChart(), nullptr);
  // The cache's hit ratio and both servers.
  EXPECT_EQ(view.results()->utilizationChart()->series().size(), 3);
  EXPECT_FALSE(view.showRun(4));
}

TEST_F(SimulateViewTest, cancelStopsALongRunAndKeepsWhatItHas) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  SimulateView view(&document, test::defaultPrices(), {});
  QSignalSpy finished(&view, &SimulateView::runFinished);
  ASSERT_TRUE(view.selectEngine("dynamodb"));
  view.setDurationSeconds(24 * 3600);  // a day of virtual time: hours of wall time

  ASSERT_TRUE(view.run());
  // Some progress first, so that the cancel lands in the middle of the run.
  QTRY_VERIFY_WITH_TIMEOUT(view.progress() > 0, kRunTimeoutMs);
  button(view, "cancelButton")->click();
  ASSERT_TRUE(finished.wait(kRunTimeoutMs));

  EXPECT_FALSE(view.isRunning());
  ASSERT_EQ(view.runs().size(), 1u);
  EXPECT_TRUE(view.runs().front().cancelled);
  EXPECT_GT(view.runs().front().requests, 0);
  EXPECT_TRUE(view.statusText().startsWith("Cancelled")) << view.statusText().toStdString();
  EXPECT_LT(view.progress(), 1000);
  EXPECT_TRUE(button(view, "runButton")->isEnabled());
}

TEST_F(SimulateViewTest, aProjectWithErrorsIsNotSimulatedAndTheLineSaysWhy) {
  test::TempDir dir;
  test::writeFile(dir / "broken.kvlab.json", test::kBrokenProjectJson);
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(dir / "broken.kvlab.json")));
  SimulateView view(&document, test::defaultPrices(), {});

  EXPECT_FALSE(view.run());
  EXPECT_FALSE(view.isRunning());
  EXPECT_TRUE(view.statusText().contains("the project has errors"))
      << view.statusText().toStdString();
  EXPECT_TRUE(view.runs().empty());
}

TEST_F(SimulateViewTest, withoutPricesTheLineSaysWhy) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  SimulateView view(&document, nullptr, "the price sheet is missing");

  EXPECT_FALSE(view.run());
  EXPECT_EQ(view.statusText(), "Cannot simulate: the price sheet is missing");
}

TEST_F(SimulateViewTest, offersTheProjectsWorkloadsAndTheRegisteredEngines) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  SimulateView view(&document, test::defaultPrices(), {});

  EXPECT_TRUE(view.selectLoad("mean"));
  EXPECT_TRUE(view.selectLoad("peak"));
  EXPECT_TRUE(view.selectLoad("flash-sale"));
  EXPECT_FALSE(view.selectLoad("no-such-workload"));
  for (const char* engine : {"dynamodb", "relational", "cache", "cache-aside", "all"}) {
    EXPECT_TRUE(view.selectEngine(engine)) << engine;
  }
  EXPECT_FALSE(view.selectEngine("mongodb"));
  EXPECT_TRUE(view.selectCapacity("provisioned"));
  EXPECT_FALSE(view.selectCapacity("serverless"));
}

}  // namespace
}  // namespace kvlab::ui
