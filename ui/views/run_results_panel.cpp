#include "ui/views/run_results_panel.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

#include "ui/models/comparison_table_model.h"
#include "ui/models/hot_key_table_model.h"
#include "ui/models/pattern_comparison_model.h"
#include "ui/models/run_table_model.h"
#include "ui/views/heat_map_widget.h"
#include "ui/views/run_charts.h"
#include "ui/views/table_view_setup.h"

namespace kvlab::ui {
namespace {

constexpr int kMaxColumnWidth = 200;
constexpr int kMaxNameWidth = 420;

QChartView* newChartView(QWidget* parent, const QString& name, const QString& title) {
  auto* view = new QChartView(makePlaceholderChart(title), parent);
  view->setObjectName(name);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumSize(260, 180);
  return view;
}

}  // namespace

RunResultsPanel::RunResultsPanel(QWidget* parent)
    : QWidget(parent),
      comparisonBox_(new QGroupBox(tr("Side by side"), this)),
      comparisonTable_(new QTableView(this)),
      runSelector_(new QComboBox(this)),
      runSelectorLabel_(new QLabel(tr("Run shown:"), this)),
      heatMapButton_(new QPushButton(tr("Heat Map in a &Window"), this)),
      tables_(new QTabWidget(this)),
      runTable_(new QTableView(this)),
      patternTable_(new QTableView(this)),
      hotKeyTable_(new QTableView(this)),
      latencyTabs_(new QTabWidget(this)),
      chartGrid_(new QGridLayout),
      latencyView_(
          newChartView(this, QStringLiteral("latencyChart"), tr("Latency per pattern (ms)"))),
      latencyTimelineView_(newChartView(this, QStringLiteral("latencyTimelineChart"),
                                        tr("p99 latency over time (ms)"))),
      timelineView_(newChartView(this, QStringLiteral("timelineChart"), tr("Requests per bucket"))),
      utilizationView_(newChartView(this, QStringLiteral("utilizationChart"),
                                    tr("Cache hit ratio and server utilization (%)"))),
      heatMap_(new HeatMapWidget(this)),
      runModel_(new RunTableModel(this)),
      comparisonModel_(new ComparisonTableModel(this)),
      patternModel_(new PatternComparisonModel(this)),
      hotKeyModel_(new HotKeyTableModel(this)) {
  comparisonTable_->setObjectName(QStringLiteral("comparisonTable"));
  comparisonTable_->setModel(comparisonModel_);
  setUpReadOnlyTable(comparisonTable_);
  comparisonTable_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  auto* comparisonLayout = new QVBoxLayout(comparisonBox_);
  comparisonLayout->setContentsMargins(4, 4, 4, 4);
  comparisonLayout->addWidget(comparisonTable_);
  comparisonBox_->setVisible(false);

  runSelector_->setObjectName(QStringLiteral("runSelector"));
  heatMapButton_->setObjectName(QStringLiteral("heatMapWindowButton"));
  heatMapButton_->setToolTip(
      tr("Open the partition heat map of the run shown in a window of its own, to read a long "
         "run or many partitions"));
  heatMapButton_->setEnabled(false);
  runTable_->setObjectName(QStringLiteral("runTable"));
  runTable_->setModel(runModel_);
  setUpReadOnlyTable(runTable_);
  patternTable_->setObjectName(QStringLiteral("patternComparisonTable"));
  patternTable_->setModel(patternModel_);
  setUpReadOnlyTable(patternTable_);
  tables_->setObjectName(QStringLiteral("runTables"));
  tables_->addTab(runTable_, tr("Per pattern"));
  tables_->addTab(patternTable_, tr("p99 side by side"));
  tables_->setTabVisible(1, false);
  hotKeyTable_->setObjectName(QStringLiteral("hotKeyTable"));
  hotKeyTable_->setModel(hotKeyModel_);
  setUpReadOnlyTable(hotKeyTable_);
  tables_->addTab(hotKeyTable_, tr("Hottest keys"));
  tables_->setTabVisible(2, false);
  tables_->setTabToolTip(2, tr("The partition key values that drew the most units or throttles, "
                               "as CloudWatch Contributor Insights ranks them"));
  latencyTabs_->setObjectName(QStringLiteral("latencyTabs"));
  latencyTabs_->setDocumentMode(true);
  latencyTabs_->addTab(latencyView_, tr("Percentiles"));
  latencyTabs_->addTab(latencyTimelineView_, tr("p99 over time"));

  auto* left = new QWidget(this);
  auto* leftLayout = new QVBoxLayout(left);
  leftLayout->setContentsMargins(0, 0, 0, 0);
  auto* selectorRow = new QHBoxLayout;
  selectorRow->addWidget(runSelectorLabel_);
  selectorRow->addWidget(runSelector_, 1);
  // Takes the room of the choice of run while that is hidden (a single run).
  selectorRow->addStretch(0);
  selectorRow->addWidget(heatMapButton_);
  heatMapButton_->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
  leftLayout->addLayout(selectorRow);
  leftLayout->addWidget(tables_, 1);
  runSelectorLabel_->setVisible(false);
  runSelector_->setVisible(false);

  auto* charts = new QWidget(this);
  chartGrid_->setContentsMargins(0, 0, 0, 0);
  chartGrid_->setSpacing(4);
  charts->setLayout(chartGrid_);
  heatMap_->setObjectName(QStringLiteral("heatMap"));
  chartGrid_->addWidget(latencyTabs_, 0, 0);
  chartGrid_->addWidget(timelineView_, 0, 1);
  chartGrid_->addWidget(heatMap_, 1, 0);
  chartGrid_->addWidget(utilizationView_, 1, 1);

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->addWidget(left);
  splitter->addWidget(charts);
  splitter->setChildrenCollapsible(false);
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 1);
  // Room for the per-pattern table's columns; the charts take the rest.
  splitter->setSizes({560, 720});

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(comparisonBox_);
  layout->addWidget(splitter, 1);

