#include "ui/views/relationship_editor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QUndoStack>
#include <QVBoxLayout>
#include <cmath>
#include <optional>

#include "model/io/json_path.h"
#include "model/schema/project.h"
#include "ui/commands/edit_relationship_command.h"
#include "ui/document/findings_at.h"
#include "ui/document/project_document.h"

namespace kvlab::ui {
namespace {

const QString kFaultStyle = QStringLiteral("border: 1px solid #c62828; background: #ffebee;");

QString text(std::string_view value) {
  return QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
}

// What each field shows for `r`, by the member it edits.
std::map<std::string, QString> shown(const model::Relationship& r) {
  std::map<std::string, QString> s;
  s["name"] = r.name ? QString::fromStdString(*r.name) : QString();
  s["from"] = QString::fromStdString(r.from);
  s["to"] = QString::fromStdString(r.to);
  s["kind"] = text(model::relationshipKindName(r.kind));
  s["fanout.mean"] = r.fanout ? QString::number(r.fanout->mean, 'g', 15) : QString();
  s["fanout.max"] = r.fanout && r.fanout->max ? QString::number(*r.fanout->max) : QString();
  return s;
}

QString fieldText(QWidget* field) {
  if (auto* edit = qobject_cast<QLineEdit*>(field)) return edit->text().trimmed();
  return static_cast<QComboBox*>(field)->currentText();
}

}  // namespace

RelationshipEditor::RelationshipEditor(ProjectDocument* document, QWidget* parent)
    : QWidget(parent), document_(document), problemsLabel_(new QLabel(this)) {
  auto lineEdit = [this](const std::string& member, const QString& placeholder) {
    auto* edit = new QLineEdit(this);
    edit->setPlaceholderText(placeholder);
    fields_[member] = edit;
    connect(edit, &QLineEdit::editingFinished, this, &RelationshipEditor::commit);
    return edit;
  };
  auto* kind = new QComboBox(this);
  for (model::RelationshipKind k :
       {model::RelationshipKind::OneToOne, model::RelationshipKind::OneToMany,
        model::RelationshipKind::ManyToMany}) {
    kind->addItem(text(model::relationshipKindName(k)));
  }
  fields_["kind"] = kind;
  connect(kind, &QComboBox::activated, this, &RelationshipEditor::commit);

  auto* form = new QFormLayout;
  form->addRow(tr("&Name:"), lineEdit("name", tr("optional, e.g. places")));
  form->addRow(tr("&From:"), lineEdit("from", tr("the parent entity")));
  form->addRow(tr("&To:"), lineEdit("to", tr("the child entity")));
  form->addRow(tr("&Kind:"), kind);
  auto* mean = lineEdit("fanout.mean", tr("mean children per parent"));
  auto* max = lineEdit("fanout.max", tr("at most"));
  mean->setValidator(new QRegularExpressionValidator(
      QRegularExpression(QStringLiteral("[0-9]{0,15}(\\.[0-9]{0,15})?")), this));
  max->setValidator(
      new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,18}")), this));
  auto* fanout = new QHBoxLayout;
  fanout->addWidget(mean);
  fanout->addWidget(max);
  form->addRow(tr("Fan-out:"), fanout);

  for (auto& [member, field] : fields_) {
    field->setObjectName(QStringLiteral("relationship.") + QString::fromStdString(member));
  }
  problemsLabel_->setObjectName(QStringLiteral("relationshipProblems"));
  problemsLabel_->setWordWrap(true);
  problemsLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(problemsLabel_);
  layout->addStretch();

  connect(document_, &ProjectDocument::changed, this, &RelationshipEditor::refresh);
  refresh();
}

RelationshipEditor::~RelationshipEditor() = default;

void RelationshipEditor::setRelationship(int row) {
  relationship_ = row;
  refresh();
}

QWidget* RelationshipEditor::field(const std::string& member) const {
  const auto it = fields_.find(member);
  return it == fields_.end() ? nullptr : it->second;
}

QString RelationshipEditor::problemsText() const { return problemsLabel_->text(); }

void RelationshipEditor::refresh() {
  const auto& relationships = document_->project().relationships;
  if (relationship_ >= static_cast<int>(relationships.size())) relationship_ = -1;
  const bool has = relationship_ >= 0;
  for (auto& [member, field] : fields_) field->setEnabled(has);
  if (!has) {
    for (auto& [member, field] : fields_) {
      if (auto* edit = qobject_cast<QLineEdit*>(field)) edit->clear();
      markField(field, {});
    }
    problemsLabel_->clear();
    return;
  }
  const std::string path = model::jsonPathIndex("relationships", relationship_);
  for (const auto& [member, value] : shown(relationships[relationship_])) {
    QWidget* field = fields_.at(member);
    if (auto* edit = qobject_cast<QLineEdit*>(field)) {
      edit->setText(value);
    } else {
      auto* combo = static_cast<QComboBox*>(field);
      combo->setCurrentIndex(std::max(0, static_cast<int>(combo->findText(value))));
    }
    QStringList findings = findingsAt(document_->validation(), model::jsonPathMember(path, member));
    if (const std::size_t dot = member.find('.'); dot != std::string::npos) {
      const std::string parent = model::jsonPathMember(path, member.substr(0, dot));
      for (const model::Diagnostic& d : document_->validation().items()) {
        if (d.path == parent) findings << QString::fromStdString(d.message);
      }
    }
    markField(field, findings);
  }
  problemsLabel_->setText(problemsUnder(document_->validation(), path).join(QLatin1Char('\n')));
}

void RelationshipEditor::markField(QWidget* field, const QStringList& findings) {
  field->setStyleSheet(findings.isEmpty() ? QString() : kFaultStyle);
  field->setToolTip(findings.join(QLatin1Char('\n')));
  field->setProperty("faulty", !findings.isEmpty());
}

void RelationshipEditor::commit() {
  if (relationship_ < 0) return;
  const model::Relationship& before = document_->project().relationships[relationship_];
  const std::map<std::string, QString> was = shown(before);
  model::Relationship after = before;
  auto changed = [&](const char* member) {
    return fieldText(fields_.at(member)) != was.at(member);
  };
  if (changed("name")) {
    const QString name = fieldText(fields_.at("name"));
    after.name = name.isEmpty() ? std::nullopt : std::optional<std::string>(name.toStdString());
  }
  if (changed("from")) after.from = fieldText(fields_.at("from")).toStdString();
  if (changed("to")) after.to = fieldText(fields_.at("to")).toStdString();
  if (changed("kind")) {
    after.kind = model::parseRelationshipKind(fieldText(fields_.at("kind")).toStdString())
                     .value_or(before.kind);
  }
  if (changed("fanout.mean") || changed("fanout.max")) {
    const QString mean = fieldText(fields_.at("fanout.mean"));
    const QString max = fieldText(fields_.at("fanout.max"));
    if (mean.isEmpty() && max.isEmpty()) {
      after.fanout.reset();
    } else {
      bool meanOk = true;
      bool maxOk = true;
      const double meanValue = mean.isEmpty() ? 0 : mean.toDouble(&meanOk);
      const qlonglong maxValue = max.isEmpty() ? 0 : max.toLongLong(&maxOk);
      if (!meanOk || !maxOk || !std::isfinite(meanValue)) {
        markField(fields_.at(meanOk ? "fanout.max" : "fanout.mean"),
                  {tr("error: expected a number of children per parent")});
        return;
      }
      if (!after.fanout) after.fanout.emplace();
      if (changed("fanout.mean")) after.fanout->mean = meanValue;
      if (changed("fanout.max")) {
        after.fanout->max = max.isEmpty() ? std::nullopt : std::optional<std::int64_t>(maxValue);
      }
    }
  }
  if (shown(after) == was) {
    refresh();
    return;
  }
  document_->undoStack()->push(
      new EditRelationshipCommand(document_, relationship_, std::move(after)));
}

}  // namespace kvlab::ui
