#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <optional>
#include <vector>

#include "model/design/plan.h"
#include "simulator/metrics/run_result.h"

namespace kvlab::ui {

// A read-only table of what a month costs, for the Cost tab: a row per design as the planner
// prices it (model::DesignPlan::monthlyCost, billed on demand, with the provisioned figure
// beside it), then a row per simulated run (sim::RunResult::monthlyCost, billed as the run was:
// on demand, provisioned, or server and cache instances by the hour). Columns: what it is, where
// the figure comes from, how it is billed, then US dollars a month for requests or capacity,
// storage, servers, the total and DynamoDB's provisioned capacity. Keeps copies of the figures
// only, not the plans or runs. GUI thread only.
class CostTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    kWhatColumn = 0,
    kSourceColumn,
    kBillingColumn,
    kRequestsColumn,
    kStorageColumn,
    kServersColumn,
    kTotalColumn,
    kProvisionedColumn,
    kColumnCount
  };

  // One row's figures, in US dollars a month. An absent figure does not apply to the row (no
  // request charge for a server billed by the hour, no server for DynamoDB) and shows as "-".
  struct Row {
    bool plan = false;  // a plan's row, else a run's
    QString what;       // the design's name, or "ENGINE: DESIGN"
    QString source;     // "plan", "plan, 1 unserved", "simulated 10 s"
    QString billing;    // "on-demand", "provisioned" or "instances"
    QString details;    // a sentence on where the figures come from (the cells' tooltip)
    QString design;     // the design planned or run
    QString engine;     // a run's engine; "" for a plan
    int unserved = 0;   // a plan's patterns that only a Scan can serve (priced as Scans)
    std::optional<double> requests;  // request units (on demand) or capacity (provisioned)
    double storage = 0;
    std::optional<double> servers;      // server and cache instances by the hour
    double total = 0;                   // what the row is billed: the three above together
    std::optional<double> provisioned;  // DynamoDB's provisioned capacity, billed or not
  };

  explicit CostTableModel(QObject* parent = nullptr);
  ~CostTableModel() override;

  // Shows a row per plan, in order, before the runs' rows (resets the model).
  void setPlans(const std::vector<model::DesignPlan>& plans);
  // Shows a row per run, in order, after the plans' rows (resets the model).
  void setRuns(const std::vector<sim::RunResult>& runs);
  // Removes the plans' rows, keeping the runs' (resets the model).
  void clearPlans();
  // Shows nothing (resets the model).
  void clear();

  int planRowCount() const { return static_cast<int>(plans_.size()); }
  int runRowCount() const { return static_cast<int>(runs_.size()); }
  // The figures of `row` (plans first, then runs); requires 0 <= row < rowCount().
  const Row& row(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

  // The row of `plan`'s figures: billed on demand, its total the request units and storage.
  static Row planRow(const model::DesignPlan& plan);
  // The row of `run`'s figures, billed under the run's capacity mode.
  static Row runRow(const sim::RunResult& run);

 private:
  std::vector<Row> plans_;
  std::vector<Row> runs_;
};

}  // namespace kvlab::ui
