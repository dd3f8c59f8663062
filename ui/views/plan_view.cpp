#include "ui/views/plan_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

#include "model/design/design_comparison.h"
#include "model/design/planner.h"
#include "ui/document/project_document.h"
#include "ui/models/capacity_table_model.h"
#include "ui/models/design_comparison_model.h"
#include "ui/models/number_text.h"
#include "ui/models/plan_table_model.h"
#include "ui/views/table_view_setup.h"

namespace kvlab::ui {
namespace {

// Wide enough for most names and key conditions; the tooltip has the rest.
constexpr int kMaxColumnWidth = 320;
// The patterns served differently: no way of serving one wider than this.
constexpr int kMaxComparedPatternWidth = 300;
constexpr int kMaxComparedPatternNameWidth = 180;

QString counted(qsizetype count, const QString& singular, const QString& plural) {
  return QStringLiteral("%1 %2").arg(count).arg(count == 1 ? singular : plural);
}

// "Table OnlineShop, 2 GSIs, 0 LSIs".
QString tableText(const model::DesignPlan& plan) {
  return PlanView::tr("Table %1, %2, %3")
      .arg(QString::fromStdString(plan.tableName),
           counted(plan.gsiCount, PlanView::tr("GSI"), PlanView::tr("GSIs")),
           counted(plan.lsiCount, PlanView::tr("LSI"), PlanView::tr("LSIs")));
}

// "<b>single-table</b>: table OnlineShop, 2 GSIs, 0 LSIs", over a plan table beside another.
QString captionText(const model::DesignPlan& plan) {
  return QStringLiteral("<b>%1</b>: %2")
      .arg(QString::fromStdString(plan.design).toHtmlEscaped(), tableText(plan).toHtmlEscaped());
}

// A plan table with a caption over it.
QWidget* captioned(QLabel* caption, QTableView* table, QWidget* parent) {
  auto* pane = new QWidget(parent);
  auto* layout = new QVBoxLayout(pane);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addWidget(caption);
  layout->addWidget(table, 1);
  return pane;
}

}  // namespace

PlanView::PlanView(ProjectDocument* document,
                   std::shared_ptr<const model::capacity::PriceSheet> prices,
                   const QString& pricesProblem, QWidget* parent)
    : QWidget(parent),
      document_(document),
      prices_(std::move(prices)),
      pricesProblem_(pricesProblem),
      planModel_(new PlanTableModel(this)),
      capacityModel_(new CapacityTableModel(this)),
      comparedPlanModel_(new PlanTableModel(this)),
      comparisonModel_(new DesignComparisonModel(this)),
      designSelector_(new QComboBox(this)),
      compareSelector_(new QComboBox(this)),
      designLabel_(new QLabel(this)),
      planCaption_(new QLabel(this)),
      comparedCaption_(new QLabel(this)),
      comparedPane_(nullptr),
      planTable_(new QTableView(this)),
      comparedPlanTable_(new QTableView(this)),
      capacityTable_(new QTableView(this)),
      comparisonTable_(new QTableView(this)),
      comparisonPatternsTable_(new QTableView(this)),
      comparisonPane_(nullptr),
      summaryLabel_(new QLabel(this)) {
  designSelector_->setObjectName(QStringLiteral("planDesignSelector"));
  designSelector_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  designSelector_->setMinimumContentsLength(16);
  designSelector_->setToolTip(tr("The design to plan"));
  designLabel_->setObjectName(QStringLiteral("planDesignLabel"));
  auto* designText = new QLabel(tr("&Design:"), this);
  designText->setBuddy(designSelector_);
  compareSelector_->setObjectName(QStringLiteral("planCompareSelector"));
  compareSelector_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  compareSelector_->setMinimumContentsLength(16);
  compareSelector_->setToolTip(
      tr("A second design to set beside the first: its plan next to the first's, and what "
         "differs between the two in place of the capacity table"));
  auto* compareText = new QLabel(tr("Compare &with:"), this);
  compareText->setBuddy(compareSelector_);

  auto* top = new QHBoxLayout;
  top->addWidget(designText);
  top->addWidget(designSelector_);
  top->addSpacing(12);
  top->addWidget(compareText);
  top->addWidget(compareSelector_);
  top->addSpacing(12);
  top->addWidget(designLabel_, 1);

  planTable_->setObjectName(QStringLiteral("planTable"));
  planTable_->setModel(planModel_);
  setUpReadOnlyTable(planTable_);
  capacityTable_->setObjectName(QStringLiteral("capacityTable"));
  capacityTable_->setModel(capacityModel_);
  setUpReadOnlyTable(capacityTable_);
  comparedPlanTable_->setObjectName(QStringLiteral("comparedPlanTable"));
  comparedPlanTable_->setModel(comparedPlanModel_);
  setUpReadOnlyTable(comparedPlanTable_);
  // One comparison, two tables side by side: the totals, and the patterns served differently.
  comparisonTable_->setObjectName(QStringLiteral("comparisonTable"));
  comparisonTable_->setModel(comparisonModel_);
  setUpReadOnlyTable(comparisonTable_);
  comparisonPatternsTable_->setObjectName(QStringLiteral("comparisonPatternsTable"));
  comparisonPatternsTable_->setModel(comparisonModel_);
  setUpReadOnlyTable(comparisonPatternsTable_);
  planCaption_->setObjectName(QStringLiteral("planCaption"));
  comparedCaption_->setObjectName(QStringLiteral("comparedPlanCaption"));

  // Both plans list the project's patterns in its order, so their rows scroll together.
  connect(planTable_->verticalScrollBar(), &QScrollBar::valueChanged,
          comparedPlanTable_->verticalScrollBar(), &QScrollBar::setValue);
  connect(comparedPlanTable_->verticalScrollBar(), &QScrollBar::valueChanged,
          planTable_->verticalScrollBar(), &QScrollBar::setValue);

  auto* plans = new QSplitter(Qt::Horizontal, this);
  plans->addWidget(captioned(planCaption_, planTable_, plans));
  comparedPane_ = captioned(comparedCaption_, comparedPlanTable_, plans);
  plans->addWidget(comparedPane_);
  plans->setChildrenCollapsible(false);
  plans->setStretchFactor(0, 4);
  plans->setStretchFactor(1, 3);

  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->addWidget(plans);
  splitter->addWidget(capacityTable_);
  auto* comparison = new QSplitter(Qt::Horizontal, this);
  comparison->addWidget(comparisonTable_);
  comparison->addWidget(comparisonPatternsTable_);
  comparison->setStretchFactor(0, 2);
  comparison->setStretchFactor(1, 3);
  comparison->setChildrenCollapsible(false);
  comparisonPane_ = comparison;
  splitter->addWidget(comparison);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 1);
  splitter->setStretchFactor(2, 3);
  splitter->setChildrenCollapsible(false);

