#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "model/modeler/modeler.h"

namespace kvlab::ui {

// A read-only table of the modeler's proposals, best first: the proposal's name, its GSIs, how
// many patterns it serves by key, and its monthly cost (on demand and storage, as the modeler
// ranks them, and provisioned). Keeps its own copy of the proposals. GUI thread only.
class ProposalTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    kNameColumn = 0,
    kGsisColumn,
    kServedColumn,
    kMonthlyCostColumn,
    kProvisionedColumn,
    kColumnCount
  };

  explicit ProposalTableModel(QObject* parent = nullptr);
  ~ProposalTableModel() override;

  // Shows `proposals` (resets the model).
  void setProposals(std::vector<model::Proposal> proposals);
  // Shows nothing (resets the model).
  void clear();
  // The proposal in `row`; requires 0 <= row < rowCount().
  const model::Proposal& proposal(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  std::vector<model::Proposal> proposals_;
};

}  // namespace kvlab::ui
