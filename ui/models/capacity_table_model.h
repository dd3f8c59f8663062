#pragma once

#include <QAbstractTableModel>

#include "model/design/plan.h"

namespace kvlab::ui {

// A read-only table of a DesignPlan's capacity owners, the table (with its LSIs) first and then
// each GSI, and a last row with the totals: read and write units per second (mean/peak), the
// provisioned capacity, what is stored, and the monthly cost on demand, provisioned and for
// storage. No rows when the plan has no capacity owners. Keeps its own copy of the plan. GUI
// thread only.
class CapacityTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    kNameColumn = 0,
    kReadUnitsColumn,
    kWriteUnitsColumn,
    kProvisionedCapacityColumn,
    kStoredColumn,
    kOnDemandColumn,
    kProvisionedColumn,
    kStorageColumn,
    kColumnCount
  };

  explicit CapacityTableModel(QObject* parent = nullptr);
  ~CapacityTableModel() override;

  // Shows `plan`'s loads (resets the model).
  void setPlan(model::DesignPlan plan);
  // Shows nothing (resets the model).
  void clear();
  // The row of the totals, or -1 when there are no rows.
  int totalRow() const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  // One owner's load, or the sum of them all for the totals row.
  model::CapacityLoad loadOfRow(int row) const;

  model::DesignPlan plan_;
};

}  // namespace kvlab::ui
