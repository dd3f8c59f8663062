#pragma once

#include <QFutureWatcher>
#include <QString>
#include <QWidget>
#include <map>
#include <memory>

#include "model/capacity/price_sheet.h"
#include "model/modeler/modeler.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace kvlab::ui {

class PlanTableModel;
class ProjectDocument;
class ProposalTableModel;

// The Proposals tab: "Propose designs" runs the modeler on the document's project, the proposals
// it returns are listed best first, and the one selected shows its reasons and its plan. "Adopt"
// adds the selected proposal to the project's designs through the document.
//
// The modeler runs on a copy of the project in a QtConcurrent worker, with the button disabled
// until it is done, so a large project never freezes the window. When the project changes while
// it runs, or afterwards, the proposals no longer fit it: they are dropped (a late result too),
// except after an Adopt, which only adds a design. GUI thread only.
class ProposalsView : public QWidget {
  Q_OBJECT

 public:
  // `document` must outlive the view. `prices` may be null when the price sheet could not be
  // loaded; `pricesProblem` then says why.
  ProposalsView(ProjectDocument* document,
                std::shared_ptr<const model::capacity::PriceSheet> prices,
                const QString& pricesProblem, QWidget* parent = nullptr);
  // A modeler still running is left to finish in the thread pool with its own copies; its result
  // is dropped.
  ~ProposalsView() override;

  // Starts the modeler; returns false, with the reason in statusText(), when it cannot run (one
  // is already running, the project has errors, there is no price sheet). proposingFinished() is
  // emitted once the list shows the result.
  bool propose();
  bool isProposing() const;

  // Selects the proposal in `row`; false when there is none there.
  bool selectProposal(int row);
  // The selected proposal's row, or -1.
  int selectedProposal() const;
  // Adds the selected proposal to the document's designs (ProjectDocument::addDesign) and returns
  // the name it was given; "" when none is selected or it was adopted already.
  QString adoptSelected();

  const ProposalTableModel* proposalModel() const { return proposalModel_; }
  const PlanTableModel* planModel() const { return planModel_; }
  // The line beside the buttons: what the last run found, or why nothing ran.
  QString statusText() const;
  // The selected proposal's reasons, one a line.
  QString reasonsText() const;

 signals:
  // The modeler finished and the list shows its proposals, its error, or nothing when the
  // project changed while it ran.
  void proposingFinished();

 private:
  void proposed();
  void documentChanged();
  void showSelectedProposal();
  void updateAdoptButton();

  ProjectDocument* document_;
  std::shared_ptr<const model::capacity::PriceSheet> prices_;
  QString pricesProblem_;
  ProposalTableModel* proposalModel_;
  PlanTableModel* planModel_;
  // From propose() until proposed() shows the result: the worker may be done before that, and
  // a second run must not start in between.
  bool proposing_ = false;
  QFutureWatcher<model::ModelerResult>* watcher_;
  QPushButton* proposeButton_;
  QPushButton* adoptButton_;
  QLabel* statusLabel_;
  QTableView* proposalTable_;
  QPlainTextEdit* reasonsEdit_;
  QTableView* planTable_;
  // Counts the document's changes; a run whose count is stale is dropped.
  int generation_ = 0;
  int runGeneration_ = 0;
  bool adopting_ = false;
  std::map<int, QString> adopted_;  // row -> the design name it was adopted as
};

}  // namespace kvlab::ui
