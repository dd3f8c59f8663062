#include "ui/views/workload_editor.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QChart>
#include <QComboBox>
#include <QLineEdit>
#include <QLineSeries>
#include <QTreeView>
#include <QUndoStack>
#include <QValueAxis>
#include <algorithm>
#include <utility>

#include "model/io/json_path.h"
#include "model/io/project_json.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/commands/add_workload_command.h"
#include "ui/document/project_document.h"
#include "ui/models/project_tree_model.h"
#include "ui/models/workload_pattern_table_model.h"
#include "ui/views/main_window.h"

namespace kvlab::ui {
namespace {

using test::qtPath;
using Model = WorkloadPatternTableModel;

// On the shop sample: workload 0 "flash-sale", 120 s, seed 42: AP7 a spike from 900/s to
// 9000/s from 30 s for 30 s, zipfian keys with theta 0.99; AP5 a ramp from 40/s to 400/s over
// 120 s, its keys as the pattern says.
class WorkloadEditorTest : public test::UiTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(document_.load(qtPath(test::shopSample())));
    original_ = model::writeProjectJson(document_.project());
  }

  QLineEdit* lineEdit(const WorkloadEditor& editor, const std::string& member) {
    return qobject_cast<QLineEdit*>(editor.field(member));
  }

  // What a user does: types the text and leaves the field.
  void type(QLineEdit* edit, const QString& text) {
    ASSERT_NE(edit, nullptr);
    edit->setText(text);
    emit edit->editingFinished();
  }

  // The grid's row of pattern `id`; -1 when the workload does not name it.
  static int rowOf(const WorkloadEditor& editor, const QString& id) {
    const Model* model = editor.patternModel();
    for (int row = 0; row < model->rowCount(); ++row) {
      if (model->index(row, Model::kPatternColumn).data() == id) return row;
    }
    return -1;
  }

  static QString cell(const WorkloadEditor& editor, const QString& id, int column,
                      int role = Qt::DisplayRole) {
    const int row = rowOf(editor, id);
    if (row < 0) return QStringLiteral("<no row>");
    return editor.patternModel()->index(row, column).data(role).toString();
  }

  static bool edit(const WorkloadEditor& editor, const QString& id, int column,
                   const QString& text) {
    Model* model = editor.patternModel();
    return model->setData(model->index(rowOf(editor, id), column), text);
  }

  // The line the chart draws for pattern `id` (null: none).
  static QLineSeries* series(const WorkloadEditor& editor, const QString& id) {
    for (QAbstractSeries* s : editor.chart()->series()) {
      if (s->name() == id) return qobject_cast<QLineSeries*>(s);
    }
    return nullptr;
  }

  // The rate the chart draws for `id` at `seconds` (a sampled instant), and its highest.
  static double drawnAt(const WorkloadEditor& editor, const QString& id, double seconds) {
    QLineSeries* line = series(editor, id);
    if (line == nullptr) return -1;
    for (const QPointF& p : line->points()) {
      if (std::abs(p.x() - seconds) < 1e-9) return p.y();
    }
    return -2;
  }
  static double drawnPeak(const WorkloadEditor& editor, const QString& id) {
    QLineSeries* line = series(editor, id);
    if (line == nullptr) return -1;
    double max = 0;
    for (const QPointF& p : line->points()) max = std::max(max, p.y());
    return max;
  }
  static double timeAxisEnd(const WorkloadEditor& editor) {
    const auto axes = editor.chart()->axes(Qt::Horizontal);
    if (axes.isEmpty()) return -1;
    return qobject_cast<QValueAxis*>(axes.front())->max();
  }

  // The validator's message at `path` (none: empty).
  std::string finding(const std::string& path) {
    for (const model::Diagnostic& d : document_.validation().items()) {
      if (d.path == path) return d.message;
    }
    return {};
  }

  const model::Workload& workload(int row = 0) const { return document_.project().workloads[row]; }
  QUndoStack* stack() const { return document_.undoStack(); }

  ProjectDocument document_;
  std::string original_;
};

