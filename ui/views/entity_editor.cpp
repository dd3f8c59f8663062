#include "ui/views/entity_editor.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <optional>

#include "model/io/json_path.h"
#include "model/schema/project.h"
#include "ui/commands/add_attribute_command.h"
#include "ui/commands/edit_entity_command.h"
#include "ui/commands/remove_attribute_command.h"
#include "ui/commands/rename_entity_command.h"
#include "ui/document/findings_at.h"
#include "ui/document/project_document.h"
#include "ui/models/attribute_table_model.h"
#include "ui/models/dynamodb_terms.h"

namespace kvlab::ui {
namespace {

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

const QString kFaultStyle = QStringLiteral("border: 1px solid #c62828; background: #ffebee;");

}  // namespace

EntityEditor::EntityEditor(ProjectDocument* document, QWidget* parent)
    : QWidget(parent),
      document_(document),
      nameEdit_(new QLineEdit(this)),
      identifierEdit_(new QLineEdit(this)),
      countEdit_(new QLineEdit(this)),
      storedCheck_(new QCheckBox(tr("Stored as items of its own"), this)),
      attributeTable_(new QTableView(this)),
      attributeModel_(new AttributeTableModel(document, this)),
      addAttributeButton_(new QPushButton(tr("Add attribute"), this)),
      removeAttributeButton_(new QPushButton(tr("Remove attribute"), this)),
      problemsLabel_(new QLabel(this)) {
  nameEdit_->setObjectName(QStringLiteral("entityName"));
  identifierEdit_->setObjectName(QStringLiteral("entityIdentifier"));
  identifierEdit_->setPlaceholderText(tr("attribute names, comma-separated"));
  countEdit_->setObjectName(QStringLiteral("entityCount"));
  countEdit_->setPlaceholderText(tr("expected items (optional)"));
  countEdit_->setValidator(
      new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,18}")), this));
  storedCheck_->setObjectName(QStringLiteral("entityStored"));
  attributeTable_->setObjectName(QStringLiteral("attributeTable"));
  attributeTable_->setModel(attributeModel_);
  attributeTable_->setSelectionBehavior(QAbstractItemView::SelectRows);
  attributeTable_->setSelectionMode(QAbstractItemView::SingleSelection);
  attributeTable_->horizontalHeader()->setStretchLastSection(true);
  attributeTable_->verticalHeader()->hide();
  addAttributeButton_->setObjectName(QStringLiteral("addAttributeButton"));
  removeAttributeButton_->setObjectName(QStringLiteral("removeAttributeButton"));
  problemsLabel_->setObjectName(QStringLiteral("entityProblems"));
  problemsLabel_->setWordWrap(true);
  problemsLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  fields_ = {{"name", nameEdit_},
             {"identifier", identifierEdit_},
             {"count", countEdit_},
             {"stored", storedCheck_},
             {"attributes", attributeTable_}};

  // The fields' own tooltips, shown while they have no finding.
  nameEdit_->setProperty("ownToolTip",
                         paragraphToolTip(tr("The entity's name, unique in the project; key "
                                             "templates and access patterns name it.")));
  identifierEdit_->setProperty(
      "ownToolTip",
      termToolTip(tr("The attributes that identify one item of the entity, comma-separated; key "
                     "templates usually make its keys from them."),
                  {DynamoDbTerm::KeyTemplate}));
  countEdit_->setProperty(
      "ownToolTip",
      termToolTip(tr("How many items of the entity to expect: they size the storage."),
                  {DynamoDbTerm::Storage}));
  storedCheck_->setProperty(
      "ownToolTip",
      termToolTip(tr("Off: the entity is kept inside another entity's items (a map or list "
                     "attribute), not as items of its own, and adds to their size."),
                  {DynamoDbTerm::ItemSize}));
  const QString attributesTip = termToolTip(
      tr("The entity's attributes with their types and sizes: what its items' sizes, and so "
         "their read and write units, are made of."),
      {DynamoDbTerm::ItemSize});
  attributeTable_->setProperty("ownToolTip", attributesTip);
  auto* attributesLabel = new QLabel(tr("Attributes:"), this);
  attributesLabel->setToolTip(attributesTip);

  auto* form = new QFormLayout;
  form->addRow(tr("&Name:"), nameEdit_);
  form->addRow(tr("&Identifier:"), identifierEdit_);
  form->addRow(tr("&Count:"), countEdit_);
  form->addRow(QString(), storedCheck_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(addAttributeButton_);
  buttons->addWidget(removeAttributeButton_);
  buttons->addStretch();
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(attributesLabel);
  layout->addWidget(attributeTable_, 1);
  layout->addLayout(buttons);
  layout->addWidget(problemsLabel_);

  connect(nameEdit_, &QLineEdit::editingFinished, this, &EntityEditor::commitName);
  connect(identifierEdit_, &QLineEdit::editingFinished, this, &EntityEditor::commitEntityFields);
  connect(countEdit_, &QLineEdit::editingFinished, this, &EntityEditor::commitEntityFields);
  connect(storedCheck_, &QCheckBox::clicked, this, &EntityEditor::commitEntityFields);
  connect(addAttributeButton_, &QPushButton::clicked, this, &EntityEditor::addAttribute);
  connect(removeAttributeButton_, &QPushButton::clicked, this,
          &EntityEditor::removeSelectedAttribute);
  connect(document_, &ProjectDocument::changed, this, &EntityEditor::refresh);
  refresh();
}

EntityEditor::~EntityEditor() = default;

void EntityEditor::setEntity(int row) {
  entity_ = row;
  refresh();
}

QString EntityEditor::problemsText() const { return problemsLabel_->text(); }

void EntityEditor::refresh() {
  const auto& entities = document_->project().entities;
  if (entity_ >= static_cast<int>(entities.size())) entity_ = -1;
  attributeModel_->setEntity(entity_);
  const bool has = entity_ >= 0;
  for (auto& [member, field] : fields_) field->setEnabled(has);
  addAttributeButton_->setEnabled(has);
  removeAttributeButton_->setEnabled(has);
  if (!has) {
    nameEdit_->clear();
    identifierEdit_->clear();
    countEdit_->clear();
    problemsLabel_->clear();
    for (auto& [member, field] : fields_) markField(field, {});
    return;
  }
  const model::Entity& e = entities[entity_];
  nameEdit_->setText(QString::fromStdString(e.name));
  identifierEdit_->setText(joinedNames(e.identifier));
  countEdit_->setText(e.count ? QString::number(*e.count) : QString());
  storedCheck_->setChecked(e.isStored());

  const std::string path = model::jsonPathIndex("entities", entity_);
  for (auto& [member, field] : fields_) {
    markField(field, findingsAt(document_->validation(), model::jsonPathMember(path, member)));
  }
  problemsLabel_->setText(problemsUnder(document_->validation(), path).join(QLatin1Char('\n')));
}

void EntityEditor::markField(QWidget* field, const QStringList& findings) {
  field->setStyleSheet(findings.isEmpty() ? QString() : kFaultStyle);
  // A field's own tooltip, which explains it, shows again once its findings are gone.
  field->setToolTip(findings.isEmpty() ? field->property("ownToolTip").toString()
                                       : findings.join(QLatin1Char('\n')));
  field->setProperty("faulty", !findings.isEmpty());
}

void EntityEditor::commitName() {
  if (entity_ < 0) return;
  const std::string name = nameEdit_->text().trimmed().toStdString();
  const model::Entity& e = document_->project().entities[entity_];
  if (name.empty()) {
    nameEdit_->setText(QString::fromStdString(e.name));
    return;
  }
  if (name == e.name) return;
  document_->undoStack()->push(new RenameEntityCommand(document_, entity_, name));
}

void EntityEditor::commitEntityFields() {
  if (entity_ < 0) return;
  const model::Entity& before = document_->project().entities[entity_];
  model::Entity after = before;
  bool changed = false;
  if (identifierEdit_->text() != joinedNames(before.identifier)) {
    after.identifier = splitNames(identifierEdit_->text());
    changed = after.identifier != before.identifier;
  }
  const QString count = countEdit_->text().trimmed();
  if (count != (before.count ? QString::number(*before.count) : QString())) {
    after.count = count.isEmpty() ? std::nullopt : std::optional<std::int64_t>(count.toLongLong());
    changed = true;
  }
  if (storedCheck_->isChecked() != before.isStored()) {
    // Stored is the default: checking it again drops the field rather than writing "true".
    after.stored = storedCheck_->isChecked() ? std::nullopt : std::optional<bool>(false);
    changed = true;
  }
  if (!changed) return;
  document_->undoStack()->push(new EditEntityCommand(document_, entity_, std::move(after)));
}

void EntityEditor::addAttribute() {
  if (entity_ < 0) return;
  const model::Entity& e = document_->project().entities[entity_];
  model::Attribute attribute;
  for (int n = static_cast<int>(e.attributes.size()) + 1;; ++n) {
    attribute.name = "attribute" + std::to_string(n);
    if (e.findAttribute(attribute.name) == nullptr) break;
  }
  document_->undoStack()->push(new AddAttributeCommand(document_, entity_, std::move(attribute)));
}

void EntityEditor::removeSelectedAttribute() {
  if (entity_ < 0) return;
  const QModelIndex current = attributeTable_->currentIndex();
  if (!current.isValid()) return;
  document_->undoStack()->push(new RemoveAttributeCommand(document_, entity_, current.row()));
}

}  // namespace kvlab::ui
