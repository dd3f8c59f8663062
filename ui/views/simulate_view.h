#pragma once

#include <QFutureWatcher>
#include <QString>
#include <QWidget>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "model/capacity/price_sheet.h"
#include "simulator/metrics/run_result.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace kvlab::ui {

class ProjectDocument;
class RunResultsPanel;

// What a simulation in the Simulate tab ended with: the runs, in engine order (the last one
// partial when cancelled), or the error that stopped it.
struct SimulationOutcome {
  std::string error;
  std::vector<sim::RunResult> runs;
  bool cancelled = false;
};

// The Simulate tab: a design of the document's project run in virtual time on an engine
// (dynamodb, relational, cache, cache-aside, or all of them one after another), for a duration,
// with a seed, at the patterns' mean or peak rates or under one of the project's workloads, and
// DynamoDB's capacity mode. It creates the engines and the runner exactly as `kvlab simulate`
// does (sim::createEngine, sim::Runner), on a copy of the project in a QtConcurrent worker: a
// progress bar follows the virtual clock and Cancel stops the run at its next virtual second,
// keeping what it has. The window never waits for it.
//
// The results are shown in a RunResultsPanel; Keep adds them to the project's saved runs (the
// Runs tab), where they stay to be compared with later ones. GUI thread only.
class SimulateView : public QWidget {
  Q_OBJECT

 public:
  // `document` must outlive the view. `prices` may be null when the price sheet could not be
  // loaded; `pricesProblem` then says why.
  SimulateView(ProjectDocument* document, std::shared_ptr<const model::capacity::PriceSheet> prices,
               const QString& pricesProblem, QWidget* parent = nullptr);
  // A run still going is cancelled and left to stop in the thread pool with its own copies.
  ~SimulateView() override;

  // The choices, as the controls offer them; each returns false when there is no such choice.
  bool selectDesign(const QString& name);
  // "dynamodb", "relational", "cache", "cache-aside" or "all".
  bool selectEngine(const QString& name);
  void setDurationSeconds(int seconds);
  void setSeed(int seed);
  // "mean", "peak", or the name of one of the project's workloads.
  bool selectLoad(const QString& load);
  // "on-demand" or "provisioned" (DynamoDB's; the other engines have servers).
  bool selectCapacity(const QString& mode);

  // Starts a run with the choices; returns false, with the reason in statusText(), when it
  // cannot (one is running, the project has errors or no design, there is no price sheet).
  // runFinished() is emitted once the results (or the error) are shown.
  bool run();
  // Asks the run to stop at its next virtual second; its partial results are shown.
  void cancel();
  bool isRunning() const;

  // The runs of the last simulation that finished, in engine order; empty before the first.
  const std::vector<sim::RunResult>& runs() const;
  // Which of runs() the table and the charts show.
  bool showRun(int index);
  // Their tables and charts.
  RunResultsPanel* results() const { return results_; }
  // The line beside the progress bar: what the last run did, or why nothing ran.
  QString statusText() const;
  // The progress bar's value, 0..1000.
  int progress() const;

  // Keeps the runs of the last simulation in the project (a KeepRunsCommand, so undoable), named
  // after their engine, design, load, duration and seed ("dynamodb: single-table, mean rates,
  // 10 s, seed 1", then " (2)", " (3)"... when a kept run has the name); false when there are
  // none, or they were kept already.
  bool keepRuns();

 signals:
  // A run ended (finished, cancelled or failed) and the view shows its outcome.
  void runFinished();

 private:
  struct Control;

  void documentChanged();
  void runsChanged();
  void projectReplaced();
  void loadChanged();
  void pollProgress();
  void finished();
  void setRunning(bool running);

  ProjectDocument* document_;
  std::shared_ptr<const model::capacity::PriceSheet> prices_;
  QString pricesProblem_;

  QComboBox* designSelector_;
  QComboBox* engineSelector_;
  QSpinBox* durationSpin_;
  QSpinBox* seedSpin_;
  QComboBox* loadSelector_;
  QComboBox* capacitySelector_;
  QPushButton* runButton_;
  QPushButton* cancelButton_;
  QProgressBar* progressBar_;
  QLabel* statusLabel_;

  QPushButton* keepButton_;
  RunResultsPanel* results_;
  QFutureWatcher<SimulationOutcome>* watcher_;
  QTimer* progressTimer_;
  std::shared_ptr<Control> control_;
  int engineCount_ = 1;

  // How the last simulation was set up, for the names of kept runs.
  QString loadDescription_;
  // The results of the last runs as Keep put them in the project: while the project holds one
  // (not undone), they count as kept.
  std::vector<std::shared_ptr<const std::string>> keptResults_;
  bool kept_ = false;
  bool discardRun_ = false;  // the project was replaced while the run went on
};

}  // namespace kvlab::ui
