#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QString>

#include "model/design/design_comparison.h"

namespace kvlab::ui {

// A read-only table of two designs side by side, over model::compareDesignPlans (which `kvlab
// compare` prints too, so that the studio and the command line decide alike). Columns: what is
// compared, design A, design B (the headers name them) and the change from A to B. Rows: first
// one per summary measure (GSIs, LSIs, patterns served by key, read and write units per second,
// the monthly cost on demand, provisioned and for storage), in bold on a tinted background where
// the two differ as shown; then a heading row, "Patterns served differently" (or that none is);
// then one row per pattern the designs serve differently, each side as "index operation, units
// per request", with the planner's reason in its tooltip and an unserved side tinted as the Plan
// table tints it. Empty until setComparison(). GUI thread only.
class DesignComparisonModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { kMeasureColumn = 0, kDesignAColumn, kDesignBColumn, kChangeColumn, kColumnCount };

  enum class RowKind { Summary, PatternsHeading, Pattern };

  explicit DesignComparisonModel(QObject* parent = nullptr);
  ~DesignComparisonModel() override;

  // Shows `comparison` (resets the model).
  void setComparison(model::DesignComparison comparison);
  // Shows nothing (resets the model).
  void clear();
  // The comparison shown; an empty one (no rows) before setComparison() and after clear().
  const model::DesignComparison& comparison() const { return comparison_; }

  // What `row` holds; requires 0 <= row < rowCount().
  RowKind rowKind(int row) const;
  // The row of the "Patterns served differently" heading, or -1 when the model is empty.
  int patternsHeadingRow() const;
  // Whether `row` shows a difference: a summary row whose values differ, or a pattern row.
  bool rowDiffers(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

  // The measure as the studio names it: "GSIs", "Read units/s (mean)", "On demand a month".
  static QString measureName(model::ComparisonMeasure measure);
  // The background of a summary row whose values differ. Translucent, so that it reads on light
  // and dark palettes and over alternating row colours.
  static QColor differingBackground();

 private:
  QVariant summaryData(const model::ComparisonSummaryRow& row, int column, int role) const;
  QVariant patternData(const model::PatternDifference& pattern, int column, int role) const;
  QString designName(int column) const;

  model::DesignComparison comparison_;
};

}  // namespace kvlab::ui
