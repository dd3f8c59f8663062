#include "ui/models/key_template_table_model.h"

#include <QBrush>
#include <QColor>
#include <QUndoStack>
#include <algorithm>
#include <set>

#include "model/io/json_path.h"
#include "model/schema/project.h"
#include "ui/commands/edit_design_command.h"
#include "ui/document/findings_at.h"
#include "ui/document/project_document.h"
#include "ui/models/dynamodb_terms.h"

namespace kvlab::ui {

bool setKeyTemplate(std::vector<model::EntityKeys>& keys, const std::string& entity,
                    const std::string& keyAttribute, const std::string& text, bool first) {
  auto owner = std::find_if(keys.begin(), keys.end(),
                            [&](const model::EntityKeys& k) { return k.entity == entity; });
  if (owner == keys.end()) {
    if (text.empty()) return false;
    keys.push_back({entity, {{keyAttribute, text}}});
    return true;
  }
  auto& templates = owner->templates;
  auto it = std::find_if(templates.begin(), templates.end(),
                         [&](const auto& t) { return t.first == keyAttribute; });
  if (it != templates.end()) {
    if (it->second == text) return false;
    if (text.empty()) {
      templates.erase(it);
      if (templates.empty()) keys.erase(owner);
    } else {
      it->second = text;
    }
    return true;
  }
  if (text.empty()) return false;
  templates.insert(first ? templates.begin() : templates.end(), {keyAttribute, text});
  return true;
}

KeyTemplateTableModel::KeyTemplateTableModel(ProjectDocument* document, QObject* parent)
    : QAbstractTableModel(parent), document_(document) {
  connect(document_, &ProjectDocument::aboutToChange, this, [this] { beginResetModel(); });
  connect(document_, &ProjectDocument::changed, this, [this] {
    if (!exists()) design_ = -1;
    endResetModel();
  });
}

KeyTemplateTableModel::~KeyTemplateTableModel() = default;

void KeyTemplateTableModel::setIndex(int design, Kind kind, int index) {
  beginResetModel();
  design_ = design;
  kind_ = kind;
  index_ = index;
  if (!exists()) design_ = -1;
  endResetModel();
}

QString KeyTemplateTableModel::syntaxHelp() { return termToolTip(DynamoDbTerm::KeyTemplate); }

bool KeyTemplateTableModel::exists() const {
  const auto& designs = document_->project().designs;
  if (design_ < 0 || design_ >= static_cast<int>(designs.size())) return false;
  const model::Design& d = designs[design_];
  if (kind_ == kGsi) return index_ >= 0 && index_ < static_cast<int>(d.gsis.size());
  if (kind_ == kLsi) return index_ >= 0 && index_ < static_cast<int>(d.lsis.size());
  return true;
}

const std::vector<model::EntityKeys>* KeyTemplateTableModel::entityKeys() const {
  if (design_ < 0) return nullptr;
  const model::Design& d = document_->project().designs[design_];
  if (kind_ == kGsi) return &d.gsis[index_].entityKeys;
  if (kind_ == kLsi) return &d.lsis[index_].entityKeys;
  return &d.entityKeys;
}

std::vector<std::string> KeyTemplateTableModel::keyAttributes() const {
  std::vector<std::string> keys;
  if (design_ < 0) return keys;
  const model::Design& d = document_->project().designs[design_];
  if (kind_ == kTable) {
    if (!d.table.pk.empty()) keys.push_back(d.table.pk);
    if (d.table.sk) keys.push_back(*d.table.sk);
  } else if (kind_ == kGsi) {
    const model::SecondaryIndex& gsi = d.gsis[index_];
    if (gsi.pk && !gsi.pk->empty()) keys.push_back(*gsi.pk);
    if (gsi.sk) keys.push_back(*gsi.sk);
  } else if (d.lsis[index_].sk) {
    // An LSI's partition key is the table's, whose template the table gives.
    keys.push_back(*d.lsis[index_].sk);
  }
  return keys;
}

std::string KeyTemplateTableModel::path() const {
  const std::string design = model::jsonPathIndex("designs", design_);
  if (kind_ == kTable) return model::jsonPathMember(design, "entityKeys");
  const std::string list = model::jsonPathMember(design, kind_ == kGsi ? "gsis" : "lsis");
  return model::jsonPathMember(model::jsonPathIndex(list, index_), "entityKeys");
}

std::vector<std::string> KeyTemplateTableModel::rowEntities() const {
  std::vector<std::string> rows;
  if (design_ < 0) return rows;
  std::set<std::string> seen;
  for (const model::Entity& e : document_->project().entities) {
    if (seen.insert(e.name).second) rows.push_back(e.name);
  }
  // An entity the templates name that the project lacks gets a row, so that its finding shows.
  for (const model::EntityKeys& k : *entityKeys()) {
    if (seen.insert(k.entity).second) rows.push_back(k.entity);
  }
  return rows;
}

int KeyTemplateTableModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid()) return 0;
  return static_cast<int>(rowEntities().size());
}

