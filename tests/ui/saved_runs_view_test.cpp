#include "ui/views/saved_runs_view.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QSignalSpy>
#include <QUndoStack>

#include "model/design/planner.h"
#include "model/io/project_file.h"
#include "simulator/core/runner.h"
#include "simulator/engines/engine_registry.h"
#include "simulator/metrics/run_result_json.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/commands/keep_runs_command.h"
#include "ui/document/project_document.h"
#include "ui/document/recovery_store.h"
#include "ui/models/comparison_table_model.h"
#include "ui/models/number_text.h"
#include "ui/models/run_table_model.h"
#include "ui/models/saved_run_table_model.h"
#include "ui/views/heat_map_widget.h"
#include "ui/views/main_window.h"
#include "ui/views/run_results_panel.h"
#include "ui/views/simulate_view.h"

namespace kvlab::ui {
namespace {

using test::qtPath;

class SavedRunsViewTest : public test::UiTest {};

constexpr int kRunTimeoutMs = 300000;

// A real 2-second run of the shop sample's design on `engine`.
sim::RunResult shopRun(const std::string& engine, std::uint64_t seed) {
  const model::ProjectLoadResult loaded = model::loadProjectFile(test::shopSample());
  EXPECT_TRUE(loaded.ok());
  const model::Project& project = *loaded.project;
  const model::Design& design = project.designs.front();
  const auto prices = test::defaultPrices();
  const model::DesignPlan plan = model::planDesign(project, design, *prices);
  std::string error;
  std::unique_ptr<sim::Engine> created = sim::createEngine(engine, {}, &error);
  EXPECT_NE(created, nullptr) << error;
  sim::RunOptions options;
  options.seed = seed;
  options.durationSeconds = 2;
  sim::Runner runner(options);
  const sim::RunOutcome outcome = runner.run(
      *created, sim::EngineInput{project, design, plan, *prices, seed, options.durationSeconds});
  EXPECT_TRUE(outcome.status.ok()) << outcome.status.message();
  return outcome.result;
}

model::SavedRun saved(const std::string& name, const sim::RunResult& run) {
  return model::SavedRun{name, run.design, run.engine, run.seed,
                         std::make_shared<const std::string>(sim::runResultJson(run))};
}

// The shop sample with a dynamodb and a relational run kept.
void loadShopWithTwoRuns(ProjectDocument& document) {
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  document.undoStack()->push(
      new KeepRunsCommand(&document, {saved("on dynamodb", shopRun("dynamodb", 3)),
                                      saved("on relational", shopRun("relational", 3))}));
}

TEST_F(SavedRunsViewTest, keptRunsAreSavedInTheNativeFileAndReadBackTheSame) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  SimulateView simulate(&document, test::defaultPrices(), {});
  QSignalSpy finished(&simulate, &SimulateView::runFinished);
  ASSERT_TRUE(simulate.selectEngine("dynamodb"));
  simulate.setDurationSeconds(2);
  simulate.setSeed(5);
  auto* keep = simulate.findChild<QPushButton*>("keepRunsButton");
  ASSERT_NE(keep, nullptr);
  EXPECT_FALSE(keep->isEnabled());  // nothing to keep yet
  ASSERT_TRUE(simulate.run());
  ASSERT_TRUE(finished.wait(kRunTimeoutMs));
  ASSERT_TRUE(keep->isEnabled());

  keep->click();
  ASSERT_EQ(document.project().runs.size(), 1u);
  const model::SavedRun run = document.project().runs.front();  // a copy: edits follow
  EXPECT_EQ(run.name, "dynamodb: single-table, mean rates, 2 s, seed 5");
  EXPECT_EQ(run.engine, "dynamodb");
  EXPECT_EQ(run.seed, 5u);
  EXPECT_EQ(run.resultJson(), sim::runResultJson(simulate.runs().front()));
  EXPECT_TRUE(document.isModified());
  EXPECT_FALSE(keep->isEnabled());  // kept once
  EXPECT_FALSE(simulate.keepRuns());

