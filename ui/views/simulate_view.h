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

class QChart;
class QChartView;
class QComboBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTimer;

namespace kvlab::ui {

class ComparisonTableModel;
class HeatMapWidget;
class PatternComparisonModel;
class ProjectDocument;
class RunTableModel;

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
// The results: a table per pattern (RunTableModel) and charts of the run shown (latency per
// pattern, requests and throttles over time, the partition heat map, the cache's hit ratio and
// the servers' utilization when the engine has them); with several engines, the runs side by
// side (ComparisonTableModel, the columns of `kvlab simulate --engine all`), each pattern's p99
// on each, and a choice of which run the table and charts show. GUI thread only.
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
  const std::vector<sim::RunResult>& runs() const { return runs_; }
  // Which of runs() the table and the charts show.
  bool showRun(int index);
  int shownRun() const { return shownRun_; }

  const RunTableModel* runModel() const { return runModel_; }
  const ComparisonTableModel* comparisonModel() const { return comparisonModel_; }
  const PatternComparisonModel* patternComparisonModel() const { return patternModel_; }
  QChart* latencyChart() const;
  QChart* timelineChart() const;
  // Null while hidden (an engine without cache or servers).
  QChart* utilizationChart() const;
  const HeatMapWidget* heatMap() const { return heatMap_; }
  // The line beside the progress bar: what the last run did, or why nothing ran.
  QString statusText() const;
  // The progress bar's value, 0..1000.
  int progress() const;

 signals:
  // A run ended (finished, cancelled or failed) and the view shows its outcome.
  void runFinished();

 private:
  struct Control;

  void documentChanged();
  void loadChanged();
  void pollProgress();
  void finished();
  void showResults();
  void setChart(QChartView* view, QChart* chart);
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

  QGroupBox* comparisonBox_;
  QTableView* comparisonTable_;
  QComboBox* runSelector_;
  QLabel* runSelectorLabel_;
  QTabWidget* tables_;
  QTableView* runTable_;
  QTableView* patternTable_;
  QGridLayout* chartGrid_;
  QChartView* latencyView_;
  QChartView* timelineView_;
  QChartView* utilizationView_;
  HeatMapWidget* heatMap_;

  RunTableModel* runModel_;
  ComparisonTableModel* comparisonModel_;
  PatternComparisonModel* patternModel_;
  QFutureWatcher<SimulationOutcome>* watcher_;
  QTimer* progressTimer_;
  std::shared_ptr<Control> control_;
  int engineCount_ = 1;

  std::vector<sim::RunResult> runs_;
  int shownRun_ = -1;
};

}  // namespace kvlab::ui
