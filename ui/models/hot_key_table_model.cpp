#include "ui/models/hot_key_table_model.h"

#include "ui/models/dynamodb_terms.h"
#include "ui/models/number_text.h"

namespace kvlab::ui {

HotKeyTableModel::HotKeyTableModel(QObject* parent) : QAbstractTableModel(parent) {}

HotKeyTableModel::~HotKeyTableModel() = default;

void HotKeyTableModel::setRun(const sim::RunResult& run) {
  beginResetModel();
  keys_ = run.hotKeysByUnits;
  const std::size_t byUnits = keys_.size();
  keys_.insert(keys_.end(), run.hotKeysByThrottles.begin(), run.hotKeysByThrottles.end());
  rows_.clear();
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    const sim::HotKey& key = keys_[i];
    const bool throttles = i >= byUnits;
    Row* row = nullptr;
    for (Row& r : rows_) {
      if (r.owner == key.owner && r.key == key.key) row = &r;
    }
    if (row == nullptr) {
      rows_.push_back(Row{key.owner, key.key, nullptr, nullptr});
      row = &rows_.back();
    }
    (throttles ? row->throttles : row->units) = &key;
  }
  endResetModel();
}

void HotKeyTableModel::clear() {
  beginResetModel();
  rows_.clear();
  keys_.clear();
  endResetModel();
}

int HotKeyTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int HotKeyTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant HotKeyTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const Row& row = rows_[static_cast<std::size_t>(index.row())];
  const int column = index.column();
  const sim::HotKey* figure = column == kUnitsColumn       ? row.units
                              : column == kThrottlesColumn ? row.throttles
                                                           : nullptr;
  if (role == Qt::TextAlignmentRole && (column == kUnitsColumn || column == kThrottlesColumn)) {
    return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
  }
  if (role == Qt::ToolTipRole && figure != nullptr && figure->error > 0) {
    return tr("Between %1 and %2: the count is a Count-Min sketch's estimate, never below the "
              "truth")
        .arg(numberText(figure->value - figure->error), numberText(figure->value));
  }
  if (role != Qt::DisplayRole) return {};
  switch (column) {
    case kOwnerColumn:
      return QString::fromStdString(row.owner);
    case kKeyColumn:
      return QString::fromStdString(row.key);
    case kUnitsColumn:
    case kThrottlesColumn:
      return figure != nullptr ? numberText(figure->value) : QStringLiteral("-");
    default:
      return {};
  }
}

QVariant HotKeyTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::DisplayRole) {
    switch (section) {
      case kOwnerColumn:
        return tr("Index");
      case kKeyColumn:
        return tr("Partition key");
      case kUnitsColumn:
        return tr("Units");
      case kThrottlesColumn:
        return tr("Throttled");
      default:
        return {};
    }
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case kOwnerColumn:
        return paragraphToolTip(tr("The table, or the GSI whose key it is"));
      case kKeyColumn:
        return termToolTip(tr("The partition key value, as its template writes it"),
                           {DynamoDbTerm::PartitionKey, DynamoDbTerm::HotPartition});
      case kUnitsColumn:
        return paragraphToolTip(
            tr("The capacity units the key consumed over the run, counted as CloudWatch "
               "Contributor Insights counts them: 3 x write units + read units; \"-\" when it "
               "is not among the keys that drew the most"));
      case kThrottlesColumn:
        return termToolTip(tr("Throttled attempts on the key; \"-\" when it is not among the "
                              "most throttled"),
                           {DynamoDbTerm::Throttle});
      default:
        return {};
    }
  }
  return {};
}

}  // namespace kvlab::ui
