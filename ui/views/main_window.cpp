#include "ui/views/main_window.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFont>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <filesystem>
#include <memory>
#include <utility>

#include "model/capacity/price_sheet.h"
#include "model/design/planner.h"
#include "model/interop/exporters.h"
#include "model/interop/importers.h"
#include "model/io/atomic_file.h"
#include "model/io/project_file.h"
#include "model/schema/project_validator.h"
#include "report/pdf/pdf_report.h"
#include "report/report_data.h"
#include "report/report_format.h"
#include "ui/commands/add_access_pattern_command.h"
#include "ui/commands/add_entity_command.h"
#include "ui/commands/add_relationship_command.h"
#include "ui/commands/add_workload_command.h"
#include "ui/commands/import_project_command.h"
#include "ui/commands/remove_access_pattern_command.h"
#include "ui/commands/remove_attribute_command.h"
#include "ui/commands/remove_entity_command.h"
#include "ui/commands/remove_relationship_command.h"
#include "ui/commands/remove_workload_command.h"
#include "ui/document/autosaver.h"
#include "ui/document/project_document.h"
#include "ui/document/recovery_store.h"
#include "ui/models/diagnostics_model.h"
#include "ui/models/project_tree_model.h"
#include "ui/views/access_pattern_editor.h"
#include "ui/views/aggregate_view.h"
#include "ui/views/cost_view.h"
#include "ui/views/design_editor.h"
#include "ui/views/entity_diagram_view.h"
#include "ui/views/entity_editor.h"
#include "ui/views/plan_view.h"
#include "ui/views/proposals_view.h"
#include "ui/views/relationship_editor.h"
#include "ui/views/run_results_panel.h"
#include "ui/views/saved_runs_view.h"
#include "ui/views/simulate_view.h"
#include "ui/views/workload_editor.h"

namespace kvlab::ui {
namespace {

const QString kNativeFilter = QStringLiteral("KV Lab project (*.kvlab)");
const QString kJsonFilter = QStringLiteral("KV Lab JSON (*.kvlab.json)");
// Keeps short projects from squeezing names against their details.
constexpr int kMinimumNameWidth = 240;
// The editor pane's width when it opens.
constexpr int kEditorWidth = 440;
// A design's editor has grids of key templates, which need more room.
constexpr int kDesignEditorWidth = 600;
// A workload's editor has a grid of eight columns and a chart.
constexpr int kWorkloadEditorWidth = 640;

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

  prices_ = loadDefaultPrices(pricesProblem_);
  const QString& pricesProblem = pricesProblem_;
  planView_ = new PlanView(document_, prices_, pricesProblem, this);
  planView_->setObjectName(QStringLiteral("planView"));
  aggregateView_ = new AggregateView(document_, this);
  aggregateView_->setObjectName(QStringLiteral("aggregateView"));
  proposalsView_ = new ProposalsView(document_, prices_, pricesProblem, this);
  proposalsView_->setObjectName(QStringLiteral("proposalsView"));
  simulateView_ = new SimulateView(document_, prices_, pricesProblem, this);
  simulateView_->setObjectName(QStringLiteral("simulateView"));
  savedRunsView_ = new SavedRunsView(document_, this);
  savedRunsView_->setObjectName(QStringLiteral("savedRunsView"));
  costView_ = new CostView(document_, prices_, pricesProblem, this);
  costView_->setObjectName(QStringLiteral("costView"));
  // The Cost tab prices the Simulate tab's last runs beside the plans.
  connect(simulateView_, &SimulateView::runFinished, this,
          [this] { costView_->setRuns(simulateView_->runs()); });
  diagramView_ = new EntityDiagramView(document_, this);
  diagramView_->setObjectName(QStringLiteral("diagramView"));
  connect(diagramView_, &EntityDiagramView::entityActivated, this, [this](int row) {
    revealInModel(treeModel_->index(row, 0, treeModel_->groupIndex(ProjectTreeModel::kEntities)));
  });
  connect(diagramView_, &EntityDiagramView::relationshipActivated, this, [this](int row) {
    revealInModel(
        treeModel_->index(row, 0, treeModel_->groupIndex(ProjectTreeModel::kRelationships)));
  });

