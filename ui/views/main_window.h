#pragma once

#include <QMainWindow>
#include <QString>

#include "model/status.h"

class QAction;
class QDockWidget;
class QLabel;
class QTabWidget;
class QTreeView;

namespace kvlab::ui {

class DiagnosticsModel;
class PlanView;
class ProjectDocument;
class ProjectTreeModel;
class ProposalsView;

// The studio's main window: tabs in the middle with the main views (the project tree, the plan of
// a design, the modeler's proposals), the findings of the last load in a dock below them, the File
// and Help menus, and a status bar that counts what the project holds. It owns its document and
// loads the default price sheet once for the views that price. Methods that take a path never
// open a dialog, so tests and the command line can drive them; the menu actions add the dialogs
// around them.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  // The main views, in the order of their tabs.
  enum View { kModelView = 0, kPlanView, kProposalsView, kViewCount };

  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  ProjectDocument* document() const { return document_; }
  PlanView* planView() const { return planView_; }
  ProposalsView* proposalsView() const { return proposalsView_; }
  // Brings `view`'s tab to the front.
  void showView(View view);

  // Loads `path` into the window's document (see ProjectDocument::load): returns true when it
  // holds a project, even one with errors, which the diagnostics dock then lists. On false the
  // previous project stays and the dock says why the file could not be read.
  bool openFile(const QString& path);
  // Saves the document to `path` (the form follows the name) and shows where in the status bar.
  Status saveFileAs(const QString& path);

  // "N entities, M access patterns, K designs", as the status bar shows it.
  QString summaryText() const;

 public slots:
  void open();
  bool save();
  bool saveAs();
  void about();

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void createActions();
  void createDiagnosticsDock();
  // Asks whether to save unsaved changes; true when the caller may go on (saved or discarded).
  bool maybeSave();
  void projectChanged();
  void diagnosticsChanged();
  void updateTitle();

  ProjectDocument* document_;
  ProjectTreeModel* treeModel_;
  DiagnosticsModel* diagnosticsModel_;
  QTreeView* projectView_;
  QTabWidget* views_ = nullptr;
  PlanView* planView_ = nullptr;
  ProposalsView* proposalsView_ = nullptr;
  QTreeView* diagnosticsView_ = nullptr;
  QDockWidget* diagnosticsDock_ = nullptr;
  QLabel* summaryLabel_;
};

}  // namespace kvlab::ui
