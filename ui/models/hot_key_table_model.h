#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "simulator/metrics/run_result.h"

namespace kvlab::ui {

// The hottest partition key values of one run, as CloudWatch Contributor Insights ranks them: a
// row per key of the table or a GSI that drew many units or throttles (RunResult's
// hotKeysByUnits, then those only hotKeysByThrottles names), with the capacity owner, the key,
// the units it consumed (3 x write + read) and the throttled attempts on it. Both figures come
// from an approximate summary: each is at most its error above the truth, which the cells'
// tooltips give. Empty for engines without partitions. GUI thread only.
class HotKeyTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { kOwnerColumn = 0, kKeyColumn, kUnitsColumn, kThrottlesColumn, kColumnCount };

  explicit HotKeyTableModel(QObject* parent = nullptr);
  ~HotKeyTableModel() override;

  // Shows the hot keys of `run` (resets the model).
  void setRun(const sim::RunResult& run);
  void clear();

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  struct Row {
    std::string owner;
    std::string key;
    const sim::HotKey* units = nullptr;      // into keys_
    const sim::HotKey* throttles = nullptr;  // into keys_
  };

  std::vector<sim::HotKey> keys_;  // the run's, units first: what the rows point into
  std::vector<Row> rows_;
};

}  // namespace kvlab::ui
