#pragma once

#include <QWidget>
#include <map>
#include <string>

#include "ui/views/workload_curves.h"

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace kvlab::ui {

class ProjectDocument;
class WorkloadPatternTableModel;

// Edits one workload of a ProjectDocument's project: its name, duration and seed; per pattern it
// names, the rate over time and the key popularity (WorkloadPatternTableModel's grid, with a
// pattern to add from those it does not name yet and a button to remove the one chosen); and a
// chart of each pattern's rate over the run, sampled from the simulator's own curves, so that it
// shows what a run would replay. kvlab/1 workloads state no engines: the Simulate tab chooses
// them.
//
// Every change is one EditWorkloadCommand on the document's undo stack, made when a field is
// left or a cell edited; the fields, grid and chart show the project as it is after each change,
// undo included. A name cannot be empty and a duration or seed must be a number the format takes:
// such a value is refused at its field and changes nothing. A field the validator faults (a name
// another workload has) gets a red frame and the finding as its tooltip; a pattern whose rate the
// simulator refuses (a spike's peak under its base) has the reason on its rate cells and no curve.
// The line under the chart lists every finding about the workload. GUI thread only.
class WorkloadEditor : public QWidget {
  Q_OBJECT

 public:
  // `document` must outlive the editor.
  explicit WorkloadEditor(ProjectDocument* document, QWidget* parent = nullptr);
  ~WorkloadEditor() override;

  // Edits the workload at `row` of the project's workloads; -1 (or a row that does not exist)
  // edits none and disables the fields.
  void setWorkload(int row);
  int workload() const { return workload_; }

  // The field that edits `member`: "name", "durationSeconds", "seed" (QLineEdits), or
  // "addPattern", the QComboBox of the patterns the workload does not name; null for another.
  QWidget* field(const std::string& member) const;
  WorkloadPatternTableModel* patternModel() const { return patternModel_; }
  QTableView* patternView() const { return patternView_; }
  // The chart as drawn now (replaced on each change), and the curves it draws.
  QChart* chart() const;
  const WorkloadCurves& curves() const { return curves_; }
  // The findings listed under the chart, one a line ("name: error: ...").
  QString problemsText() const;

  // The buttons' actions, for tests: names the pattern `id` in the workload (at the pattern's own
  // rate, until a shape is chosen); removes the pattern at `row` of the grid. Each one command;
  // false when there is nothing to do.
  bool addPattern(const QString& id);
  bool removePattern(int row);

 private:
  void refresh();
  void refreshChart();
  void commitFields();
  void markField(QWidget* field, const QStringList& findings);
  std::string workloadPath() const;

  ProjectDocument* document_;
  int workload_ = -1;
  std::map<std::string, QWidget*> fields_;
  WorkloadPatternTableModel* patternModel_;
  QTableView* patternView_;
  QComboBox* addCombo_;
  QPushButton* addButton_;
  QPushButton* removeButton_;
  QChartView* chartView_;
  WorkloadCurves curves_;
  QLabel* problemsLabel_;
};

}  // namespace kvlab::ui
