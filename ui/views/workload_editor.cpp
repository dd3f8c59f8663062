#include "ui/views/workload_editor.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

#include "model/io/json_path.h"
#include "model/schema/project.h"
#include "ui/commands/edit_workload_command.h"
#include "ui/document/findings_at.h"
#include "ui/document/project_document.h"
#include "ui/models/dynamodb_terms.h"
#include "ui/models/workload_pattern_table_model.h"
#include "ui/views/run_charts.h"

namespace kvlab::ui {
namespace {

const QString kFaultStyle = QStringLiteral("border: 1px solid #c62828; background: #ffebee;");
// Enough points that a spike's edges look sharp on a chart a few hundred pixels wide.
constexpr int kChartSamples = 481;

QString numberText(const std::optional<double>& value) {
  return value ? QString::number(*value, 'g', 15) : QString();
}

// A cell with a fixed set of values (WorkloadPatternTableModel::kChoicesRole) edited with a
// combo box; any other cell with the default line edit.
class ChoiceDelegate : public QStyledItemDelegate {
 public:
  using QStyledItemDelegate::QStyledItemDelegate;

  QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                        const QModelIndex& index) const override {
    const QStringList choices = index.data(WorkloadPatternTableModel::kChoicesRole).toStringList();
    if (choices.isEmpty()) return QStyledItemDelegate::createEditor(parent, option, index);
    auto* combo = new QComboBox(parent);
    combo->addItems(choices);
    return combo;
  }
  void setEditorData(QWidget* editor, const QModelIndex& index) const override {
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
      combo->setCurrentText(index.data(Qt::EditRole).toString());
      return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
  }
  void setModelData(QWidget* editor, QAbstractItemModel* model,
                    const QModelIndex& index) const override {
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
      model->setData(index, combo->currentText());
      return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
  }
};

}  // namespace

WorkloadEditor::WorkloadEditor(ProjectDocument* document, QWidget* parent)
    : QWidget(parent),
      document_(document),
      patternModel_(new WorkloadPatternTableModel(document, this)),
      patternView_(new QTableView(this)),
      addCombo_(new QComboBox(this)),
      addButton_(new QPushButton(tr("Add pattern"), this)),
      removeButton_(new QPushButton(tr("Remove"), this)),
      chartView_(new QChartView(makePlaceholderChart(tr("Rate over time")), this)),
      problemsLabel_(new QLabel(this)) {
  auto lineEdit = [this](const std::string& member, const QString& placeholder) {
    auto* edit = new QLineEdit(this);
    edit->setObjectName(QStringLiteral("workload.") + QString::fromStdString(member));
    edit->setPlaceholderText(placeholder);
    fields_[member] = edit;
    connect(edit, &QLineEdit::editingFinished, this, &WorkloadEditor::commitFields);
    return edit;
  };
  auto* form = new QFormLayout;
  form->addRow(tr("&Name:"), lineEdit("name", tr("unique among the workloads")));
  auto* runRow = new QHBoxLayout;
  runRow->addWidget(lineEdit("durationSeconds", tr("seconds (empty: the run's)")), 1);
  runRow->addWidget(new QLabel(tr("S&eed:"), this));
  runRow->addWidget(lineEdit("seed", tr("empty: the run's")), 1);
  auto* durationLabel = new QLabel(tr("&Duration:"), this);
  durationLabel->setBuddy(fields_.at("durationSeconds"));
  auto* seedLabel = runRow->itemAt(1)->widget();
  static_cast<QLabel*>(seedLabel)->setBuddy(fields_.at("seed"));
  form->addRow(durationLabel, runRow);
  fields_.at("durationSeconds")
      ->setProperty("ownToolTip", tr("How long a run of the workload lasts, in seconds"));
  fields_.at("seed")->setProperty(
      "ownToolTip", tr("The random seed a run of the workload starts from: the same seed, the "
                       "same requests"));

  patternView_->setObjectName(QStringLiteral("workload.patterns"));
  patternView_->setModel(patternModel_);
  patternView_->setItemDelegate(new ChoiceDelegate(patternView_));
  patternView_->setSelectionBehavior(QAbstractItemView::SelectRows);
  patternView_->setSelectionMode(QAbstractItemView::SingleSelection);
  patternView_->setEditTriggers(QAbstractItemView::DoubleClicked |
                                QAbstractItemView::SelectedClicked |
                                QAbstractItemView::EditKeyPressed);
  patternView_->verticalHeader()->hide();
  patternView_->verticalHeader()->setDefaultSectionSize(patternView_->fontMetrics().height() + 8);
  patternView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  patternView_->horizontalHeader()->setStretchLastSection(true);
  patternView_->setWordWrap(false);
  connect(patternModel_, &QAbstractItemModel::modelReset, patternView_, [this] {
    // As tall as its rows (up to 6), so that the editor has no scroll bars inside.
    const int rows = std::clamp(patternModel_->rowCount(), 1, 6);
    patternView_->setFixedHeight(patternView_->horizontalHeader()->sizeHint().height() +
                                 rows * patternView_->verticalHeader()->defaultSectionSize() +
                                 2 * patternView_->frameWidth() + 2);
  });

  addCombo_->setObjectName(QStringLiteral("workload.addPattern"));
  addCombo_->setPlaceholderText(tr("(every pattern named)"));
  addCombo_->setProperty("ownToolTip", tr("An access pattern the workload does not name yet"));
  fields_["addPattern"] = addCombo_;
  addButton_->setObjectName(QStringLiteral("addWorkloadPatternButton"));
  removeButton_->setObjectName(QStringLiteral("removeWorkloadPatternButton"));
  removeButton_->setToolTip(
      tr("Stops naming the pattern chosen in the grid: it runs at its "
         "own rate and key popularity"));
  auto* chooser = new QHBoxLayout;
  chooser->addWidget(addCombo_, 1);
  chooser->addWidget(addButton_);
  chooser->addWidget(removeButton_);
  auto* patterns = new QGroupBox(tr("Patterns: rate over time and key popularity"), this);
  patterns->setToolTip(termToolTip(
      tr("How each pattern named here runs in the workload: its rate over time (a rise faster "
         "than on demand follows throttles) and which keys its requests pick (skewed keys make "
         "hot partitions). A pattern not named runs at its own rate and key popularity."),
      {DynamoDbTerm::OnDemand, DynamoDbTerm::HotPartition}));
  auto* patternsLayout = new QVBoxLayout(patterns);
  patternsLayout->addWidget(patternView_);
  patternsLayout->addLayout(chooser);

  chartView_->setObjectName(QStringLiteral("workload.chart"));
  chartView_->setRenderHint(QPainter::Antialiasing);
  chartView_->setMinimumHeight(260);

  problemsLabel_->setObjectName(QStringLiteral("workloadProblems"));
  problemsLabel_->setWordWrap(true);
  problemsLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(patterns);
  layout->addWidget(chartView_, 1);
  layout->addWidget(problemsLabel_);

  connect(addButton_, &QPushButton::clicked, this,
          [this] { addPattern(addCombo_->currentText()); });
  connect(removeButton_, &QPushButton::clicked, this, [this] {
    const QModelIndex current = patternView_->currentIndex();
    if (current.isValid()) removePattern(current.row());
  });
  connect(document_, &ProjectDocument::changed, this, &WorkloadEditor::refresh);
  refresh();
}

