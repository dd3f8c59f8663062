#pragma once

#include <QString>
#include <QWidget>
#include <memory>
#include <string>
#include <vector>

class QLabel;
class QPushButton;
class QTableView;

namespace kvlab::ui {

class ProjectDocument;
class RunResultsPanel;
class SavedRunTableModel;

// The Runs tab: the runs kept in the document's project (the Simulate tab's Keep), listed with
// what they did (SavedRunTableModel), and the ones chosen shown below in a RunResultsPanel: one
// alone with its tables and charts, several side by side. Renaming (in the list) and removing
// (Remove, or Delete) are edits on the undo stack. GUI thread only.
class SavedRunsView : public QWidget {
  Q_OBJECT

 public:
  // `document` must outlive the view.
  explicit SavedRunsView(ProjectDocument* document, QWidget* parent = nullptr);
  ~SavedRunsView() override;

  // Chooses the runs in `rows` (replacing the choice); false when a row does not exist.
  bool selectRuns(const std::vector<int>& rows);
  // The rows chosen, ascending.
  std::vector<int> selectedRuns() const;
  // Removes the runs chosen (a RemoveRunsCommand); false when none is.
  bool removeSelected();

  SavedRunTableModel* runsModel() const { return model_; }
  RunResultsPanel* results() const { return results_; }
  // The line above the results: what is shown, or why nothing is.
  QString statusText() const;

 private:
  void selectionChanged();

  ProjectDocument* document_;
  SavedRunTableModel* model_;
  QTableView* table_;
  QPushButton* removeButton_;
  QLabel* statusLabel_;
  RunResultsPanel* results_;
  std::vector<std::shared_ptr<const std::string>> chosenResults_;  // across a reset
};

}  // namespace kvlab::ui
