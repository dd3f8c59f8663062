#include "ui/views/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>
#include <memory>
#include <utility>

#include "model/capacity/price_sheet.h"
#include "ui/document/project_document.h"
#include "ui/models/diagnostics_model.h"
#include "ui/models/project_tree_model.h"
#include "ui/views/plan_view.h"
#include "ui/views/proposals_view.h"

namespace kvlab::ui {
namespace {

const QString kNativeFilter = QStringLiteral("KV Lab project (*.kvlab)");
const QString kJsonFilter = QStringLiteral("KV Lab JSON (*.kvlab.json)");
// Keeps short projects from squeezing names against their details.
constexpr int kMinimumNameWidth = 240;

QString counted(qsizetype count, const QString& singular, const QString& plural) {
  return QStringLiteral("%1 %2").arg(count).arg(count == 1 ? singular : plural);
}

// The name the user typed, with the extension of the chosen filter when it has none of ours.
QString withProjectSuffix(QString path, const QString& selectedFilter) {
  if (path.endsWith(QStringLiteral(".kvlab")) || path.endsWith(QStringLiteral(".json"))) {
    return path;
  }
  return path +
         (selectedFilter == kJsonFilter ? QStringLiteral(".kvlab.json") : QStringLiteral(".kvlab"));
}

// The default price sheet, shared by the views that price; null, with `problem` saying why, when
// it cannot be read. The sheet is data a user may edit (KVLAB_DATA_DIR): without it the studio
// still opens projects, and the views that price say why they cannot.
std::shared_ptr<const model::capacity::PriceSheet> loadDefaultPrices(QString& problem) {
  model::capacity::PriceSheetLoad load =
      model::capacity::PriceSheet::load(model::capacity::defaultPriceSheetPath());
  if (load.ok()) return std::make_shared<const model::capacity::PriceSheet>(std::move(*load.sheet));
  problem = load.errors.empty() ? QStringLiteral("the price sheet could not be read")
                                : QString::fromStdString(load.errors.front().message());
  return nullptr;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      document_(new ProjectDocument(this)),
      treeModel_(new ProjectTreeModel(document_, this)),
      diagnosticsModel_(new DiagnosticsModel(document_, this)),
      projectView_(new QTreeView(this)),
      summaryLabel_(new QLabel(this)) {
  projectView_->setObjectName(QStringLiteral("projectTree"));
  projectView_->setModel(treeModel_);
  projectView_->setUniformRowHeights(true);
  projectView_->setAlternatingRowColors(true);
  projectView_->setSelectionBehavior(QAbstractItemView::SelectRows);
  projectView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  projectView_->header()->setStretchLastSection(true);
  // Widen the name column when an expanded row needs it, but never narrow it under the user.
  // Queued: measuring lays the tree out, which in the middle of expandRecursively() would leave
  // the rows it expands afterwards drawn as collapsed.
  connect(
      projectView_, &QTreeView::expanded, this,
      [this] {
        const QAbstractItemView* view = projectView_;  // sizeHintForColumn is public here
        const int needed = view->sizeHintForColumn(ProjectTreeModel::kNameColumn);
        if (needed > projectView_->columnWidth(ProjectTreeModel::kNameColumn)) {
          projectView_->setColumnWidth(ProjectTreeModel::kNameColumn, needed);
        }
      },
      Qt::QueuedConnection);

  QString pricesProblem;
  const std::shared_ptr<const model::capacity::PriceSheet> sheet = loadDefaultPrices(pricesProblem);
  planView_ = new PlanView(document_, sheet, pricesProblem, this);
  planView_->setObjectName(QStringLiteral("planView"));
  proposalsView_ = new ProposalsView(document_, sheet, pricesProblem, this);
  proposalsView_->setObjectName(QStringLiteral("proposalsView"));

  views_ = new QTabWidget(this);
  views_->setObjectName(QStringLiteral("mainViews"));
  views_->setDocumentMode(true);
  views_->addTab(projectView_, tr("Model"));
  views_->addTab(planView_, tr("Plan"));
  views_->addTab(proposalsView_, tr("Proposals"));
  views_->setTabToolTip(kModelView, tr("The project: entities, relationships, access patterns "
                                       "and designs"));
  views_->setTabToolTip(kPlanView, tr("How each access pattern runs on a design, and what the "
                                      "design costs a month"));
  views_->setTabToolTip(kProposalsView, tr("Designs the modeler proposes for the access patterns"));
  setCentralWidget(views_);

  createActions();
  createDiagnosticsDock();

  summaryLabel_->setObjectName(QStringLiteral("projectSummary"));
  statusBar()->addPermanentWidget(summaryLabel_);
  if (!pricesProblem.isEmpty()) statusBar()->showMessage(tr("No prices: %1").arg(pricesProblem));

  connect(document_, &ProjectDocument::changed, this, &MainWindow::projectChanged);
  connect(document_, &ProjectDocument::diagnosticsChanged, this, &MainWindow::diagnosticsChanged);
  connect(document_, &ProjectDocument::filePathChanged, this, &MainWindow::updateTitle);
  connect(document_, &ProjectDocument::modifiedChanged, this, &QWidget::setWindowModified);

  resize(1280, 800);
  projectChanged();
  diagnosticsChanged();
}

MainWindow::~MainWindow() = default;

void MainWindow::showView(View view) { views_->setCurrentIndex(view); }

void MainWindow::createActions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));