WorkloadEditor::~WorkloadEditor() = default;

void WorkloadEditor::setWorkload(int row) {
  workload_ = row;
  patternModel_->setWorkload(row);
  refresh();
}

QWidget* WorkloadEditor::field(const std::string& member) const {
  const auto it = fields_.find(member);
  return it == fields_.end() ? nullptr : it->second;
}

QChart* WorkloadEditor::chart() const { return chartView_->chart(); }

QString WorkloadEditor::problemsText() const { return problemsLabel_->text(); }

std::string WorkloadEditor::workloadPath() const {
  return model::jsonPathIndex("workloads", static_cast<std::size_t>(workload_));
}

void WorkloadEditor::refresh() {
  const auto& workloads = document_->project().workloads;
  if (workload_ >= static_cast<int>(workloads.size())) workload_ = -1;
  if (patternModel_->workload() != workload_) patternModel_->setWorkload(workload_);
  const bool exists = workload_ >= 0;
  for (const auto& [member, field] : fields_) field->setEnabled(exists);
  patternView_->setEnabled(exists);
  addButton_->setEnabled(exists);
  removeButton_->setEnabled(exists && patternModel_->rowCount() > 0);
  addCombo_->clear();
  if (!exists) {
    for (const char* member : {"name", "durationSeconds", "seed"}) {
      static_cast<QLineEdit*>(fields_.at(member))->clear();
      markField(fields_.at(member), {});
    }
    problemsLabel_->clear();
    refreshChart();
    return;
  }
  const model::Workload& w = workloads[workload_];
  static_cast<QLineEdit*>(fields_.at("name"))->setText(QString::fromStdString(w.name));
  static_cast<QLineEdit*>(fields_.at("durationSeconds"))->setText(numberText(w.durationSeconds));
  static_cast<QLineEdit*>(fields_.at("seed"))
      ->setText(w.seed ? QString::number(*w.seed) : QString());
  const model::Diagnostics& findings = document_->validation();
  for (const char* member : {"name", "durationSeconds", "seed"}) {
    markField(fields_.at(member),
              findingsAt(findings, model::jsonPathMember(workloadPath(), member)));
  }
  for (const model::AccessPattern& p : document_->project().accessPatterns) {
    if (w.find(p.id) == nullptr) {
      addCombo_->addItem(QString::fromStdString(p.id));
      addCombo_->setItemData(addCombo_->count() - 1, QString::fromStdString(p.name),
                             Qt::ToolTipRole);
    }
  }
  if (addCombo_->count() > 0) addCombo_->setCurrentIndex(0);
  addButton_->setEnabled(addCombo_->count() > 0);
  refreshChart();

  QStringList lines = problemsUnder(findings, workloadPath());
  for (const auto& [id, problem] : curves_.problems) {
    lines << tr("patterns.%1.rate: error: %2").arg(QString::fromStdString(id), problem);
  }
  problemsLabel_->setText(lines.join(QLatin1Char('\n')));
  problemsLabel_->setVisible(!lines.isEmpty());
}

