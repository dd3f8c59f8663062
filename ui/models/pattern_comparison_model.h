#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

#include "simulator/metrics/run_comparison.h"
#include "simulator/metrics/run_result.h"

namespace kvlab::ui {

// A read-only table of each pattern's p99 latency on each engine, side by side: a row per
// pattern, the pattern's id then a column per run ("failed" where no request of it succeeded,
// "-" where the run has no such pattern), as `kvlab simulate --engine all` prints it under "p99
// ms by pattern" (sim::comparePatternLatency). GUI thread only.
class PatternComparisonModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  explicit PatternComparisonModel(QObject* parent = nullptr);
  ~PatternComparisonModel() override;

  // One column per run, headed by its label in `labels` (the engine's name when there is none).
  void setRuns(const std::vector<sim::RunResult>& runs, const QStringList& labels = {});
  void clear();

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  QStringList engines_;
  std::vector<sim::PatternComparisonRow> rows_;
};

}  // namespace kvlab::ui
