#include "ui/models/plan_table_model.h"

#include <QApplication>
#include <QColor>
#include <QStringList>
#include <QStyle>
#include <utility>

#include "ui/models/dynamodb_terms.h"
#include "ui/models/number_text.h"

namespace kvlab::ui {
namespace {

QString text(const std::string& value) { return QString::fromStdString(value); }

QString operationText(const model::PatternPlan& pattern) {
  const QString name = text(std::string(model::operationName(pattern.operation)));
  return pattern.served ? name : PlanTableModel::tr("%1 (unserved)").arg(name);
}

// "table 0.5, GSI1 2" for the units each capacity owner pays per request.
QString unitsByOwner(const std::vector<std::pair<std::string, double>>& units) {
  QStringList parts;
  for (const auto& [owner, amount] : units) {
    parts << QStringLiteral("%1 %2").arg(text(owner), numberText(amount));
  }
  return parts.join(QStringLiteral(", "));
}

}  // namespace

PlanTableModel::PlanTableModel(QObject* parent) : QAbstractTableModel(parent) {}

PlanTableModel::~PlanTableModel() = default;

void PlanTableModel::setPlan(model::DesignPlan plan) {
  beginResetModel();
  plan_ = std::move(plan);
  endResetModel();
}

void PlanTableModel::clear() { setPlan({}); }

const model::PatternPlan& PlanTableModel::patternPlan(int row) const {
  return plan_.patterns.at(static_cast<std::size_t>(row));
}

QColor PlanTableModel::unservedBackground() { return QColor(220, 50, 47, 70); }

QColor PlanTableModel::scanBackground() { return QColor(230, 160, 0, 70); }

int PlanTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(plan_.patterns.size());
}

int PlanTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant PlanTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const model::PatternPlan& pattern = patternPlan(index.row());
  switch (role) {
    case Qt::DisplayRole:
      return displayText(pattern, index.column());
    case Qt::ToolTipRole:
      return toolTip(pattern, index.column());
    case Qt::BackgroundRole:
      if (!pattern.served) return unservedBackground();
      if (pattern.scan) return scanBackground();
      return {};
    case Qt::TextAlignmentRole:
      if (index.column() >= kItemsColumn) {
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
      }
      return {};
    case Qt::DecorationRole:
      // Only a QApplication has a style; a plain QCoreApplication (a headless tool) gets no icon.
      if (index.column() == kWarningsColumn && !pattern.warnings.empty() &&
          qobject_cast<QApplication*>(QApplication::instance())) {
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
      }
      return {};
    default:
      return {};
  }
}

QVariant PlanTableModel::displayText(const model::PatternPlan& pattern, int column) const {
  switch (column) {
    case kIdColumn:
      return text(pattern.patternId);
    case kNameColumn:
      return text(pattern.patternName);
    case kIndexColumn:
      return text(pattern.index);
    case kOperationColumn:
      return operationText(pattern);
    case kKeyConditionColumn: {
      QString condition = text(pattern.keyCondition);
      if (!pattern.filter.empty()) {
        QStringList attributes;
        for (const std::string& attribute : pattern.filter) attributes << text(attribute);
        if (!condition.isEmpty()) condition += QStringLiteral("  ");
        condition += tr("filter: %1").arg(attributes.join(QStringLiteral(", ")));
      }
      return condition;
    }
    case kItemsColumn:
      return numberText(pattern.itemsPerRequest);
    case kReadUnitsColumn:
      return numberText(pattern.readUnitsPerRequest);
    case kWriteUnitsColumn:
      return numberText(pattern.writeUnitsPerRequest);
    case kRateColumn:
      return QStringLiteral("%1 / %2").arg(numberText(pattern.requestsPerSecondMean),
                                           numberText(pattern.requestsPerSecondPeak));
    case kWarningsColumn:
      return static_cast<int>(pattern.warnings.size());
  }
  return {};
}