  connect(runModel_, &QAbstractItemModel::modelReset, this,
          [this] { fitColumns(runTable_, kMaxColumnWidth); });
  connect(patternModel_, &QAbstractItemModel::modelReset, this,
          [this] { fitColumns(patternTable_, kMaxColumnWidth); });
  connect(hotKeyModel_, &QAbstractItemModel::modelReset, this,
          [this] { fitColumns(hotKeyTable_, kMaxNameWidth, HotKeyTableModel::kKeyColumn); });
  connect(comparisonModel_, &QAbstractItemModel::modelReset, this, [this] {
    // Room for a kept run's name in the first column.
    fitColumns(comparisonTable_, kMaxColumnWidth);
    const QAbstractItemView* view = comparisonTable_;  // sizeHintForColumn is public here
    comparisonTable_->setColumnWidth(0, std::min(kMaxNameWidth, view->sizeHintForColumn(0) + 8));
    // As tall as its rows: a handful of runs.
    const int rows = comparisonModel_->rowCount();
    comparisonTable_->setFixedHeight(comparisonTable_->horizontalHeader()->sizeHint().height() +
                                     rows *
                                         comparisonTable_->verticalHeader()->defaultSectionSize() +
                                     2 * comparisonTable_->frameWidth() + 2);
  });
  fitColumns(runTable_, kMaxColumnWidth);
  connect(runSelector_, &QComboBox::currentIndexChanged, this, &RunResultsPanel::showRun);
  connect(heatMapButton_, &QPushButton::clicked, this, &RunResultsPanel::openHeatMapWindow);
}

RunResultsPanel::~RunResultsPanel() = default;

QChart* RunResultsPanel::latencyChart() const { return latencyView_->chart(); }

QChart* RunResultsPanel::latencyTimelineChart() const { return latencyTimelineView_->chart(); }

QChart* RunResultsPanel::timelineChart() const { return timelineView_->chart(); }

QChart* RunResultsPanel::utilizationChart() const {
  return utilizationView_->isHidden() ? nullptr : utilizationView_->chart();
}

void RunResultsPanel::setComparisonTitle(const QString& title) { comparisonBox_->setTitle(title); }

QString RunResultsPanel::labelOf(int index) const {
  if (index < labels_.size()) return labels_[index];
  return QString::fromStdString(runs_[static_cast<std::size_t>(index)].engine);
}

void RunResultsPanel::clear() { setRuns({}); }

