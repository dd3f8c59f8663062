#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <map>
#include <string>

namespace kvlab::model {
struct Workload;
}

namespace kvlab::ui {

class ProjectDocument;

// What one workload of a ProjectDocument's project does to each pattern it names, for the
// workload editor's grid: a row per pattern, in the workload's order, with its rate over time
// (the shape and that shape's parameters: a constant rate; a ramp from a rate to another; a spike
// from a base to a peak; a daily curve of a mean and a peak; a CSV file of seconds and rates) and
// its key popularity (the distribution and its parameter). A cell a shape or distribution does
// not use is empty and read-only.
//
// Editing a cell is one EditWorkloadCommand on the document's undo stack. A value that is not one
// the format takes (a negative or non-numeric rate, an unknown shape) changes nothing: setData
// returns false and the cell shows why until the next change. A row the validator faults (a
// pattern the project lacks) has the finding as its tooltip and a red background, and so do the
// rate cells of a pattern whose curve the simulator refuses (setCurveProblems). Holds no copy of
// the project; resets whenever the document changes. GUI thread only.
class WorkloadPatternTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    kPatternColumn = 0,
    kShapeColumn,   // constant, ramp, spike, daily, csv; empty: the pattern's own rate
    kRateColumn,    // rate, from, base or mean (requests per second); a CSV's file
    kPeakColumn,    // to or peak
    kStartColumn,   // startSeconds of a ramp or a spike
    kLengthColumn,  // durationSeconds of a ramp, lengthSeconds of a spike, dayLengthSeconds
    kKeysColumn,    // the key distribution's kind; empty: the pattern's own
    kSkewColumn,    // theta (zipfian, ycsb-scrambled); "hot keys, hot requests" (hotspot)
    kColumnCount
  };
  // The values a combo box offers for a cell (a QStringList), for the shape and keys columns.
  static constexpr int kChoicesRole = Qt::UserRole + 1;

  // `document` must outlive the model.
  explicit WorkloadPatternTableModel(ProjectDocument* document, QObject* parent = nullptr);
  ~WorkloadPatternTableModel() override;

  // Shows the workload at `row` of the project's workloads; one that does not exist shows nothing.
  void setWorkload(int row);
  int workload() const { return workload_; }
  // Why the simulator cannot make the curve of a pattern, by pattern id; shown on its rate cells.
  void setCurveProblems(std::map<std::string, QString> problems);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

 private:
  const model::Workload* shown() const;
  QStringList findings(int row, int column) const;
  void refuse(const QModelIndex& index, const QString& why);

  ProjectDocument* document_;
  int workload_ = -1;
  std::map<std::string, QString> curveProblems_;
  // A refused edit's cell (row, column) and why; cleared when the document changes.
  std::map<std::pair<int, int>, QString> refused_;
};

}  // namespace kvlab::ui
