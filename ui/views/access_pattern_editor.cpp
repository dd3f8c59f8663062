#include "ui/views/access_pattern_editor.h"

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
#include <vector>

#include "model/io/json_path.h"
#include "model/schema/project.h"
#include "ui/commands/edit_access_pattern_command.h"
#include "ui/document/findings_at.h"
#include "ui/document/project_document.h"
#include "ui/models/dynamodb_terms.h"

namespace kvlab::ui {
namespace {

const QString kFaultStyle = QStringLiteral("border: 1px solid #c62828; background: #ffebee;");
const QString kNone = QStringLiteral("(none)");

QString text(std::string_view value) {
  return QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
}

QString joinedNames(const std::vector<std::string>& names) {
  QStringList parts;
  for (const std::string& name : names) parts << QString::fromStdString(name);
  return parts.join(QStringLiteral(", "));
}

std::vector<std::string> splitNames(const QString& value) {
  std::vector<std::string> names;
  for (const QString& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    const QString trimmed = part.trimmed();
    if (!trimmed.isEmpty()) names.push_back(trimmed.toStdString());
  }
  return names;
}

QString number(double value) { return QString::number(value, 'g', 15); }

template <typename Enum>
QStringList names(std::initializer_list<Enum> values, std::string_view (*name)(Enum),
                  bool optional) {
  QStringList list;
  if (optional) list << kNone;
  for (Enum v : values) list << text(name(v));
  return list;
}

// What each field shows for `p`, by the member it edits.
std::map<std::string, QString> shown(const model::AccessPattern& p) {
  std::map<std::string, QString> s;
  s["id"] = QString::fromStdString(p.id);
  s["name"] = QString::fromStdString(p.name);
  s["action"] = text(model::actionName(p.action));
  s["entities"] = joinedNames(p.entities);
  s["equals"] = joinedNames(p.equals);
  s["range.attribute"] = p.range ? QString::fromStdString(p.range->attribute) : QString();
  s["range.op"] = p.range ? text(model::rangeOpName(p.range->op)) : kNone;
  s["sortBy"] = p.sortBy ? QString::fromStdString(*p.sortBy) : QString();
  s["order"] = p.order ? text(model::sortOrderName(*p.order)) : kNone;
  s["limit"] = p.limit ? QString::number(*p.limit) : QString();
  s["consistency"] = p.consistency ? text(model::consistencyName(*p.consistency)) : kNone;
  s["rate.mean"] = p.rate ? number(p.rate->mean) : QString();
  s["rate.peak"] = p.rate && p.rate->peak ? number(*p.rate->peak) : QString();
  s["keyDistribution.kind"] =
      p.keyDistribution ? text(model::keyDistributionKindName(p.keyDistribution->kind)) : kNone;
  return s;
}

QString fieldText(QWidget* field) {
  if (auto* edit = qobject_cast<QLineEdit*>(field)) return edit->text().trimmed();
  return static_cast<QComboBox*>(field)->currentText();
}

std::optional<double> parseNumber(const QString& value) {
  bool ok = false;
  const double parsed = value.toDouble(&ok);
  if (!ok || !std::isfinite(parsed) || parsed < 0) return std::nullopt;
  return parsed;
}

// Applies the text `value` of the field of `member` to `p`; false when it is not a valid value.
bool apply(const std::string& member, const QString& value, model::AccessPattern& p) {
  const std::string v = value.toStdString();
  if (member == "id") {
    if (v.empty()) return false;
    p.id = v;
  } else if (member == "name") {
    p.name = v;
  } else if (member == "action") {
    const auto action = model::parseAction(v);
    if (!action) return false;
    p.action = *action;
  } else if (member == "entities") {
    p.entities = splitNames(value);
  } else if (member == "equals") {
    p.equals = splitNames(value);
  } else if (member == "range.attribute" || member == "range.op") {
    // Both halves are read together: a range needs its attribute.
    return true;
  } else if (member == "sortBy") {
    p.sortBy = v.empty() ? std::nullopt : std::optional<std::string>(v);
  } else if (member == "order") {
    p.order = model::parseSortOrder(v);
  } else if (member == "limit") {
    if (v.empty()) {
      p.limit.reset();
    } else {
      bool ok = false;
      const qlonglong limit = value.toLongLong(&ok);
      if (!ok || limit < 0) return false;
      p.limit = limit;
    }
  } else if (member == "consistency") {
    p.consistency = model::parseConsistency(v);
  } else if (member == "rate.mean" || member == "rate.peak") {
    return true;  // read together below
  } else if (member == "keyDistribution.kind") {
    const auto kind = model::parseKeyDistributionKind(v);
    if (!kind) {
      p.keyDistribution.reset();
    } else {
      if (!p.keyDistribution) p.keyDistribution.emplace();
      p.keyDistribution->kind = *kind;
    }
  }
  return true;
}

// Gives each field the tooltip that explains it (its "ownToolTip", which markField shows while
// the field has no finding), and each choice of the action and consistency its DynamoDB term.
void explainFields(const std::map<std::string, QWidget*>& fields) {
  using E = AccessPatternEditor;
  const std::map<std::string, QString> tips = {
      {"id", paragraphToolTip(E::tr("The pattern's id, unique in the project, e.g. AP9; plans, "
                                    "designs and workloads name the pattern by it."))},
      {"name", termToolTip(E::tr("What the application does, in its own words."),
                           {DynamoDbTerm::AccessPattern})},
      {"action", paragraphToolTip(E::tr("What the pattern does; the planner chooses the DynamoDB "
                                        "call that does it on each design. Hover over a choice "
                                        "for its call."))},
      {"entities", paragraphToolTip(E::tr("The entities the pattern reads or writes, "
                                          "comma-separated."))},
      {"equals", termToolTip(E::tr("The attributes the pattern gives by exact value, "
                                   "comma-separated: what a partition key can be made of."),
                             {DynamoDbTerm::PartitionKey})},
      {"range.attribute", termToolTip(E::tr("An attribute the pattern asks for a range of; a sort "
                                            "key on it serves the range."),
                                      {DynamoDbTerm::KeyCondition})},
      {"range.op", termToolTip(E::tr("How the range is asked for."), {DynamoDbTerm::KeyCondition})},
      {"sortBy", termToolTip(E::tr("The attribute the answer is sorted by; empty: the range "
                                   "attribute."),
                             {DynamoDbTerm::QueryOrder})},
      {"order", termToolTip(E::tr("Ascending or descending."), {DynamoDbTerm::QueryOrder})},
      {"limit",
       termToolTip(E::tr("At most this many items a request returns."), {DynamoDbTerm::Limit})},
      {"consistency",
       termToolTip(E::tr("The read consistency the pattern needs; (none): "
                         "eventually consistent, DynamoDB's default."),
                   {DynamoDbTerm::EventuallyConsistentRead, DynamoDbTerm::StronglyConsistentRead})},
      {"rate.mean", paragraphToolTip(E::tr("Requests per second on average: the on-demand cost "
                                           "is the mean rate's."))},
      {"rate.peak", paragraphToolTip(E::tr("Requests per second at the peak; empty: the mean. "
                                           "Provisioned capacity is sized to it."))},
      {"keyDistribution.kind",
       termToolTip(E::tr("How requests pick keys: uniform, or skewed so that a few keys are much "
                         "busier than the rest; (none): the simulator's default."),
                   {DynamoDbTerm::HotPartition})},
  };
  for (const auto& [member, tip] : tips) fields.at(member)->setProperty("ownToolTip", tip);

  auto* action = static_cast<QComboBox*>(fields.at("action"));
  for (int i = 0; i < action->count(); ++i) {
    if (const auto parsed = model::parseAction(action->itemText(i).toStdString())) {
      action->setItemData(i, termToolTip(actionTerm(*parsed)), Qt::ToolTipRole);
    }
  }
  auto* consistency = static_cast<QComboBox*>(fields.at("consistency"));
  for (int i = 0; i < consistency->count(); ++i) {
    if (const auto parsed = model::parseConsistency(consistency->itemText(i).toStdString())) {
      consistency->setItemData(i, termToolTip(consistencyTerm(*parsed)), Qt::ToolTipRole);
    }
  }
}

}  // namespace

AccessPatternEditor::AccessPatternEditor(ProjectDocument* document, QWidget* parent)
    : QWidget(parent), document_(document), problemsLabel_(new QLabel(this)) {
  auto lineEdit = [this](const std::string& member, const QString& placeholder) {
    auto* edit = new QLineEdit(this);
    edit->setPlaceholderText(placeholder);
    fields_[member] = edit;
    connect(edit, &QLineEdit::editingFinished, this, &AccessPatternEditor::commit);
    return edit;
  };
  auto comboBox = [this](const std::string& member, const QStringList& items) {
    auto* combo = new QComboBox(this);
    combo->addItems(items);
    fields_[member] = combo;
    connect(combo, &QComboBox::activated, this, &AccessPatternEditor::commit);
    return combo;
  };
  using model::Action;
  const QStringList actions =
      names({Action::Get, Action::Query, Action::Scan, Action::Put, Action::Update, Action::Delete,
             Action::Transaction, Action::Aggregate},
            &model::actionName, false);
  using model::RangeOp;
  const QStringList ops = names({RangeOp::Between, RangeOp::BeginsWith, RangeOp::Less,
                                 RangeOp::LessOrEqual, RangeOp::Greater, RangeOp::GreaterOrEqual},
                                &model::rangeOpName, true);
  const QStringList orders =
      names({model::SortOrder::Asc, model::SortOrder::Desc}, &model::sortOrderName, true);
  const QStringList consistencies = names(
      {model::Consistency::Eventual, model::Consistency::Strong}, &model::consistencyName, true);
  using model::KeyDistributionKind;
  const QStringList kinds = names({KeyDistributionKind::Uniform, KeyDistributionKind::Zipfian,
                                   KeyDistributionKind::YcsbScrambled, KeyDistributionKind::Hotspot,
                                   KeyDistributionKind::Latest, KeyDistributionKind::Exponential},
                                  &model::keyDistributionKindName, true);

  const auto* whole =
      new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,18}")), this);
  const auto* decimal = new QRegularExpressionValidator(
      QRegularExpression(QStringLiteral("[0-9]{0,15}(\\.[0-9]{0,15})?")), this);

