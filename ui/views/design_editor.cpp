#include "ui/views/design_editor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "model/io/json_path.h"
#include "model/schema/project.h"
#include "ui/commands/add_secondary_index_command.h"
#include "ui/commands/edit_design_command.h"
#include "ui/commands/remove_secondary_index_command.h"
#include "ui/document/findings_at.h"
#include "ui/document/project_document.h"
#include "ui/models/dynamodb_terms.h"
#include "ui/models/key_template_table_model.h"

namespace kvlab::ui {
namespace {

const QString kFaultStyle = QStringLiteral("border: 1px solid #c62828; background: #ffebee;");
const QString kGridFaultStyle = QStringLiteral("QTableView { border: 1px solid #c62828; }");
constexpr int kLocalRole = Qt::UserRole;
constexpr int kRowRole = Qt::UserRole + 1;

QString joinedNames(const std::vector<std::string>& names) {
  QStringList parts;
  for (const std::string& name : names) parts << QString::fromStdString(name);
  return parts.join(QStringLiteral(", "));
}

std::vector<std::string> splitNames(const QString& text) {
  std::vector<std::string> names;
  for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    const QString trimmed = part.trimmed();
    if (!trimmed.isEmpty()) names.push_back(trimmed.toStdString());
  }
  return names;
}

QString optionalText(const std::optional<std::string>& value) {
  return value ? QString::fromStdString(*value) : QString();
}

std::optional<std::string> optionalName(const QString& text) {
  return text.isEmpty() ? std::nullopt : std::optional<std::string>(text.toStdString());
}

// Renames the template of key attribute `from` to `to` in every entity of `keys`; an empty `to`
// drops it, and an entity left without templates. An entity that has a template for `to` already
// keeps both as they are, for the validator to name.
void renameKey(std::vector<model::EntityKeys>& keys, const std::string& from,
               const std::string& to) {
  for (model::EntityKeys& entity : keys) {
    auto& templates = entity.templates;
    auto it = std::find_if(templates.begin(), templates.end(),
                           [&](const auto& t) { return t.first == from; });
    if (it == templates.end()) continue;
    if (to.empty()) {
      templates.erase(it);
    } else if (entity.find(to) == nullptr) {
      it->first = to;
    }
  }
  std::erase_if(keys, [](const model::EntityKeys& e) { return e.templates.empty(); });
}

// The JSON path of `member` ("table.pk") under `base`.
std::string memberPath(const std::string& base, const std::string& member) {
  std::string path = base;
  std::size_t start = 0;
  while (start <= member.size()) {
    const std::size_t dot = std::min(member.find('.', start), member.size());
    path = model::jsonPathMember(path, member.substr(start, dot - start));
    start = dot + 1;
  }
  return path;
}

// The findings at exactly `path`, not under it.
QStringList findingsExactlyAt(const model::Diagnostics& findings, const std::string& path) {
  QStringList messages;
  for (const model::Diagnostic& d : findings.items()) {
    if (d.path != path) continue;
    messages << (d.severity == model::Severity::Error ? QStringLiteral("error: ")
                                                      : QStringLiteral("warning: ")) +
                    QString::fromStdString(d.message);
  }
  return messages;
}

QString fieldText(QWidget* field) {
  if (auto* edit = qobject_cast<QLineEdit*>(field)) return edit->text().trimmed();
  return static_cast<QComboBox*>(field)->currentText();
}

// A grid as tall as its rows (up to `maxRows`), so that the editor has no scroll bars inside.
void fitToRows(QTableView* view, int maxRows) {
  const int rows = std::min(view->model()->rowCount(), maxRows);
  const int height = view->horizontalHeader()->sizeHint().height() +
                     rows * view->verticalHeader()->defaultSectionSize() + 2 * view->frameWidth();
  view->setMinimumHeight(height);
  view->setMaximumHeight(height + (view->model()->rowCount() > maxRows ? 0 : 2));
}

QTableView* keyGrid(KeyTemplateTableModel* model, const QString& name, QWidget* parent) {
  auto* view = new QTableView(parent);
  view->setObjectName(name);
  view->setModel(model);
  view->setSelectionBehavior(QAbstractItemView::SelectItems);
  view->setSelectionMode(QAbstractItemView::SingleSelection);
  view->verticalHeader()->hide();
  // One line of text a row: the grids show every entity without scrolling.
  view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
  view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  view->horizontalHeader()->setMinimumSectionSize(60);
  view->setWordWrap(false);
  view->setTextElideMode(Qt::ElideMiddle);
  view->setToolTip(KeyTemplateTableModel::syntaxHelp());
  QObject::connect(model, &QAbstractItemModel::modelReset, view, [view] {
    if (view->model()->columnCount() > 0) {
      view->horizontalHeader()->setSectionResizeMode(KeyTemplateTableModel::kEntityColumn,
                                                     QHeaderView::ResizeToContents);
    }
    fitToRows(view, 8);
  });
  return view;
}

}  // namespace