  summaryLabel_->setObjectName(QStringLiteral("planSummary"));
  summaryLabel_->setWordWrap(true);
  summaryLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(splitter, 1);
  layout->addWidget(summaryLabel_);

  // Fitted after every reset, so that an empty table still shows whole headers.
  connect(planModel_, &QAbstractItemModel::modelReset, this,
          [this] { fitColumns(planTable_, kMaxColumnWidth, PlanTableModel::kKeyConditionColumn); });
  connect(capacityModel_, &QAbstractItemModel::modelReset, this,
          [this] { fitColumns(capacityTable_, kMaxColumnWidth); });
  connect(comparedPlanModel_, &QAbstractItemModel::modelReset, this, [this] {
    fitColumns(comparedPlanTable_, kMaxColumnWidth, PlanTableModel::kKeyConditionColumn);
    // The pattern's name and rates are the project's: the table on the left has them.
    comparedPlanTable_->setColumnHidden(PlanTableModel::kNameColumn, true);
    comparedPlanTable_->setColumnHidden(PlanTableModel::kRateColumn, true);
  });
  connect(comparisonModel_, &QAbstractItemModel::modelReset, this, [this] {
    // The totals on the left; on the right the heading of the patterns, across the table, and
    // the patterns.
    const int heading = comparisonModel_->patternsHeadingRow();
    for (int row = 0; row < comparisonModel_->rowCount(); ++row) {
      comparisonTable_->setRowHidden(row, row >= heading);
      comparisonPatternsTable_->setRowHidden(row, row < heading);
    }
    comparisonPatternsTable_->clearSpans();
    if (heading >= 0) {
      comparisonPatternsTable_->setSpan(heading, 0, 1, DesignComparisonModel::kColumnCount);
    }
    fitColumns(comparisonTable_, kMaxColumnWidth);
    fitColumns(comparisonPatternsTable_, kMaxComparedPatternWidth);
    // The pattern's id and the start of its name; the tooltip and the plan above have the rest.
    comparisonPatternsTable_->setColumnWidth(
        DesignComparisonModel::kMeasureColumn,
        std::min(kMaxComparedPatternNameWidth,
                 comparisonPatternsTable_->columnWidth(DesignComparisonModel::kMeasureColumn)));
    // The totals take no more width than their columns: the patterns' ways are longer.
    int width = 2 * comparisonTable_->frameWidth() +
                comparisonTable_->verticalScrollBar()->sizeHint().width();
    for (int column = 0; column < DesignComparisonModel::kColumnCount; ++column) {
      width += comparisonTable_->columnWidth(column);
    }
    comparisonTable_->setMaximumWidth(width);
  });
  connect(designSelector_, &QComboBox::currentIndexChanged, this, &PlanView::replan);
  connect(compareSelector_, &QComboBox::currentIndexChanged, this, &PlanView::replan);
  connect(document_, &ProjectDocument::changed, this, &PlanView::documentChanged);
  showComparison(false);
  documentChanged();
}

