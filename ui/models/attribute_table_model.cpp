#include "ui/models/attribute_table_model.h"

#include <QBrush>
#include <QColor>
#include <QUndoStack>
#include <optional>
#include <string>

#include "model/io/json_path.h"
#include "model/schema/project.h"
#include "ui/commands/edit_attribute_command.h"
#include "ui/document/findings_at.h"
#include "ui/document/project_document.h"

namespace kvlab::ui {
namespace {

// The kvlab/1 member each column edits: what the validator's paths name.
const char* memberOf(int column) {
  switch (column) {
    case AttributeTableModel::kNameColumn:
      return "name";
    case AttributeTableModel::kTypeColumn:
      return "type";
    case AttributeTableModel::kSizeColumn:
      return "size";
    case AttributeTableModel::kFormatColumn:
      return "format";
    default:
      return "distinct";
  }
}

QString optionalNumber(const std::optional<std::int64_t>& value) {
  return value ? QString::number(*value) : QString();
}

// Empty text: no value; a whole number >= 0: that value; anything else: nullopt in `ok`.
std::optional<std::optional<std::int64_t>> parseOptionalCount(const QString& text) {
  const QString trimmed = text.trimmed();
  if (trimmed.isEmpty()) return std::optional<std::int64_t>();
  bool ok = false;
  const qlonglong value = trimmed.toLongLong(&ok);
  if (!ok || value < 0) return std::nullopt;
  return std::optional<std::int64_t>(value);
}

}  // namespace

AttributeTableModel::AttributeTableModel(ProjectDocument* document, QObject* parent)
    : QAbstractTableModel(parent), document_(document) {
  connect(document_, &ProjectDocument::aboutToChange, this, [this] { beginResetModel(); });
  connect(document_, &ProjectDocument::changed, this, [this] {
    if (!hasEntity()) entity_ = -1;
    endResetModel();
  });
}

AttributeTableModel::~AttributeTableModel() = default;

void AttributeTableModel::setEntity(int row) {
  beginResetModel();
  entity_ = row;
  if (!hasEntity()) entity_ = -1;
  endResetModel();
}

bool AttributeTableModel::hasEntity() const {
  return entity_ >= 0 && entity_ < static_cast<int>(document_->project().entities.size());
}

int AttributeTableModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid() || !hasEntity()) return 0;
  return static_cast<int>(document_->project().entities[entity_].attributes.size());
}

int AttributeTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant AttributeTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
    return {};
  }
  const model::Attribute& a = document_->project().entities[entity_].attributes[index.row()];
  if (role == Qt::DisplayRole || role == Qt::EditRole) {
    switch (index.column()) {
      case kNameColumn:
        return QString::fromStdString(a.name);
      case kTypeColumn:
        return QString::fromStdString(std::string(model::attributeTypeName(a.type)));
      case kSizeColumn:
        return optionalNumber(a.size);
      case kFormatColumn:
        return a.format ? QString::fromStdString(*a.format) : QString();
      case kDistinctColumn:
        return optionalNumber(a.distinct);
      default:
        return {};
    }
  }
  if (role == Qt::ToolTipRole || role == Qt::BackgroundRole) {
    const std::string path = model::jsonPathMember(
        model::jsonPathIndex(
            model::jsonPathMember(model::jsonPathIndex("entities", entity_), "attributes"),
            index.row()),
        memberOf(index.column()));
    const QStringList findings = findingsAt(document_->validation(), path);
    if (findings.isEmpty()) return {};
    if (role == Qt::ToolTipRole) return findings.join(QLatin1Char('\n'));
    return QBrush(QColor(0xff, 0xcd, 0xd2));
  }
  return {};
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= kColumnCount) return {};
  if (role == Qt::DisplayRole) {
    static const char* const kTitles[] = {"Name", "Type", "Size", "Format", "Distinct"};
    return tr(kTitles[section]);
  }
  if (role == Qt::ToolTipRole) {
    static const char* const kTips[] = {
        "The attribute's name, unique in its entity",
        "DynamoDB's type: S, N, B, BOOL, NULL, L, M, SS, NS or BS",
        "Average bytes of the value (empty: the type's default)",
        "A hint for generated data: iso8601, email, uuid, enum:a|b|c",
        "How many distinct values it takes across the entity's items"};
    return tr(kTips[section]);
  }
  return {};
}

Qt::ItemFlags AttributeTableModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

bool AttributeTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (role != Qt::EditRole ||
      !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
    return false;
  }
  const model::Attribute& before = document_->project().entities[entity_].attributes[index.row()];
  model::Attribute after = before;
  const QString text = value.toString();
  switch (index.column()) {
    case kNameColumn:
      if (text.trimmed().isEmpty()) return false;
      after.name = text.trimmed().toStdString();
      if (after.name == before.name) return true;
      break;
    case kTypeColumn: {
      const std::optional<model::AttributeType> type =
          model::parseAttributeType(text.trimmed().toUpper().toStdString());
      if (!type) return false;
      if (*type == before.type) return true;
      after.type = *type;
      break;
    }
    case kSizeColumn:
    case kDistinctColumn: {
      const auto parsed = parseOptionalCount(text);
      if (!parsed) return false;
      std::optional<std::int64_t>& field =
          index.column() == kSizeColumn ? after.size : after.distinct;
      if (field == *parsed) return true;
      field = *parsed;
      break;
    }
    case kFormatColumn: {
      const QString trimmed = text.trimmed();
      const std::optional<std::string> format =
          trimmed.isEmpty() ? std::nullopt : std::optional<std::string>(trimmed.toStdString());
      if (format == before.format) return true;
      after.format = format;
      break;
    }
    default:
      return false;
  }
  // The command resets this model through the document; the row and column stay the same.
  document_->undoStack()->push(
      new EditAttributeCommand(document_, entity_, index.row(), std::move(after)));
  return true;
}

}  // namespace kvlab::ui
