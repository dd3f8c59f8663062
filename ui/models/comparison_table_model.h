#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

#include "simulator/metrics/run_comparison.h"
#include "simulator/metrics/run_result.h"

namespace kvlab::ui {

// A read-only table of runs side by side, a row per engine, with the columns `kvlab simulate
// --engine all` prints (sim::compareRuns computes both): requests offered and completed per
// second, failures, throttled attempts, overall p50/p95/p99, the busiest server's utilization,
// the rate its servers would saturate at, and the month's cost. GUI thread only.
class ComparisonTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    kEngineColumn = 0,
    kOfferedColumn,
    kDoneColumn,
    kFailedColumn,
    kThrottledColumn,
    kP50Column,
    kP95Column,
    kP99Column,
    kBusyColumn,
    kSaturationColumn,
    kMonthlyCostColumn,
    kColumnCount
  };

  explicit ComparisonTableModel(QObject* parent = nullptr);
  ~ComparisonTableModel() override;

  // Shows `runs` side by side (resets the model), each row named by its label in `labels` (the
  // engine's name when there is none; saved runs are named by the user).
  void setRuns(const std::vector<sim::RunResult>& runs, const QStringList& labels = {});
  void clear();

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  std::vector<sim::ComparisonRow> rows_;
  bool labelled_ = false;  // rows named by labels: the first column is "Run", not "Engine"
};

}  // namespace kvlab::ui