TEST_F(WorkloadEditorTest, showsTheWorkloadItsPatternsAndTheirCurves) {
  WorkloadEditor editor(&document_);
  QAbstractItemModelTester tester(editor.patternModel(),
                                  QAbstractItemModelTester::FailureReportingMode::Fatal);
  EXPECT_EQ(editor.patternModel()->rowCount(), 0) << "no workload chosen yet";
  EXPECT_FALSE(editor.field("name")->isEnabled());

  editor.setWorkload(0);
  EXPECT_EQ(lineEdit(editor, "name")->text(), "flash-sale");
  EXPECT_EQ(lineEdit(editor, "durationSeconds")->text(), "120");
  EXPECT_EQ(lineEdit(editor, "seed")->text(), "42");
  ASSERT_EQ(editor.patternModel()->rowCount(), 2);
  EXPECT_EQ(cell(editor, "AP7", Model::kShapeColumn), "spike");
  EXPECT_EQ(cell(editor, "AP7", Model::kRateColumn), "900");
  EXPECT_EQ(cell(editor, "AP7", Model::kPeakColumn), "9000");
  EXPECT_EQ(cell(editor, "AP7", Model::kStartColumn), "30");
  EXPECT_EQ(cell(editor, "AP7", Model::kLengthColumn), "30");
  EXPECT_EQ(cell(editor, "AP7", Model::kKeysColumn), "zipfian");
  EXPECT_EQ(cell(editor, "AP7", Model::kSkewColumn), "0.99");
  EXPECT_EQ(cell(editor, "AP5", Model::kShapeColumn), "ramp");
  EXPECT_EQ(cell(editor, "AP5", Model::kRateColumn), "40");
  EXPECT_EQ(cell(editor, "AP5", Model::kPeakColumn), "400");
  EXPECT_EQ(cell(editor, "AP5", Model::kKeysColumn), "");
  // A ramp has a start; a constant rate has no peak, start or length to edit.
  const Model* model = editor.patternModel();
  EXPECT_FALSE(model->flags(model->index(rowOf(editor, "AP5"), Model::kSkewColumn)) &
               Qt::ItemIsEditable)
      << "no key distribution, so no skew";
  EXPECT_TRUE(model->flags(model->index(rowOf(editor, "AP7"), Model::kSkewColumn)) &
              Qt::ItemIsEditable);

  // The chart: one line per pattern over the 120 s, as the simulator replays them.
  ASSERT_EQ(editor.chart()->series().size(), 2);
  EXPECT_DOUBLE_EQ(timeAxisEnd(editor), 120);
  EXPECT_DOUBLE_EQ(drawnAt(editor, "AP7", 0), 900);
  EXPECT_DOUBLE_EQ(drawnAt(editor, "AP7", 45), 9000);
  EXPECT_DOUBLE_EQ(drawnAt(editor, "AP7", 90), 900);
  EXPECT_DOUBLE_EQ(drawnAt(editor, "AP5", 0), 40);
  EXPECT_DOUBLE_EQ(drawnAt(editor, "AP5", 60), 220);
  EXPECT_DOUBLE_EQ(drawnAt(editor, "AP5", 120), 400);
  EXPECT_TRUE(editor.chart()->legend()->isVisible());
  EXPECT_TRUE(editor.problemsText().isEmpty()) << editor.problemsText().toStdString();
  // The patterns it does not name yet can be added.
  auto* add = qobject_cast<QComboBox*>(editor.field("addPattern"));
  ASSERT_NE(add, nullptr);
  EXPECT_EQ(add->count(), static_cast<int>(document_.project().accessPatterns.size()) - 2);
  EXPECT_EQ(add->findText("AP7"), -1);
}

TEST_F(WorkloadEditorTest, editingTheDurationIsOneUndoStepAndTheChartFollows) {
  WorkloadEditor editor(&document_);
  editor.setWorkload(0);

  type(lineEdit(editor, "durationSeconds"), "300");

  EXPECT_EQ(stack()->count(), 1);
  EXPECT_EQ(workload().durationSeconds, 300);
  EXPECT_DOUBLE_EQ(timeAxisEnd(editor), 300);
  EXPECT_DOUBLE_EQ(series(editor, "AP7")->points().back().x(), 300);
  EXPECT_TRUE(document_.isModified());

  stack()->undo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
  EXPECT_EQ(lineEdit(editor, "durationSeconds")->text(), "120");
  EXPECT_DOUBLE_EQ(timeAxisEnd(editor), 120);

  // Leaving the field unchanged, or emptying the seed and undoing, are no edit / one edit.
  type(lineEdit(editor, "durationSeconds"), "120");
  EXPECT_EQ(stack()->index(), 0);
  type(lineEdit(editor, "seed"), "");
  EXPECT_FALSE(workload().seed.has_value());
  stack()->undo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
}

