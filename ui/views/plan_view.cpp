#include "ui/views/plan_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

#include "model/design/planner.h"
#include "ui/document/project_document.h"
#include "ui/models/capacity_table_model.h"
#include "ui/models/number_text.h"
#include "ui/models/plan_table_model.h"
#include "ui/views/table_view_setup.h"

namespace kvlab::ui {
namespace {

// Wide enough for most names and key conditions; the tooltip has the rest.
constexpr int kMaxColumnWidth = 320;

QString counted(qsizetype count, const QString& singular, const QString& plural) {
  return QStringLiteral("%1 %2").arg(count).arg(count == 1 ? singular : plural);
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
      designSelector_(new QComboBox(this)),
      designLabel_(new QLabel(this)),
      planTable_(new QTableView(this)),
      capacityTable_(new QTableView(this)),
      summaryLabel_(new QLabel(this)) {
  designSelector_->setObjectName(QStringLiteral("planDesignSelector"));
  designSelector_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  designSelector_->setMinimumContentsLength(16);
  designSelector_->setToolTip(tr("The design to plan"));
  designLabel_->setObjectName(QStringLiteral("planDesignLabel"));
  auto* designText = new QLabel(tr("&Design:"), this);
  designText->setBuddy(designSelector_);

  auto* top = new QHBoxLayout;
  top->addWidget(designText);
  top->addWidget(designSelector_);
  top->addSpacing(12);
  top->addWidget(designLabel_, 1);

  planTable_->setObjectName(QStringLiteral("planTable"));
  planTable_->setModel(planModel_);
  setUpReadOnlyTable(planTable_);
  capacityTable_->setObjectName(QStringLiteral("capacityTable"));
  capacityTable_->setModel(capacityModel_);
  setUpReadOnlyTable(capacityTable_);

  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->addWidget(planTable_);
  splitter->addWidget(capacityTable_);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 1);
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
  connect(designSelector_, &QComboBox::currentIndexChanged, this, &PlanView::replan);
  connect(document_, &ProjectDocument::changed, this, &PlanView::documentChanged);
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
  {
    // One plan per change, not one per item the selector gains.
    const QSignalBlocker blocker(designSelector_);
    designSelector_->clear();
    for (const model::Design& design : document_->project().designs) {
      designSelector_->addItem(QString::fromStdString(design.name));
    }
    const int kept = designSelector_->findText(previous);
    designSelector_->setCurrentIndex(kept >= 0 ? kept : 0);
  }
  replan();
}

void PlanView::replan() {
  const model::Project& project = document_->project();
  const int index = designSelector_->currentIndex();
  designSelector_->setEnabled(designSelector_->count() > 0);
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
  designLabel_->setText(tr("Table %1, %2, %3; prices %4")
                            .arg(QString::fromStdString(plan.tableName),
                                 counted(plan.gsiCount, tr("GSI"), tr("GSIs")),
                                 counted(plan.lsiCount, tr("LSI"), tr("LSIs")),
                                 QString::fromStdString(plan.priceSheet)));
  summaryLabel_->setText(planSummary(plan));
  capacityModel_->setPlan(plan);
  planModel_->setPlan(std::move(plan));
}

void PlanView::showNoPlan(const QString& why) {
  planModel_->clear();
  capacityModel_->clear();
  designLabel_->clear();
  summaryLabel_->setText(why);
}

}  // namespace kvlab::ui