DesignEditor::DesignEditor(ProjectDocument* document, QWidget* parent)
    : QWidget(parent),
      document_(document),
      tableKeysModel_(new KeyTemplateTableModel(document, this)),
      indexCombo_(new QComboBox(this)),
      addGsiButton_(new QPushButton(tr("Add GSI"), this)),
      addLsiButton_(new QPushButton(tr("Add LSI"), this)),
      removeIndexButton_(new QPushButton(tr("Remove"), this)),
      indexKeysModel_(new KeyTemplateTableModel(document, this)),
      problemsLabel_(new QLabel(this)) {
  tableKeysView_ = keyGrid(tableKeysModel_, QStringLiteral("design.entityKeys"), this);
  indexKeysView_ = keyGrid(indexKeysModel_, QStringLiteral("index.entityKeys"), this);
  auto lineEdit = [this](const std::string& member, const QString& placeholder, bool ofIndex) {
    auto* edit = new QLineEdit(this);
    edit->setObjectName(QStringLiteral("design.") + QString::fromStdString(member));
    edit->setPlaceholderText(placeholder);
    fields_[member] = edit;
    connect(edit, &QLineEdit::editingFinished, this,
            ofIndex ? &DesignEditor::commitIndexFields : &DesignEditor::commitDesignFields);
    return edit;
  };
  auto* projection = new QComboBox(this);
  projection->setObjectName(QStringLiteral("design.index.projection"));
  for (model::Projection p :
       {model::Projection::All, model::Projection::KeysOnly, model::Projection::Include}) {
    projection->addItem(QString::fromStdString(std::string(model::projectionName(p))));
  }
  projection->setProperty("ownToolTip", termToolTip(DynamoDbTerm::Projection));
  fields_["index.projection"] = projection;
  connect(projection, &QComboBox::activated, this, &DesignEditor::commitIndexFields);

  auto keyRow = [](QWidget* pk, QWidget* sk) {
    auto* row = new QHBoxLayout;
    row->addWidget(pk);
    row->addWidget(sk);
    return row;
  };

  auto* form = new QFormLayout;
  form->addRow(tr("&Name:"), lineEdit("name", tr("the design's name"), false));
  // The fields' own tooltips, shown while they have no finding.
  auto explain = [this](const std::string& member, const QString& toolTip) {
    fields_.at(member)->setProperty("ownToolTip", toolTip);
  };
  explain("name",
          termToolTip(tr("The design's name, unique in the project."), {DynamoDbTerm::Design}));
  auto* table = new QGroupBox(tr("Table"), this);
  auto* tableForm = new QFormLayout;
  tableForm->addRow(tr("Na&me:"), lineEdit("table.name", tr("DynamoDB table name"), false));
  tableForm->addRow(tr("Keys:"), keyRow(lineEdit("table.pk", tr("partition key attribute"), false),
                                        lineEdit("table.sk", tr("sort key (empty: none)"), false)));
  table->setToolTip(
      termToolTip(tr("The design's table: its keys, then each entity's key templates."),
                  {DynamoDbTerm::SingleTableDesign}));
  explain("table.name", paragraphToolTip(tr("The DynamoDB table's name, as exports create it.")));
  explain("table.pk", termToolTip(tr("The name of the table's partition key attribute."),
                                  {DynamoDbTerm::PartitionKey}));
  explain("table.sk", termToolTip(tr("The name of the table's sort key attribute; empty: none."),
                                  {DynamoDbTerm::SortKey}));
  auto* tableLayout = new QVBoxLayout(table);
  tableLayout->addLayout(tableForm);
  tableLayout->addWidget(tableKeysView_);

  indexCombo_->setObjectName(QStringLiteral("design.index"));
  indexCombo_->setPlaceholderText(tr("(no secondary index)"));
  indexCombo_->setProperty("ownToolTip",
                           termToolTip(tr("The design's global and local secondary indexes."),
                                       {DynamoDbTerm::Gsi, DynamoDbTerm::Lsi}));
  indexCombo_->setToolTip(indexCombo_->property("ownToolTip").toString());
  addGsiButton_->setToolTip(
      termToolTip(tr("Adds a global secondary index to the design."), {DynamoDbTerm::Gsi}));
  addLsiButton_->setToolTip(
      termToolTip(tr("Adds a local secondary index to the design."), {DynamoDbTerm::Lsi}));
  addGsiButton_->setObjectName(QStringLiteral("addGsiButton"));
  addLsiButton_->setObjectName(QStringLiteral("addLsiButton"));
  removeIndexButton_->setObjectName(QStringLiteral("removeIndexButton"));
  removeIndexButton_->setToolTip(tr("Removes the index chosen beside"));
  auto* indexes = new QGroupBox(tr("Secondary indexes"), this);
  auto* chooser = new QHBoxLayout;
  chooser->addWidget(indexCombo_, 1);
  chooser->addWidget(addGsiButton_);
  chooser->addWidget(addLsiButton_);
  chooser->addWidget(removeIndexButton_);
  auto* indexForm = new QFormLayout;
  indexForm->addRow(tr("N&ame:"), lineEdit("index.name", tr("unique in the design"), true));
  indexForm->addRow(tr("Keys:"), keyRow(lineEdit("index.pk", tr("partition key attribute"), true),
                                        lineEdit("index.sk", tr("sort key (empty: none)"), true)));
  auto* projectionRow = new QHBoxLayout;
  projectionRow->addWidget(projection);
  projectionRow->addWidget(
      lineEdit("index.include", tr("attributes INCLUDE copies, comma-separated"), true), 1);
  indexForm->addRow(tr("Projection:"), projectionRow);
  explain("index.name", paragraphToolTip(tr("The index's name, unique in the design.")));
  explain("index.pk",
          termToolTip(tr("The name of the index's partition key attribute; an LSI has the "
                         "table's."),
                      {DynamoDbTerm::PartitionKey}));
  explain("index.sk", termToolTip(tr("The name of the index's sort key attribute; an LSI needs "
                                     "one, for a GSI it may be empty."),
                                  {DynamoDbTerm::SortKey}));
  explain("index.include",
          termToolTip(tr("The attributes an INCLUDE projection copies besides the keys, "
                         "comma-separated."),
                      {DynamoDbTerm::Projection}));
  auto* indexLayout = new QVBoxLayout(indexes);
  indexLayout->addLayout(chooser);
  indexLayout->addLayout(indexForm);
  indexLayout->addWidget(indexKeysView_);

  problemsLabel_->setObjectName(QStringLiteral("designProblems"));
  problemsLabel_->setWordWrap(true);
  problemsLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(table);
  layout->addWidget(indexes);
  layout->addWidget(problemsLabel_);
  layout->addStretch();

  connect(indexCombo_, &QComboBox::activated, this, [this](int item) {
    selectIndex(indexCombo_->itemData(item, kLocalRole).toBool(),
                indexCombo_->itemData(item, kRowRole).toInt());
  });
  connect(addGsiButton_, &QPushButton::clicked, this, &DesignEditor::addGsi);
  connect(addLsiButton_, &QPushButton::clicked, this, &DesignEditor::addLsi);
  connect(removeIndexButton_, &QPushButton::clicked, this, &DesignEditor::removeSelectedIndex);
  connect(document_, &ProjectDocument::changed, this, &DesignEditor::refresh);
  refresh();
}