TEST_F(WorkloadEditorTest, editingARatePointIsOneUndoStepAndTheChartFollows) {
  WorkloadEditor editor(&document_);
  editor.setWorkload(0);

  ASSERT_TRUE(edit(editor, "AP7", Model::kPeakColumn, "12000"));

  EXPECT_EQ(stack()->count(), 1);
  EXPECT_EQ(workload().find("AP7")->rate->peak, 12000);
  EXPECT_DOUBLE_EQ(drawnAt(editor, "AP7", 45), 12000);
  EXPECT_DOUBLE_EQ(drawnPeak(editor, "AP7"), 12000);
  EXPECT_EQ(cell(editor, "AP7", Model::kPeakColumn), "12000");

  // The spike moved later: at 45 s it has not started yet.
  ASSERT_TRUE(edit(editor, "AP7", Model::kStartColumn, "60"));
  EXPECT_EQ(stack()->count(), 2);
  EXPECT_DOUBLE_EQ(drawnAt(editor, "AP7", 45), 900);
  EXPECT_DOUBLE_EQ(drawnAt(editor, "AP7", 75), 12000);

  stack()->undo();
  stack()->undo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
  EXPECT_DOUBLE_EQ(drawnAt(editor, "AP7", 45), 9000);
  EXPECT_DOUBLE_EQ(drawnPeak(editor, "AP7"), 9000);
}

TEST_F(WorkloadEditorTest, choosingAnotherShapeKeepsTheRatesAndDrawsTheNewCurve) {
  WorkloadEditor editor(&document_);
  editor.setWorkload(0);

  ASSERT_TRUE(edit(editor, "AP5", Model::kShapeColumn, "constant"));

  EXPECT_EQ(stack()->count(), 1);
  EXPECT_EQ(workload().find("AP5")->rate->shape, model::RateShape::Constant);
  EXPECT_EQ(workload().find("AP5")->rate->rate, 40) << "the ramp's starting rate carries over";
  EXPECT_FALSE(workload().find("AP5")->rate->to.has_value());
  EXPECT_DOUBLE_EQ(drawnAt(editor, "AP5", 120), 40);
  const Model* model = editor.patternModel();
  EXPECT_FALSE(model->flags(model->index(rowOf(editor, "AP5"), Model::kPeakColumn)) &
               Qt::ItemIsEditable);

  // No shape: the pattern runs at its own rate, and the chart has no line of its own for it.
  ASSERT_TRUE(edit(editor, "AP5", Model::kShapeColumn, ""));
  EXPECT_FALSE(workload().find("AP5")->rate.has_value());
  EXPECT_EQ(series(editor, "AP5"), nullptr);
  EXPECT_EQ(editor.chart()->series().size(), 1);

  stack()->undo();
  stack()->undo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
  EXPECT_DOUBLE_EQ(drawnAt(editor, "AP5", 120), 400);
}

TEST_F(WorkloadEditorTest, editingTheKeyPopularityIsOneUndoStepEach) {
  WorkloadEditor editor(&document_);
  editor.setWorkload(0);

  ASSERT_TRUE(edit(editor, "AP7", Model::kSkewColumn, "0.5"));
  EXPECT_EQ(stack()->count(), 1);
  EXPECT_EQ(workload().find("AP7")->keyDistribution->theta, 0.5);

  ASSERT_TRUE(edit(editor, "AP5", Model::kKeysColumn, "hotspot"));
  EXPECT_EQ(stack()->count(), 2);
  EXPECT_EQ(workload().find("AP5")->keyDistribution->kind, model::KeyDistributionKind::Hotspot);
  ASSERT_TRUE(edit(editor, "AP5", Model::kSkewColumn, "0.1, 0.9"));
  EXPECT_EQ(stack()->count(), 3);
  EXPECT_EQ(workload().find("AP5")->keyDistribution->hotFraction, 0.1);
  EXPECT_EQ(workload().find("AP5")->keyDistribution->hotOpFraction, 0.9);
  EXPECT_EQ(cell(editor, "AP5", Model::kSkewColumn), "0.1, 0.9");

  stack()->undo();
  EXPECT_FALSE(workload().find("AP5")->keyDistribution->hotFraction.has_value());
  stack()->undo();
  stack()->undo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
  EXPECT_EQ(cell(editor, "AP7", Model::kSkewColumn), "0.99");
}