  test::TempDir dir;
  const QString file = qtPath(dir / "shop.kvlab");
  ASSERT_TRUE(document.saveAs(file).ok());
  ProjectDocument reopened;
  ASSERT_TRUE(reopened.load(file));
  ASSERT_EQ(reopened.project().runs.size(), 1u);
  EXPECT_EQ(reopened.project().runs.front().name, run.name);
  EXPECT_EQ(reopened.project().runs.front().resultJson(), run.resultJson());

  // The Runs tab of the reopened project shows the run as the Simulate tab did.
  SavedRunsView view(&reopened);
  ASSERT_EQ(view.runsModel()->rowCount(), 1);
  ASSERT_TRUE(view.selectRuns({0}));
  ASSERT_EQ(view.results()->runs().size(), 1u);
  EXPECT_EQ(sim::runResultJson(view.results()->runs().front()),
            sim::runResultJson(simulate.runs().front()));
  EXPECT_EQ(view.results()->runModel()->rowCount(), 8);
  EXPECT_FALSE(view.results()->heatMap()->cells().isNull());
  EXPECT_EQ(view.statusText(), QString("Showing “%1”.").arg(QString::fromStdString(run.name)));

  // Undoing the keep makes the run keepable again; redoing it, kept.
  document.undoStack()->undo();
  EXPECT_TRUE(keep->isEnabled());
  document.undoStack()->redo();
  EXPECT_FALSE(keep->isEnabled());

  // The same run again is kept under a name of its own; undo takes each out again.
  ASSERT_TRUE(simulate.run());
  ASSERT_TRUE(finished.wait(kRunTimeoutMs));
  ASSERT_TRUE(simulate.keepRuns());
  ASSERT_EQ(document.project().runs.size(), 2u);
  EXPECT_EQ(document.project().runs[1].name, run.name + " (2)");
  document.undoStack()->undo();
  document.undoStack()->undo();
  EXPECT_TRUE(document.project().runs.empty());
}

TEST_F(SavedRunsViewTest, anotherProjectOpenedLeavesNoResultsToKeepInIt) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  SimulateView simulate(&document, test::defaultPrices(), {});
  QSignalSpy finished(&simulate, &SimulateView::runFinished);
  simulate.setDurationSeconds(1);
  ASSERT_TRUE(simulate.run());
  ASSERT_TRUE(finished.wait(kRunTimeoutMs));
  ASSERT_FALSE(simulate.runs().empty());
  ASSERT_TRUE(document.load(qtPath(test::sourceDir() / "samples" / "hot-partition.kvlab.json")));
  EXPECT_TRUE(simulate.runs().empty());
  EXPECT_FALSE(simulate.keepRuns());
  EXPECT_FALSE(simulate.findChild<QPushButton*>("keepRunsButton")->isEnabled());
}

TEST_F(SavedRunsViewTest, aRecoveryFileKeepsTheRuns) {
  ProjectDocument document;
  loadShopWithTwoRuns(document);
  test::TempDir dir;
  const RecoveryStore store(qtPath(dir / "recovery"));
  const QString recovery = store.pathFor(qtPath(dir / "shop.kvlab"));
  ASSERT_TRUE(store.write(document.project(), qtPath(dir / "shop.kvlab"), recovery).ok());
  const RecoveredProject recovered = RecoveryStore::read(recovery);
  ASSERT_TRUE(recovered.project.has_value());
  ASSERT_EQ(recovered.project->runs.size(), 2u);
  EXPECT_EQ(recovered.project->runs[1].name, "on relational");
  EXPECT_EQ(recovered.project->runs[1].resultJson(), document.project().runs[1].resultJson());
  EXPECT_EQ(recovered.projectPath, qtPath(dir / "shop.kvlab"));
}

