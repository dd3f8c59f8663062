#pragma once

#include <QMainWindow>
#include <QString>
#include <chrono>
#include <functional>
#include <memory>

#include "model/capacity/price_sheet.h"

#include "model/status.h"
#include "ui/views/recovery_prompt.h"

class QAction;
class QDockWidget;
class QMenu;
class QSettings;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace kvlab::ui {

class AccessPatternEditor;
class DesignEditor;
class WorkloadEditor;
class AggregateView;
class Autosaver;
class DiagnosticsModel;
class EntityDiagramView;
class EntityEditor;
class PlanView;
class ProjectDocument;
class ProjectTreeModel;
class ProposalsView;
class RelationshipEditor;
class CostView;
class SavedRunsView;
class SimulateView;
struct RecoveryFile;

// The studio's main window: tabs in the middle with the main views (the project tree, the
// entity diagram, the plan of
// a design, the modeler's proposals, simulated runs), the findings of the last load in a dock
// below them, the editor of the entity or access pattern chosen in the project tree beside it in
// the Model tab, the File menu (new, open, open recent, save, import, export, report), the Edit
// menu (undo and redo
// of the document's undo stack, new and delete) and Help, and a status bar that counts what the
// project holds. It owns its document and loads the default price sheet once for
// the views that price. Methods that take a path never open a dialog, so tests and the command
// line can drive them; the menu actions add the dialogs around them.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  // The main views, in the order of their tabs.
  enum View {
    kModelView = 0,
    kDiagramView,
    kPlanView,
    kAggregateView,
    kProposalsView,
    kSimulateView,
    kRunsView,
    kCostView,
    kViewCount
  };

  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  ProjectDocument* document() const { return document_; }
  PlanView* planView() const { return planView_; }
  AggregateView* aggregateView() const { return aggregateView_; }
  ProposalsView* proposalsView() const { return proposalsView_; }
  SimulateView* simulateView() const { return simulateView_; }
  SavedRunsView* savedRunsView() const { return savedRunsView_; }
  CostView* costView() const { return costView_; }
  EntityDiagramView* diagramView() const { return diagramView_; }
  EntityEditor* entityEditor() const { return entityEditor_; }
  AccessPatternEditor* patternEditor() const { return patternEditor_; }
  RelationshipEditor* relationshipEditor() const { return relationshipEditor_; }
  DesignEditor* designEditor() const { return designEditor_; }
  WorkloadEditor* workloadEditor() const { return workloadEditor_; }
  // Brings `view`'s tab to the front.
  void showView(View view);

  // Shows the editor of the entity, the relationship or the access pattern at `row` beside the
  // tree; the project tree does this when one of them (or an attribute) becomes current.
  void editEntity(int row);
  void editRelationship(int row);
  void editPattern(int row);
  // Shows the editor of the design at `row`; the tree does this when the design or one of its
  // parts becomes current (a GSI or LSI, or a template of one, chosen in the editor too).
  void editDesign(int row);
  // Makes the design at `row` current in the project tree on the Model tab, opening its editor.
  void revealDesign(int row);
  // Shows the editor of the workload at `row`; the tree does this when the workload becomes
  // current. revealWorkload makes it current in the tree on the Model tab.
  void editWorkload(int row);
  void revealWorkload(int row);
  // The Edit menu's actions, each a command on the document's undo stack: a new entity
  // ("EntityN" with an identifier attribute "id"), relationship (one-to-many from the first entity
  // to the last; none without entities), access pattern ("APN", a get of the first entity) or
  // workload ("workload-N", 60 seconds, no pattern named yet), shown in its editor; and the
  // removal of the entity, attribute, relationship, access pattern or workload current in the
  // project tree (designs cannot be removed yet).
  void newEntity();
  void newRelationship();
  void newPattern();
  void newWorkload();
  void deleteCurrent();

  // Loads `path` into the window's document (see ProjectDocument::load): returns true when it
  // holds a project, even one with errors, which the diagnostics dock then lists. On false the
  // previous project stays and the dock says why the file could not be read. With recovery on,
  // a recovery file of `path` that a crash left behind, as new as the file or newer, is offered
  // first (the recovery decision): recovering opens it as unsaved changes bound to `path`.
  bool openFile(const QString& path);

  // Turns on autosave and crash recovery: while the document is modified it is autosaved every
  // `interval` (0: never) to a recovery file in `directory` (RecoveryStore), removed again on a
  // save, a clean close or a discard. Off until called (tests, --screenshot).
  void enableRecovery(const QString& directory, std::chrono::milliseconds interval);
  // The autosaver once recovery is on, else null.
  Autosaver* autosaver() const { return autosaver_; }
  // Decides what to do with a recovery file found; by default askAboutRecovery (a message
  // box). Tests give a function instead.
  using RecoveryDecision = std::function<RecoveryChoice(const RecoveryFile&)>;
  void setRecoveryDecision(RecoveryDecision decide) { decideRecovery_ = std::move(decide); }
  // For a start without a file: offers each recovery file a crash left behind (RecoveryStore::
  // pending), newest first, until one is recovered; returns whether one was.
  bool offerPendingRecovery();
  // Saves the document to `path` (the form follows the name) and shows where in the status bar.
  Status saveFileAs(const QString& path);