TEST_F(WorkloadEditorTest, aBadValueIsRefusedAtItsFieldAndChangesNothing) {
  WorkloadEditor editor(&document_);
  editor.setWorkload(0);

  type(lineEdit(editor, "durationSeconds"), "-5");
  EXPECT_TRUE(editor.field("durationSeconds")->property("faulty").toBool());
  EXPECT_TRUE(editor.field("durationSeconds")->toolTip().startsWith("error: "));
  type(lineEdit(editor, "name"), "");
  EXPECT_TRUE(editor.field("name")->property("faulty").toBool());
  EXPECT_FALSE(edit(editor, "AP7", Model::kPeakColumn, "lots"));
  EXPECT_TRUE(cell(editor, "AP7", Model::kPeakColumn, Qt::ToolTipRole)
                  .contains("expected requests per second"));
  EXPECT_TRUE(editor.patternModel()
                  ->index(rowOf(editor, "AP7"), Model::kPeakColumn)
                  .data(Qt::BackgroundRole)
                  .isValid());
  EXPECT_FALSE(edit(editor, "AP7", Model::kSkewColumn, "1.5"));
  // The file's rule, which the reader would refuse on the next load: a spike never dips.
  EXPECT_FALSE(edit(editor, "AP7", Model::kPeakColumn, "100"));
  EXPECT_TRUE(cell(editor, "AP7", Model::kPeakColumn, Qt::ToolTipRole)
                  .contains("expected a peak of at least the base rate"));
  EXPECT_FALSE(edit(editor, "AP7", Model::kShapeColumn, "sawtooth"));

  EXPECT_EQ(stack()->count(), 0);
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
}

TEST_F(WorkloadEditorTest, theValidatorsAndTheSimulatorsFindingsShowWhereTheFaultIs) {
  model::Workload quiet;
  quiet.name = "quiet";
  stack()->push(new AddWorkloadCommand(&document_, std::move(quiet)));
  WorkloadEditor editor(&document_);
  editor.setWorkload(1);
  EXPECT_FALSE(editor.field("name")->property("faulty").toBool());

  // Two workloads of one name: the validator's finding, at the name.
  type(lineEdit(editor, "name"), "flash-sale");
  const std::string message = finding("workloads[1].name");
  ASSERT_FALSE(message.empty());
  EXPECT_TRUE(editor.field("name")->property("faulty").toBool());
  EXPECT_TRUE(editor.field("name")->toolTip().contains(QString::fromStdString(message)))
      << editor.field("name")->toolTip().toStdString();
  EXPECT_TRUE(editor.problemsText().contains(QString::fromStdString(message)));
  stack()->undo();
  EXPECT_FALSE(editor.field("name")->property("faulty").toBool());

  // A CSV rate whose file is not there: the simulator cannot make the curve; the pattern's rate
  // cells say why, and the chart has no line for it.
  editor.setWorkload(0);
  ASSERT_TRUE(edit(editor, "AP7", Model::kShapeColumn, "csv"));
  ASSERT_TRUE(edit(editor, "AP7", Model::kRateColumn, "no-such-rates.csv"));
  const QString why = cell(editor, "AP7", Model::kRateColumn, Qt::ToolTipRole);
  EXPECT_TRUE(why.startsWith("error: ")) << why.toStdString();
  EXPECT_TRUE(why.contains("no-such-rates.csv")) << why.toStdString();
  EXPECT_TRUE(editor.patternModel()
                  ->index(rowOf(editor, "AP7"), Model::kRateColumn)
                  .data(Qt::BackgroundRole)
                  .isValid());
  EXPECT_FALSE(editor.patternModel()
                   ->index(rowOf(editor, "AP5"), Model::kRateColumn)
                   .data(Qt::BackgroundRole)
                   .isValid());
  EXPECT_EQ(series(editor, "AP7"), nullptr);
  EXPECT_NE(series(editor, "AP5"), nullptr);
  EXPECT_TRUE(editor.problemsText().contains("AP7")) << editor.problemsText().toStdString();
  stack()->undo();
  stack()->undo();
  EXPECT_NE(series(editor, "AP7"), nullptr);
  EXPECT_TRUE(editor.problemsText().isEmpty());
}

