#include "ui/models/cost_table_model.h"

#include <QFont>
#include <utility>

#include "ui/models/number_text.h"

namespace kvlab::ui {
namespace {

QString text(const std::string& value) { return QString::fromStdString(value); }

QString money(const std::optional<double>& value) {
  return value ? dollarsText(*value) : QStringLiteral("-");
}

bool isMoneyColumn(int column) {
  return column >= CostTableModel::kRequestsColumn && column <= CostTableModel::kProvisionedColumn;
}

// "mean rates", "peak rates", "a spike", "workload flash-sale".
QString rateText(const std::string& rate) {
  static const std::string kWorkload = "workload:";
  if (rate.rfind(kWorkload, 0) == 0) {
    return CostTableModel::tr("workload %1").arg(text(rate.substr(kWorkload.size())));
  }
  if (rate == "spike") return CostTableModel::tr("a spike");
  if (rate.empty()) return CostTableModel::tr("mean rates");
  return CostTableModel::tr("%1 rates").arg(text(rate));
}

}  // namespace

CostTableModel::CostTableModel(QObject* parent) : QAbstractTableModel(parent) {}

CostTableModel::~CostTableModel() = default;

CostTableModel::Row CostTableModel::planRow(const model::DesignPlan& plan) {
  Row row;
  row.plan = true;
  row.design = text(plan.design);
  row.what = row.design;
  row.unserved = static_cast<int>(plan.patterns.size()) - plan.servedCount();
  row.source = row.unserved == 0 ? tr("plan") : tr("plan, %1 unserved").arg(row.unserved);
  row.billing = QStringLiteral("on-demand");
  row.requests = plan.monthlyCost.onDemand;
  row.storage = plan.monthlyCost.storage;
  row.total = plan.monthlyCost.onDemand + plan.monthlyCost.storage;
  row.provisioned = plan.monthlyCost.provisioned;
  row.details = tr("The planner's month for design %1 (table %2) at the patterns' mean rates, "
                   "under prices %3; provisioned capacity sized to the peak rates with %4% "
                   "headroom.")
                    .arg(row.what, text(plan.tableName), text(plan.priceSheet),
                         numberText(plan.provisionedHeadroom * 100));
  if (row.unserved > 0) {
    row.details +=
        QLatin1Char(' ') +
        (row.unserved == 1
             ? tr("1 pattern only a Scan can serve, priced as a Scan.")
             : tr("%1 patterns only a Scan can serve, priced as Scans.").arg(row.unserved));
  }
  return row;
}

CostTableModel::Row CostTableModel::runRow(const sim::RunResult& run) {
  const sim::CostReport& cost = run.monthlyCost;
  Row row;
  row.engine = text(run.engine);
  row.design = text(run.design);
  row.what = QStringLiteral("%1: %2").arg(row.engine, row.design);
  row.source = tr("simulated %1 s").arg(numberText(run.durationSeconds));
  if (run.rate != "mean") row.source += QStringLiteral(", ") + rateText(run.rate);
  if (run.cancelled) row.source += tr(", cancelled");
  const bool instances = cost.capacityMode == "instance";
  row.billing = instances ? QStringLiteral("instances") : text(cost.capacityMode);
  if (cost.capacityMode == "on-demand") {
    row.requests = cost.onDemand;
  } else if (cost.capacityMode == "provisioned") {
    row.requests = cost.provisioned;
  }
  row.storage = cost.storage;
  if (instances || cost.instances > 0) row.servers = cost.instances;
  row.total = cost.total;
  if (!instances) row.provisioned = cost.provisioned;
  row.details = tr("%1 ran design %2 for %3 s of virtual time (seed %4, %5); what it used, "
                   "scaled to a month under prices %6.")
                    .arg(row.engine, text(run.design), numberText(run.durationSeconds))
                    .arg(run.seed)
                    .arg(rateText(run.rate), text(cost.priceSheet));
  return row;
}

void CostTableModel::setPlans(const std::vector<model::DesignPlan>& plans) {
  beginResetModel();
  plans_.clear();
  for (const model::DesignPlan& plan : plans) plans_.push_back(planRow(plan));
  endResetModel();
}

void CostTableModel::setRuns(const std::vector<sim::RunResult>& runs) {
  beginResetModel();
  runs_.clear();
  for (const sim::RunResult& run : runs) runs_.push_back(runRow(run));
  endResetModel();
}

void CostTableModel::clearPlans() { setPlans({}); }

void CostTableModel::clear() {
  beginResetModel();
  plans_.clear();
  runs_.clear();
  endResetModel();
}

const CostTableModel::Row& CostTableModel::row(int row) const {
  if (row < planRowCount()) return plans_.at(static_cast<std::size_t>(row));
  return runs_.at(static_cast<std::size_t>(row - planRowCount()));
}

int CostTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : planRowCount() + runRowCount();
}

int CostTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant CostTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const Row& r = row(index.row());
  if (role == Qt::TextAlignmentRole && isMoneyColumn(index.column())) {
    return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
  }
  if (role == Qt::FontRole && index.column() == kTotalColumn) {
    QFont bold;
    bold.setBold(true);
    return bold;
  }
  if (role == Qt::ToolTipRole) {
    if (index.column() == kProvisionedColumn && r.provisioned && r.billing != "provisioned") {
      return tr("Not in the total: what provisioned capacity would cost instead of on demand");
    }
    return r.details;
  }
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case kWhatColumn:
      return r.what;
    case kSourceColumn:
      return r.source;
    case kBillingColumn:
      return r.billing;
    case kRequestsColumn:
      return money(r.requests);
    case kStorageColumn:
      return dollarsText(r.storage);
    case kServersColumn:
      return money(r.servers);
    case kTotalColumn:
      return dollarsText(r.total);
    case kProvisionedColumn:
      return money(r.provisioned);
  }
  return {};
}

QVariant CostTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::DisplayRole) {
    switch (section) {
      case kWhatColumn:
        return tr("What");
      case kSourceColumn:
        return tr("Source");
      case kBillingColumn:
        return tr("Billed as");
      case kRequestsColumn:
        return tr("Requests/capacity $/month");
      case kStorageColumn:
        return tr("Storage $/month");
      case kServersColumn:
        return tr("Servers $/month");
      case kTotalColumn:
        return tr("Total $/month");
      case kProvisionedColumn:
        return tr("Provisioned $/month");
    }
    return {};
  }
  if (role == Qt::TextAlignmentRole && isMoneyColumn(section)) {
    return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case kWhatColumn:
        return tr("A design as the planner prices it, or ENGINE: DESIGN for a simulated run");
      case kSourceColumn:
        return tr(
            "plan: the planner's figures for a month at the patterns' mean rates (unserved: "
            "patterns only a Scan can serve, priced as Scans). simulated N s: what a run used "
            "in N seconds of virtual time, scaled to a month");
      case kBillingColumn:
        return tr(
            "How the row is billed. on-demand: DynamoDB charges per request unit read or "
            "written, nothing when idle. provisioned: DynamoDB charges by the hour for the read "
            "and write capacity units held, used or not. instances: a relational server or "
            "cache nodes billed by the hour, whatever the load");
      case kRequestsColumn:
        return tr(
            "DynamoDB's throughput for a month: request units on demand, or capacity units "
            "when provisioned. Engines billed by the instance have no request charge");
      case kStorageColumn:
        return tr(
            "Data stored for a month, priced per GB-month (decimal gigabytes): DynamoDB's items "
            "and index entries with 100 bytes of overhead each, or the relational server's "
            "disk. A cache keeps its data in its nodes' memory, paid with the nodes");
      case kServersColumn:
        return tr(
            "Instances billed by the hour for a month: the relational server and the cache "
            "nodes. DynamoDB has none");
      case kTotalColumn:
        return tr("The month as the row is billed: requests or capacity, storage and servers");
      case kProvisionedColumn:
        return tr(
            "DynamoDB only: a month of provisioned read and write capacity. For a plan, sized "
            "to the peak rates with the headroom; for a run, the capacity it was given. In the "
            "total only when the row is billed as provisioned: compare it with the on-demand "
            "figure to choose a capacity mode");
    }
  }
  return {};
}

}  // namespace kvlab::ui
