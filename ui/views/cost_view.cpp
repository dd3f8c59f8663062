#include "ui/views/cost_view.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QSet>
#include <QSplitter>
#include <QStringList>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <array>
#include <utility>

#include "model/design/planner.h"
#include "ui/document/project_document.h"
#include "ui/models/cost_table_model.h"
#include "ui/models/number_text.h"
#include "ui/views/run_charts.h"
#include "ui/views/table_view_setup.h"

namespace kvlab::ui {
namespace {

// Wide enough for an engine and a design's name; the tooltip has the rest.
constexpr int kMaxColumnWidth = 260;

// The colours of the Simulate tab's charts (run_charts.cpp), one per kind of charge.
const std::array<QColor, 3> kChargeColours = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                                              QColor(0x2c, 0xa0, 0x2c)};

// A chart as the studio's others are (run_charts.h), its dollars grouped as the tables show them
// ("20,000") whatever the system's locale.
QChart* newChart(const QString& title) {
  QChart* chart = makeChart(title);
  chart->setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
  chart->setLocalizeNumbers(true);
  return chart;
}

// A bar's label: what the row is, where its figure comes from, and its total.
QString categoryLabel(const CostTableModel::Row& row) {
  return QStringLiteral("%1 (%2)  %3")
      .arg(row.what, row.plan ? CostView::tr("plan") : CostView::tr("simulated"),
           dollarsText(row.total));
}

// A choice the summary weighs: what it is and its month.
struct Option {
  QString name;
  double total = 0;
};

}  // namespace

CostView::CostView(ProjectDocument* document,
                   std::shared_ptr<const model::capacity::PriceSheet> prices,
                   const QString& pricesProblem, QWidget* parent)
    : QWidget(parent),
      document_(document),
      prices_(std::move(prices)),
      pricesProblem_(pricesProblem),
      costModel_(new CostTableModel(this)),
      chartView_(new QChartView(newChart(tr("Monthly cost")), this)),
      table_(new QTableView(this)),
      summaryLabel_(new QLabel(this)) {
  chartView_->setObjectName(QStringLiteral("costChart"));
  chartView_->setRenderHint(QPainter::Antialiasing);
  chartView_->setMinimumHeight(220);

  table_->setObjectName(QStringLiteral("costTable"));
  table_->setModel(costModel_);
  setUpReadOnlyTable(table_);

  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->addWidget(chartView_);
  splitter->addWidget(table_);
  // The table has a row per design and engine: the chart takes most of the height.
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 1);
  splitter->setChildrenCollapsible(false);

  summaryLabel_->setObjectName(QStringLiteral("costSummary"));
  summaryLabel_->setWordWrap(true);
  summaryLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(splitter, 1);
  layout->addWidget(summaryLabel_);

  // Fitted, charted and summed up after every reset, so that they always show the rows.
  connect(costModel_, &QAbstractItemModel::modelReset, this, [this] {
    fitColumns(table_, kMaxColumnWidth, CostTableModel::kWhatColumn);
    rebuildChart();
    updateSummary();
  });
  connect(document_, &ProjectDocument::changed, this, &CostView::replan);
  replan();
}

CostView::~CostView() = default;

void CostView::setRuns(const std::vector<sim::RunResult>& runs) { costModel_->setRuns(runs); }

QChart* CostView::chart() const { return chartView_->chart(); }

QString CostView::summaryText() const { return summaryLabel_->text(); }

void CostView::replan() {
  const model::Project& project = document_->project();
  if (!prices_) {
    planProblem_ = tr("No plan: %1").arg(pricesProblem_);
  } else if (!document_->isProjectValid()) {
    planProblem_ =
        tr("No plan: the project has errors, and the planner needs a valid project: see the "
           "Diagnostics dock, or run kvlab validate on the file.");
  } else if (project.designs.empty()) {
    planProblem_ =
        tr("No plan: the project has no designs yet. Propose some in the Proposals tab.");
  } else {
    planProblem_.clear();
  }
  if (!planProblem_.isEmpty()) return costModel_->clearPlans();
  std::vector<model::DesignPlan> plans;
  plans.reserve(project.designs.size());
  for (const model::Design& design : project.designs) {
    plans.push_back(model::planDesign(project, design, *prices_));
  }
  costModel_->setPlans(plans);
}

