#pragma once

#include <QString>
#include <QWidget>
#include <memory>
#include <vector>

#include "model/capacity/price_sheet.h"
#include "simulator/metrics/run_result.h"

class QChart;
class QChartView;
class QLabel;
class QTableView;

namespace kvlab::ui {

class CostTableModel;
class ProjectDocument;

// The Cost tab: what a month costs, side by side. A row per design of the document's project as
// the planner prices it, then a row per run of the last simulation (setRuns), in a
// CostTableModel; above it a horizontal stacked bar chart with a bar per row (requests or
// capacity, storage and servers, in US dollars a month), and under it a summary line naming the
// cheapest. Read-only. It plans every design again whenever the document changes (the planner
// takes milliseconds, so on the GUI thread); the runs stay until setRuns is called again, even
// when they no longer match the project. A project with errors, or without designs or a price
// sheet, has no plan rows, and the summary says why. GUI thread only.
class CostView : public QWidget {
  Q_OBJECT

 public:
  // `document` must outlive the view. `prices` may be null when the price sheet could not be
  // loaded; `pricesProblem` then says why.
  CostView(ProjectDocument* document, std::shared_ptr<const model::capacity::PriceSheet> prices,
           const QString& pricesProblem, QWidget* parent = nullptr);
  ~CostView() override;

  // Shows `runs` (the last simulation's, in engine order; empty for none) after the plans,
  // replacing the runs shown before.
  void setRuns(const std::vector<sim::RunResult>& runs);

  const CostTableModel* costModel() const { return costModel_; }
  // The chart shown, replaced on every change: a horizontal stacked bar series with a bar set per
  // kind of charge ("requests or capacity", "storage", "servers") and a bar per row of
  // costModel(), labelled with the row and its total. The first row's bar is drawn at the top,
  // so categories and set values run from the last row (index 0) to the first. No series when
  // the table is empty.
  QChart* chart() const;
  // The line under the table: the cheapest row and every row's total, and why there are no plan
  // rows when there are none.
  QString summaryText() const;

 private:
  void replan();
  void rebuildChart();
  void updateSummary();

  ProjectDocument* document_;
  std::shared_ptr<const model::capacity::PriceSheet> prices_;
  QString pricesProblem_;
  // Why there are no plan rows; empty when the designs are planned.
  QString planProblem_;
  CostTableModel* costModel_;
  QChartView* chartView_;
  QTableView* table_;
  QLabel* summaryLabel_;
};

}  // namespace kvlab::ui