  views_ = new QTabWidget(this);
  views_->setObjectName(QStringLiteral("mainViews"));
  views_->setDocumentMode(true);
  createEditorPane();
  views_->addTab(modelSplitter_, tr("Model"));
  views_->addTab(diagramView_, tr("Diagram"));
  views_->addTab(planView_, tr("Plan"));
  views_->addTab(aggregateView_, tr("Aggregate"));
  views_->addTab(proposalsView_, tr("Proposals"));
  views_->addTab(simulateView_, tr("Simulate"));
  views_->addTab(savedRunsView_, tr("Runs"));
  views_->addTab(costView_, tr("Cost"));
  views_->setTabToolTip(kModelView, tr("The project: entities, relationships, access patterns "
                                       "and designs"));
  views_->setTabToolTip(kDiagramView, tr("The entities and their relationships as a diagram"));
  views_->setTabToolTip(kPlanView, tr("How each access pattern runs on a design, and what the "
                                      "design costs a month"));
  views_->setTabToolTip(kAggregateView, tr("A design's table or GSI as sample items, grouped into "
                                           "item collections and coloured by entity"));
  views_->setTabToolTip(kProposalsView, tr("Designs the modeler proposes for the access patterns"));
  views_->setTabToolTip(kSimulateView, tr("A design's workload in virtual time on DynamoDB, a "
                                          "relational database or a cache"));
  views_->setTabToolTip(kRunsView, tr("The runs kept in the project, alone or side by side"));
  views_->setTabToolTip(kCostView, tr("A month's cost of each design as planned, and of the "
                                      "last simulation on each engine"));
  setCentralWidget(views_);

  createActions();
  createDiagnosticsDock();
  connect(projectView_->selectionModel(), &QItemSelectionModel::currentChanged, this,
          &MainWindow::treeCurrentChanged);

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

  QAction* newAction = file->addAction(tr("&New"), this, &MainWindow::newProject);
  newAction->setShortcut(QKeySequence::New);
  newAction->setStatusTip(tr("Start an empty project"));

  QAction* openAction = file->addAction(tr("&Open…"), this, &MainWindow::open);
  openAction->setShortcut(QKeySequence::Open);
  openAction->setStatusTip(tr("Open a project (.kvlab or .kvlab.json)"));
  recentMenu_ = file->addMenu(tr("Open &Recent"));
  recentMenu_->setObjectName(QStringLiteral("recentMenu"));
  connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);

  QAction* saveAction = file->addAction(tr("&Save"), this, &MainWindow::save);
  saveAction->setShortcut(QKeySequence::Save);
  saveAction->setStatusTip(tr("Save the project to its file"));

  QAction* saveAsAction = file->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
  saveAsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
  saveAsAction->setStatusTip(tr("Save the project to a new file, native or JSON"));

  file->addSeparator();
  QAction* importAction =
      file->addAction(tr("&Import…"), this, &MainWindow::importProjectInteractively);
  importAction->setObjectName(QStringLiteral("importAction"));
  importAction->setStatusTip(
      tr("Open a NoSQL Workbench model or a CloudFormation template as a new project"));
  QAction* exportAction =
      file->addAction(tr("&Export…"), this, &MainWindow::exportDesignInteractively);
  exportAction->setObjectName(QStringLiteral("exportAction"));
  exportAction->setStatusTip(
      tr("Write a design for another tool: NoSQL Workbench, "
         "CloudFormation, the AWS CLI, OneTable or PostgreSQL DDL"));
  QAction* reportAction =
      file->addAction(tr("&Report…"), this, &MainWindow::writeReportInteractively);
  reportAction->setObjectName(QStringLiteral("reportAction"));
  reportAction->setStatusTip(
      tr("Write a report of a design and its last simulated runs: HTML, "
         "PDF, Markdown, CSV or XLSX"));

