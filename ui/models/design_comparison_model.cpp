#include "ui/models/design_comparison_model.h"

#include <QFont>
#include <QStringList>
#include <cmath>
#include <utility>

#include "ui/models/number_text.h"
#include "ui/models/plan_table_model.h"

namespace kvlab::ui {
namespace {

QString text(const std::string& value) { return QString::fromStdString(value); }

// The value as the row shows it: a count or units with up to two decimals, or dollars.
QString valueText(model::ComparisonValueKind kind, double value) {
  return kind == model::ComparisonValueKind::Dollars ? dollarsText(value) : numberText(value);
}

// The value rounded as it is shown, so that a change is the difference of the numbers on screen.
double shown(model::ComparisonValueKind kind, double value) {
  return kind == model::ComparisonValueKind::Count ? value : std::round(value * 100) / 100;
}

QString signedText(model::ComparisonValueKind kind, double change) {
  const QString sign = change < 0 ? QStringLiteral("-") : QStringLiteral("+");
  return sign + valueText(kind, std::abs(change));
}

// "+12%", "-97%", "+<1%": the change in whole percent of A's value; from ten times A's value on,
// how many times A's value ("×2,251"), where a percent has too many digits to read.
QString percentText(double change, double base) {
  const double ratio = (base + change) / base;
  if (base > 0 && ratio >= 10) return QStringLiteral("\u00d7") + numberText(std::round(ratio));
  const double percent = change / std::abs(base) * 100;
  const QString sign = percent < 0 ? QStringLiteral("-") : QStringLiteral("+");
  const double whole = std::round(std::abs(percent));
  return whole < 1 ? sign + QStringLiteral("<1%") : sign + numberText(whole) + QStringLiteral("%");
}

double unitsPerRequest(const model::PatternPlan& plan) {
  return plan.readUnitsPerRequest + plan.writeUnitsPerRequest;
}

// "GSI2 Query, 51.5 u/req", as `kvlab compare` writes a side ("GSI2 Query, 51.5 u").
QString sideText(const std::optional<model::PatternPlan>& plan) {
  if (!plan) return QStringLiteral("-");
  QString how = text(plan->index) + QLatin1Char(' ') +
                text(std::string(model::operationName(plan->operation)));
  if (!plan->served) how = DesignComparisonModel::tr("%1 (unserved)").arg(how);
  return DesignComparisonModel::tr("%1, %2 u/req").arg(how, numberText(unitsPerRequest(*plan)));
}

QString sideToolTip(const std::optional<model::PatternPlan>& plan, const QString& design,
                    const QString& patternId) {
  if (!plan) return DesignComparisonModel::tr("Design %1 has no pattern %2").arg(design, patternId);
  QStringList lines;
  QString how =
      DesignComparisonModel::tr("%1 on %2")
          .arg(text(std::string(model::operationName(plan->operation))), text(plan->index));
  if (!plan->keyCondition.empty()) how += QStringLiteral(": ") + text(plan->keyCondition);
  lines << how;
  lines << DesignComparisonModel::tr("%1 read and %2 write units per request")
               .arg(numberText(plan->readUnitsPerRequest), numberText(plan->writeUnitsPerRequest));
  lines << (plan->served ? text(plan->reason)
                         : DesignComparisonModel::tr("Not served: %1").arg(text(plan->reason)));
  return lines.join(QLatin1Char('\n'));
}

QString measureToolTip(model::ComparisonMeasure measure) {
  using model::ComparisonMeasure;
  switch (measure) {
    case ComparisonMeasure::Gsis:
      return DesignComparisonModel::tr(
          "Global secondary indexes: each has capacity of its own and is written with every item "
          "it holds");
    case ComparisonMeasure::Lsis:
      return DesignComparisonModel::tr(
          "Local secondary indexes: they share the table's partition key and its capacity");
    case ComparisonMeasure::PatternsServedByKey:
      return DesignComparisonModel::tr(
          "Access patterns answered through keys: a GetItem, a Query, a write by key, or a Scan "
          "the pattern asks for; the rest need a Scan of what they do not ask for");
    case ComparisonMeasure::ReadUnitsPerSecond:
      return DesignComparisonModel::tr(
          "Read capacity units a second at the patterns' mean rates, the table's and every "
          "index's");
    case ComparisonMeasure::WriteUnitsPerSecond:
      return DesignComparisonModel::tr(
          "Write capacity units a second at the patterns' mean rates, with the writes to every "
          "index an item is in");
    case ComparisonMeasure::OnDemandMonthly:
      return DesignComparisonModel::tr(
          "A month of on-demand capacity: the request units at the mean rates, in US dollars");
    case ComparisonMeasure::ProvisionedMonthly:
      return DesignComparisonModel::tr(
          "A month of provisioned capacity, sized to the peak rates with the headroom, in US "
          "dollars");
    case ComparisonMeasure::StorageMonthly:
      return DesignComparisonModel::tr(
          "A month of storage: the items and index entries, with 100 bytes of overhead each, in "
          "US dollars");
  }
  return {};
}

}  // namespace

DesignComparisonModel::DesignComparisonModel(QObject* parent) : QAbstractTableModel(parent) {}

DesignComparisonModel::~DesignComparisonModel() = default;

void DesignComparisonModel::setComparison(model::DesignComparison comparison) {
  beginResetModel();
  comparison_ = std::move(comparison);
  endResetModel();
}

void DesignComparisonModel::clear() { setComparison({}); }

DesignComparisonModel::RowKind DesignComparisonModel::rowKind(int row) const {
  const int heading = patternsHeadingRow();
  if (row < heading) return RowKind::Summary;
  return row == heading ? RowKind::PatternsHeading : RowKind::Pattern;
}

int DesignComparisonModel::patternsHeadingRow() const {
  return comparison_.rows.empty() ? -1 : static_cast<int>(comparison_.rows.size());
}

bool DesignComparisonModel::rowDiffers(int row) const {
  switch (rowKind(row)) {
    case RowKind::Summary:
      return comparison_.rows.at(static_cast<std::size_t>(row)).differs;
    case RowKind::PatternsHeading:
      return false;
    case RowKind::Pattern:
      return true;
  }
  return false;
}

int DesignComparisonModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid() || comparison_.rows.empty()) return 0;
  return static_cast<int>(comparison_.rows.size() + 1 + comparison_.patterns.size());
}

int DesignComparisonModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant DesignComparisonModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const int row = index.row();
  switch (rowKind(row)) {
    case RowKind::Summary:
      return summaryData(comparison_.rows[static_cast<std::size_t>(row)], index.column(), role);
    case RowKind::Pattern:
      return patternData(
          comparison_.patterns[static_cast<std::size_t>(row - patternsHeadingRow() - 1)],
          index.column(), role);
    case RowKind::PatternsHeading:
      break;
  }
  if (index.column() != kMeasureColumn) return {};
  switch (role) {
    case Qt::DisplayRole:
      return comparison_.patterns.empty()
                 ? tr("No pattern is served differently")
                 : tr("Patterns served differently: %1").arg(comparison_.patterns.size());
    case Qt::ToolTipRole:
      return tr(
          "Access patterns that run on another index or with another operation, or take other "
          "read or write units per request, on the two designs");
    case Qt::FontRole: {
      QFont font;
      font.setBold(true);
      return font;
    }
    default:
      return {};
  }
}

QVariant DesignComparisonModel::summaryData(const model::ComparisonSummaryRow& row, int column,
                                            int role) const {
  switch (role) {
    case Qt::DisplayRole:
      switch (column) {
        case kMeasureColumn:
          return measureName(row.measure);
        case kDesignAColumn:
          return valueText(row.kind, row.a);
        case kDesignBColumn:
          return valueText(row.kind, row.b);
        case kChangeColumn: {
          if (!row.differs) return QString();
          // A count by how many; units and dollars relative to A (the amount is in the tooltip).
          const double change = shown(row.kind, row.b) - shown(row.kind, row.a);
          const double base = shown(row.kind, row.a);
          if (row.kind == model::ComparisonValueKind::Count || base == 0) {
            return signedText(row.kind, change);
          }
          return percentText(change, base);
        }
      }
      return {};
    case Qt::ToolTipRole:
      if (column == kMeasureColumn) return measureToolTip(row.measure);
      if (column == kChangeColumn) {
        if (!row.differs) return tr("The same on both designs");
        return tr("%1 minus %2: %3")
            .arg(designName(kDesignBColumn), designName(kDesignAColumn),
                 signedText(row.kind, shown(row.kind, row.b) - shown(row.kind, row.a)));
      }
      return {};
    case Qt::FontRole:
      if (!row.differs) return {};
      {
        QFont font;
        font.setBold(true);
        return font;
      }
    case Qt::BackgroundRole:
      return row.differs ? QVariant(differingBackground()) : QVariant();
    case Qt::TextAlignmentRole:
      if (column == kMeasureColumn) return {};
      return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    default:
      return {};
  }
}