void WorkloadEditor::refreshChart() {
  const QString folder =
      document_->filePath().isEmpty() ? QString() : QFileInfo(document_->filePath()).absolutePath();
  curves_ =
      sampleWorkloadCurves(document_->project(), workload_, folder.toStdString(), kChartSamples);
  std::map<std::string, QString> problems(curves_.problems.begin(), curves_.problems.end());
  patternModel_->setCurveProblems(std::move(problems));
  QChart* chart =
      workload_ < 0
          ? makePlaceholderChart(tr("Rate over time"))
          : makeWorkloadChart(
                curves_,
                tr("Rate over time of “%1”")
                    .arg(QString::fromStdString(document_->project().workloads[workload_].name)));
  QChart* old = chartView_->chart();
  chartView_->setChart(chart);
  // QChartView::setChart does not delete the chart it replaces.
  delete old;
}

void WorkloadEditor::markField(QWidget* field, const QStringList& findings) {
  field->setStyleSheet(findings.isEmpty() ? QString() : kFaultStyle);
  // A field with a tooltip of its own shows it again once its findings are gone.
  field->setToolTip(findings.isEmpty() ? field->property("ownToolTip").toString()
                                       : findings.join(QLatin1Char('\n')));
  field->setProperty("faulty", !findings.isEmpty());
}

void WorkloadEditor::commitFields() {
  if (workload_ < 0) return;
  const model::Workload& before = document_->project().workloads[workload_];
  model::Workload after = before;
  bool refused = false;
  auto text = [this](const char* member) {
    return static_cast<QLineEdit*>(fields_.at(member))->text().trimmed();
  };
  const QString name = text("name");
  if (name.isEmpty()) {
    markField(fields_.at("name"), {tr("error: a workload needs a name")});
    refused = true;
  } else {
    after.name = name.toStdString();
  }
  const QString duration = text("durationSeconds");
  if (duration != numberText(before.durationSeconds)) {
    bool ok = true;
    const double seconds = duration.toDouble(&ok);
    if (duration.isEmpty()) {
      after.durationSeconds.reset();
    } else if (!ok || !std::isfinite(seconds) || seconds <= 0) {
      markField(fields_.at("durationSeconds"),
                {tr("error: expected a duration in seconds, more than 0")});
      refused = true;
    } else {
      after.durationSeconds = seconds;
    }
  }
  const QString seed = text("seed");
  if (seed != (before.seed ? QString::number(*before.seed) : QString())) {
    bool ok = true;
    const qulonglong value = seed.toULongLong(&ok);
    if (seed.isEmpty()) {
      after.seed.reset();
    } else if (!ok || value > static_cast<qulonglong>(std::numeric_limits<qint64>::max())) {
      markField(fields_.at("seed"), {tr("error: expected a whole number, 0 or more")});
      refused = true;
    } else {
      after.seed = value;
    }
  }
  if (refused) return;
  if (after.name == before.name && after.durationSeconds == before.durationSeconds &&
      after.seed == before.seed) {
    return;
  }
  document_->undoStack()->push(new EditWorkloadCommand(document_, workload_, std::move(after)));
}

bool WorkloadEditor::addPattern(const QString& id) {
  if (workload_ < 0 || id.isEmpty()) return false;
  const model::Workload& before = document_->project().workloads[workload_];
  if (before.find(id.toStdString()) != nullptr ||
      document_->project().findPattern(id.toStdString()) == nullptr) {
    return false;
  }
  model::Workload after = before;
  model::PatternWorkload pattern;
  pattern.patternId = id.toStdString();
  after.patterns.push_back(std::move(pattern));
  document_->undoStack()->push(new EditWorkloadCommand(document_, workload_, std::move(after)));
  return true;
}

bool WorkloadEditor::removePattern(int row) {
  if (workload_ < 0) return false;
  const model::Workload& before = document_->project().workloads[workload_];
  if (row < 0 || row >= static_cast<int>(before.patterns.size())) return false;
  model::Workload after = before;
  after.patterns.erase(after.patterns.begin() + row);
  document_->undoStack()->push(new EditWorkloadCommand(document_, workload_, std::move(after)));
  return true;
}

}  // namespace kvlab::ui