TEST_F(WorkloadEditorTest, addingAndRemovingAPatternAreOneUndoStepEach) {
  WorkloadEditor editor(&document_);
  QAbstractItemModelTester tester(editor.patternModel(),
                                  QAbstractItemModelTester::FailureReportingMode::Fatal);
  editor.setWorkload(0);
  const model::AccessPattern& ap1 = *document_.project().findPattern("AP1");
  ASSERT_TRUE(ap1.rate.has_value());

  ASSERT_TRUE(editor.addPattern("AP1"));
  EXPECT_FALSE(editor.addPattern("AP1")) << "named already";
  EXPECT_EQ(editor.patternModel()->rowCount(), 3);
  ASSERT_TRUE(edit(editor, "AP1", Model::kShapeColumn, "spike"));
  // A new spike starts from the pattern's mean rate, in the run's second quarter.
  EXPECT_EQ(workload().find("AP1")->rate->base, ap1.rate->mean);
  EXPECT_DOUBLE_EQ(drawnAt(editor, "AP1", 0), ap1.rate->mean);
  EXPECT_DOUBLE_EQ(drawnAt(editor, "AP1", 45), 2 * ap1.rate->mean);
  EXPECT_EQ(editor.chart()->series().size(), 3);
  EXPECT_EQ(stack()->count(), 2);

  ASSERT_TRUE(editor.removePattern(rowOf(editor, "AP7")));
  EXPECT_EQ(workload().find("AP7"), nullptr);
  EXPECT_EQ(stack()->count(), 3);
  while (stack()->canUndo()) stack()->undo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
}

TEST_F(WorkloadEditorTest, aWorkloadIsAddedEditedAndRemovedFromTheWindow) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(test::shopSample())));
  ProjectDocument* document = window.document();
  const std::string original = model::writeProjectJson(document->project());
  auto* tree = window.findChild<QTreeView*>("projectTree");
  ASSERT_NE(tree, nullptr);
  const QAbstractItemModel* model = tree->model();
  const QModelIndex workloads = model->index(ProjectTreeModel::kWorkloads, 0);
  ASSERT_EQ(model->rowCount(workloads), 1);
  EXPECT_EQ(model->index(0, 0, workloads).data().toString(), "flash-sale");

  tree->setCurrentIndex(model->index(0, 0, workloads));
  EXPECT_TRUE(window.workloadEditor()->isVisibleTo(&window));
  EXPECT_EQ(window.workloadEditor()->workload(), 0);

  window.newWorkload();
  ASSERT_EQ(model->rowCount(workloads), 2);
  EXPECT_EQ(document->project().workloads[1].name, "workload-2");
  EXPECT_EQ(window.workloadEditor()->workload(), 1);
  EXPECT_EQ(lineEdit(*window.workloadEditor(), "name")->text(), "workload-2");
  EXPECT_EQ(tree->currentIndex(), model->index(1, 0, workloads));

  tree->setCurrentIndex(model->index(0, 0, workloads));
  window.deleteCurrent();
  ASSERT_EQ(model->rowCount(workloads), 1);
  EXPECT_EQ(document->project().workloads[0].name, "workload-2");
  EXPECT_EQ(document->undoStack()->count(), 2);

  document->undoStack()->undo();
  document->undoStack()->undo();
  EXPECT_EQ(model::writeProjectJson(document->project()), original);
}

TEST_F(WorkloadEditorTest, saveAndReloadKeepsTheEdits) {
  WorkloadEditor editor(&document_);
  editor.setWorkload(0);
  type(lineEdit(editor, "durationSeconds"), "240");
  type(lineEdit(editor, "seed"), "7");
  ASSERT_TRUE(edit(editor, "AP5", Model::kPeakColumn, "800"));
  ASSERT_TRUE(edit(editor, "AP7", Model::kKeysColumn, "hotspot"));
  ASSERT_TRUE(edit(editor, "AP7", Model::kSkewColumn, "0.05, 0.5"));
  const std::string edited = model::writeProjectJson(document_.project());
  ASSERT_NE(edited, original_);

  test::TempDir dir;
  for (const char* name : {"shop.kvlab.json", "shop.kvlab"}) {
    SCOPED_TRACE(name);
    const QString path = qtPath(dir / name);
    ASSERT_TRUE(document_.saveAs(path).ok());
    ProjectDocument reloaded;
    ASSERT_TRUE(reloaded.load(path));
    EXPECT_FALSE(reloaded.diagnostics().hasErrors());
    EXPECT_EQ(model::writeProjectJson(reloaded.project()), edited);
    const model::Workload& w = reloaded.project().workloads[0];
    EXPECT_EQ(w.durationSeconds, 240);
    EXPECT_EQ(w.seed, 7u);
    EXPECT_EQ(w.find("AP5")->rate->to, 800);
    EXPECT_EQ(w.find("AP7")->keyDistribution->hotOpFraction, 0.5);
  }
}

}  // namespace
}  // namespace kvlab::ui
