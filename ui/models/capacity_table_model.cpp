#include "ui/models/capacity_table_model.h"

#include <QFont>
#include <utility>

#include "ui/models/dynamodb_terms.h"
#include "ui/models/number_text.h"

namespace kvlab::ui {
namespace {

QString meanAndPeak(double mean, double peak) {
  return QStringLiteral("%1 / %2").arg(numberText(mean), numberText(peak));
}

}  // namespace

CapacityTableModel::CapacityTableModel(QObject* parent) : QAbstractTableModel(parent) {}

CapacityTableModel::~CapacityTableModel() = default;

void CapacityTableModel::setPlan(model::DesignPlan plan) {
  beginResetModel();
  plan_ = std::move(plan);
  endResetModel();
}

void CapacityTableModel::clear() { setPlan({}); }

int CapacityTableModel::totalRow() const {
  return plan_.capacity.empty() ? -1 : static_cast<int>(plan_.capacity.size());
}

model::CapacityLoad CapacityTableModel::loadOfRow(int row) const {
  if (row != totalRow()) return plan_.capacity.at(static_cast<std::size_t>(row));
  // The plan's own totals where it has them, so that the row agrees with `kvlab plan`.
  model::CapacityLoad total;
  total.name = tr("Total").toStdString();
  total.readUnitsMean = plan_.readUnitsPerSecond;
  total.readUnitsPeak = plan_.readUnitsPerSecondPeak;
  total.writeUnitsMean = plan_.writeUnitsPerSecond;
  total.writeUnitsPeak = plan_.writeUnitsPerSecondPeak;
  for (const model::CapacityLoad& load : plan_.capacity) {
    total.items += load.items;
    total.storedBytes += load.storedBytes;
    total.provisionedReadCapacity += load.provisionedReadCapacity;
    total.provisionedWriteCapacity += load.provisionedWriteCapacity;
  }
  total.onDemandMonthly = plan_.monthlyCost.onDemand;
  total.provisionedMonthly = plan_.monthlyCost.provisioned;
  total.storageMonthly = plan_.monthlyCost.storage;
  return total;
}

int CapacityTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() || plan_.capacity.empty() ? 0
                                                    : static_cast<int>(plan_.capacity.size()) + 1;
}

int CapacityTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant CapacityTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  if (role == Qt::FontRole && index.row() == totalRow()) {
    QFont bold;
    bold.setBold(true);
    return bold;
  }
  if (role == Qt::TextAlignmentRole && index.column() != kNameColumn) {
    return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
  }
  if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
  const model::CapacityLoad load = loadOfRow(index.row());
  if (role == Qt::ToolTipRole) {
    if (index.column() == kStoredColumn) {
      return tr("%1 items or index entries, %2 bytes with 100 bytes of overhead each")
          .arg(numberText(load.items), numberText(static_cast<double>(load.storedBytes)));
    }
    return {};
  }
  switch (index.column()) {
    case kNameColumn:
      return QString::fromStdString(load.name);
    case kReadUnitsColumn:
      return meanAndPeak(load.readUnitsMean, load.readUnitsPeak);
    case kWriteUnitsColumn:
      return meanAndPeak(load.writeUnitsMean, load.writeUnitsPeak);
    case kProvisionedCapacityColumn:
      return QStringLiteral("%1 / %2").arg(numberText(load.provisionedReadCapacity),
                                           numberText(load.provisionedWriteCapacity));
    case kStoredColumn:
      // Decimal gigabytes, as storage is billed.
      return tr("%1 GB").arg(numberText(static_cast<double>(load.storedBytes) / 1e9));
    case kOnDemandColumn:
      return dollarsText(load.onDemandMonthly);
    case kProvisionedColumn:
      return dollarsText(load.provisionedMonthly);
    case kStorageColumn:
      return dollarsText(load.storageMonthly);
  }
  return {};
}

QVariant CapacityTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::DisplayRole) {
    switch (section) {
      case kNameColumn:
        return tr("Capacity");
      case kReadUnitsColumn:
        return tr("RU/s (mean/peak)");
      case kWriteUnitsColumn:
        return tr("WU/s (mean/peak)");
      case kProvisionedCapacityColumn:
        return tr("Provisioned RCU/WCU");
      case kStoredColumn:
        return tr("Stored");
      case kOnDemandColumn:
        return tr("On-demand $/month");
      case kProvisionedColumn:
        return tr("Provisioned $/month");
      case kStorageColumn:
        return tr("Storage $/month");
    }
    return {};
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case kNameColumn:
        return termToolTip(
            tr("Who pays for the capacity: the table (with its local secondary indexes) or a "
               "global secondary index, which has capacity of its own."),
            {DynamoDbTerm::Gsi});
      case kReadUnitsColumn:
        return termToolTip(tr("Read capacity units per second, at the mean and the peak rates."),
                           {DynamoDbTerm::ReadCapacityUnit});
      case kWriteUnitsColumn:
        return termToolTip(
            tr("Write capacity units per second, at the mean and the peak rates; a GSI pays for "
               "the writes that change its entries."),
            {DynamoDbTerm::WriteCapacityUnit});
      case kProvisionedCapacityColumn:
        return termToolTip(
            tr("Read and write capacity units to provision: the peak with the headroom."),
            {DynamoDbTerm::Provisioned});
      case kStoredColumn:
        return termToolTip(tr("Data stored, items and index entries."), {DynamoDbTerm::Storage});
      case kOnDemandColumn:
        return termToolTip(tr("A month of on-demand request units at the mean rates."),
                           {DynamoDbTerm::OnDemand, DynamoDbTerm::RequestUnits});
      case kProvisionedColumn:
        return termToolTip(
            tr("A month of provisioned capacity sized to the peak rates with the headroom."),
            {DynamoDbTerm::Provisioned});
      case kStorageColumn:
        return termToolTip(tr("A month of storage."), {DynamoDbTerm::Storage});
    }
  }
  return {};
}

}  // namespace kvlab::ui
