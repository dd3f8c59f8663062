#include "ui/views/cost_view.h"

#include <gtest/gtest.h>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalStackedBarSeries>
#include <QUndoStack>
#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "model/design/planner.h"
#include "simulator/core/runner.h"
#include "simulator/engines/engine_registry.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/commands/edit_access_pattern_command.h"
#include "ui/document/project_document.h"
#include "ui/models/cost_table_model.h"
#include "ui/models/number_text.h"

namespace kvlab::ui {
namespace {

using test::qtPath;

class CostViewTest : public test::UiTest {};

QString cell(const CostView& view, int row, int column) {
  return view.costModel()->index(row, column).data().toString();
}

// Real runs of `project`'s first design on every engine, in the registry's order, for 2 s with
// seed 1: what the Simulate tab hands the view after "all".
std::vector<sim::RunResult> runsOnEveryEngine(const model::Project& project) {
  const auto prices = test::defaultPrices();
  const model::Design& design = project.designs.at(0);
  const model::DesignPlan plan = model::planDesign(project, design, *prices);
  sim::RunOptions options;
  options.seed = 1;
  options.durationSeconds = 2;
  std::vector<sim::RunResult> runs;
  for (const sim::EngineInfo& info : sim::registeredEngines()) {
    std::string error;
    std::unique_ptr<sim::Engine> engine = sim::createEngine(info.name, {}, &error);
    EXPECT_NE(engine, nullptr) << error;
    if (!engine) continue;
    sim::Runner runner(options);
    const sim::EngineInput input{project, design,       plan,
                                 *prices, options.seed, options.durationSeconds};
    sim::RunOutcome outcome = runner.run(*engine, input);
    EXPECT_TRUE(outcome.status.ok()) << outcome.status.message();
    runs.push_back(std::move(outcome.result));
  }
  return runs;
}

QHorizontalStackedBarSeries* barSeries(const CostView& view) {
  if (view.chart()->series().size() != 1) return nullptr;
  return qobject_cast<QHorizontalStackedBarSeries*>(view.chart()->series().front());
}

QStringList categories(const CostView& view) {
  for (QAbstractAxis* axis : view.chart()->axes(Qt::Vertical)) {
    if (auto* bars = qobject_cast<QBarCategoryAxis*>(axis)) return bars->categories();
  }
  return {};
}

TEST_F(CostViewTest, showsTheShopSamplesPlanAndEveryEnginesRunAsRowsAndBars) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  CostView view(&document, test::defaultPrices(), {});

  ASSERT_EQ(view.costModel()->rowCount(), 1);
  EXPECT_EQ(cell(view, 0, CostTableModel::kWhatColumn), "single-table");
  ASSERT_NE(barSeries(view), nullptr);
  EXPECT_EQ(categories(view).size(), 1);
  EXPECT_TRUE(view.summaryText().contains("No simulated runs yet"))
      << view.summaryText().toStdString();

  const std::vector<sim::RunResult> runs = runsOnEveryEngine(document.project());
  ASSERT_EQ(runs.size(), 4u);
  view.setRuns(runs);

  const CostTableModel& model = *view.costModel();
  ASSERT_EQ(model.rowCount(), 5);
  EXPECT_EQ(cell(view, 2, CostTableModel::kWhatColumn), "relational: single-table");
  EXPECT_EQ(cell(view, 4, CostTableModel::kWhatColumn), "cache-aside: single-table");
  for (int r = 1; r < 5; ++r) {
    EXPECT_EQ(cell(view, r, CostTableModel::kTotalColumn),
              dollarsText(runs[static_cast<std::size_t>(r - 1)].monthlyCost.total));
  }