DesignEditor::~DesignEditor() = default;

void DesignEditor::setDesign(int row) {
  design_ = row;
  indexLocal_ = false;
  indexRow_ = 0;  // the first index, if any: refresh() settles it
  refresh();
}

bool DesignEditor::selectIndex(bool isLocal, int row) {
  if (design_ < 0) return false;
  const model::Design& d = document_->project().designs[design_];
  if (row < 0 || row >= static_cast<int>((isLocal ? d.lsis : d.gsis).size())) return false;
  indexLocal_ = isLocal;
  indexRow_ = row;
  refresh();
  return true;
}

QWidget* DesignEditor::field(const std::string& member) const {
  const auto it = fields_.find(member);
  return it == fields_.end() ? nullptr : it->second;
}

QString DesignEditor::problemsText() const { return problemsLabel_->text(); }

std::string DesignEditor::designPath() const { return model::jsonPathIndex("designs", design_); }

std::string DesignEditor::indexPath() const {
  return model::jsonPathIndex(model::jsonPathMember(designPath(), indexLocal_ ? "lsis" : "gsis"),
                              indexRow_);
}

void DesignEditor::refresh() {
  const auto& designs = document_->project().designs;
  if (design_ >= static_cast<int>(designs.size())) design_ = -1;
  const bool has = design_ >= 0;
  for (auto& [member, field] : fields_) {
    if (member.rfind("index.", 0) != 0) field->setEnabled(has);
  }
  addGsiButton_->setEnabled(has);
  addLsiButton_->setEnabled(has);
  tableKeysView_->setEnabled(has);
  if (!has) {
    for (auto& [member, field] : fields_) {
      if (auto* edit = qobject_cast<QLineEdit*>(field)) edit->clear();
      markField(field, {});
    }
    tableKeysModel_->setIndex(-1, KeyTemplateTableModel::kTable);
    problemsLabel_->clear();
    indexRow_ = -1;
    refreshIndexList();
    return;
  }
  const model::Design& d = designs[design_];
  const std::map<std::string, QString> shown = {
      {"name", QString::fromStdString(d.name)},
      {"table.name", QString::fromStdString(d.table.name)},
      {"table.pk", QString::fromStdString(d.table.pk)},
      {"table.sk", optionalText(d.table.sk)}};
  const model::Diagnostics& findings = document_->validation();
  for (const auto& [member, text] : shown) {
    static_cast<QLineEdit*>(fields_.at(member))->setText(text);
    markField(fields_.at(member), findingsAt(findings, memberPath(designPath(), member)));
  }
  tableKeysModel_->setIndex(design_, KeyTemplateTableModel::kTable);
  tableKeysView_->setStyleSheet(
      findingsAt(findings, memberPath(designPath(), "entityKeys")).isEmpty() ? QString()
                                                                             : kGridFaultStyle);
  refreshIndexList();
  problemsLabel_->setText(problemsUnder(findings, designPath()).join(QLatin1Char('\n')));
}

