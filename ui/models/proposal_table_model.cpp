#include "ui/models/proposal_table_model.h"

#include <QStringList>
#include <utility>

#include "ui/models/dynamodb_terms.h"
#include "ui/models/number_text.h"

namespace kvlab::ui {
namespace {

QString text(const std::string& value) { return QString::fromStdString(value); }

// "GSI1 (customerId, orderDate)": an index and its key attributes.
QString indexText(const model::SecondaryIndex& index) {
  QStringList keys;
  if (index.pk) keys << text(*index.pk);
  if (index.sk) keys << text(*index.sk);
  return keys.isEmpty() ? text(index.name)
                        : QStringLiteral("%1 (%2)").arg(text(index.name), keys.join(", "));
}

}  // namespace

ProposalTableModel::ProposalTableModel(QObject* parent) : QAbstractTableModel(parent) {}

ProposalTableModel::~ProposalTableModel() = default;

void ProposalTableModel::setProposals(std::vector<model::Proposal> proposals) {
  beginResetModel();
  proposals_ = std::move(proposals);
  endResetModel();
}

void ProposalTableModel::clear() { setProposals({}); }

const model::Proposal& ProposalTableModel::proposal(int row) const {
  return proposals_.at(static_cast<std::size_t>(row));
}

int ProposalTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(proposals_.size());
}

int ProposalTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant ProposalTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const model::Proposal& p = proposal(index.row());
  const model::DesignPlan& plan = p.plan;
  if (role == Qt::TextAlignmentRole && index.column() >= kMonthlyCostColumn) {
    return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
  }
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case kNameColumn:
        return text(p.design.name);
      case kGsisColumn: {
        QStringList gsis;
        for (const model::SecondaryIndex& gsi : p.design.gsis) gsis << indexText(gsi);
        return gsis.isEmpty() ? tr("none") : gsis.join(QStringLiteral(", "));
      }
      case kServedColumn: {
        QString served = tr("%1 of %2").arg(plan.servedCount()).arg(plan.patterns.size());
        if (p.scans > 0) served += tr(", %1 by Scan").arg(p.scans);
        return served;
      }
      case kMonthlyCostColumn:
        return dollarsText(p.monthlyCost);
      case kProvisionedColumn:
        return dollarsText(plan.monthlyCost.provisioned + plan.monthlyCost.storage);
    }
    return {};
  }
  if (role == Qt::ToolTipRole) {
    switch (index.column()) {
      case kMonthlyCostColumn:
      case kProvisionedColumn:
        return tr("On demand %1, provisioned %2, storage %3 a month")
            .arg(dollarsText(plan.monthlyCost.onDemand), dollarsText(plan.monthlyCost.provisioned),
                 dollarsText(plan.monthlyCost.storage));
      case kGsisColumn: {
        QStringList lines;
        for (const model::SecondaryIndex& gsi : p.design.gsis) {
          QStringList entities;
          for (const model::EntityKeys& keys : gsi.entityKeys) entities << text(keys.entity);
          lines << tr("%1: %2").arg(indexText(gsi), entities.join(QStringLiteral(", ")));
        }
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(QStringLiteral("\n")));
      }
    }
    return {};
  }
  return {};
}

QVariant ProposalTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::DisplayRole) {
    switch (section) {
      case kNameColumn:
        return tr("Proposal");
      case kGsisColumn:
        return tr("GSIs (key attributes)");
      case kServedColumn:
        return tr("Patterns served");
      case kMonthlyCostColumn:
        return tr("On demand + storage $/month");
      case kProvisionedColumn:
        return tr("Provisioned + storage $/month");
    }
    return {};
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case kNameColumn:
        return termToolTip(
            tr("Proposals come best first: the least monthly cost that serves every pattern it "
               "can without a Scan, then fewer GSIs, then shorter keys."),
            {DynamoDbTerm::SingleTableDesign});
      case kGsisColumn:
        return termToolTip(
            tr("The global secondary indexes the proposal adds, with their partition and sort "
               "key attributes."),
            {DynamoDbTerm::Gsi});
      case kServedColumn:
        return termToolTip(
            tr("Access patterns the proposal serves, of all the project's patterns, and how "
               "many only a Scan serves."),
            {DynamoDbTerm::Scan});
      case kMonthlyCostColumn:
        return termToolTip(
            tr("The cost the modeler minimises: on-demand request units at the mean rates plus "
               "storage."),
            {DynamoDbTerm::OnDemand});
      case kProvisionedColumn:
        return termToolTip(
            tr("Provisioned capacity sized to the peak rates with the headroom, plus storage."),
            {DynamoDbTerm::Provisioned});
    }
  }
  return {};
}

}  // namespace kvlab::ui
