#pragma once

#include <QAbstractTableModel>

#include "model/design/plan.h"

namespace kvlab::ui {

// A read-only table over one DesignPlan, one row per access pattern in the project's order: how
// the pattern runs (index, operation, key condition), what one request reads and writes, its
// rates and its warnings. Rows the design does not serve and rows served by a Scan have a tinted
// background; the warnings column's tooltip lists the messages. The model keeps its own copy of
// the plan, so whoever computed it (the plan view from the document, the proposals view from the
// modeler) may drop theirs. Empty until setPlan(). GUI thread only.
class PlanTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    kIdColumn = 0,
    kNameColumn,
    kIndexColumn,
    kOperationColumn,
    kKeyConditionColumn,
    kItemsColumn,
    kReadUnitsColumn,
    kWriteUnitsColumn,
    kRateColumn,
    kWarningsColumn,
    kColumnCount
  };

  explicit PlanTableModel(QObject* parent = nullptr);
  ~PlanTableModel() override;

  // Shows `plan` (resets the model).
  void setPlan(model::DesignPlan plan);
  // Shows nothing (resets the model).
  void clear();
  // The plan shown; an empty plan before setPlan() and after clear().
  const model::DesignPlan& plan() const { return plan_; }
  // The pattern in `row`; requires 0 <= row < rowCount().
  const model::PatternPlan& patternPlan(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

  // The background of a row the design does not serve, and of one served by a Scan. Translucent,
  // so that they read on light and dark palettes and over alternating row colours.
  static QColor unservedBackground();
  static QColor scanBackground();

 private:
  QVariant displayText(const model::PatternPlan& pattern, int column) const;
  QVariant toolTip(const model::PatternPlan& pattern, int column) const;

  model::DesignPlan plan_;
};

}  // namespace kvlab::ui