void DesignEditor::refreshIndexList() {
  const QSignalBlocker blocker(indexCombo_);
  indexCombo_->clear();
  const model::Design* d = design_ >= 0 ? &document_->project().designs[design_] : nullptr;
  if (d != nullptr) {
    // The index chosen, or the nearest one left of its kind, or any.
    const int count = static_cast<int>((indexLocal_ ? d->lsis : d->gsis).size());
    if (indexRow_ >= count) indexRow_ = count - 1;
    if (indexRow_ < 0) {
      indexLocal_ = d->gsis.empty();
      indexRow_ = (indexLocal_ ? d->lsis : d->gsis).empty() ? -1 : 0;
    }
    for (int local = 0; local < 2; ++local) {
      const auto& list = local ? d->lsis : d->gsis;
      for (int row = 0; row < static_cast<int>(list.size()); ++row) {
        indexCombo_->addItem(QString::fromStdString(list[row].name) +
                             (local ? tr("  (local)") : tr("  (global)")));
        indexCombo_->setItemData(indexCombo_->count() - 1, local == 1, kLocalRole);
        indexCombo_->setItemData(indexCombo_->count() - 1, row, kRowRole);
        if ((local == 1) == indexLocal_ && row == indexRow_) {
          indexCombo_->setCurrentIndex(indexCombo_->count() - 1);
        }
      }
    }
  } else {
    indexRow_ = -1;
  }
  const bool has = indexRow_ >= 0;
  indexCombo_->setEnabled(has);
  removeIndexButton_->setEnabled(has);
  indexKeysView_->setVisible(has);
  for (auto& [member, field] : fields_) {
    if (member.rfind("index.", 0) == 0) field->setEnabled(has);
  }
  if (!has) {
    for (auto& [member, field] : fields_) {
      if (member.rfind("index.", 0) != 0) continue;
      if (auto* edit = qobject_cast<QLineEdit*>(field)) edit->clear();
      markField(field, {});
    }
    indexKeysModel_->setIndex(-1, KeyTemplateTableModel::kGsi);
    if (d != nullptr) {
      QStringList findings =
          findingsExactlyAt(document_->validation(), model::jsonPathMember(designPath(), "lsis"));
      markField(indexCombo_, findings);
    }
    return;
  }
  const model::SecondaryIndex& index = (indexLocal_ ? d->lsis : d->gsis)[indexRow_];
  // An LSI's partition key is the table's: shown, not edited here.
  fields_.at("index.pk")->setEnabled(!indexLocal_);
  const std::map<std::string, QString> shown = {
      {"index.name", QString::fromStdString(index.name)},
      {"index.pk", indexLocal_ ? QString::fromStdString(d->table.pk) : optionalText(index.pk)},
      {"index.sk", optionalText(index.sk)},
      {"index.include", index.include ? joinedNames(*index.include) : QString()}};
  const model::Diagnostics& findings = document_->validation();
  for (const auto& [member, text] : shown) {
    static_cast<QLineEdit*>(fields_.at(member))->setText(text);
  }
  auto* projection = static_cast<QComboBox*>(fields_.at("index.projection"));
  projection->setCurrentText(QString::fromStdString(
      std::string(model::projectionName(index.projection.value_or(model::Projection::All)))));
  for (const char* member : {"name", "pk", "sk", "projection", "include"}) {
    markField(fields_.at(std::string("index.") + member),
              findingsAt(findings, model::jsonPathMember(indexPath(), member)));
  }
  QStringList listFindings =
      findingsExactlyAt(findings, model::jsonPathMember(designPath(), "gsis"));
  listFindings << findingsExactlyAt(findings, model::jsonPathMember(designPath(), "lsis"));
  markField(indexCombo_, listFindings);
  indexKeysModel_->setIndex(
      design_, indexLocal_ ? KeyTemplateTableModel::kLsi : KeyTemplateTableModel::kGsi, indexRow_);
  indexKeysView_->setStyleSheet(
      findingsAt(findings, model::jsonPathMember(indexPath(), "entityKeys")).isEmpty()
          ? QString()
          : kGridFaultStyle);
}