  auto* form = new QFormLayout;
  form->addRow(tr("I&d:"), lineEdit("id", tr("unique, e.g. AP9")));
  form->addRow(tr("&Name:"), lineEdit("name", tr("what the application does")));
  form->addRow(tr("&Action:"), comboBox("action", actions));
  form->addRow(tr("&Entities:"), lineEdit("entities", tr("entity names, comma-separated")));
  form->addRow(tr("E&quals:"), lineEdit("equals", tr("attributes given by equality")));
  auto* range = new QHBoxLayout;
  range->addWidget(lineEdit("range.attribute", tr("attribute (none: no range)")), 1);
  range->addWidget(comboBox("range.op", ops));
  form->addRow(tr("Range:"), range);
  auto* sort = new QHBoxLayout;
  sort->addWidget(lineEdit("sortBy", tr("sort by (default: the range attribute)")), 1);
  sort->addWidget(comboBox("order", orders));
  form->addRow(tr("Sort:"), sort);
  auto* limit = static_cast<QLineEdit*>(lineEdit("limit", tr("at most this many items")));
  limit->setValidator(whole);
  form->addRow(tr("&Limit:"), limit);
  form->addRow(tr("&Consistency:"), comboBox("consistency", consistencies));
  auto* rate = new QHBoxLayout;
  auto* mean = static_cast<QLineEdit*>(lineEdit("rate.mean", tr("mean requests/s")));
  auto* peak = static_cast<QLineEdit*>(lineEdit("rate.peak", tr("peak requests/s")));
  mean->setValidator(decimal);
  peak->setValidator(decimal);
  rate->addWidget(mean);
  rate->addWidget(peak);
  form->addRow(tr("Rate:"), rate);
  form->addRow(tr("&Keys:"), comboBox("keyDistribution.kind", kinds));