void CostView::rebuildChart() {
  const int rows = costModel_->rowCount();
  QChart* chart = newChart(rows == 0 ? tr("Monthly cost: nothing to compare yet")
                                     : tr("Monthly cost, plans and simulated runs"));
  if (rows == 0) {
    chart->legend()->hide();
  } else {
    auto* series = new QHorizontalStackedBarSeries;
    const std::array<QBarSet*, 3> sets = {new QBarSet(tr("requests or capacity")),
                                          new QBarSet(tr("storage")), new QBarSet(tr("servers"))};
    QStringList categories;
    QSet<QString> seen;
    double max = 0;
    // Qt draws a horizontal series' first category at the bottom (and reverses no bar axis):
    // the last row first, so that the bars read from the top in the table's order.
    for (int r = rows - 1; r >= 0; --r) {
      const CostTableModel::Row& row = costModel_->row(r);
      *sets[0] << row.requests.value_or(0);
      *sets[1] << row.storage;
      *sets[2] << row.servers.value_or(0);
      max = std::max(max, row.requests.value_or(0) + row.storage + row.servers.value_or(0));
      // Categories with the same text would share a bar.
      QString label = categoryLabel(row);
      for (int n = 2; seen.contains(label); ++n) {
        label = categoryLabel(row) + QStringLiteral(" #%1").arg(n);
      }
      seen.insert(label);
      categories << label;
    }
    for (std::size_t i = 0; i < sets.size(); ++i) {
      sets[i]->setColor(kChargeColours[i]);
      sets[i]->setBorderColor(kChargeColours[i]);
      series->append(sets[i]);
    }
    series->setBarWidth(0.6);
    chart->addSeries(series);

    auto* what = new QBarCategoryAxis;
    what->append(categories);
    auto* dollars = new QValueAxis;
    dollars->setTitleText(tr("US dollars a month"));
    dollars->setRange(0, max > 0 ? max * 1.05 : 1);
    dollars->applyNiceNumbers();
    // Cents only where whole dollars would repeat along the axis.
    dollars->setLabelFormat(max >= 10 ? QStringLiteral("%.0f") : QStringLiteral("%.2f"));
    chart->addAxis(what, Qt::AlignLeft);
    chart->addAxis(dollars, Qt::AlignBottom);
    series->attachAxis(what);
    series->attachAxis(dollars);
  }
  // QChartView::setChart does not delete the chart it replaces.
  QChart* old = chartView_->chart();
  chartView_->setChart(chart);
  delete old;
}

void CostView::updateSummary() {
  QStringList sentences;
  if (!planProblem_.isEmpty()) {
    // The price sheet's problem comes without a full stop.
    sentences << (planProblem_.endsWith(QLatin1Char('.')) ? planProblem_
                                                          : planProblem_ + QLatin1Char('.'));
  }

  std::vector<Option> options;
  QStringList planned;
  QStringList simulated;
  QSet<QString> runDesigns;
  for (int r = 0; r < costModel_->rowCount(); ++r) {
    const CostTableModel::Row& row = costModel_->row(r);
    if (!row.plan) runDesigns.insert(row.design);
  }
  for (int r = 0; r < costModel_->rowCount(); ++r) {
    const CostTableModel::Row& row = costModel_->row(r);
    if (row.plan) {
      options.push_back({tr("%1 on DynamoDB on demand (plan)").arg(row.design), row.total});
      QString text = tr("%1 %2 on demand").arg(row.design, dollarsText(row.total));
      if (row.provisioned) {
        const double provisioned = *row.provisioned + row.storage;
        options.push_back({tr("%1 on DynamoDB provisioned (plan)").arg(row.design), provisioned});
        text += tr(" or %1 provisioned").arg(dollarsText(provisioned));
      }
      if (row.unserved > 0) text += tr(" (%1 unserved, priced as Scans)").arg(row.unserved);
      planned << text;
    } else {
      options.push_back({tr("%1 on %2 (simulated)").arg(row.design, row.engine), row.total});
      // The engine alone when every run is of the same design.
      simulated << tr("%1 %2").arg(runDesigns.size() == 1 ? row.engine : row.what,
                                   dollarsText(row.total));
    }
  }
  if (options.size() > 1) {
    // The first of equals, so that a tie names the row higher in the table.
    const Option& cheapest =
        *std::min_element(options.begin(), options.end(),
                          [](const Option& a, const Option& b) { return a.total < b.total; });
    sentences << tr("Cheapest: %1, %2 a month.").arg(cheapest.name, dollarsText(cheapest.total));
  }
  if (!planned.isEmpty()) {
    sentences << tr("Planned, storage included: %1.").arg(planned.join(QStringLiteral("; ")));
  }
  if (simulated.isEmpty()) {
    sentences << tr(
        "No simulated runs yet: run the workload in the Simulate tab to compare "
        "engines.");
  } else if (runDesigns.size() == 1) {
    sentences
        << tr("Runs of %1: %2.").arg(*runDesigns.begin(), simulated.join(QStringLiteral(", ")));
  } else {
    sentences << tr("Runs: %1.").arg(simulated.join(QStringLiteral(", ")));
  }
  summaryLabel_->setText(sentences.join(QLatin1Char(' ')));
}

}  // namespace kvlab::ui