  // A bar per row, the first row at the top (Qt draws the first category at the bottom, so the
  // categories run from the last row to the first); a set per kind of charge.
  QHorizontalStackedBarSeries* series = barSeries(view);
  ASSERT_NE(series, nullptr);
  EXPECT_EQ(view.chart()->animationOptions(), QChart::NoAnimation);
  const QStringList labels = categories(view);
  ASSERT_EQ(labels.size(), 5);
  EXPECT_TRUE(labels[4].startsWith("single-table (plan)")) << labels[4].toStdString();
  EXPECT_TRUE(labels[4].endsWith(cell(view, 0, CostTableModel::kTotalColumn)));
  EXPECT_TRUE(labels[0].startsWith("cache-aside: single-table (simulated)"));
  EXPECT_TRUE(labels[3].startsWith("dynamodb: single-table (simulated)"));
  EXPECT_TRUE(labels[3].endsWith(dollarsText(runs[0].monthlyCost.total)));
  ASSERT_EQ(series->count(), 3);
  const QList<QBarSet*> sets = series->barSets();
  EXPECT_EQ(sets[0]->label(), "requests or capacity");
  EXPECT_EQ(sets[1]->label(), "storage");
  EXPECT_EQ(sets[2]->label(), "servers");
  for (int r = 0; r < 5; ++r) {
    SCOPED_TRACE(r);
    const CostTableModel::Row& row = model.row(r);
    ASSERT_EQ(sets[0]->count(), 5);
    EXPECT_DOUBLE_EQ(sets[0]->at(4 - r), row.requests.value_or(0));
    EXPECT_DOUBLE_EQ(sets[1]->at(4 - r), row.storage);
    EXPECT_DOUBLE_EQ(sets[2]->at(4 - r), row.servers.value_or(0));
  }
  // The relational server (row 2) is billed by the hour: servers and storage, no requests.
  EXPECT_EQ(sets[0]->at(2), 0);
  EXPECT_DOUBLE_EQ(sets[2]->at(2), runs[1].monthlyCost.instances);
  // The plan's bar is its request units and storage, no server.
  EXPECT_DOUBLE_EQ(sets[0]->at(4), *model.row(0).requests);
  EXPECT_EQ(sets[2]->at(4), 0);
  EXPECT_GT(runs[1].monthlyCost.instances, 0);

  // The summary names the cheapest of the plan's two modes and the runs.
  std::vector<std::pair<double, std::string>> options = {
      {model.row(0).total, "single-table on DynamoDB on demand (plan)"},
      {*model.row(0).provisioned + model.row(0).storage,
       "single-table on DynamoDB provisioned (plan)"}};
  for (const sim::RunResult& run : runs) {
    options.emplace_back(run.monthlyCost.total, "single-table on " + run.engine + " (simulated)");
  }
  const auto cheapest = *std::min_element(options.begin(), options.end());
  EXPECT_TRUE(view.summaryText().startsWith(
      QStringLiteral("Cheapest: %1, %2 a month.")
          .arg(QString::fromStdString(cheapest.second), dollarsText(cheapest.first))))
      << view.summaryText().toStdString();
  EXPECT_TRUE(view.summaryText().contains(
      QStringLiteral("Runs of single-table: dynamodb %1, relational %2,")
          .arg(dollarsText(runs[0].monthlyCost.total), dollarsText(runs[1].monthlyCost.total))))
      << view.summaryText().toStdString();
  EXPECT_TRUE(view.summaryText().contains("1 unserved, priced as Scans"));
}

TEST_F(CostViewTest, chartsABarForEveryDesignOfEveryCorpusProject) {
  const auto files = test::corpusDesignFiles();
  ASSERT_FALSE(files.empty());
  ProjectDocument document;
  CostView view(&document, test::defaultPrices(), {});
  for (const std::filesystem::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    ASSERT_TRUE(document.load(qtPath(file)));
    const int designs = static_cast<int>(document.project().designs.size());
    EXPECT_EQ(view.costModel()->rowCount(), designs);
    EXPECT_EQ(categories(view).size(), designs);
    // A plan alone is two choices: on demand and provisioned.
    if (designs > 0) {
      EXPECT_TRUE(view.summaryText().startsWith("Cheapest: ")) << view.summaryText().toStdString();
    }
  }
}

TEST_F(CostViewTest, plansAgainWhenTheDocumentChangesAndKeepsTheRuns) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  CostView view(&document, test::defaultPrices(), {});
  sim::RunResult run;
  run.engine = "relational";
  run.design = "single-table";
  run.durationSeconds = 10;
  run.monthlyCost = {"instance", "postgresql.json", 0, 0, 2.3, 174.47, 176.77};
  view.setRuns({run});
  ASSERT_EQ(view.costModel()->rowCount(), 2);
  const QString before = cell(view, 0, CostTableModel::kTotalColumn);

