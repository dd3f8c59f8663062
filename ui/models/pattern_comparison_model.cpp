#include "ui/models/pattern_comparison_model.h"

#include "ui/models/dynamodb_terms.h"
#include "ui/models/number_text.h"
#include "ui/models/run_table_model.h"

namespace kvlab::ui {

PatternComparisonModel::PatternComparisonModel(QObject* parent) : QAbstractTableModel(parent) {}

PatternComparisonModel::~PatternComparisonModel() = default;

void PatternComparisonModel::setRuns(const std::vector<sim::RunResult>& runs,
                                     const QStringList& labels) {
  beginResetModel();
  engines_.clear();
  for (std::size_t i = 0; i < runs.size(); ++i) {
    engines_ << (static_cast<qsizetype>(i) < labels.size()
                     ? labels[static_cast<qsizetype>(i)]
                     : QString::fromStdString(runs[i].engine));
  }
  rows_ = sim::comparePatternLatency(runs);
  endResetModel();
}

void PatternComparisonModel::clear() { setRuns({}); }

int PatternComparisonModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int PatternComparisonModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : 1 + static_cast<int>(engines_.size());
}

QVariant PatternComparisonModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const sim::PatternComparisonRow& row = rows_[static_cast<std::size_t>(index.row())];
  if (role == Qt::TextAlignmentRole && index.column() > 0) {
    return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
  }
  if (role != Qt::DisplayRole) return {};
  if (index.column() == 0) return QString::fromStdString(row.id);
  const sim::PatternComparisonCell& c = row.cells.at(static_cast<std::size_t>(index.column() - 1));
  if (!c.present) return QStringLiteral("-");
  if (!c.latencyKnown) return tr("failed");
  QString text = millisecondsText(c.p99);
  if (c.failed > 0) text += tr(" (%1 failed)").arg(numberText(static_cast<double>(c.failed)));
  return text;
}

QVariant PatternComparisonModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
  if (role == Qt::DisplayRole) {
    return section == 0 ? tr("Pattern") : tr("%1 p99 ms").arg(engines_.at(section - 1));
  }
  if (role == Qt::ToolTipRole) {
    if (section == 0) {
      return termToolTip(tr("The access pattern's id."), {DynamoDbTerm::AccessPattern});
    }
    return tr("The pattern's 99th percentile latency on %1, in milliseconds")
        .arg(engines_.at(section - 1));
  }
  return {};
}

}  // namespace kvlab::ui