void RunResultsPanel::setRuns(std::vector<sim::RunResult> runs, QStringList labels) {
  runs_ = std::move(runs);
  labels_ = std::move(labels);
  const bool several = runs_.size() > 1;
  comparisonBox_->setVisible(several);
  tables_->setTabVisible(1, several);
  runSelectorLabel_->setVisible(several);
  runSelector_->setVisible(several);
  if (several) {
    comparisonModel_->setRuns(runs_, labels_);
    patternModel_->setRuns(runs_, labels_);
  } else {
    comparisonModel_->clear();
    patternModel_->clear();
  }
  {
    const QSignalBlocker block(runSelector_);
    runSelector_->clear();
    for (int i = 0; i < static_cast<int>(runs_.size()); ++i) runSelector_->addItem(labelOf(i));
  }
  shownRun_ = -1;
  heatMapButton_->setEnabled(!runs_.empty());
  if (runs_.empty()) {
    runModel_->clear();
    hotKeyModel_->clear();
    tables_->setTabVisible(2, false);
    heatMap_->clear();
    setChart(latencyTimelineView_, makePlaceholderChart(tr("p99 latency over time (ms)")));
    tables_->setTabText(0, tr("Per pattern"));
    setChart(latencyView_, makePlaceholderChart(tr("Latency per pattern (ms)")));
    setChart(timelineView_, makePlaceholderChart(tr("Requests per bucket")));
    utilizationView_->setVisible(false);
    return;
  }
  setChart(latencyView_,
           several ? makeLatencyComparisonChart(runs_, labels_) : makeLatencyChart(runs_.front()));
  showRun(0);
}

bool RunResultsPanel::showRun(int index) {
  if (index < 0 || index >= static_cast<int>(runs_.size())) return false;
  shownRun_ = index;
  if (runSelector_->currentIndex() != index) {
    const QSignalBlocker block(runSelector_);
    runSelector_->setCurrentIndex(index);
  }
  const sim::RunResult& run = runs_[static_cast<std::size_t>(index)];
  runModel_->setRun(run);
  tables_->setTabText(0, tr("Per pattern: %1").arg(labelOf(index)));
  if (runs_.size() == 1) setChart(latencyView_, makeLatencyChart(run));
  setChart(latencyTimelineView_, makeLatencyTimelineChart(run));
  hotKeyModel_->setRun(run);
  tables_->setTabVisible(2, hotKeyModel_->rowCount() > 0);
  setChart(timelineView_, makeTimelineChart(run));
  heatMap_->setRun(run);
  // The bottom row holds the heat map (engines with partitions) and the utilization chart
  // (engines with a cache or servers); one alone takes the whole row.
  QChart* utilization = makeUtilizationChart(run);
  const bool partitions = !run.partitions.heat.empty();
  chartGrid_->removeWidget(heatMap_);
  chartGrid_->removeWidget(utilizationView_);
  if (utilization != nullptr) setChart(utilizationView_, utilization);
  heatMap_->setVisible(partitions || utilization == nullptr);
  utilizationView_->setVisible(utilization != nullptr);
  heatMapButton_->setEnabled(partitions);
  if (heatMap_->isVisibleTo(this) && utilization != nullptr) {
    chartGrid_->addWidget(heatMap_, 1, 0);
    chartGrid_->addWidget(utilizationView_, 1, 1);
  } else if (utilization != nullptr) {
    chartGrid_->addWidget(utilizationView_, 1, 0, 1, 2);
  } else {
    chartGrid_->addWidget(heatMap_, 1, 0, 1, 2);
  }
  return true;
}

QWidget* RunResultsPanel::openHeatMapWindow() {
  if (shownRun_ < 0) return nullptr;
  const sim::RunResult& run = runs_[static_cast<std::size_t>(shownRun_)];
  // Parented to this panel's window so that it closes with it, but a window of its own.
  auto* window = new HeatMapWidget(this->window());
  window->setWindowFlag(Qt::Window);
  window->setAttribute(Qt::WA_DeleteOnClose);
  window->setObjectName(QStringLiteral("heatMapWindow"));
  window->setWindowTitle(
      tr("Partition heat: %1 on %2").arg(QString::fromStdString(run.design), labelOf(shownRun_)));
  window->setRun(run);
  window->resize(1100, 640);
  window->show();
  return window;
}

void RunResultsPanel::setChart(QChartView* view, QChart* chart) {
  // QChartView::setChart does not delete the chart it replaces.
  QChart* old = view->chart();
  view->setChart(chart);
  delete old;
}

}  // namespace kvlab::ui