QVariant PlanTableModel::toolTip(const model::PatternPlan& pattern, int column) const {
  switch (column) {
    case kIdColumn:
    case kNameColumn:
    case kIndexColumn:
    case kOperationColumn: {
      QString tip =
          pattern.served ? text(pattern.reason) : tr("Not served: %1").arg(text(pattern.reason));
      if (pattern.stated && !pattern.agreesWithStated) {
        const model::StatedPlan& stated = *pattern.stated;
        tip +=
            QStringLiteral("\n") +
            tr("The design states %1 on %2.")
                .arg(stated.operation ? text(std::string(model::operationName(*stated.operation)))
                                      : tr("no operation"),
                     stated.index ? text(*stated.index) : tr("no index"));
      }
      // The call's cell says what the call is, after why the pattern runs as it does.
      if (column == kOperationColumn) return termToolTip(tip, {operationTerm(pattern.operation)});
      return tip;
    }
    case kKeyConditionColumn:
      return displayText(pattern, column);
    case kReadUnitsColumn:
      return pattern.readUnitsByCapacity.empty()
                 ? QVariant()
                 : QVariant(tr("Read units per request by who pays: %1")
                                .arg(unitsByOwner(pattern.readUnitsByCapacity)));
    case kWriteUnitsColumn:
      return pattern.writeUnitsByCapacity.empty()
                 ? QVariant()
                 : QVariant(tr("Write units per request by who pays: %1")
                                .arg(unitsByOwner(pattern.writeUnitsByCapacity)));
    case kRateColumn:
      return tr("%1 requests per second on average, %2 at the peak")
          .arg(numberText(pattern.requestsPerSecondMean),
               numberText(pattern.requestsPerSecondPeak));
    case kWarningsColumn: {
      if (pattern.warnings.empty()) return tr("No warnings");
      QStringList lines;
      for (const model::PlanWarning& warning : pattern.warnings) {
        lines << QStringLiteral("%1: %2").arg(text(warning.code), text(warning.message));
      }
      return lines.join(QStringLiteral("\n"));
    }
  }
  return {};
}

QVariant PlanTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::DisplayRole) {
    switch (section) {
      case kIdColumn:
        return tr("ID");
      case kNameColumn:
        return tr("Name");
      case kIndexColumn:
        return tr("Index");
      case kOperationColumn:
        return tr("Operation");
      case kKeyConditionColumn:
        return tr("Key condition");
      case kItemsColumn:
        return tr("Items");
      case kReadUnitsColumn:
        return tr("RU/req");
      case kWriteUnitsColumn:
        return tr("WU/req");
      case kRateColumn:
        return tr("req/s (mean/peak)");
      case kWarningsColumn:
        return tr("Warnings");
    }
    return {};
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case kIdColumn:
        return tr("The access pattern's id");
      case kNameColumn:
        return termToolTip(tr("The access pattern; hover over a row for why it runs this way."),
                           {DynamoDbTerm::AccessPattern});
      case kIndexColumn:
        return termToolTip(
            tr("Where the pattern runs: the table, or a global or local secondary index."),
            {DynamoDbTerm::Gsi, DynamoDbTerm::Lsi});
      case kOperationColumn:
        return termToolTip(
            tr("The DynamoDB call that serves the pattern; hover over a cell for what the call "
               "does. \"unserved\" when only a Scan of what the pattern does not ask for can "
               "answer it."),
            {DynamoDbTerm::Scan});
      case kKeyConditionColumn:
        return termToolTip(
            tr("The key condition of the call, written from the design's key templates; "
               "attributes tested after it are a filter."),
            {DynamoDbTerm::KeyCondition, DynamoDbTerm::FilterExpression});
      case kItemsColumn:
        return tr("Items read or written by one request, on average");
      case kReadUnitsColumn:
        return termToolTip(
            tr("Read capacity units per request. Includes items fetched from the table after a "
               "query on an index that does not project them. On demand they are billed as read "
               "request units."),
            {DynamoDbTerm::ReadCapacityUnit});
      case kWriteUnitsColumn:
        return termToolTip(
            tr("Write capacity units per request, to the table and to every index the item is "
               "in. On demand they are billed as write request units."),
            {DynamoDbTerm::WriteCapacityUnit});
      case kRateColumn:
        return paragraphToolTip(
            tr("Requests per second the pattern states, mean / peak. The on-demand cost uses "
               "the mean; provisioned capacity is sized to the peak."));
      case kWarningsColumn:
        return paragraphToolTip(
            tr("How many things to know about how the pattern runs; hover over a count for "
               "the messages."));
    }
  }
  return {};
}

}  // namespace kvlab::ui
