#include "ui/models/aggregate_table_model.h"

#include <QFont>
#include <algorithm>
#include <array>
#include <set>

#include "ui/document/project_document.h"
#include "ui/models/dynamodb_terms.h"

namespace kvlab::ui {
namespace {

QString text(const std::string& value) { return QString::fromStdString(value); }

// Light colours that tell up to twelve entities apart and keep dark text readable (ColorBrewer's
// Set3, lightened a little).
constexpr std::array<QRgb, 12> kEntityPalette = {
    0xb3e2cd, 0xfdcdac, 0xcbd5e8, 0xf4cae4, 0xe6f5c9, 0xfff2ae,
    0xf1e2cc, 0xd9d9d9, 0xa6d8f0, 0xffd1dc, 0xc9e4b4, 0xe0c9f0,
};

}  // namespace

AggregateTableModel::AggregateTableModel(ProjectDocument* document, QObject* parent)
    : QAbstractTableModel(parent), document_(document) {
  connect(document_, &ProjectDocument::aboutToChange, this, [this] { beginResetModel(); });
  connect(document_, &ProjectDocument::changed, this, [this] {
    rebuild();
    endResetModel();
  });
}

AggregateTableModel::~AggregateTableModel() = default;

void AggregateTableModel::setSource(const QString& design, const QString& index) {
  beginResetModel();
  design_ = design;
  index_ = index;
  rebuild();
  endResetModel();
}

void AggregateTableModel::rebuild() {
  shown_ = false;
  partitionKey_.clear();
  sortKey_.reset();
  columns_.clear();
  items_.clear();
  entities_.clear();
  templates_.clear();
  const model::Project& project = document_->project();
  const model::Design* design = project.findDesign(design_.toStdString());
  if (design == nullptr) return;
  const model::SecondaryIndex* gsi = nullptr;
  if (!index_.isEmpty()) {
    gsi = design->findGsi(index_.toStdString());
    if (gsi == nullptr || !gsi->pk) return;
  }
  shown_ = true;

  model::SampleItemOptions options;
  options.itemsPerEntity = kSampleItemsPerEntity;
  options.sparse = true;
  options.shareValues = true;
  items_ = model::sampleItems(project, *design, options);
  if (gsi != nullptr) items_ = model::projectOntoIndex(items_, *design, *gsi);
  partitionKey_ = gsi != nullptr ? *gsi->pk : design->table.pk;
  sortKey_ = gsi != nullptr ? gsi->sk : design->table.sk;

  // Keys first; in a GSI the table's keys next, as NoSQL Workbench shows them; then the rest in
  // the order the items (in the design's order of entities) first carry them.
  std::set<std::string> seen;
  auto addColumn = [this, &seen](const std::string& name) {
    if (seen.insert(name).second) columns_.push_back(name);
  };
  addColumn(partitionKey_);
  if (sortKey_) addColumn(*sortKey_);
  addColumn(design->table.pk);
  if (design->table.sk) addColumn(*design->table.sk);
  for (const model::SampleItem& item : items_) {
    for (const model::SampleAttribute& attribute : item.attributes) addColumn(attribute.name);
  }
  // A table or GSI without items still shows its keys, not the table's keys as if they were.
  if (items_.empty()) columns_.resize(sortKey_ ? 2 : 1);

  for (const model::EntityKeys& keys : design->entityKeys) {
    entities_.push_back(keys.entity);
    const model::EntityKeys* shown = gsi != nullptr ? gsi->findEntity(keys.entity) : &keys;
    QStringList lines;
    if (shown != nullptr) {
      for (const std::string& key : {partitionKey_, sortKey_.value_or(std::string())}) {
        if (key.empty()) continue;
        const std::string* templateText = shown->find(key);
        if (templateText != nullptr) {
          lines << QStringLiteral("%1 = %2").arg(text(key), text(*templateText));
        }
      }
    }
    templates_.emplace_back(keys.entity, lines);
  }
  model::sortByKeys(items_, partitionKey_, sortKey_);
}

int AggregateTableModel::keyColumnCount() const {
  if (!shown_) return 0;
  return sortKey_ ? 2 : 1;
}

const std::string& AggregateTableModel::attributeName(int column) const {
  return columns_.at(static_cast<std::size_t>(column));
}

const model::SampleItem& AggregateTableModel::item(int row) const {
  return items_.at(static_cast<std::size_t>(row));
}

int AggregateTableModel::collectionRows(int row) const {
  const model::SampleValue* key = item(row).find(partitionKey_);
  int rows = 1;
  while (row + rows < rowCount()) {
    const model::SampleValue* next = item(row + rows).find(partitionKey_);
    if (key == nullptr || next == nullptr || next->text != key->text) break;
    ++rows;
  }
  return rows;
}

bool AggregateTableModel::startsCollection(int row) const {
  if (row == 0) return true;
  const model::SampleValue* key = item(row).find(partitionKey_);
  const model::SampleValue* above = item(row - 1).find(partitionKey_);
  return key == nullptr || above == nullptr || key->text != above->text;
}

QStringList AggregateTableModel::entities() const {
  QStringList out;
  for (const std::string& entity : entities_) {
    const bool present = std::any_of(items_.begin(), items_.end(),
                                     [&entity](const auto& item) { return item.entity == entity; });
    if (present && !out.contains(text(entity))) out << text(entity);
  }
  return out;
}

QColor AggregateTableModel::entityColor(const QString& entity) const {
  const auto found = std::find(entities_.begin(), entities_.end(), entity.toStdString());
  if (found == entities_.end()) return {};
  const auto position = static_cast<std::size_t>(found - entities_.begin());
  return QColor::fromRgb(kEntityPalette[position % kEntityPalette.size()]);
}

QColor AggregateTableModel::entityTextColor() { return QColor(0x20, 0x20, 0x20); }

int AggregateTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(items_.size());
}

int AggregateTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(columns_.size());
}

QString AggregateTableModel::cellText(int row, int column) const {
  const model::SampleValue* value = item(row).find(attributeName(column));
  return value == nullptr ? QString() : text(model::sampleValueText(*value));
}

QVariant AggregateTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const int row = index.row();
  const int column = index.column();
  const bool partitionKey = column == kPartitionKeyColumn;
  switch (role) {
    case Qt::DisplayRole:
      // A collection's partition key once, on its first row, as NoSQL Workbench shows it.
      if (partitionKey && !startsCollection(row)) return QString();
      return cellText(row, column);
    case kValueRole:
      return cellText(row, column);
    case kEntityRole:
      return text(item(row).entity);
    case Qt::ToolTipRole:
      return cellToolTip(row, column);
    case Qt::BackgroundRole:
      // The partition key cell belongs to the collection, which may hold several entities.
      if (partitionKey) return {};
      return entityColor(text(item(row).entity));
    case Qt::ForegroundRole:
      if (partitionKey) return {};
      return entityTextColor();
    case Qt::FontRole:
      if (column < keyColumnCount()) {
        QFont font;
        font.setBold(true);
        return font;
      }
      return {};
    case Qt::TextAlignmentRole:
      if (partitionKey) return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignTop));
      return {};
    default:
      return {};
  }
}

QStringList AggregateTableModel::templatesOf(const std::string& entity) const {
  for (const auto& [name, lines] : templates_) {
    if (name == entity) return lines;
  }
  return {};
}

QString AggregateTableModel::cellToolTip(int row, int column) const {
  const model::SampleItem& shown = item(row);
  QStringList lines;
  if (column == kPartitionKeyColumn) {
    const int first = [this, row] {
      int start = row;
      while (!startsCollection(start)) --start;
      return start;
    }();
    const int size = collectionRows(first);
    lines << (size == 1 ? tr("Item collection %1: 1 item").arg(cellText(row, column))
                        : tr("Item collection %1: %2 items").arg(cellText(row, column)).arg(size));
  }
  lines << tr("%1, sample item %2").arg(text(shown.entity)).arg(shown.number);
  lines << templatesOf(shown.entity);
  if (column >= keyColumnCount() && shown.find(attributeName(column)) == nullptr) {
    lines << tr("The item does not carry %1.").arg(text(attributeName(column)));
  }
  return lines.join(QStringLiteral("\n"));
}

QString AggregateTableModel::headerToolTip(int section) const {
  const QString where = index_.isEmpty() ? tr("the table") : tr("the index %1").arg(index_);
  if (section == kPartitionKeyColumn) {
    const QString lead = tr("Partition key of %1; its cell spans the item collection.").arg(where);
    if (index_.isEmpty()) {
      return termToolTip(lead, {DynamoDbTerm::PartitionKey, DynamoDbTerm::ItemCollection});
    }
    return termToolTip(lead, {DynamoDbTerm::PartitionKey, DynamoDbTerm::ItemCollection,
                              DynamoDbTerm::SparseIndex});
  }
  if (section < keyColumnCount()) {
    return termToolTip(tr("Sort key of %1.").arg(where), {DynamoDbTerm::SortKey});
  }
  return paragraphToolTip(
      tr("An attribute of the items; an empty cell: the item does not carry it."));
}

QVariant AggregateTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
  if (role == Qt::DisplayRole) return text(attributeName(section));
  if (role == Qt::ToolTipRole) return headerToolTip(section);
  return {};
}

}  // namespace kvlab::ui
