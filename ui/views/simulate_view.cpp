#include "ui/views/simulate_view.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <set>
#include <utility>

#include "model/design/planner.h"
#include "simulator/core/parallel_runs.h"
#include "simulator/core/runner.h"
#include "simulator/core/workload_setup.h"
#include "simulator/engines/engine_registry.h"
#include "simulator/metrics/run_result_json.h"
#include "ui/commands/keep_runs_command.h"
#include "ui/document/project_document.h"
#include "ui/models/number_text.h"
#include "ui/views/run_results_panel.h"

namespace kvlab::ui {

// What the worker and the view share: the cancel flag the runner polls, and where the run
// stands, for the progress bar. Shared, so that a view closed mid-run leaves it valid.
struct SimulateView::Control {
  explicit Control(std::size_t engines) : fraction(engines), requests(engines) {}
  std::atomic<bool> cancel{false};
  std::vector<std::atomic<double>> fraction;  // per engine, of its duration
  std::vector<std::atomic<long long>> requests;
};

namespace {

const QString kAllEngines = QStringLiteral("all");
const QString kMean = QStringLiteral("mean");
const QString kPeak = QStringLiteral("peak");

// Everything a run needs, copied: the document may change and the view may close meanwhile.
struct SimulationRequest {
  model::Project project;
  std::string design;
  std::vector<std::string> engines;
  std::vector<sim::EngineSettings> settings;
  sim::RunOptions options;
  std::string workload;  // empty: options.rate
  std::filesystem::path folder;
  std::shared_ptr<const model::capacity::PriceSheet> prices;
};

// The worker: as `kvlab simulate` runs, every engine on the same project and seed.
template <typename ControlT>
SimulationOutcome simulate(SimulationRequest request, std::shared_ptr<ControlT> control) {
  SimulationOutcome outcome;
  sim::RunOptions run = request.options;
  if (!request.workload.empty()) {
    const model::Workload* workload = request.project.findWorkload(request.workload);
    if (workload == nullptr) {
      outcome.error = "no workload named '" + request.workload + "'";
      return outcome;
    }
    const model::Workload chosen = *workload;
    if (Status applied = sim::applyWorkload(chosen, request.folder, request.project, run);
        !applied.ok()) {
      outcome.error = applied.message();
      return outcome;
    }
    // The tab's duration and seed win over the workload's, as the command line's do.
    run.durationSeconds = request.options.durationSeconds;
    run.seed = request.options.seed;
  }
  const model::Design* design = request.project.findDesign(request.design);
  if (design == nullptr) {
    outcome.error = "no design named '" + request.design + "'";
    return outcome;
  }
  const model::DesignPlan plan = model::planDesign(request.project, *design, *request.prices);
  // The engines side by side, one per core, as `kvlab simulate --engine all` runs them; each
  // gets its share of the memory budget. Runs share nothing, so the results are the ones a run
  // after another would give.
  const std::size_t count = request.engines.size();
  const unsigned threads =
      static_cast<unsigned>(std::min<std::size_t>(count, sim::availableThreads()));
  if (threads > 1 && run.memoryBudgetBytes > 0) run.memoryBudgetBytes /= threads;
  std::vector<sim::RunOutcome> results(count);
  std::vector<std::string> errors(count);
  sim::runJobs(count, threads, [&](std::size_t e) {
    std::unique_ptr<sim::Engine> engine =
        sim::createEngine(request.engines[e], request.settings[e], &errors[e]);
    if (!engine) return;
    sim::Runner runner(run);
    runner.setProgressCallback([&control, e](const sim::RunProgress& p) {
      control->fraction[e].store(p.durationSeconds > 0 ? p.virtualSeconds / p.durationSeconds : 0);
      control->requests[e].store(p.requests);
    });
    runner.setCancelFlag(&control->cancel);
    const sim::EngineInput input{request.project, *design,  plan,
                                 *request.prices, run.seed, run.durationSeconds};
    results[e] = runner.run(*engine, input);
    if (!results[e].status.ok()) errors[e] = results[e].status.message();
  });
  for (std::size_t e = 0; e < count; ++e) {
    if (!errors[e].empty()) {
      outcome.error = errors[e];
      outcome.runs.clear();
      return outcome;
    }
    outcome.cancelled = outcome.cancelled || results[e].result.cancelled;
    outcome.runs.push_back(std::move(results[e].result));
  }
  outcome.cancelled = outcome.cancelled || control->cancel.load();
  return outcome;
}

}  // namespace

SimulateView::SimulateView(ProjectDocument* document,
                           std::shared_ptr<const model::capacity::PriceSheet> prices,
                           const QString& pricesProblem, QWidget* parent)
    : QWidget(parent),
      document_(document),
      prices_(std::move(prices)),
      pricesProblem_(pricesProblem),
      designSelector_(new QComboBox(this)),
      engineSelector_(new QComboBox(this)),
      durationSpin_(new QSpinBox(this)),
      seedSpin_(new QSpinBox(this)),
      loadSelector_(new QComboBox(this)),
      capacitySelector_(new QComboBox(this)),
      runButton_(new QPushButton(tr("&Run"), this)),
      cancelButton_(new QPushButton(tr("&Cancel"), this)),
      progressBar_(new QProgressBar(this)),
      statusLabel_(new QLabel(this)),
      keepButton_(new QPushButton(tr("&Keep in Project"), this)),
      results_(new RunResultsPanel(this)),
      watcher_(new QFutureWatcher<SimulationOutcome>(this)),
      progressTimer_(new QTimer(this)) {
  designSelector_->setObjectName(QStringLiteral("simulateDesign"));
  designSelector_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  engineSelector_->setObjectName(QStringLiteral("simulateEngine"));
  for (const sim::EngineInfo& e : sim::registeredEngines()) {
    const int row = engineSelector_->count();
    engineSelector_->addItem(QString::fromUtf8(e.name.data(), static_cast<int>(e.name.size())));
    engineSelector_->setItemData(
        row, QString::fromUtf8(e.description.data(), static_cast<int>(e.description.size())),
        Qt::ToolTipRole);
  }
  engineSelector_->addItem(kAllEngines);
  engineSelector_->setItemData(engineSelector_->count() - 1,
                               tr("Every engine in turn on the same project, load and seed, "
                                  "then side by side"),
                               Qt::ToolTipRole);
  durationSpin_->setObjectName(QStringLiteral("simulateDuration"));
  durationSpin_->setRange(1, 24 * 3600);
  durationSpin_->setValue(30);
  durationSpin_->setSuffix(tr(" s"));
  durationSpin_->setToolTip(tr("Virtual time to generate requests for"));
  seedSpin_->setObjectName(QStringLiteral("simulateSeed"));
  seedSpin_->setRange(0, std::numeric_limits<int>::max());
  seedSpin_->setValue(1);
  seedSpin_->setToolTip(tr("The random seed: the same seed gives the same run"));
  loadSelector_->setObjectName(QStringLiteral("simulateLoad"));
  loadSelector_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  capacitySelector_->setObjectName(QStringLiteral("simulateCapacity"));
  capacitySelector_->addItem(tr("on-demand"), QStringLiteral("on-demand"));
  capacitySelector_->addItem(tr("provisioned"), QStringLiteral("provisioned"));
  capacitySelector_->setToolTip(
      tr("DynamoDB's capacity mode; provisioned is sized by the planner to the peak with 20% "
         "headroom"));
  runButton_->setObjectName(QStringLiteral("runButton"));
  runButton_->setToolTip(tr("Run the simulation in the background"));
  cancelButton_->setObjectName(QStringLiteral("cancelButton"));
  cancelButton_->setToolTip(tr("Stop the run at its next virtual second, keeping what it has"));
  cancelButton_->setEnabled(false);
  keepButton_->setObjectName(QStringLiteral("keepRunsButton"));
  keepButton_->setToolTip(
      tr("Keep these runs in the project (saved with it in a .kvlab file), to look at again and "
         "compare with later runs in the Runs tab"));
  keepButton_->setEnabled(false);
  progressBar_->setObjectName(QStringLiteral("simulateProgress"));
  progressBar_->setRange(0, 1000);
  progressBar_->setValue(0);
  progressBar_->setTextVisible(false);
  progressBar_->setMaximumWidth(220);
  statusLabel_->setObjectName(QStringLiteral("simulateStatus"));
  statusLabel_->setText(tr("No run yet: choose the settings and press Run."));

  auto* settings = new QHBoxLayout;
  auto addSetting = [&](const QString& label, QWidget* widget) {
    auto* text = new QLabel(label, this);
    text->setBuddy(widget);
    settings->addWidget(text);
    settings->addWidget(widget);
    settings->addSpacing(8);
  };
  addSetting(tr("&Design:"), designSelector_);
  addSetting(tr("&Engine:"), engineSelector_);
  addSetting(tr("D&uration:"), durationSpin_);
  addSetting(tr("See&d:"), seedSpin_);
  addSetting(tr("&Load:"), loadSelector_);
  addSetting(tr("Ca&pacity:"), capacitySelector_);
  settings->addStretch(1);

  auto* actions = new QHBoxLayout;
  actions->addWidget(runButton_);
  actions->addWidget(cancelButton_);
  actions->addWidget(keepButton_);
  actions->addWidget(progressBar_);
  actions->addWidget(statusLabel_, 1);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(settings);
  layout->addLayout(actions);
  layout->addWidget(results_, 1);
  results_->setComparisonTitle(tr("Side by side (same project, load and seed)"));

  connect(runButton_, &QPushButton::clicked, this, &SimulateView::run);
  connect(cancelButton_, &QPushButton::clicked, this, &SimulateView::cancel);
  connect(watcher_, &QFutureWatcherBase::finished, this, &SimulateView::finished);
  connect(progressTimer_, &QTimer::timeout, this, &SimulateView::pollProgress);
  connect(loadSelector_, &QComboBox::currentIndexChanged, this, &SimulateView::loadChanged);
  connect(keepButton_, &QPushButton::clicked, this, &SimulateView::keepRuns);
  connect(document_, &ProjectDocument::changed, this, &SimulateView::documentChanged);
  connect(document_, &ProjectDocument::runsChanged, this, &SimulateView::runsChanged);
  connect(document_, &ProjectDocument::replaced, this, &SimulateView::projectReplaced);
  progressTimer_->setInterval(100);
  documentChanged();
}

SimulateView::~SimulateView() {
  if (control_) control_->cancel.store(true);
}

const std::vector<sim::RunResult>& SimulateView::runs() const { return results_->runs(); }

bool SimulateView::showRun(int index) { return results_->showRun(index); }

QString SimulateView::statusText() const { return statusLabel_->text(); }

int SimulateView::progress() const { return progressBar_->value(); }

bool SimulateView::isRunning() const { return watcher_->isRunning() || control_ != nullptr; }

bool SimulateView::selectDesign(const QString& name) {
  const int index = designSelector_->findText(name);
  if (index < 0) return false;
  designSelector_->setCurrentIndex(index);
  return true;
}

bool SimulateView::selectEngine(const QString& name) {
  const int index = engineSelector_->findText(name);
  if (index < 0) return false;
  engineSelector_->setCurrentIndex(index);
  return true;
}

void SimulateView::setDurationSeconds(int seconds) { durationSpin_->setValue(seconds); }

void SimulateView::setSeed(int seed) { seedSpin_->setValue(seed); }

bool SimulateView::selectLoad(const QString& load) {
  const int index = loadSelector_->findData(load);
  if (index < 0) return false;
  loadSelector_->setCurrentIndex(index);
  return true;
}

bool SimulateView::selectCapacity(const QString& mode) {
  const int index = capacitySelector_->findData(mode);
  if (index < 0) return false;
  capacitySelector_->setCurrentIndex(index);
  return true;
}

void SimulateView::documentChanged() {
  const model::Project& project = document_->project();
  const QString design = designSelector_->currentText();
  designSelector_->clear();
  for (const model::Design& d : project.designs) {
    designSelector_->addItem(QString::fromStdString(d.name));
  }
  const int designIndex = designSelector_->findText(design);
  designSelector_->setCurrentIndex(std::max(0, designIndex));

  const QString load = loadSelector_->currentData().toString();
  {
    const QSignalBlocker block(loadSelector_);
    loadSelector_->clear();
    loadSelector_->addItem(tr("mean rates"), kMean);
    loadSelector_->addItem(tr("peak rates"), kPeak);
    for (const model::Workload& w : project.workloads) {
      const QString name = QString::fromStdString(w.name);
      loadSelector_->addItem(tr("workload %1").arg(name), name);
    }
    const int loadIndex = loadSelector_->findData(load);
    loadSelector_->setCurrentIndex(std::max(0, loadIndex));
  }
  runButton_->setEnabled(!isRunning() && designSelector_->count() > 0);
}

void SimulateView::loadChanged() {
  // A workload brings its own duration and seed; the spin boxes show them, and may change them.
  const model::Workload* workload =
      document_->project().findWorkload(loadSelector_->currentData().toString().toStdString());
  if (workload == nullptr) return;
  if (workload->durationSeconds) {
    durationSpin_->setValue(static_cast<int>(std::ceil(*workload->durationSeconds)));
  }
  if (workload->seed && *workload->seed <= static_cast<std::uint64_t>(seedSpin_->maximum())) {
    seedSpin_->setValue(static_cast<int>(*workload->seed));
  }
}

bool SimulateView::run() {
  if (isRunning()) return false;
  if (!prices_) {
    statusLabel_->setText(tr("Cannot simulate: %1").arg(pricesProblem_));
    return false;
  }
  if (!document_->isProjectValid()) {
    statusLabel_->setText(
        tr("Cannot simulate: the project has errors, and the simulator needs a valid project."));
    return false;
  }
  if (designSelector_->count() == 0) {
    statusLabel_->setText(tr("Cannot simulate: the project has no design."));
    return false;
  }

  SimulationRequest request;
  request.project = document_->project();
  request.design = designSelector_->currentText().toStdString();
  request.prices = prices_;
  const QString engine = engineSelector_->currentText();
  if (engine == kAllEngines) {
    for (const sim::EngineInfo& e : sim::registeredEngines()) request.engines.emplace_back(e.name);
  } else {
    request.engines.push_back(engine.toStdString());
  }
  const QString capacity = capacitySelector_->currentData().toString();
  for (const std::string& name : request.engines) {
    sim::EngineSettings settings;
    if (name == "dynamodb" && capacity == QStringLiteral("provisioned")) {
      settings.emplace_back("capacity", "provisioned");
    }
    request.settings.push_back(std::move(settings));
  }
  request.options.seed = static_cast<std::uint64_t>(seedSpin_->value());
  request.options.durationSeconds = durationSpin_->value();
  const QString load = loadSelector_->currentData().toString();
  if (load == kPeak) {
    request.options.rate = sim::RateChoice::Peak;
  } else if (load != kMean) {
    request.workload = load.toStdString();
  }
  if (!document_->filePath().isEmpty()) {
    request.folder = QFileInfo(document_->filePath()).absolutePath().toStdString();
  }

  loadDescription_ = loadSelector_->currentText();
  control_ = std::make_shared<Control>(request.engines.size());
  engineCount_ = static_cast<int>(request.engines.size());
  setRunning(true);
  statusLabel_->setText(
      engineCount_ > 1
          ? tr("Simulating %1 s on %2 engines…").arg(durationSpin_->value()).arg(engineCount_)
          : tr("Simulating %1 s on %2…").arg(durationSpin_->value()).arg(engine));
  watcher_->setFuture(QtConcurrent::run(
      [request = std::move(request), control = control_] { return simulate(request, control); }));
  progressTimer_->start();
  return true;
}

void SimulateView::cancel() {
  if (!control_) return;
  control_->cancel.store(true);
  cancelButton_->setEnabled(false);
  statusLabel_->setText(tr("Cancelling at the next virtual second…"));
}

bool SimulateView::keepRuns() {
  if (kept_ || runs().empty() || isRunning()) return false;
  std::vector<model::SavedRun> saved;
  std::set<std::string> taken;
  for (const model::SavedRun& r : document_->project().runs) taken.insert(r.name);
  for (const sim::RunResult& run : runs()) {
    // The engine first: a legend or a narrow column still tells runs apart.
    // One arg() call: a design or workload named "%1" must not take the seed's place.
    QString name = tr("%1: %2, %3, %4 s, seed %5")
                       .arg(QString::fromStdString(run.engine), QString::fromStdString(run.design),
                            loadDescription_, QString::number(run.durationSeconds, 'g', 6),
                            QString::number(run.seed));
    if (run.engine == "dynamodb" && run.monthlyCost.capacityMode == "provisioned") {
      name += tr(", provisioned");
    }
    if (run.cancelled) name += tr(" (cancelled)");
    // A name of its own, so that side by side each run is told apart.
    QString unique = name;
    for (int n = 2; taken.count(unique.toStdString()) != 0; ++n) {
      unique = QStringLiteral("%1 (%2)").arg(name).arg(n);
    }
    name = unique;
    taken.insert(name.toStdString());
    saved.push_back(model::SavedRun{name.toStdString(), run.design, run.engine, run.seed,
                                    std::make_shared<const std::string>(sim::runResultJson(run))});
  }
  keptResults_.clear();
  for (const model::SavedRun& r : saved) keptResults_.push_back(r.result);
  document_->undoStack()->push(new KeepRunsCommand(document_, std::move(saved)));
  kept_ = true;
  keepButton_->setEnabled(false);
  statusLabel_->setText(statusLabel_->text() + tr(" Kept in the project (the Runs tab)."));
  return true;
}

void SimulateView::runsChanged() {
  // Undoing a Keep makes the runs keepable again; redoing it, kept again.
  const auto& runs = document_->project().runs;
  kept_ = std::any_of(keptResults_.begin(), keptResults_.end(), [&](const auto& kept) {
    return std::any_of(runs.begin(), runs.end(),
                       [&](const model::SavedRun& r) { return r.result == kept; });
  });
  keepButton_->setEnabled(!isRunning() && !kept_ && !this->runs().empty());
}

void SimulateView::projectReplaced() {
  // The results were of the project before: not to be kept in this one, nor shown as its own.
  if (isRunning()) {
    // Its results would be the old project's: stop it, and show nothing when it ends.
    discardRun_ = true;
    cancel();
    return;
  }
  keptResults_.clear();
  kept_ = false;
  results_->clear();
  keepButton_->setEnabled(false);
  progressBar_->setValue(0);
  statusLabel_->setText(tr("No run yet: choose the settings and press Run."));
}

void SimulateView::setRunning(bool running) {
  runButton_->setEnabled(!running && designSelector_->count() > 0);
  cancelButton_->setEnabled(running);
  keepButton_->setEnabled(!running && !kept_ && !runs().empty());
  for (QWidget* w : std::initializer_list<QWidget*>{designSelector_, engineSelector_, durationSpin_,
                                                    seedSpin_, loadSelector_, capacitySelector_}) {
    w->setEnabled(!running);
  }
  if (running) {
    progressBar_->setValue(0);
    setCursor(Qt::BusyCursor);
  } else {
    unsetCursor();
  }
}

void SimulateView::pollProgress() {
  if (!control_) return;
  double done = 0;
  long long requests = 0;
  for (std::size_t e = 0; e < control_->fraction.size(); ++e) {
    done += std::clamp(control_->fraction[e].load(), 0.0, 1.0);
    requests += control_->requests[e].load();
  }
  done /= static_cast<double>(std::max<std::size_t>(1, control_->fraction.size()));
  progressBar_->setValue(static_cast<int>(done * 1000));
  if (!control_->cancel.load()) {
    progressBar_->setToolTip(
        tr("%1 requests so far").arg(numberText(static_cast<double>(requests))));
  }
}

void SimulateView::finished() {
  progressTimer_->stop();
  SimulationOutcome outcome = watcher_->result();
  control_.reset();
  setRunning(false);
  if (std::exchange(discardRun_, false)) {
    projectReplaced();
    emit runFinished();
    return;
  }
  if (!outcome.error.empty()) {
    progressBar_->setValue(0);
    statusLabel_->setText(
        tr("The simulation could not run: %1").arg(QString::fromStdString(outcome.error)));
    emit runFinished();
    return;
  }
  progressBar_->setValue(outcome.cancelled ? progressBar_->value() : 1000);
  const std::vector<sim::RunResult>& runs = outcome.runs;
  std::int64_t requests = 0;
  for (const sim::RunResult& r : runs) requests += r.requests;
  const QString what = runs.size() == 1
                           ? tr("%1 s of design %2 on %3")
                                 .arg(QString::number(runs.front().durationSeconds, 'g', 6),
                                      QString::fromStdString(runs.front().design),
                                      QString::fromStdString(runs.front().engine))
                           : tr("%1 engines").arg(runs.size());
  statusLabel_->setText(
      outcome.cancelled
          ? tr("Cancelled: partial results of %1 (%2 requests).")
                .arg(what, numberText(static_cast<double>(requests)))
          : tr("Simulated %1: %2 requests.").arg(what, numberText(static_cast<double>(requests))));
  kept_ = false;
  keptResults_.clear();
  keepButton_->setEnabled(!runs.empty());
  results_->setRuns(std::move(outcome.runs));
  emit runFinished();
}

}  // namespace kvlab::ui