void DesignEditor::markField(QWidget* field, const QStringList& findings) {
  field->setStyleSheet(findings.isEmpty() ? QString() : kFaultStyle);
  // A field with a tooltip of its own shows it again once its findings are gone.
  field->setToolTip(findings.isEmpty() ? field->property("ownToolTip").toString()
                                       : findings.join(QLatin1Char('\n')));
  field->setProperty("faulty", !findings.isEmpty());
}

void DesignEditor::commitDesignFields() {
  if (design_ < 0) return;
  const model::Design& before = document_->project().designs[design_];
  model::Design after = before;
  bool changed = false;
  bool refused = false;
  auto required = [&](const std::string& member, const QString& why) {
    const QString text = fieldText(fields_.at(member));
    if (text.isEmpty()) {
      markField(fields_.at(member), {why});
      refused = true;
    }
    return text.toStdString();
  };
  const std::string name = required("name", tr("error: a design needs a name"));
  if (!name.empty() && name != before.name) {
    after.name = name;
    changed = true;
  }
  const std::string tableName = required("table.name", tr("error: a table needs a name"));
  if (!tableName.empty() && tableName != before.table.name) {
    after.table.name = tableName;
    changed = true;
  }
  const std::string pk = required("table.pk", tr("error: a table needs a partition key attribute"));
  if (!pk.empty() && pk != before.table.pk) {
    after.table.pk = pk;
    renameKey(after.entityKeys, before.table.pk, pk);
    for (model::SecondaryIndex& lsi : after.lsis) {
      renameKey(lsi.entityKeys, before.table.pk, pk);
      if (lsi.pk == before.table.pk) lsi.pk = pk;
    }
    changed = true;
  }
  const std::optional<std::string> sk = optionalName(fieldText(fields_.at("table.sk")));
  if (sk != before.table.sk) {
    after.table.sk = sk;
    if (before.table.sk) renameKey(after.entityKeys, *before.table.sk, sk.value_or(""));
    changed = true;
  }
  if (refused || !changed) return;
  document_->undoStack()->push(new EditDesignCommand(document_, design_, std::move(after)));
}

