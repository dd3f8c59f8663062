#include "ui/models/comparison_table_model.h"

#include <cmath>

#include "ui/models/dynamodb_terms.h"
#include "ui/models/number_text.h"
#include "ui/models/run_table_model.h"

namespace kvlab::ui {

ComparisonTableModel::ComparisonTableModel(QObject* parent) : QAbstractTableModel(parent) {}

ComparisonTableModel::~ComparisonTableModel() = default;

void ComparisonTableModel::setRuns(const std::vector<sim::RunResult>& runs,
                                   const QStringList& labels) {
  beginResetModel();
  rows_ = sim::compareRuns(runs);
  labelled_ = !labels.isEmpty();
  for (std::size_t i = 0; i < rows_.size() && i < static_cast<std::size_t>(labels.size()); ++i) {
    rows_[i].engine = labels[static_cast<qsizetype>(i)].toStdString();
  }
  endResetModel();
}

void ComparisonTableModel::clear() {
  beginResetModel();
  rows_.clear();
  endResetModel();
}

int ComparisonTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ComparisonTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant ComparisonTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const sim::ComparisonRow& r = rows_[static_cast<std::size_t>(index.row())];
  if (role == Qt::TextAlignmentRole && index.column() != kEngineColumn) {
    return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
  }
  if (role != Qt::DisplayRole) return {};
  auto ms = [&](double value) {
    return r.latency.count == 0 ? QStringLiteral("-") : millisecondsText(value);
  };
  switch (index.column()) {
    case kEngineColumn:
      return QString::fromStdString(r.engine);
    case kOfferedColumn:
      return QString::number(r.offeredPerSecond, 'f', 1);
    case kDoneColumn:
      return QString::number(r.completedPerSecond, 'f', 1);
    case kFailedColumn:
      return numberText(static_cast<double>(r.failed));
    case kThrottledColumn:
      return numberText(static_cast<double>(r.throttled));
    case kP50Column:
      return ms(r.latency.p50);
    case kP95Column:
      return ms(r.latency.p95);
    case kP99Column:
      return ms(r.latency.p99);
    case kBusyColumn:
      return r.busiestUtilization
                 ? QStringLiteral("%1%").arg(QString::number(*r.busiestUtilization * 100, 'f', 0))
                 : QStringLiteral("-");
    case kSaturationColumn:
      return r.saturationRate
                 ? QStringLiteral("~%1/s").arg(numberText(std::floor(*r.saturationRate)))
                 : QStringLiteral("-");
    case kMonthlyCostColumn:
      return dollarsText(r.monthlyCost);
  }
  return {};
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::DisplayRole) {
    switch (section) {
      case kEngineColumn:
        return labelled_ ? tr("Run") : tr("Engine");
      case kOfferedColumn:
        return tr("Offered/s");
      case kDoneColumn:
        return tr("Done/s");
      case kFailedColumn:
        return tr("Failed");
      case kThrottledColumn:
        return tr("Throttled");
      case kP50Column:
        return tr("p50 ms");
      case kP95Column:
        return tr("p95 ms");
      case kP99Column:
        return tr("p99 ms");
      case kBusyColumn:
        return tr("Busy");
      case kSaturationColumn:
        return tr("Saturates at");
      case kMonthlyCostColumn:
        return tr("$/month");
    }
    return {};
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case kOfferedColumn:
        return tr("Requests that arrived per second of the run");
      case kDoneColumn:
        return tr("Requests that succeeded per second of the run");
      case kFailedColumn:
        return tr(
            "Requests that gave up after their last attempt, or were still in flight at the "
            "end");
      case kThrottledColumn:
        return termToolTip(
            tr("Throttled attempts: a request retried after a throttle counts each time."),
            {DynamoDbTerm::Throttle});
      case kBusyColumn:
        return tr("The busiest server's utilization (engines with servers: relational, cache)");
      case kSaturationColumn:
        return tr(
            "The rate its servers would complete at 100% utilization, from the work the "
            "requests took");
      case kMonthlyCostColumn:
        return tr("This load for a month, in US dollars");
    }
  }
  return {};
}

}  // namespace kvlab::ui