  // Products read ten times as often: a dearer month on demand.
  model::AccessPattern busier = document.project().accessPatterns.at(6);
  ASSERT_EQ(busier.id, "AP7");
  busier.rate->mean *= 10;
  document.undoStack()->push(new EditAccessPatternCommand(&document, 6, busier));

  const model::DesignPlan replanned = model::planDesign(
      document.project(), document.project().designs.at(0), *test::defaultPrices());
  ASSERT_EQ(view.costModel()->rowCount(), 2);
  EXPECT_NE(cell(view, 0, CostTableModel::kTotalColumn), before);
  EXPECT_EQ(cell(view, 0, CostTableModel::kTotalColumn),
            dollarsText(replanned.monthlyCost.onDemand + replanned.monthlyCost.storage));
  EXPECT_EQ(cell(view, 1, CostTableModel::kTotalColumn), "$176.77");

  document.undoStack()->undo();
  EXPECT_EQ(cell(view, 0, CostTableModel::kTotalColumn), before);

  // Another project: its designs, and still the runs until the next simulation.
  ASSERT_TRUE(document.load(qtPath(test::sourceDir() / "samples" / "hot-partition.kvlab.json")));
  ASSERT_EQ(view.costModel()->planRowCount(), 2);
  EXPECT_EQ(cell(view, 0, CostTableModel::kWhatColumn), "naive");
  EXPECT_EQ(cell(view, 1, CostTableModel::kWhatColumn), "sharded");
  EXPECT_EQ(view.costModel()->rowCount(), 3);
  EXPECT_EQ(categories(view).size(), 3);
  view.setRuns({});
  EXPECT_EQ(view.costModel()->rowCount(), 2);
  EXPECT_EQ(categories(view).size(), 2);
}

TEST_F(CostViewTest, saysWhyThereIsNoPlan) {
  ProjectDocument document;
  CostView view(&document, test::defaultPrices(), {});
  EXPECT_EQ(view.costModel()->rowCount(), 0);
  EXPECT_TRUE(view.chart()->series().isEmpty());
  EXPECT_TRUE(view.summaryText().contains("no designs")) << view.summaryText().toStdString();

  test::TempDir dir;
  test::writeFile(dir / "broken.kvlab.json", test::kBrokenProjectJson);
  ASSERT_TRUE(document.load(qtPath(dir / "broken.kvlab.json")));
  model::Design design;
  design.name = "d";
  design.table.name = "T";
  design.table.pk = "PK";
  document.addDesign(design);

  EXPECT_EQ(view.costModel()->rowCount(), 0);
  EXPECT_TRUE(view.summaryText().contains("errors")) << view.summaryText().toStdString();
}

TEST_F(CostViewTest, saysSoWhenThereIsNoPriceSheetAndStillShowsRuns) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  CostView view(&document, nullptr, "prices.json: error: cannot read the file");

  EXPECT_EQ(view.costModel()->rowCount(), 0);
  EXPECT_TRUE(view.summaryText().startsWith("No plan: prices.json: error: cannot read the file"))
      << view.summaryText().toStdString();

  sim::RunResult run;
  run.engine = "cache";
  run.design = "single-table";
  run.durationSeconds = 10;
  run.monthlyCost = {"instance", "redis.json", 0, 0, 0, 159.87, 159.87};
  view.setRuns({run});

  ASSERT_EQ(view.costModel()->rowCount(), 1);
  EXPECT_EQ(categories(view).size(), 1);
  EXPECT_TRUE(view.summaryText().startsWith("No plan: prices.json"));
  EXPECT_TRUE(view.summaryText().contains("Runs of single-table: cache $159.87."))
      << view.summaryText().toStdString();
}

}  // namespace
}  // namespace kvlab::ui