  file->addSeparator();
  QAction* quitAction = file->addAction(tr("&Quit"), this, &QWidget::close);
  quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
  quitAction->setMenuRole(QAction::QuitRole);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undoAction = document_->undoStack()->createUndoAction(this, tr("&Undo"));
  undoAction->setObjectName(QStringLiteral("undoAction"));
  undoAction->setShortcut(QKeySequence::Undo);
  edit->addAction(undoAction);
  QAction* redoAction = document_->undoStack()->createRedoAction(this, tr("&Redo"));
  redoAction->setObjectName(QStringLiteral("redoAction"));
  redoAction->setShortcut(QKeySequence::Redo);
  edit->addAction(redoAction);
  edit->addSeparator();
  QAction* newEntityAction = edit->addAction(tr("New &Entity"), this, &MainWindow::newEntity);
  newEntityAction->setObjectName(QStringLiteral("newEntityAction"));
  newEntityAction->setStatusTip(tr("Add an entity to the project and edit it"));
  QAction* newRelationshipAction =
      edit->addAction(tr("New &Relationship"), this, &MainWindow::newRelationship);
  newRelationshipAction->setObjectName(QStringLiteral("newRelationshipAction"));
  newRelationshipAction->setStatusTip(tr("Add a relationship between entities and edit it"));
  QAction* newPatternAction =
      edit->addAction(tr("New &Access Pattern"), this, &MainWindow::newPattern);
  newPatternAction->setObjectName(QStringLiteral("newPatternAction"));
  newPatternAction->setStatusTip(tr("Add an access pattern to the project and edit it"));
  QAction* newWorkloadAction = edit->addAction(tr("New &Workload"), this, &MainWindow::newWorkload);
  newWorkloadAction->setObjectName(QStringLiteral("newWorkloadAction"));
  newWorkloadAction->setStatusTip(tr("Add a workload to simulate and edit its rates over time"));
  QAction* deleteAction = edit->addAction(tr("&Delete"), this, &MainWindow::deleteCurrent);
  deleteAction->setObjectName(QStringLiteral("deleteAction"));
  deleteAction->setShortcut(QKeySequence::Delete);
  deleteAction->setShortcutContext(Qt::WidgetShortcut);
  projectView_->addAction(deleteAction);
  deleteAction->setStatusTip(
      tr("Remove the entity, attribute, relationship, access pattern or workload chosen in the "
         "tree"));

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

void MainWindow::createEditorPane() {
  entityEditor_ = new EntityEditor(document_, this);
  entityEditor_->setObjectName(QStringLiteral("entityEditor"));
  patternEditor_ = new AccessPatternEditor(document_, this);
  patternEditor_->setObjectName(QStringLiteral("patternEditor"));
  relationshipEditor_ = new RelationshipEditor(document_, this);
  relationshipEditor_->setObjectName(QStringLiteral("relationshipEditor"));
  editors_ = new QStackedWidget(this);
  editors_->addWidget(entityEditor_);
  editors_->addWidget(relationshipEditor_);
  editors_->addWidget(patternEditor_);
  designEditor_ = new DesignEditor(document_, this);
  designEditor_->setObjectName(QStringLiteral("designEditor"));
  editors_->addWidget(designEditor_);
  workloadEditor_ = new WorkloadEditor(document_, this);
  workloadEditor_->setObjectName(QStringLiteral("workloadEditor"));
  editors_->addWidget(workloadEditor_);

  editorTitle_ = new QLabel(this);
  editorTitle_->setObjectName(QStringLiteral("editorTitle"));
  QFont bold = editorTitle_->font();
  bold.setBold(true);
  editorTitle_->setFont(bold);
  // Scrolled, so that the fields never make the window wider than the screen (or a screenshot).
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setWidget(editors_);
  editorPane_ = new QWidget(this);
  editorPane_->setObjectName(QStringLiteral("editorPane"));
  auto* layout = new QVBoxLayout(editorPane_);
  layout->setContentsMargins(6, 6, 0, 0);
  layout->addWidget(editorTitle_);
  layout->addWidget(scroll, 1);
  editorPane_->hide();

  modelSplitter_ = new QSplitter(Qt::Horizontal, this);
  modelSplitter_->setObjectName(QStringLiteral("modelSplitter"));
  modelSplitter_->addWidget(projectView_);
  modelSplitter_->addWidget(editorPane_);
  modelSplitter_->setStretchFactor(0, 1);
  modelSplitter_->setStretchFactor(1, 0);
  modelSplitter_->setCollapsible(0, false);
}

void MainWindow::treeCurrentChanged(const QModelIndex& current) {
  if (!current.isValid()) return;
  const QModelIndex entities = treeModel_->groupIndex(ProjectTreeModel::kEntities);
  const QModelIndex parent = current.parent();
  if (parent == entities) {
    editEntity(current.row());
  } else if (parent.isValid() && parent.parent() == entities) {
    editEntity(parent.row());
  } else if (parent == treeModel_->groupIndex(ProjectTreeModel::kRelationships)) {
    editRelationship(current.row());
  } else if (parent == treeModel_->groupIndex(ProjectTreeModel::kAccessPatterns)) {
    editPattern(current.row());
  } else if (parent == treeModel_->groupIndex(ProjectTreeModel::kWorkloads)) {
    editWorkload(current.row());
  } else {
    // A design, its table or one of its indexes, or a template under one of them.
    const QModelIndex designs = treeModel_->groupIndex(ProjectTreeModel::kDesigns);
    QModelIndex part;
    QModelIndex design = current;
    while (design.isValid() && design.parent() != designs) {
      part = design;
      design = design.parent();
    }
    if (!design.isValid()) return;
    editDesign(design.row());
    // The design's parts are its table, then its GSIs, then its LSIs.
    if (part.isValid() && part.row() > 0) {
      const int gsis = static_cast<int>(document_->project().designs[design.row()].gsis.size());
      const bool isLocal = part.row() > gsis;
      designEditor_->selectIndex(isLocal, isLocal ? part.row() - 1 - gsis : part.row() - 1);
    }
  }
}

void MainWindow::revealInModel(const QModelIndex& index) {
  if (!index.isValid()) return;
  showView(kModelView);
  // Choosing it in the tree opens its editor; when it is chosen already, open it again, as
  // New Entity may have shown another element's editor meanwhile.
  if (projectView_->currentIndex() == index) {
    treeCurrentChanged(index);
  } else {
    projectView_->setCurrentIndex(index);
  }
  projectView_->scrollTo(index);
}

void MainWindow::editEntity(int row) {
  entityEditor_->setEntity(row);
  editorTitle_->setText(tr("Entity"));
  editors_->setCurrentWidget(entityEditor_);
  showEditorPane(kEditorWidth);
}

void MainWindow::editRelationship(int row) {
  relationshipEditor_->setRelationship(row);
  editorTitle_->setText(tr("Relationship"));
  editors_->setCurrentWidget(relationshipEditor_);
  showEditorPane(kEditorWidth);
}

void MainWindow::editPattern(int row) {
  patternEditor_->setPattern(row);
  editorTitle_->setText(tr("Access pattern"));
  editors_->setCurrentWidget(patternEditor_);
  showEditorPane(kEditorWidth);
}

void MainWindow::editDesign(int row) {
  designEditor_->setDesign(row);
  editorTitle_->setText(tr("Design"));
  editors_->setCurrentWidget(designEditor_);
  showEditorPane(kDesignEditorWidth);
}

void MainWindow::revealDesign(int row) {
  revealInModel(treeModel_->index(row, 0, treeModel_->groupIndex(ProjectTreeModel::kDesigns)));
}

void MainWindow::editWorkload(int row) {
  workloadEditor_->setWorkload(row);
  editorTitle_->setText(tr("Workload"));
  editors_->setCurrentWidget(workloadEditor_);
  showEditorPane(kWorkloadEditorWidth);
}

void MainWindow::revealWorkload(int row) {
  revealInModel(treeModel_->index(row, 0, treeModel_->groupIndex(ProjectTreeModel::kWorkloads)));
}

void MainWindow::showEditorPane(int width) {
  if (!editorPane_->isHidden() && editorPane_->width() >= width) return;
  editorPane_->show();
  // A hidden pane has no width to keep: give it room for the fields each time it opens, and
  // widen it for an editor that needs more.
  const int total = std::max(modelSplitter_->width(), 2 * width);
  modelSplitter_->setSizes({total - width, width});
}

void MainWindow::newEntity() {
  const model::Project& project = document_->project();
  model::Entity entity;
  for (int n = static_cast<int>(project.entities.size()) + 1;; ++n) {
    entity.name = "Entity" + std::to_string(n);
    if (project.findEntity(entity.name) == nullptr) break;
  }
  model::Attribute id;
  id.name = "id";
  entity.identifier = {id.name};
  entity.attributes.push_back(std::move(id));
  const int row = static_cast<int>(project.entities.size());
  document_->undoStack()->push(new AddEntityCommand(document_, std::move(entity)));
  editEntity(row);
}

void MainWindow::newRelationship() {
  const model::Project& project = document_->project();
  if (project.entities.empty()) return;
  model::Relationship relationship;
  relationship.from = project.entities.front().name;
  relationship.to = project.entities.back().name;
  const int row = static_cast<int>(project.relationships.size());
  document_->undoStack()->push(new AddRelationshipCommand(document_, std::move(relationship)));
  editRelationship(row);
}

void MainWindow::newPattern() {
  const model::Project& project = document_->project();
  model::AccessPattern pattern;
  for (int n = static_cast<int>(project.accessPatterns.size()) + 1;; ++n) {
    pattern.id = "AP" + std::to_string(n);
    if (project.findPattern(pattern.id) == nullptr) break;
  }
  pattern.name = tr("New access pattern").toStdString();
  if (!project.entities.empty()) {
    const model::Entity& first = project.entities.front();
    pattern.entities = {first.name};
    pattern.equals = first.identifier;
  }
  const int row = static_cast<int>(project.accessPatterns.size());
  document_->undoStack()->push(new AddAccessPatternCommand(document_, std::move(pattern)));
  editPattern(row);
}

void MainWindow::newWorkload() {
  const model::Project& project = document_->project();
  model::Workload workload;
  for (int n = static_cast<int>(project.workloads.size()) + 1;; ++n) {
    workload.name = "workload-" + std::to_string(n);
    if (project.findWorkload(workload.name) == nullptr) break;
  }
  workload.durationSeconds = 60;
  const int row = static_cast<int>(project.workloads.size());
  document_->undoStack()->push(new AddWorkloadCommand(document_, std::move(workload)));
  revealWorkload(row);
}

void MainWindow::deleteCurrent() {
  const QModelIndex current = projectView_->currentIndex();
  if (!current.isValid()) return;
  const QModelIndex parent = current.parent();
  const QModelIndex entities = treeModel_->groupIndex(ProjectTreeModel::kEntities);
  QUndoStack* stack = document_->undoStack();
  if (parent == entities) {
    stack->push(new RemoveEntityCommand(document_, current.row()));
  } else if (parent.isValid() && parent.parent() == entities) {
    stack->push(new RemoveAttributeCommand(document_, parent.row(), current.row()));
  } else if (parent == treeModel_->groupIndex(ProjectTreeModel::kRelationships)) {
    stack->push(new RemoveRelationshipCommand(document_, current.row()));
  } else if (parent == treeModel_->groupIndex(ProjectTreeModel::kAccessPatterns)) {
    stack->push(new RemoveAccessPatternCommand(document_, current.row()));
  } else if (parent == treeModel_->groupIndex(ProjectTreeModel::kWorkloads)) {
    stack->push(new RemoveWorkloadCommand(document_, current.row()));
  }
}

void MainWindow::enableRecovery(const QString& directory, std::chrono::milliseconds interval) {
  if (autosaver_ == nullptr) {
    autosaver_ = new Autosaver(document_, RecoveryStore(directory), this);
    connect(autosaver_, &Autosaver::autosaveFailed, this, [this](const QString& message) {
      statusBar()->showMessage(tr("Autosave failed: %1").arg(message));
    });
  }
  autosaver_->setInterval(interval);
}

bool MainWindow::offerRecovery(const RecoveryFile& file) {
  const RecoveryChoice choice =
      decideRecovery_ ? decideRecovery_(file) : askAboutRecovery(file, this);
  if (choice == RecoveryChoice::Discard) RecoveryStore::remove(file.path);
  if (choice != RecoveryChoice::Recover) return false;
  RecoveredProject recovered = RecoveryStore::read(file.path);
  if (!recovered.project) {
    statusBar()->showMessage(tr("Could not read the recovery file %1").arg(file.path));
    return false;
  }
  document_->recover(std::move(*recovered.project), file.projectPath,
                     std::move(recovered.diagnostics));
  if (autosaver_ != nullptr) autosaver_->adopt(file.path);
  statusBar()->showMessage(tr("Recovered the changes autosaved at %1; save to keep them")
                               .arg(QLocale().toString(file.written, QLocale::ShortFormat)));
  return true;
}

bool MainWindow::offerPendingRecovery() {
  if (autosaver_ == nullptr) return false;
  for (const RecoveryFile& file : autosaver_->store().pending()) {
    if (offerRecovery(file)) return true;
  }
  return false;
}

bool MainWindow::openFile(const QString& path) {
  if (autosaver_ != nullptr) {
    if (std::optional<RecoveryFile> pending = autosaver_->store().pendingFor(path)) {
      if (offerRecovery(*pending)) return true;
    }
  }
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
  if (loaded) rememberRecent(path);
  return loaded;
}

Status MainWindow::saveFileAs(const QString& path) {
  Status status = document_->saveAs(path);
  if (status.ok()) {
    rememberRecent(path);
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

bool MainWindow::confirmRunsLeftOut(const QString& path) {
  const std::size_t runs = document_->project().runs.size();
  if (runs == 0 ||
      model::projectFileFormFor(path.toStdString()) == model::ProjectFileForm::Native) {
    return true;
  }
  QMessageBox box(
      QMessageBox::Warning, tr("Save Project"),
      tr("%1 is a text file, which holds no simulation runs.").arg(QFileInfo(path).fileName()),
      QMessageBox::Save | QMessageBox::Cancel, this);
  box.setInformativeText(
      tr("The project's %n kept run(s) would be left out of it, and lost when you close the "
         "project. Save As a .kvlab file keeps them.",
         nullptr, static_cast<int>(runs)));
  box.button(QMessageBox::Save)->setText(tr("Save Without Runs"));
  box.setDefaultButton(QMessageBox::Cancel);
  return box.exec() == QMessageBox::Save;
}

bool MainWindow::save() {
  if (document_->filePath().isEmpty()) return saveAs();
  if (!confirmRunsLeftOut(document_->filePath())) return false;
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
  const QString path = withProjectSuffix(chosen, selectedFilter);
  if (!confirmRunsLeftOut(path)) return false;
  const Status status = saveFileAs(path);
  if (!status.ok()) {
    QMessageBox::warning(this, tr("Save Project As"), QString::fromStdString(status.message()));
  }
  return status.ok();
}

Status MainWindow::exportDesign(const QString& format, const QString& design, const QString& path) {
  const std::string formatName = format.toStdString();
  const model::interop::Exporter* exporter = model::interop::findExporter(formatName);
  if (exporter == nullptr) return Status::Error("unknown export format '" + formatName + "'");
  const model::Project& project = document_->project();
  if (!document_->isProjectValid()) {
    return Status::Error(path.toStdString() +
                         ": the project has errors; fix them before exporting (nothing was "
                         "written)");
  }
  const model::Design* chosen = project.findDesign(design.toStdString());
  if (chosen == nullptr) {
    return Status::Error(path.toStdString() + ": the project has no design named '" +
                         design.toStdString() + "' (nothing was written)");
  }
  model::interop::ExportOptions options;
  options.yaml = path.endsWith(QStringLiteral(".yaml")) || path.endsWith(QStringLiteral(".yml"));
  std::string text;
  if (Status written = exporter->write(project, {chosen}, options, text); !written.ok()) {
    return Status::Error(path.toStdString() + ": " + written.message() + " (nothing was written)");
  }
  return model::writeFileAtomically(std::filesystem::path(path.toStdString()), text);
}

Status MainWindow::importProject(const QString& format, const QString& path) {
  const std::string formatName = format.toStdString();
  const model::interop::Importer* importer = model::interop::findImporter(formatName);
  if (importer == nullptr) return Status::Error("unknown import format '" + formatName + "'");
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    return Status::Error("cannot read " + path.toStdString() + ": " +
                         file.errorString().toStdString());
  }
  const QByteArray bytes = file.readAll();
  model::interop::ImportResult result =
      importer->read(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                     path.toStdString());
  if (!result.ok()) return result.status;
  model::Diagnostics diagnostics;
  model::validateProject(result.project, path.toStdString(), diagnostics);
  for (const model::Diagnostic& d : diagnostics.items()) {
    if (d.severity == model::Severity::Error) {
      return Status::Error(model::formatDiagnostic(d) + " (the project made from " +
                           path.toStdString() + " does not validate)");
    }
  }
  document_->undoStack()->push(
      new ImportProjectCommand(document_, std::move(result.project), path));
  QString message = tr("Imported %1 as a new project").arg(QFileInfo(path).fileName());
  if (!result.notes.empty()) {
    message += tr("; %1").arg(QString::fromStdString(result.notes.front()));
  }
  statusBar()->showMessage(message, 10000);
  return Status::Ok();
}

Status MainWindow::writeReport(const QString& format, const QString& design, const QString& path) {
  const std::optional<report::ReportFormat> chosenFormat =
      report::parseReportFormat(format.toStdString());
  if (!chosenFormat) {
    return Status::Error("unknown report format '" + format.toStdString() +
                         "'; expected html, pdf, md, csv or xlsx");
  }
  if (!prices_) return Status::Error("no price sheet: " + pricesProblem_.toStdString());
  if (!document_->isProjectValid()) {
    return Status::Error(path.toStdString() +
                         ": the project has errors; a report needs a valid project (nothing was "
                         "written)");
  }
  const model::Project& project = document_->project();
  const model::Design* chosen = project.findDesign(design.toStdString());
  if (chosen == nullptr) {
    return Status::Error(path.toStdString() + ": the project has no design named '" +
                         design.toStdString() + "' (nothing was written)");
  }
  // The Simulate tab's last runs of the design; without any, the kept runs chosen in the Runs
  // tab (so a report after reopening a project still has its runs).
  std::vector<sim::RunResult> runs;
  for (const sim::RunResult& run : simulateView_->runs()) {
    if (run.design == chosen->name) runs.push_back(run);
  }
  if (runs.empty()) {
    for (const sim::RunResult& run : savedRunsView_->results()->runs()) {
      if (run.design == chosen->name) runs.push_back(run);
    }
  }
  const model::DesignPlan plan = model::planDesign(project, *chosen, *prices_);
  const report::ReportData data = report::buildReportData(report::ReportInputs{
      project, *chosen, plan, std::move(runs), document_->filePath().toStdString()});
  const std::filesystem::path target(path.toStdString());
  Status written = *chosenFormat == report::ReportFormat::Pdf
                       ? report::writePdfReport(data, target)
                       : report::writeReport(data, *chosenFormat, target);
  if (!written.ok() && written.message().find(target.string()) == std::string::npos) {
    return Status::Error(target.string() + ": " + written.message());
  }
  return written;
}

bool MainWindow::showOutcome(const QString& title, const Status& status) {
  if (status.ok()) return true;
  auto* box = new QMessageBox(QMessageBox::Warning, title, QString::fromStdString(status.message()),
                              QMessageBox::Ok, this);
  box->setObjectName(QStringLiteral("fileError"));
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setWindowModality(Qt::WindowModal);
  box->open();
  return false;
}

bool MainWindow::exportDesignTo(const QString& format, const QString& design, const QString& path) {
  if (!showOutcome(tr("Export"), exportDesign(format, design, path))) return false;
  statusBar()->showMessage(
      tr("Exported %1 as %2 to %3").arg(design, format, QFileInfo(path).fileName()), 10000);
  return true;
}

bool MainWindow::importProjectFrom(const QString& format, const QString& path) {
  return showOutcome(tr("Import"), importProject(format, path));
}

bool MainWindow::writeReportTo(const QString& format, const QString& design, const QString& path) {
  if (!showOutcome(tr("Report"), writeReport(format, design, path))) return false;
  statusBar()->showMessage(
      tr("Wrote the %1 report of %2 to %3").arg(format, design, QFileInfo(path).fileName()), 10000);
  return true;
}

QString MainWindow::chooseDesign(const QString& title) {
  const model::Project& project = document_->project();
  if (project.designs.empty()) {
    QMessageBox::information(this, title, tr("The project has no design yet."));
    return {};
  }
  QStringList names;
  for (const model::Design& d : project.designs) names << QString::fromStdString(d.name);
  if (names.size() == 1) return names.front();
  int current = 0;
  if (!simulateView_->runs().empty()) {
    current = std::max(0, static_cast<int>(names.indexOf(
                              QString::fromStdString(simulateView_->runs().front().design))));
  }
  bool ok = false;
  const QString name =
      QInputDialog::getItem(this, title, tr("Design:"), names, current, false, &ok);
  return ok ? name : QString();
}

void MainWindow::exportDesignInteractively() {
  QStringList items;
  for (const model::interop::Exporter& e : model::interop::exporters()) {
    items << QStringLiteral("%1: %2").arg(
        QString::fromUtf8(e.name.data(), e.name.size()),
        QString::fromUtf8(e.description.data(), e.description.size()));
  }
  bool ok = false;
  const QString item =
      QInputDialog::getItem(this, tr("Export"), tr("Format:"), items, 0, false, &ok);
  if (!ok) return;
  const QString format = item.section(QLatin1Char(':'), 0, 0);
  const QString design = chooseDesign(tr("Export"));
  if (design.isEmpty()) return;
  const QString suffix =
      format == QStringLiteral("sql") ? QStringLiteral(".sql") : QStringLiteral(".json");
  const QString folder = QFileInfo(document_->filePath()).absolutePath();
  const QString suggested =
      QDir(folder).filePath(QStringLiteral("%1-%2%3").arg(design, format, suffix));
  const QString filter = format == QStringLiteral("sql") ? tr("SQL (*.sql);;All files (*)")
                         : format == QStringLiteral("cloudformation")
                             ? tr("CloudFormation (*.json *.yaml *.yml);;All files (*)")
                             : tr("JSON (*.json);;All files (*)");
  const QString path =
      QFileDialog::getSaveFileName(this, tr("Export %1").arg(format), suggested, filter);
  if (path.isEmpty()) return;
  exportDesignTo(format, design, path);
}

void MainWindow::importProjectInteractively() {
  if (!maybeSave()) return;
  QStringList items;
  for (const model::interop::Importer& i : model::interop::importers()) {
    items << QStringLiteral("%1: %2").arg(
        QString::fromUtf8(i.name.data(), i.name.size()),
        QString::fromUtf8(i.description.data(), i.description.size()));
  }
  bool ok = false;
  const QString item =
      QInputDialog::getItem(this, tr("Import"), tr("Format:"), items, 0, false, &ok);
  if (!ok) return;
  const QString format = item.section(QLatin1Char(':'), 0, 0);
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Import %1").arg(format), QFileInfo(document_->filePath()).absolutePath(),
      tr("Models and templates (*.json *.yaml *.yml *.template);;All files (*)"));
  if (path.isEmpty()) return;
  importProjectFrom(format, path);
}

void MainWindow::writeReportInteractively() {
  const QStringList formats = {QStringLiteral("html"), QStringLiteral("pdf"), QStringLiteral("md"),
                               QStringLiteral("csv"), QStringLiteral("xlsx")};
  bool ok = false;
  const QString format =
      QInputDialog::getItem(this, tr("Report"), tr("Format:"), formats, 0, false, &ok);
  if (!ok) return;
  const QString design = chooseDesign(tr("Report"));
  if (design.isEmpty()) return;
  const QString folder = QFileInfo(document_->filePath()).absolutePath();
  const QString suggested =
      QDir(folder).filePath(QStringLiteral("%1-report.%2").arg(design, format));
  const QString path =
      QFileDialog::getSaveFileName(this, tr("Write %1 report").arg(format), suggested,
                                   tr("%1 (*.%2);;All files (*)").arg(format.toUpper(), format));
  if (path.isEmpty()) return;
  writeReportTo(format, design, path);
}

void MainWindow::about() {
  QMessageBox::about(
      this, tr("About KV Lab Studio"),
      tr("<h3>KV Lab Studio %1</h3>"
         "<p>Design DynamoDB single-table schemas: entities, relationships and access patterns, "
         "the designs that serve them, and what they cost under load.</p>")
          .arg(QApplication::applicationVersion()));
}

void MainWindow::useSettings(std::unique_ptr<QSettings> settings) {
  settings_ = std::move(settings);
}

QStringList MainWindow::recentFiles() const {
  if (!settings_) return {};
  return settings_->value(QStringLiteral("recentFiles")).toStringList();
}

void MainWindow::rememberRecent(const QString& path) {
  if (!settings_) return;
  const QString absolute = QFileInfo(path).absoluteFilePath();
  QStringList files = recentFiles();
  files.removeAll(absolute);
  files.prepend(absolute);
  while (files.size() > kMaxRecentFiles) files.removeLast();
  settings_->setValue(QStringLiteral("recentFiles"), files);
}

void MainWindow::fillRecentMenu() {
  recentMenu_->clear();
  const QStringList files = recentFiles();
  for (int i = 0; i < files.size(); ++i) {
    const QString path = files[i];
    // &1 ... &8: a key for each, as desktop applications number them.
    QAction* action =
        recentMenu_->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()),
                               this, [this, path] { openRecent(path); });
    action->setStatusTip(path);
  }
  if (files.isEmpty()) recentMenu_->addAction(tr("(no recent projects)"))->setEnabled(false);
}