TEST_F(SavedRunsViewTest, listsEveryRunWithWhatItDidAndPassesTheModelTester) {
  ProjectDocument document;
  loadShopWithTwoRuns(document);
  SavedRunsView view(&document);
  QAbstractItemModelTester tester(view.runsModel(),
                                  QAbstractItemModelTester::FailureReportingMode::Fatal);
  const SavedRunTableModel& model = *view.runsModel();
  ASSERT_EQ(model.rowCount(), 2);
  auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
  EXPECT_EQ(cell(0, SavedRunTableModel::kNameColumn), "on dynamodb");
  EXPECT_EQ(cell(0, SavedRunTableModel::kDesignColumn), "single-table");
  EXPECT_EQ(cell(1, SavedRunTableModel::kEngineColumn), "relational");
  EXPECT_EQ(cell(0, SavedRunTableModel::kLoadColumn), "mean");
  EXPECT_EQ(cell(0, SavedRunTableModel::kDurationColumn), "2 s");
  EXPECT_EQ(cell(0, SavedRunTableModel::kSeedColumn), "3");
  const sim::RunResult* relational = model.result(1);
  ASSERT_NE(relational, nullptr);
  EXPECT_EQ(cell(1, SavedRunTableModel::kRequestsColumn),
            numberText(static_cast<double>(relational->requests)));
  EXPECT_EQ(cell(1, SavedRunTableModel::kP99Column), millisecondsText(relational->latency.p99));
  EXPECT_TRUE(cell(1, SavedRunTableModel::kMonthlyCostColumn).startsWith("$"));
  EXPECT_FALSE(
      model.headerData(SavedRunTableModel::kThrottledColumn, Qt::Horizontal, Qt::ToolTipRole)
          .toString()
          .isEmpty());
  EXPECT_TRUE(view.statusText().startsWith("2 run(s) kept.")) << view.statusText().toStdString();
}

TEST_F(SavedRunsViewTest, severalRunsChosenStandSideBySideUnderTheirNames) {
  ProjectDocument document;
  loadShopWithTwoRuns(document);
  SavedRunsView view(&document);
  ASSERT_TRUE(view.selectRuns({0, 1}));
  EXPECT_EQ(view.selectedRuns(), (std::vector<int>{0, 1}));
  const ComparisonTableModel* comparison = view.results()->comparisonModel();
  ASSERT_EQ(comparison->rowCount(), 2);
  EXPECT_EQ(comparison->index(0, ComparisonTableModel::kEngineColumn).data().toString(),
            "on dynamodb");
  EXPECT_EQ(comparison->index(1, ComparisonTableModel::kEngineColumn).data().toString(),
            "on relational");
  EXPECT_EQ(view.statusText(), "2 runs side by side.");
  // The relational run shown: its servers' chart, no heat map window for it.
  ASSERT_TRUE(view.results()->showRun(1));
  EXPECT_NE(view.results()->utilizationChart(), nullptr);
  ASSERT_TRUE(view.results()->showRun(0));
  QWidget* window = view.results()->openHeatMapWindow();
  ASSERT_NE(window, nullptr);
  EXPECT_TRUE(window->isWindow());
  EXPECT_TRUE(window->windowTitle().contains("on dynamodb"));
  window->close();
  EXPECT_FALSE(view.selectRuns({2}));
}