  QAction* openAction = file->addAction(tr("&Open…"), this, &MainWindow::open);
  openAction->setShortcut(QKeySequence::Open);
  openAction->setStatusTip(tr("Open a project (.kvlab or .kvlab.json)"));

  QAction* saveAction = file->addAction(tr("&Save"), this, &MainWindow::save);
  saveAction->setShortcut(QKeySequence::Save);
  saveAction->setStatusTip(tr("Save the project to its file"));

  QAction* saveAsAction = file->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
  saveAsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
  saveAsAction->setStatusTip(tr("Save the project to a new file, native or JSON"));

  file->addSeparator();
  QAction* quitAction = file->addAction(tr("&Quit"), this, &QWidget::close);
  quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
  quitAction->setMenuRole(QAction::QuitRole);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* aboutAction = help->addAction(tr("&About KV Lab Studio"), this, &MainWindow::about);
  aboutAction->setMenuRole(QAction::AboutRole);
}

void MainWindow::createDiagnosticsDock() {
  diagnosticsView_ = new QTreeView(this);
  diagnosticsView_->setObjectName(QStringLiteral("diagnosticsView"));
  diagnosticsView_->setModel(diagnosticsModel_);
  diagnosticsView_->setRootIsDecorated(false);
  diagnosticsView_->setUniformRowHeights(true);
  diagnosticsView_->setAlternatingRowColors(true);
  diagnosticsView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  diagnosticsView_->header()->setStretchLastSection(true);

  diagnosticsDock_ = new QDockWidget(tr("Diagnostics"), this);
  diagnosticsDock_->setObjectName(QStringLiteral("diagnosticsDock"));
  diagnosticsDock_->setWidget(diagnosticsView_);
  diagnosticsDock_->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
  addDockWidget(Qt::BottomDockWidgetArea, diagnosticsDock_);
  resizeDocks({diagnosticsDock_}, {130}, Qt::Vertical);
}

bool MainWindow::openFile(const QString& path) {
  const bool loaded = document_->load(path);
  const model::Diagnostics& findings = document_->diagnostics();
  if (!loaded) {
    statusBar()->showMessage(tr("Could not open %1").arg(QFileInfo(path).fileName()));
  } else if (findings.hasErrors()) {
    statusBar()->showMessage(
        tr("Opened %1 with %2")
            .arg(document_->fileName(), counted(findings.errorCount(), tr("error"), tr("errors"))));
  } else {
    statusBar()->showMessage(tr("Opened %1").arg(document_->fileName()), 5000);
  }
  return loaded;
}

Status MainWindow::saveFileAs(const QString& path) {
  Status status = document_->saveAs(path);
  if (status.ok()) {
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 5000);
  } else {
    statusBar()->showMessage(tr("Could not save %1").arg(QFileInfo(path).fileName()));
  }
  return status;
}

QString MainWindow::summaryText() const {
  const model::Project& p = document_->project();
  return QStringLiteral("%1, %2, %3")
      .arg(counted(static_cast<qsizetype>(p.entities.size()), tr("entity"), tr("entities")),
           counted(static_cast<qsizetype>(p.accessPatterns.size()), tr("access pattern"),
                   tr("access patterns")),
           counted(static_cast<qsizetype>(p.designs.size()), tr("design"), tr("designs")));
}

void MainWindow::open() {
  if (!maybeSave()) return;
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open Project"), QFileInfo(document_->filePath()).absolutePath(),
      tr("KV Lab projects (*.kvlab *.kvlab.json *.json);;All files (*)"));
  if (path.isEmpty()) return;
  if (!openFile(path)) {
    QMessageBox box(QMessageBox::Warning, tr("Open Project"),
                    tr("Could not open %1.").arg(QFileInfo(path).fileName()), QMessageBox::Ok,
                    this);
    const auto& items = document_->diagnostics().items();
    if (!items.empty()) box.setInformativeText(QString::fromStdString(items.front().message));
    box.exec();
  }
}