int KeyTemplateTableModel::columnCount(const QModelIndex& parent) const {
  if (parent.isValid() || design_ < 0) return 0;
  return 1 + static_cast<int>(keyAttributes().size());
}

QVariant KeyTemplateTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
    return {};
  }
  const std::string entity = rowEntities()[index.row()];
  const auto& keys = *entityKeys();
  const auto owner = std::find_if(keys.begin(), keys.end(),
                                  [&](const model::EntityKeys& k) { return k.entity == entity; });
  const std::string entityPath = model::jsonPathMember(path(), entity);
  if (index.column() == kEntityColumn) {
    // Findings about the entity's entry itself: an unknown entity, a missing template.
    QStringList findings;
    for (const model::Diagnostic& d : document_->validation().items()) {
      if (d.path == entityPath) {
        findings << (d.severity == model::Severity::Error ? tr("error: ") : tr("warning: ")) +
                        QString::fromStdString(d.message);
      }
    }
    switch (role) {
      case Qt::DisplayRole:
      case Qt::EditRole:
        return QString::fromStdString(entity);
      case Qt::ToolTipRole:
        if (!findings.isEmpty()) return findings.join(QLatin1Char('\n'));
        return owner == keys.end()
                   ? tr("No templates: %1 has no item here").arg(QString::fromStdString(entity))
                   : QVariant();
      case Qt::BackgroundRole:
        if (!findings.isEmpty()) return QBrush(QColor(0xff, 0xcd, 0xd2));
        return {};
      case Qt::ForegroundRole:
        if (owner == keys.end()) return QBrush(QColor(0x75, 0x75, 0x75));
        return {};
      default:
        return {};
    }
  }
  const std::string key = keyAttributes()[index.column() - 1];
  const std::string* text = owner == keys.end() ? nullptr : owner->find(key);
  switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
      return text == nullptr ? QString() : QString::fromStdString(*text);
    case Qt::ToolTipRole:
    case Qt::BackgroundRole: {
      const QStringList findings =
          findingsAt(document_->validation(), model::jsonPathMember(entityPath, key));
      if (role == Qt::ToolTipRole) {
        return findings.isEmpty() ? syntaxHelp() : findings.join(QLatin1Char('\n'));
      }
      if (findings.isEmpty()) return {};
      return QBrush(QColor(0xff, 0xcd, 0xd2));
    }
    default:
      return {};
  }
}

QVariant KeyTemplateTableModel::headerData(int section, Qt::Orientation orientation,
                                           int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
  if (section == kEntityColumn) {
    if (role == Qt::DisplayRole) return tr("Entity");
    if (role == Qt::ToolTipRole)
      return tr("Each entity of the project, and any other the templates name");
    return {};
  }
  const QString key = QString::fromStdString(keyAttributes()[section - 1]);
  if (role == Qt::DisplayRole) return key;
  if (role == Qt::ToolTipRole) {
    // An LSI shows only its sort key; a table or GSI its partition key, then its sort key.
    const bool sortKey = kind_ == kLsi || section > 1;
    return termToolTip(
        tr("The value of %1 in each entity's items.").arg(key),
        {sortKey ? DynamoDbTerm::SortKey : DynamoDbTerm::PartitionKey, DynamoDbTerm::KeyTemplate});
  }
  return {};
}

Qt::ItemFlags KeyTemplateTableModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
  if (index.column() != kEntityColumn) flags |= Qt::ItemIsEditable;
  return flags;
}

bool KeyTemplateTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (role != Qt::EditRole || index.column() == kEntityColumn ||
      !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
    return false;
  }
  const std::string entity = rowEntities()[index.row()];
  const std::vector<std::string> keys = keyAttributes();
  const std::string& key = keys[index.column() - 1];
  model::Design after = document_->project().designs[design_];
  std::vector<model::EntityKeys>& list = kind_ == kGsi   ? after.gsis[index_].entityKeys
                                         : kind_ == kLsi ? after.lsis[index_].entityKeys
                                                         : after.entityKeys;
  // A key template is taken as typed: spaces may be part of a key's value.
  // A new partition key goes before the sort key; an LSI shows only its sort key.
  const bool first = kind_ != kLsi && key == keys.front();
  if (!setKeyTemplate(list, entity, key, value.toString().toStdString(), first)) {
    return true;
  }
  // The command resets this model through the document; the row and column stay the same.
  document_->undoStack()->push(new EditDesignCommand(document_, design_, std::move(after)));
  return true;
}

}  // namespace kvlab::ui
