#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <vector>

#include "simulator/metrics/run_result.h"

namespace kvlab::ui {

// A read-only table of one simulated run, a row per access pattern as `kvlab simulate` prints
// it: the pattern, the requests that arrived, how many succeeded, the throttled attempts, the
// requests that failed, and the latency percentiles of those that succeeded (p50, p95, p99, in
// milliseconds; "-" when none did). Keeps its own copy of the run's pattern results. GUI thread
// only.
class RunTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    kPatternColumn = 0,
    kRequestsColumn,
    kSucceededColumn,
    kThrottledColumn,
    kFailedColumn,
    kP50Column,
    kP95Column,
    kP99Column,
    kColumnCount
  };

  explicit RunTableModel(QObject* parent = nullptr);
  ~RunTableModel() override;

  // Shows the patterns of `run` (resets the model).
  void setRun(const sim::RunResult& run);
  // Shows nothing (resets the model).
  void clear();
  // The engine of the run shown, or "" when none is.
  const QString& engine() const { return engine_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  QString engine_;
  std::vector<sim::PatternResult> patterns_;
};

// Milliseconds as the run tables show them: one decimal ("12.3").
QString millisecondsText(double milliseconds);

}  // namespace kvlab::ui
