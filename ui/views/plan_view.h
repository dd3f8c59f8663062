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
class PlanTableModel;
class ProjectDocument;

// The Plan tab: a design chosen from the document's project and how the planner runs every access
// pattern on it (a PlanTableModel), the load on the table and each GSI with the monthly cost (a
// CapacityTableModel) and a summary line. Read-only. It plans again whenever the document
// changes or another design is chosen; the planner takes milliseconds, so it runs on the GUI
// thread. A project with errors, or without designs or a price sheet, shows an empty plan and a
// line saying why. GUI thread only.
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

  const PlanTableModel* planModel() const { return planModel_; }
  const CapacityTableModel* capacityModel() const { return capacityModel_; }
  // The line under the tables: patterns served and the monthly cost, or why there is no plan.
  QString summaryText() const;

  // "7 of 8 patterns served by key; 1 runs as a Scan. A month costs $55,682.21 on demand,
  // $20,826.09 provisioned (20% headroom) and $6.97 for storage."
  static QString planSummary(const model::DesignPlan& plan);

 private:
  void documentChanged();
  void replan();
  void showNoPlan(const QString& why);

  ProjectDocument* document_;
  std::shared_ptr<const model::capacity::PriceSheet> prices_;
  QString pricesProblem_;
  PlanTableModel* planModel_;
  CapacityTableModel* capacityModel_;
  QComboBox* designSelector_;
  QLabel* designLabel_;
  QTableView* planTable_;
  QTableView* capacityTable_;
  QLabel* summaryLabel_;
};

}  // namespace kvlab::ui