void DesignEditor::commitIndexFields() {
  if (design_ < 0 || indexRow_ < 0) return;
  const model::Design& design = document_->project().designs[design_];
  const model::SecondaryIndex& before = (indexLocal_ ? design.lsis : design.gsis)[indexRow_];
  model::Design afterDesign = design;
  model::SecondaryIndex& after = (indexLocal_ ? afterDesign.lsis : afterDesign.gsis)[indexRow_];
  bool changed = false;
  bool refused = false;

  const QString name = fieldText(fields_.at("index.name"));
  if (name.isEmpty()) {
    markField(fields_.at("index.name"), {tr("error: an index needs a name")});
    refused = true;
  } else if (name.toStdString() != before.name) {
    after.name = name.toStdString();
    changed = true;
  }
  if (!indexLocal_) {
    const QString pk = fieldText(fields_.at("index.pk"));
    if (pk.isEmpty()) {
      markField(fields_.at("index.pk"),
                {tr("error: a global index needs a partition key attribute")});
      refused = true;
    } else if (pk != optionalText(before.pk)) {
      after.pk = pk.toStdString();
      if (before.pk) renameKey(after.entityKeys, *before.pk, *after.pk);
      changed = true;
    }
  }
  const std::optional<std::string> sk = optionalName(fieldText(fields_.at("index.sk")));
  if (indexLocal_ && !sk) {
    markField(fields_.at("index.sk"), {tr("error: a local index needs a sort key attribute")});
    refused = true;
  } else if (sk != before.sk) {
    after.sk = sk;
    if (before.sk) renameKey(after.entityKeys, *before.sk, sk.value_or(""));
    changed = true;
  }
  const QString include = fieldText(fields_.at("index.include"));
  if (include != (before.include ? joinedNames(*before.include) : QString())) {
    const std::vector<std::string> names = splitNames(include);
    after.include = names.empty() ? std::nullopt : std::optional(names);
    changed = after.include != before.include || changed;
  }
  const std::optional<model::Projection> projection =
      model::parseProjection(fieldText(fields_.at("index.projection")).toStdString());
  if (projection && *projection != before.projection.value_or(model::Projection::All)) {
    after.projection = projection;
    // Only INCLUDE lists attributes: another projection drops the list (undo brings it back).
    if (*projection != model::Projection::Include) after.include.reset();
    changed = true;
  }
  if (refused || !changed) return;
  document_->undoStack()->push(new EditDesignCommand(document_, design_, std::move(afterDesign)));
}

void DesignEditor::addGsi() { addIndex(false); }
void DesignEditor::addLsi() { addIndex(true); }

void DesignEditor::addIndex(bool isLocal) {
  if (design_ < 0) return;
  const model::Design& d = document_->project().designs[design_];
  std::set<std::string> taken;
  for (const auto* list : {&d.gsis, &d.lsis}) {
    for (const model::SecondaryIndex& index : *list) taken.insert(index.name);
  }
  const std::string prefix = isLocal ? "LSI" : "GSI";
  model::SecondaryIndex index;
  for (int n = static_cast<int>((isLocal ? d.lsis : d.gsis).size()) + 1;; ++n) {
    index.name = prefix + std::to_string(n);
    if (taken.count(index.name) == 0) break;
  }
  if (!isLocal) index.pk = index.name + "PK";
  index.sk = index.name + "SK";
  index.projection = model::Projection::All;
  const int row = static_cast<int>((isLocal ? d.lsis : d.gsis).size());
  indexLocal_ = isLocal;
  indexRow_ = row;
  document_->undoStack()->push(
      new AddSecondaryIndexCommand(document_, design_, isLocal, std::move(index)));
}

void DesignEditor::removeSelectedIndex() {
  if (design_ < 0 || indexRow_ < 0) return;
  document_->undoStack()->push(
      new RemoveSecondaryIndexCommand(document_, design_, indexLocal_, indexRow_));
}

}  // namespace kvlab::ui