QVariant DesignComparisonModel::patternData(const model::PatternDifference& pattern, int column,
                                            int role) const {
  const std::optional<model::PatternPlan>& side = column == kDesignAColumn ? pattern.a : pattern.b;
  switch (role) {
    case Qt::DisplayRole:
      switch (column) {
        case kMeasureColumn:
          return QStringLiteral("%1  %2").arg(text(pattern.patternId), text(pattern.patternName));
        case kDesignAColumn:
        case kDesignBColumn:
          return sideText(side);
        case kChangeColumn: {
          if (!pattern.a || !pattern.b) return QString();
          const double change =
              std::round((unitsPerRequest(*pattern.b) - unitsPerRequest(*pattern.a)) * 100) / 100;
          if (change == 0) return QString();
          return signedText(model::ComparisonValueKind::Units, change);
        }
      }
      return {};
    case Qt::ToolTipRole:
      switch (column) {
        case kMeasureColumn:
          return tr("Access pattern %1: %2")
              .arg(text(pattern.patternId), text(pattern.patternName));
        case kDesignAColumn:
        case kDesignBColumn:
          return sideToolTip(side, designName(column), text(pattern.patternId));
        case kChangeColumn:
          return tr("Read and write units per request: %1 minus %2")
              .arg(designName(kDesignBColumn), designName(kDesignAColumn));
      }
      return {};
    case Qt::BackgroundRole:
      if ((column == kDesignAColumn || column == kDesignBColumn) && side && !side->served) {
        return PlanTableModel::unservedBackground();
      }
      if ((column == kDesignAColumn || column == kDesignBColumn) && side && side->scan) {
        return PlanTableModel::scanBackground();
      }
      return {};
    case Qt::TextAlignmentRole:
      if (column == kChangeColumn) {
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
      }
      return {};
    default:
      return {};
  }
}

QString DesignComparisonModel::designName(int column) const {
  const std::string& name = column == kDesignAColumn ? comparison_.designA : comparison_.designB;
  if (!name.empty()) return text(name);
  return column == kDesignAColumn ? QStringLiteral("A") : QStringLiteral("B");
}

QVariant DesignComparisonModel::headerData(int section, Qt::Orientation orientation,
                                           int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::DisplayRole) {
    switch (section) {
      case kMeasureColumn:
        return tr("Compared");
      case kDesignAColumn:
      case kDesignBColumn:
        return designName(section);
      case kChangeColumn:
        return tr("Change");
    }
    return {};
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case kMeasureColumn:
        return tr(
            "What the designs are compared by: the totals of their plans first, in bold where "
            "they differ, then each access pattern the two serve differently (the same rows as "
            "kvlab compare prints)");
      case kDesignAColumn:
        return tr("Design %1, chosen under Design: its figures, and for a pattern the index, the "
                  "operation and the read plus write units one request takes")
            .arg(designName(section));
      case kDesignBColumn:
        return tr("Design %1, chosen under Compare with: its figures, and for a pattern the index, "
                  "the "
                  "operation and the read plus write units one request takes")
            .arg(designName(section));
      case kChangeColumn:
        return tr("From %1 to %2: a count by how many; units and dollars in percent of the first "
                  "design's figure, or how many times it from ten times on (hover over a cell for "
                  "the "
                  "amount); empty where the two read the same. For a pattern, the change in read "
                  "plus "
                  "write units per request.")
            .arg(designName(kDesignAColumn), designName(kDesignBColumn));
    }
  }
  return {};
}

QString DesignComparisonModel::measureName(model::ComparisonMeasure measure) {
  using model::ComparisonMeasure;
  switch (measure) {
    case ComparisonMeasure::Gsis:
      return tr("GSIs");
    case ComparisonMeasure::Lsis:
      return tr("LSIs");
    case ComparisonMeasure::PatternsServedByKey:
      return tr("Patterns served by key");
    case ComparisonMeasure::ReadUnitsPerSecond:
      return tr("Read units/s (mean)");
    case ComparisonMeasure::WriteUnitsPerSecond:
      return tr("Write units/s (mean)");
    case ComparisonMeasure::OnDemandMonthly:
      return tr("On demand a month");
    case ComparisonMeasure::ProvisionedMonthly:
      return tr("Provisioned a month");
    case ComparisonMeasure::StorageMonthly:
      return tr("Storage a month");
  }
  return {};
}

QColor DesignComparisonModel::differingBackground() { return QColor(38, 139, 210, 60); }

}  // namespace kvlab::ui