PlanView::~PlanView() = default;

bool PlanView::selectDesign(int index) {
  if (index < 0 || index >= designSelector_->count()) return false;
  designSelector_->setCurrentIndex(index);
  return true;
}

QString PlanView::currentDesign() const {
  return QString::fromStdString(planModel_->plan().design);
}

int PlanView::designCount() const { return designSelector_->count(); }

bool PlanView::selectComparedDesign(int index) {
  // The selector's first entry is "(none)", then the project's designs in order.
  if (index < -1 || index + 1 >= compareSelector_->count()) return false;
  compareSelector_->setCurrentIndex(index + 1);
  return true;
}

QString PlanView::comparedDesign() const {
  return QString::fromStdString(comparedPlanModel_->plan().design);
}

QString PlanView::summaryText() const { return summaryLabel_->text(); }

QString PlanView::planSummary(const model::DesignPlan& plan) {
  const auto scans = std::count_if(plan.patterns.begin(), plan.patterns.end(),
                                   [](const model::PatternPlan& p) { return p.scan; });
  QString served = tr("%1 of %2 served by key")
                       .arg(plan.servedCount())
                       .arg(counted(static_cast<qsizetype>(plan.patterns.size()), tr("pattern"),
                                    tr("patterns")));
  if (scans > 0) served += tr("; %1 as a Scan").arg(counted(scans, tr("runs"), tr("run")));
  QString text =
      tr("%1. A month costs %2 on demand, %3 provisioned (%4% headroom) and %5 for "
         "storage.")
          .arg(served, dollarsText(plan.monthlyCost.onDemand),
               dollarsText(plan.monthlyCost.provisioned),
               numberText(plan.provisionedHeadroom * 100), dollarsText(plan.monthlyCost.storage));
  for (const model::PlanWarning& warning : plan.warnings) {
    text += QStringLiteral("\n") +
            tr("Design warning, %1: %2")
                .arg(QString::fromStdString(warning.code), QString::fromStdString(warning.message));
  }
  return text;
}

