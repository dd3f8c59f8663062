#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

#include "simulator/metrics/run_result.h"

class QChart;
class QChartView;
class QComboBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace kvlab::ui {

class ComparisonTableModel;
class HeatMapWidget;
class HotKeyTableModel;
class PatternComparisonModel;
class RunTableModel;

// The results of one or more simulated runs, as the Simulate tab shows a run it just made and the
// Runs tab shows runs kept in the project: a table per pattern (RunTableModel), the hottest keys
// (HotKeyTableModel) and charts of the run shown (latency per pattern, and its p99 over time,
// requests and throttles over time, the partition heat map, the cache's hit ratio and the
// servers' utilization when the engine has them). With several runs,
// they also stand side by side (ComparisonTableModel, the columns of `kvlab simulate --engine
// all`), with each pattern's p99 on each, and a choice of which run the table and charts show.
// The heat map of the run shown can open in a window of its own. GUI thread only.
class RunResultsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit RunResultsPanel(QWidget* parent = nullptr);
  ~RunResultsPanel() override;

  // Shows `runs`, the first one in the table and charts. `labels` name the runs side by side and
  // in the choice of run (the engines' names when empty; a simulation of every engine is told
  // apart by engine, saved runs by the names they were kept under).
  void setRuns(std::vector<sim::RunResult> runs, QStringList labels = {});
  void clear();
  // The title over the runs side by side.
  void setComparisonTitle(const QString& title);

  const std::vector<sim::RunResult>& runs() const { return runs_; }
  // Which of runs() the table and the charts show; false when there is no such run.
  bool showRun(int index);
  int shownRun() const { return shownRun_; }

  // Opens the heat map of the run shown in a window of its own (a top-level widget deleted when
  // closed), sized for reading a long run's partitions; null when no run is shown.
  QWidget* openHeatMapWindow();

  const RunTableModel* runModel() const { return runModel_; }
  const ComparisonTableModel* comparisonModel() const { return comparisonModel_; }
  const PatternComparisonModel* patternComparisonModel() const { return patternModel_; }
  // The hottest partition keys of the run shown (engines with partitions).
  const HotKeyTableModel* hotKeyModel() const { return hotKeyModel_; }
  QChart* latencyChart() const;
  // Each pattern's p99 over the run shown, bucket by bucket (the tab beside the latency bars).
  QChart* latencyTimelineChart() const;
  QChart* timelineChart() const;
  // Null while hidden (an engine without cache or servers).
  QChart* utilizationChart() const;
  const HeatMapWidget* heatMap() const { return heatMap_; }

 private:
  void setChart(QChartView* view, QChart* chart);
  QString labelOf(int index) const;

  QGroupBox* comparisonBox_;
  QTableView* comparisonTable_;
  QComboBox* runSelector_;
  QLabel* runSelectorLabel_;
  QPushButton* heatMapButton_;
  QTabWidget* tables_;
  QTableView* runTable_;
  QTableView* patternTable_;
  QTableView* hotKeyTable_;
  QTabWidget* latencyTabs_;
  QGridLayout* chartGrid_;
  QChartView* latencyView_;
  QChartView* latencyTimelineView_;
  QChartView* timelineView_;
  QChartView* utilizationView_;
  HeatMapWidget* heatMap_;

  RunTableModel* runModel_;
  ComparisonTableModel* comparisonModel_;
  PatternComparisonModel* patternModel_;
  HotKeyTableModel* hotKeyModel_;

  std::vector<sim::RunResult> runs_;
  QStringList labels_;
  int shownRun_ = -1;
};

}  // namespace kvlab::ui
