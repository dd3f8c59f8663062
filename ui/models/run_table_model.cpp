#include "ui/models/run_table_model.h"

#include <QStringList>

#include "ui/models/dynamodb_terms.h"
#include "ui/models/number_text.h"

namespace kvlab::ui {

QString millisecondsText(double milliseconds) { return QString::number(milliseconds, 'f', 1); }

RunTableModel::RunTableModel(QObject* parent) : QAbstractTableModel(parent) {}

RunTableModel::~RunTableModel() = default;

void RunTableModel::setRun(const sim::RunResult& run) {
  beginResetModel();
  engine_ = QString::fromStdString(run.engine);
  patterns_ = run.patterns;
  // The timelines are for the charts, not the table.
  for (sim::PatternResult& p : patterns_) p.timeline.clear();
  endResetModel();
}

void RunTableModel::clear() {
  beginResetModel();
  engine_.clear();
  patterns_.clear();
  endResetModel();
}

int RunTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(patterns_.size());
}

int RunTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant RunTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const sim::PatternResult& p = patterns_[static_cast<std::size_t>(index.row())];
  if (role == Qt::TextAlignmentRole && index.column() != kPatternColumn) {
    return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
  }
  if (role == Qt::DisplayRole) {
    auto ms = [&](double value) {
      return p.latency.count == 0 ? QStringLiteral("-") : millisecondsText(value);
    };
    switch (index.column()) {
      case kPatternColumn:
        return QString::fromStdString(p.id);
      case kRequestsColumn:
        return numberText(static_cast<double>(p.requests));
      case kSucceededColumn:
        return numberText(static_cast<double>(p.succeeded));
      case kThrottledColumn:
        return numberText(static_cast<double>(p.throttled));
      case kFailedColumn:
        return numberText(static_cast<double>(p.failed));
      case kP50Column:
        return ms(p.latency.p50);
      case kP95Column:
        return ms(p.latency.p95);
      case kP99Column:
        return ms(p.latency.p99);
    }
    return {};
  }
  if (role == Qt::ToolTipRole && index.column() == kThrottledColumn &&
      !p.throttlesByReason.empty()) {
    QStringList lines;
    for (const auto& [reason, count] : p.throttlesByReason) {
      lines << tr("%1 × %2").arg(numberText(static_cast<double>(count)),
                                 QString::fromStdString(reason));
    }
    return lines.join(QLatin1Char('\n'));
  }
  if (role == Qt::ToolTipRole && index.column() >= kP50Column && p.latency.count > 0) {
    return tr("p99.9 %1 ms, max %2 ms, mean %3 ms")
        .arg(millisecondsText(p.latency.p999), millisecondsText(p.latency.max),
             millisecondsText(p.latency.mean));
  }
  return {};
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::DisplayRole) {
    switch (section) {
      case kPatternColumn:
        return tr("Pattern");
      case kRequestsColumn:
        return tr("Requests");
      case kSucceededColumn:
        return tr("Succeeded");
      case kThrottledColumn:
        return tr("Throttled");
      case kFailedColumn:
        return tr("Failed");
      case kP50Column:
        return tr("p50 ms");
      case kP95Column:
        return tr("p95 ms");
      case kP99Column:
        return tr("p99 ms");
    }
    return {};
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case kPatternColumn:
        return termToolTip(tr("The access pattern's id."), {DynamoDbTerm::AccessPattern});
      case kRequestsColumn:
        return tr("Requests that arrived during the run");
      case kSucceededColumn:
        return tr("Requests that completed without error, possibly after retries");
      case kThrottledColumn:
        return termToolTip(
            tr("Throttled attempts: a request retried after a throttle counts each time. Hover "
               "over a count for the limits that refused them."),
            {DynamoDbTerm::Throttle});
      case kFailedColumn:
        return tr(
            "Requests that gave up after their last attempt, or were still in flight "
            "at the end");
      case kP50Column:
      case kP95Column:
      case kP99Column:
        return tr("Latency of the requests that succeeded, in milliseconds of virtual time");
    }
  }
  return {};
}

}  // namespace kvlab::ui