void MainWindow::openRecent(const QString& path) {
  if (!maybeSave()) return;
  if (openFile(path)) return;
  if (settings_) {
    QStringList files = recentFiles();
    files.removeAll(path);
    settings_->setValue(QStringLiteral("recentFiles"), files);
  }
  QMessageBox::warning(this, tr("Open Recent"),
                       tr("Could not open %1; it is no longer in the list.").arg(path));
}

bool MainWindow::newProject() {
  if (!maybeSave()) return false;
  model::Project empty;
  empty.name = "Untitled";
  document_->setProject(std::move(empty));
  document_->setModified(false);
  showView(kModelView);
  statusBar()->showMessage(tr("New project"), 5000);
  return true;
}

void MainWindow::restoreLayout() {
  if (!settings_) return;
  restoreGeometry(settings_->value(QStringLiteral("window/geometry")).toByteArray());
  restoreState(settings_->value(QStringLiteral("window/state")).toByteArray());
  const int view = settings_->value(QStringLiteral("window/view"), kModelView).toInt();
  if (view >= 0 && view < kViewCount) showView(static_cast<View>(view));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (maybeSave()) {
    if (settings_) {
      settings_->setValue(QStringLiteral("window/geometry"), saveGeometry());
      settings_->setValue(QStringLiteral("window/state"), saveState());
      settings_->setValue(QStringLiteral("window/view"), views_->currentIndex());
    }
    // A clean close: nothing is left to recover.
    if (autosaver_ != nullptr) autosaver_->discard();
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
      if (autosaver_ != nullptr) autosaver_->discard();
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