bool MainWindow::save() {
  if (document_->filePath().isEmpty()) return saveAs();
  const Status status = saveFileAs(document_->filePath());
  if (!status.ok()) {
    QMessageBox::warning(this, tr("Save Project"), QString::fromStdString(status.message()));
  }
  return status.ok();
}

bool MainWindow::saveAs() {
  QString suggested = document_->filePath();
  if (suggested.isEmpty()) suggested = document_->displayName() + QStringLiteral(".kvlab");
  QString selectedFilter =
      suggested.endsWith(QStringLiteral(".json")) ? kJsonFilter : kNativeFilter;
  const QString chosen = QFileDialog::getSaveFileName(
      this, tr("Save Project As"), suggested, kNativeFilter + QStringLiteral(";;") + kJsonFilter,
      &selectedFilter);
  if (chosen.isEmpty()) return false;
  const Status status = saveFileAs(withProjectSuffix(chosen, selectedFilter));
  if (!status.ok()) {
    QMessageBox::warning(this, tr("Save Project As"), QString::fromStdString(status.message()));
  }
  return status.ok();
}

void MainWindow::about() {
  QMessageBox::about(
      this, tr("About KV Lab Studio"),
      tr("<h3>KV Lab Studio %1</h3>"
         "<p>Design DynamoDB single-table schemas: entities, relationships and access patterns, "
         "the designs that serve them, and what they cost under load.</p>")
          .arg(QApplication::applicationVersion()));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (maybeSave()) {
    event->accept();
  } else {
    event->ignore();
  }
}

bool MainWindow::maybeSave() {
  if (!document_->isModified()) return true;
  QMessageBox box(QMessageBox::Warning, tr("Unsaved Changes"),
                  tr("The project “%1” has unsaved changes.").arg(document_->displayName()),
                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
  box.setObjectName(QStringLiteral("unsavedChangesPrompt"));
  box.setInformativeText(tr("Do you want to save them?"));
  box.setDefaultButton(QMessageBox::Save);
  switch (box.exec()) {
    case QMessageBox::Save:
      return save();
    case QMessageBox::Discard:
      return true;
    default:
      return false;
  }
}

void MainWindow::projectChanged() {
  // Every entity, relationship, pattern and design in view, and each design down to its key
  // templates; attributes are one click away, or entities would push everything else off screen.
  projectView_->collapseAll();
  for (int group = 0; group < ProjectTreeModel::kGroupCount; ++group) {
    projectView_->expand(treeModel_->groupIndex(static_cast<ProjectTreeModel::Group>(group)));
  }
  const QModelIndex designs = treeModel_->groupIndex(ProjectTreeModel::kDesigns);
  for (int row = 0; row < treeModel_->rowCount(designs); ++row) {
    projectView_->expandRecursively(treeModel_->index(row, 0, designs));
  }
  projectView_->resizeColumnToContents(ProjectTreeModel::kNameColumn);
  if (projectView_->columnWidth(ProjectTreeModel::kNameColumn) < kMinimumNameWidth) {
    projectView_->setColumnWidth(ProjectTreeModel::kNameColumn, kMinimumNameWidth);
  }
  summaryLabel_->setText(summaryText());
  updateTitle();
}

void MainWindow::diagnosticsChanged() {
  const int errors = diagnosticsModel_->errorCount();
  const int warnings = diagnosticsModel_->warningCount();
  if (errors == 0 && warnings == 0) {
    diagnosticsDock_->setWindowTitle(tr("Diagnostics: no findings"));
  } else {
    diagnosticsDock_->setWindowTitle(tr("Diagnostics: %1, %2")
                                         .arg(counted(errors, tr("error"), tr("errors")),
                                              counted(warnings, tr("warning"), tr("warnings"))));
    diagnosticsDock_->show();
    diagnosticsDock_->raise();
  }
  diagnosticsView_->resizeColumnToContents(DiagnosticsModel::kSeverityColumn);
  diagnosticsView_->resizeColumnToContents(DiagnosticsModel::kLocationColumn);
}

void MainWindow::updateTitle() {
  const QString file = document_->fileName();
  if (file.isEmpty() && document_->project().name.empty()) {
    setWindowTitle(QStringLiteral("KV Lab Studio[*]"));
  } else {
    setWindowTitle(QStringLiteral("%1 — %2[*]")
                       .arg(document_->displayName(), file.isEmpty() ? tr("not saved") : file));
  }
  setWindowModified(document_->isModified());
}

}  // namespace kvlab::ui
