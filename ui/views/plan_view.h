#pragma once

#include <QString>
#include <QWidget>
#include <memory>

#include "model/capacity/price_sheet.h"
#include "model/design/plan.h"

class QComboBox;
class QLabel;
class QTableView;

namespace kvlab::ui {

class CapacityTableModel;
class DesignComparisonModel;
class PlanTableModel;
class ProjectDocument;

// The Plan tab: a design chosen from the document's project and how the planner runs every access
// pattern on it (a PlanTableModel), the load on the table and each GSI with the monthly cost (a
// CapacityTableModel) and a summary line. Read-only. It plans again whenever the document
// changes or another design is chosen; the planner takes milliseconds, so it runs on the GUI
// thread. A project with errors, or without designs or a price sheet, shows an empty plan and a
// line saying why. A second design chosen under "Compare with:" is planned too: its plan table
// stands beside the first (the same patterns row for row, scrolled together; the names and rates,
// the project's, only on the left), and in place of the capacity table a DesignComparisonModel
// (what `kvlab compare` prints) shows the totals of both in one table and the patterns served
// differently in another beside it. A compared design that leaves the project falls back to
// "(none)". GUI thread only.
class PlanView : public QWidget {
  Q_OBJECT

 public:
  // `document` must outlive the view. `prices` may be null when the price sheet could not be
  // loaded; `pricesProblem` then says why.
  PlanView(ProjectDocument* document, std::shared_ptr<const model::capacity::PriceSheet> prices,
           const QString& pricesProblem, QWidget* parent = nullptr);
  ~PlanView() override;

  // Chooses the design in `index` of the project's designs; false when there is none there.
  bool selectDesign(int index);
  // The name of the design planned, or "" when none is.
  QString currentDesign() const;
  // How many designs the selector offers.
  int designCount() const;

  // Compares the chosen design with the design in `index` of the project's designs, or with none
  // when `index` is -1; false (and nothing changes) when there is no design there.
  bool selectComparedDesign(int index);
  // The name of the design compared with, or "" when none is (or there is no plan).
  QString comparedDesign() const;

  const PlanTableModel* planModel() const { return planModel_; }
  const CapacityTableModel* capacityModel() const { return capacityModel_; }
  // The compared design's plan, and the comparison; both empty when no design is compared.
  const PlanTableModel* comparedPlanModel() const { return comparedPlanModel_; }
  const DesignComparisonModel* comparisonModel() const { return comparisonModel_; }
  // The line under the tables: patterns served and the monthly cost, or why there is no plan.
  QString summaryText() const;

  // "7 of 8 patterns served by key; 1 runs as a Scan. A month costs $55,682.21 on demand,
  // $20,826.09 provisioned (20% headroom) and $6.97 for storage."
  static QString planSummary(const model::DesignPlan& plan);

 private:
  void documentChanged();
  void replan();
  void showNoPlan(const QString& why);
  // Shows or hides what only a comparison shows.
  void showComparison(bool shown);

  ProjectDocument* document_;
  std::shared_ptr<const model::capacity::PriceSheet> prices_;
  QString pricesProblem_;
  PlanTableModel* planModel_;
  CapacityTableModel* capacityModel_;
  PlanTableModel* comparedPlanModel_;
  DesignComparisonModel* comparisonModel_;
  QComboBox* designSelector_;
  QComboBox* compareSelector_;
  QLabel* designLabel_;
  QLabel* planCaption_;
  QLabel* comparedCaption_;
  QWidget* comparedPane_;
  QTableView* planTable_;
  QTableView* comparedPlanTable_;
  QTableView* capacityTable_;
  QTableView* comparisonTable_;
  QTableView* comparisonPatternsTable_;
  QWidget* comparisonPane_;
  QLabel* summaryLabel_;
};

}  // namespace kvlab::ui
