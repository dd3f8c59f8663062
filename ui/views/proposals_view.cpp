#include "ui/views/proposals_view.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <utility>

#include "ui/document/project_document.h"
#include "ui/models/dynamodb_terms.h"
#include "ui/models/plan_table_model.h"
#include "ui/models/proposal_table_model.h"
#include "ui/views/plan_view.h"
#include "ui/views/table_view_setup.h"

namespace kvlab::ui {
namespace {

constexpr int kMaxColumnWidth = 320;

}  // namespace

ProposalsView::ProposalsView(ProjectDocument* document,
                             std::shared_ptr<const model::capacity::PriceSheet> prices,
                             const QString& pricesProblem, QWidget* parent)
    : QWidget(parent),
      document_(document),
      prices_(std::move(prices)),
      pricesProblem_(pricesProblem),
      proposalModel_(new ProposalTableModel(this)),
      planModel_(new PlanTableModel(this)),
      watcher_(new QFutureWatcher<model::ModelerResult>(this)),
      proposeButton_(new QPushButton(tr("&Propose designs"), this)),
      adoptButton_(new QPushButton(tr("&Adopt"), this)),
      statusLabel_(new QLabel(this)),
      proposalTable_(new QTableView(this)),
      reasonsEdit_(new QPlainTextEdit(this)),
      planTable_(new QTableView(this)) {
  proposeButton_->setObjectName(QStringLiteral("proposeButton"));
  proposeButton_->setToolTip(termToolTip(
      tr("Run the modeler: single-table designs that serve the access patterns at the least "
         "monthly cost, best first."),
      {DynamoDbTerm::SingleTableDesign}));
  adoptButton_->setObjectName(QStringLiteral("adoptButton"));
  adoptButton_->setToolTip(termToolTip(tr("Add the selected proposal to the project's designs."),
                                       {DynamoDbTerm::Design}));
  adoptButton_->setEnabled(false);
  statusLabel_->setObjectName(QStringLiteral("proposalsStatus"));
  statusLabel_->setText(tr("No proposals yet: press Propose designs."));

  auto* top = new QHBoxLayout;
  top->addWidget(proposeButton_);
  top->addWidget(statusLabel_, 1);
  top->addWidget(adoptButton_);

  proposalTable_->setObjectName(QStringLiteral("proposalTable"));
  proposalTable_->setModel(proposalModel_);
  setUpReadOnlyTable(proposalTable_);
  reasonsEdit_->setObjectName(QStringLiteral("proposalReasons"));
  reasonsEdit_->setReadOnly(true);
  reasonsEdit_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
  reasonsEdit_->setPlaceholderText(tr("The reasons for each choice of the selected proposal"));
  planTable_->setObjectName(QStringLiteral("proposalPlanTable"));
  planTable_->setModel(planModel_);
  setUpReadOnlyTable(planTable_);

  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->addWidget(proposalTable_);
  splitter->addWidget(reasonsEdit_);
  splitter->addWidget(planTable_);
  splitter->setChildrenCollapsible(false);
  splitter->setStretchFactor(0, 2);
  splitter->setStretchFactor(1, 3);
  splitter->setStretchFactor(2, 5);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(splitter, 1);

  // Fitted after every reset, so that an empty table still shows whole headers.
  connect(proposalModel_, &QAbstractItemModel::modelReset, this,
          [this] { fitColumns(proposalTable_, 2 * kMaxColumnWidth); });
  connect(planModel_, &QAbstractItemModel::modelReset, this,
          [this] { fitColumns(planTable_, kMaxColumnWidth, PlanTableModel::kKeyConditionColumn); });
  fitColumns(proposalTable_, 2 * kMaxColumnWidth);
  fitColumns(planTable_, kMaxColumnWidth, PlanTableModel::kKeyConditionColumn);
  connect(proposeButton_, &QPushButton::clicked, this, &ProposalsView::propose);
  connect(adoptButton_, &QPushButton::clicked, this, &ProposalsView::adoptSelected);
  connect(watcher_, &QFutureWatcherBase::finished, this, &ProposalsView::proposed);
  connect(proposalTable_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          &ProposalsView::showSelectedProposal);
  connect(document_, &ProjectDocument::changed, this, &ProposalsView::documentChanged);
}

ProposalsView::~ProposalsView() = default;

bool ProposalsView::isProposing() const { return proposing_; }

bool ProposalsView::propose() {
  if (isProposing()) return false;
  if (!prices_) {
    statusLabel_->setText(tr("Cannot propose: %1").arg(pricesProblem_));
    return false;
  }
  if (!document_->isProjectValid()) {
    statusLabel_->setText(
        tr("Cannot propose: the project has errors, and the modeler needs a valid project."));
    return false;
  }
  runGeneration_ = generation_;
  proposing_ = true;
  proposeButton_->setEnabled(false);
  adoptButton_->setEnabled(false);
  setCursor(Qt::BusyCursor);
  statusLabel_->setText(tr("Proposing designs…"));
  // Copies: the document may change, and the view may close, while the worker runs.
  watcher_->setFuture(QtConcurrent::run([project = document_->project(), prices = prices_] {
    return model::proposeDesigns(project, *prices);
  }));
  return true;
}

void ProposalsView::proposed() {
  proposing_ = false;
  proposeButton_->setEnabled(true);
  unsetCursor();
  adopted_.clear();
  if (runGeneration_ != generation_) {
    proposalModel_->clear();
    statusLabel_->setText(tr("The project changed while the modeler ran; propose again."));
  } else {
    model::ModelerResult result = watcher_->result();
    if (!result.error.empty()) {
      proposalModel_->clear();
      statusLabel_->setText(
          tr("The modeler could not run: %1").arg(QString::fromStdString(result.error)));
    } else {
      const int count = static_cast<int>(result.proposals.size());
      proposalModel_->setProposals(std::move(result.proposals));
      statusLabel_->setText(
          count == 0 ? tr("The modeler found no design for these access patterns.")
                     : tr("%1, best first, from %2 candidate keys and %3 ways to serve the "
                          "patterns.")
                           .arg(count == 1 ? tr("1 proposal") : tr("%1 proposals").arg(count))
                           .arg(result.candidateKeys)
                           .arg(result.candidatePlans));
    }
  }
  if (proposalModel_->rowCount() > 0) {
    selectProposal(0);
  } else {
    showSelectedProposal();
  }
  emit proposingFinished();
}

bool ProposalsView::selectProposal(int row) {
  if (row < 0 || row >= proposalModel_->rowCount()) return false;
  proposalTable_->selectionModel()->setCurrentIndex(
      proposalModel_->index(row, 0),
      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  return true;
}

int ProposalsView::selectedProposal() const {
  const QModelIndex current = proposalTable_->selectionModel()->currentIndex();
  return current.isValid() ? current.row() : -1;
}

QString ProposalsView::adoptSelected() {
  const int row = selectedProposal();
  if (row < 0 || adopted_.count(row) > 0) return {};
  // The proposals stay valid: adopting only adds a design, the patterns they serve are the same.
  adopting_ = true;
  const QString name =
      QString::fromStdString(document_->addDesign(proposalModel_->proposal(row).design));
  adopting_ = false;
  adopted_[row] = name;
  statusLabel_->setText(
      tr("Added the design “%1” to the project; the Model and Plan tabs show it.").arg(name));
  updateAdoptButton();
  return name;
}

QString ProposalsView::statusText() const { return statusLabel_->text(); }

QString ProposalsView::reasonsText() const { return reasonsEdit_->toPlainText(); }

void ProposalsView::documentChanged() {
  if (adopting_) return;
  ++generation_;
  if (proposalModel_->rowCount() == 0) return;
  proposalModel_->clear();
  adopted_.clear();
  showSelectedProposal();
  statusLabel_->setText(tr("The project changed; propose again for designs that fit it."));
}

void ProposalsView::showSelectedProposal() {
  const int row = selectedProposal();
  if (row < 0) {
    reasonsEdit_->clear();
    planModel_->clear();
  } else {
    const model::Proposal& proposal = proposalModel_->proposal(row);
    QString reasons;
    for (const std::string& reason : proposal.reasons) {
      reasons += QStringLiteral("• ") + QString::fromStdString(reason) + QLatin1Char('\n');
    }
    reasons += QLatin1Char('\n') + PlanView::planSummary(proposal.plan);
    reasonsEdit_->setPlainText(reasons);
    planModel_->setPlan(proposal.plan);
  }
  updateAdoptButton();
}

void ProposalsView::updateAdoptButton() {
  const int row = selectedProposal();
  const bool adopted = adopted_.count(row) > 0;
  adoptButton_->setEnabled(row >= 0 && !adopted && !isProposing());
  adoptButton_->setText(adopted ? tr("Adopted as “%1”").arg(adopted_.at(row)) : tr("&Adopt"));
}

}  // namespace kvlab::ui