  // Where the window keeps what outlives a session: the recent files (File > Open Recent) and
  // the window's layout (size, docks, the tab in front). None until given (tests, --screenshot),
  // so that nothing is read or written behind a test's back; the studio gives the user's.
  void useSettings(std::unique_ptr<QSettings> settings);
  // The projects opened or saved most recently, newest first (at most kMaxRecentFiles).
  QStringList recentFiles() const;
  static constexpr int kMaxRecentFiles = 8;
  // Puts back the layout saved at the last close (a no-op without settings or a saved layout).
  void restoreLayout();
  // Replaces the project with an empty one, after the unsaved-changes prompt; false when the
  // user cancels. File > New.
  bool newProject();

  // Writes the design called `design` in `format` (a model::interop exporter's name:
  // "nosql-workbench", "cloudformation", "aws-cli", "onetable", "sql") to `path`, atomically;
  // CloudFormation as YAML when `path` ends in .yaml or .yml. On failure nothing is written at
  // `path` and the status names the file and what went wrong.
  Status exportDesign(const QString& format, const QString& design, const QString& path);
  // Reads `path` as `format` (a model::interop importer's name) and, when the project it gives
  // validates, opens it as a new document: unsaved, with no file. On failure the document stays
  // as it was and the status names the file and the place (JSON path, line) of the problem.
  Status importProject(const QString& format, const QString& path);
  // Writes the report of the design called `design` in `format` ("html", "pdf", "md", "csv",
  // "xlsx") to `path`, atomically, with the Simulate tab's last runs of that design. Requires a
  // valid project; otherwise, or on a failure to write, the status says why and names the file.
  Status writeReport(const QString& format, const QString& design, const QString& path);
  // As the three above, with a failure shown in a message box (window-modal, "fileError") and
  // success in the status bar; returns whether it succeeded. The File menu's actions call these
  // once their dialogs have a path.
  bool exportDesignTo(const QString& format, const QString& design, const QString& path);
  bool importProjectFrom(const QString& format, const QString& path);
  bool writeReportTo(const QString& format, const QString& design, const QString& path);

  // "N entities, M access patterns, K designs", as the status bar shows it.
  QString summaryText() const;

 public slots:
  void open();
  bool save();
  bool saveAs();
  void exportDesignInteractively();
  void importProjectInteractively();
  void writeReportInteractively();
  void about();
  // Opens `path` from the recent files after the unsaved-changes prompt; a file that is gone or
  // unreadable leaves the list, with a message.
  void openRecent(const QString& path);

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  // Before a save to `path`: true when it is a native file or the project has no runs, or the
  // user agrees to leave the runs out of a text file.
  bool confirmRunsLeftOut(const QString& path);
  void createActions();
  void createDiagnosticsDock();
  void createEditorPane();
  // Shows the editor pane, at least `width` wide.
  void showEditorPane(int width);
  // The project tree's current row changed: opens the editor of what it is.
  void treeCurrentChanged(const QModelIndex& current);
  // Makes `index` current in the project tree on the Model tab, opening its editor.
  void revealInModel(const QModelIndex& index);
  // Puts `path` first in the recent files (with settings).
  void rememberRecent(const QString& path);
  void fillRecentMenu();
  // Asks whether to save unsaved changes; true when the caller may go on (saved or discarded).
  bool maybeSave();
  // Asks about `file` and acts: true when the document now holds the recovered project.
  bool offerRecovery(const RecoveryFile& file);
  void projectChanged();
  void diagnosticsChanged();
  void updateTitle();
  // Shows `status`'s failure in a message box titled `title`; true when it is ok.
  bool showOutcome(const QString& title, const Status& status);
  // The design a dialog offers first: the last run's, else the first. Asks when there are
  // several; "" when there is none or the user cancelled.
  QString chooseDesign(const QString& title);

  ProjectDocument* document_;
  ProjectTreeModel* treeModel_;
  DiagnosticsModel* diagnosticsModel_;
  QTreeView* projectView_;
  QTabWidget* views_ = nullptr;
  PlanView* planView_ = nullptr;
  AggregateView* aggregateView_ = nullptr;
  ProposalsView* proposalsView_ = nullptr;
  SimulateView* simulateView_ = nullptr;
  SavedRunsView* savedRunsView_ = nullptr;
  CostView* costView_ = nullptr;
  EntityDiagramView* diagramView_ = nullptr;
  std::shared_ptr<const model::capacity::PriceSheet> prices_;
  QString pricesProblem_;
  QTreeView* diagnosticsView_ = nullptr;
  QDockWidget* diagnosticsDock_ = nullptr;
  QSplitter* modelSplitter_ = nullptr;
  QWidget* editorPane_ = nullptr;
  QLabel* editorTitle_ = nullptr;
  QStackedWidget* editors_ = nullptr;
  EntityEditor* entityEditor_ = nullptr;
  AccessPatternEditor* patternEditor_ = nullptr;
  RelationshipEditor* relationshipEditor_ = nullptr;
  DesignEditor* designEditor_ = nullptr;
  WorkloadEditor* workloadEditor_ = nullptr;
  QLabel* summaryLabel_;
  Autosaver* autosaver_ = nullptr;
  RecoveryDecision decideRecovery_;
  std::unique_ptr<QSettings> settings_;
  QMenu* recentMenu_ = nullptr;
};

}  // namespace kvlab::ui