void PlanView::documentChanged() {
  const QString previous = designSelector_->currentText();
  // The name of the compared design is the entry's data; "(none)" has none.
  const QVariant previousCompared = compareSelector_->currentData();
  {
    // One plan per change, not one per item the selectors gain.
    const QSignalBlocker blocker(designSelector_);
    const QSignalBlocker compareBlocker(compareSelector_);
    designSelector_->clear();
    compareSelector_->clear();
    compareSelector_->addItem(tr("(none)"));
    for (const model::Design& design : document_->project().designs) {
      const QString name = QString::fromStdString(design.name);
      designSelector_->addItem(name);
      compareSelector_->addItem(name, name);
    }
    const int kept = designSelector_->findText(previous);
    designSelector_->setCurrentIndex(kept >= 0 ? kept : 0);
    const int keptCompared =
        previousCompared.isValid() ? compareSelector_->findData(previousCompared) : -1;
    compareSelector_->setCurrentIndex(keptCompared >= 0 ? keptCompared : 0);
  }
  replan();
}

void PlanView::replan() {
  const model::Project& project = document_->project();
  const int index = designSelector_->currentIndex();
  const int compared = compareSelector_->currentIndex() - 1;  // -1: "(none)"
  designSelector_->setEnabled(designSelector_->count() > 0);
  compareSelector_->setEnabled(compareSelector_->count() > 2);  // "(none)" and two designs
  if (!prices_) return showNoPlan(tr("No plan: %1").arg(pricesProblem_));
  if (!document_->isProjectValid()) {
    return showNoPlan(
        tr("The project has errors, and the planner needs a valid project: see the Diagnostics "
           "dock, or run kvlab validate on the file."));
  }
  if (index < 0 || index >= static_cast<int>(project.designs.size())) {
    return showNoPlan(tr("The project has no designs yet. Propose some in the Proposals tab."));
  }
  const model::Design& design = project.designs[static_cast<std::size_t>(index)];
  model::DesignPlan plan = model::planDesign(project, design, *prices_);
  designLabel_->setText(
      tr("%1; prices %2").arg(tableText(plan), QString::fromStdString(plan.priceSheet)));
  capacityModel_->setPlan(plan);
  if (compared < 0 || compared >= static_cast<int>(project.designs.size())) {
    summaryLabel_->setText(planSummary(plan));
    comparedPlanModel_->clear();
    comparisonModel_->clear();
    planModel_->setPlan(std::move(plan));
    showComparison(false);
    return;
  }
  model::DesignPlan other =
      model::planDesign(project, project.designs[static_cast<std::size_t>(compared)], *prices_);
  summaryLabel_->setText(QStringLiteral("%1: %2\n%3: %4")
                             .arg(QString::fromStdString(plan.design), planSummary(plan),
                                  QString::fromStdString(other.design), planSummary(other)));
  planCaption_->setText(captionText(plan));
  comparedCaption_->setText(captionText(other));
  comparisonModel_->setComparison(model::compareDesignPlans(plan, other));
  comparedPlanModel_->setPlan(std::move(other));
  planModel_->setPlan(std::move(plan));
  showComparison(true);
}

void PlanView::showNoPlan(const QString& why) {
  planModel_->clear();
  capacityModel_->clear();
  comparedPlanModel_->clear();
  comparisonModel_->clear();
  designLabel_->clear();
  summaryLabel_->setText(why);
  showComparison(false);
}

void PlanView::showComparison(bool shown) {
  planCaption_->setVisible(shown);
  comparedPane_->setVisible(shown);
  comparisonPane_->setVisible(shown);
  // Both designs have the project's rates; beside another plan the room goes to the keys.
  planTable_->setColumnHidden(PlanTableModel::kRateColumn, shown);
  capacityTable_->setVisible(!shown);
}

}  // namespace kvlab::ui