TEST_F(SavedRunsViewTest, renamingAndRemovingAreEditsThatUndoPutsBack) {
  ProjectDocument document;
  loadShopWithTwoRuns(document);
  SavedRunsView view(&document);
  SavedRunTableModel* model = view.runsModel();
  const std::string before =
      document.project().runs[1].result ? *document.project().runs[1].result : std::string();

  ASSERT_TRUE(view.selectRuns({1}));
  ASSERT_TRUE(model->setData(model->index(1, SavedRunTableModel::kNameColumn), "baseline"));
  EXPECT_EQ(document.project().runs[1].name, "baseline");
  // Still chosen after the rename, and shown under its new name.
  EXPECT_EQ(view.selectedRuns(), std::vector<int>{1});
  EXPECT_EQ(view.statusText(), "Showing “baseline”.");
  EXPECT_EQ(document.undoStack()->undoText(), "Rename run “on relational” to “baseline”");
  EXPECT_FALSE(model->setData(model->index(1, SavedRunTableModel::kNameColumn), "  "));
  EXPECT_FALSE(model->setData(model->index(1, SavedRunTableModel::kEngineColumn), "cache"));

  ASSERT_TRUE(view.selectRuns({0}));
  ASSERT_TRUE(view.removeSelected());
  ASSERT_EQ(document.project().runs.size(), 1u);
  EXPECT_EQ(document.project().runs[0].name, "baseline");
  EXPECT_EQ(document.undoStack()->undoText(), "Remove run “on dynamodb”");
  EXPECT_FALSE(view.removeSelected());  // the run chosen is gone

  document.undoStack()->undo();
  ASSERT_EQ(document.project().runs.size(), 2u);
  EXPECT_EQ(document.project().runs[0].name, "on dynamodb");
  document.undoStack()->undo();
  EXPECT_EQ(document.project().runs[1].name, "on relational");
  EXPECT_EQ(document.project().runs[1].resultJson(), before);
}

TEST_F(SavedRunsViewTest, aResultThatDoesNotReadIsNamedAndShowsNothing) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  model::SavedRun broken{"broken", "single-table", "dynamodb", 1,
                         std::make_shared<const std::string>("{\"format\": \"kvlab-run/1\",")};
  document.undoStack()->push(
      new KeepRunsCommand(&document, {broken, saved("fine", shopRun("cache", 1))}));
  SavedRunsView view(&document);
  QAbstractItemModelTester tester(view.runsModel(),
                                  QAbstractItemModelTester::FailureReportingMode::Fatal);
  EXPECT_EQ(view.runsModel()->result(0), nullptr);
  EXPECT_TRUE(view.runsModel()->error(0).contains("malformed JSON"))
      << view.runsModel()->error(0).toStdString();
  EXPECT_EQ(view.runsModel()->index(0, SavedRunTableModel::kLoadColumn).data().toString(),
            "unreadable");
  ASSERT_TRUE(view.selectRuns({0, 1}));
  EXPECT_EQ(view.results()->runs().size(), 1u);
  EXPECT_TRUE(view.statusText().contains("“broken” cannot be read"))
      << view.statusText().toStdString();
}

TEST_F(SavedRunsViewTest, savingRunsToATextFileAsksFirstAndCancelWritesNothing) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(test::shopSample())));
  ProjectDocument* document = window.document();
  document->undoStack()->push(
      new KeepRunsCommand(document, {saved("kept", shopRun("dynamodb", 2))}));
  test::TempDir dir;
  const QString text = qtPath(dir / "shop.kvlab.json");
  ASSERT_TRUE(document->saveAs(text).ok());  // not through the prompt: the file now exists
  const std::string before = test::readFile(dir / "shop.kvlab.json");
  document->undoStack()->push(
      new KeepRunsCommand(document, {saved("another", shopRun("dynamodb", 4))}));

  QString asked;
  test::answerNextMessageBox(QMessageBox::Cancel,
                             [&](QMessageBox* box) { asked = box->informativeText(); });
  EXPECT_FALSE(window.save());
  EXPECT_TRUE(asked.contains("2 kept run(s) would be left out")) << asked.toStdString();
  EXPECT_EQ(test::readFile(dir / "shop.kvlab.json"), before);
  EXPECT_TRUE(document->isModified());

  test::answerNextMessageBox(QMessageBox::Save);
  EXPECT_TRUE(window.save());
  EXPECT_NE(test::readFile(dir / "shop.kvlab.json"), std::string());
  // The runs are still unsaved, so closing would still ask.
  EXPECT_TRUE(document->isModified());
  // A native file holds them: saved in full.
  ASSERT_TRUE(document->saveAs(qtPath(dir / "shop.kvlab")).ok());
  EXPECT_FALSE(document->isModified());
}

}  // namespace
}  // namespace kvlab::ui