  for (auto& [member, field] : fields_) {
    field->setObjectName(QStringLiteral("pattern.") + QString::fromStdString(member));
  }
  explainFields(fields_);
  problemsLabel_->setObjectName(QStringLiteral("patternProblems"));
  problemsLabel_->setWordWrap(true);
  problemsLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(problemsLabel_);
  layout->addStretch();

  connect(document_, &ProjectDocument::changed, this, &AccessPatternEditor::refresh);
  refresh();
}

AccessPatternEditor::~AccessPatternEditor() = default;

void AccessPatternEditor::setPattern(int row) {
  pattern_ = row;
  refresh();
}

QWidget* AccessPatternEditor::field(const std::string& member) const {
  const auto it = fields_.find(member);
  return it == fields_.end() ? nullptr : it->second;
}

QString AccessPatternEditor::problemsText() const { return problemsLabel_->text(); }

void AccessPatternEditor::refresh() {
  const auto& patterns = document_->project().accessPatterns;
  if (pattern_ >= static_cast<int>(patterns.size())) pattern_ = -1;
  const bool has = pattern_ >= 0;
  for (auto& [member, field] : fields_) field->setEnabled(has);
  if (!has) {
    for (auto& [member, field] : fields_) {
      if (auto* edit = qobject_cast<QLineEdit*>(field)) edit->clear();
      markField(field, {});
    }
    problemsLabel_->clear();
    return;
  }
  const model::AccessPattern& p = patterns[pattern_];
  const std::string path = model::jsonPathIndex("accessPatterns", pattern_);
  for (const auto& [member, value] : shown(p)) {
    QWidget* field = fields_.at(member);
    if (auto* edit = qobject_cast<QLineEdit*>(field)) {
      edit->setText(value);
    } else {
      auto* combo = static_cast<QComboBox*>(field);
      combo->setCurrentIndex(std::max(0, static_cast<int>(combo->findText(value))));
    }
    QStringList findings = findingsAt(document_->validation(), model::jsonPathMember(path, member));
    // A finding about the whole range or rate belongs to each of its fields.
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

void AccessPatternEditor::markField(QWidget* field, const QStringList& findings) {
  field->setStyleSheet(findings.isEmpty() ? QString() : kFaultStyle);
  // A field's own tooltip, which explains it, shows again once its findings are gone.
  field->setToolTip(findings.isEmpty() ? field->property("ownToolTip").toString()
                                       : findings.join(QLatin1Char('\n')));
  field->setProperty("faulty", !findings.isEmpty());
}

void AccessPatternEditor::commit() {
  if (pattern_ < 0) return;
  const model::AccessPattern& before = document_->project().accessPatterns[pattern_];
  const std::map<std::string, QString> was = shown(before);
  model::AccessPattern after = before;
  bool changed = false;
  bool valid = true;
  for (const auto& [member, old] : was) {
    QWidget* field = fields_.at(member);
    const QString now = fieldText(field);
    if (now == old) continue;
    changed = true;
    if (!apply(member, now, after)) {
      valid = false;
      markField(field, {tr("error: not a valid value")});
    }
  }
  if (!changed) return;
  // The range and the rate: each read from both its fields when either changed.
  const QString rangeAttribute = fieldText(fields_.at("range.attribute"));
  const QString rangeOp = fieldText(fields_.at("range.op"));
  if (rangeAttribute != was.at("range.attribute") || rangeOp != was.at("range.op")) {
    if (rangeAttribute.isEmpty()) {
      after.range.reset();
    } else {
      if (!after.range) after.range.emplace();
      after.range->attribute = rangeAttribute.toStdString();
      after.range->op =
          model::parseRangeOp(rangeOp.toStdString()).value_or(model::RangeOp::Between);
    }
  }
  const QString mean = fieldText(fields_.at("rate.mean"));
  const QString peak = fieldText(fields_.at("rate.peak"));
  if (mean != was.at("rate.mean") || peak != was.at("rate.peak")) {
    if (mean.isEmpty() && peak.isEmpty()) {
      after.rate.reset();
    } else {
      const std::optional<double> meanValue =
          mean.isEmpty() ? std::optional<double>(0) : parseNumber(mean);
      const std::optional<double> peakValue = peak.isEmpty() ? std::nullopt : parseNumber(peak);
      if (!meanValue || (!peak.isEmpty() && !peakValue)) {
        valid = false;
        markField(fields_.at(meanValue ? "rate.peak" : "rate.mean"),
                  {tr("error: expected a number of requests per second")});
      } else {
        if (!after.rate) after.rate.emplace();
        // Only the half that changed, so that the other keeps its exact value.
        if (mean != was.at("rate.mean")) after.rate->mean = *meanValue;
        if (peak != was.at("rate.peak")) after.rate->peak = peakValue;
      }
    }
  }
  if (!valid) return;
  if (shown(after) == was) {
    refresh();  // the same value written another way ("A,B" for "A, B")
    return;
  }
  document_->undoStack()->push(new EditAccessPatternCommand(document_, pattern_, std::move(after)));
}

}  // namespace kvlab::ui
