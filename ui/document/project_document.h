#pragma once

#include <QObject>
#include <QString>
#include <functional>
#include <optional>
#include <string>

#include "model/io/diagnostic.h"
#include "model/schema/project.h"
#include "model/status.h"

class QUndoStack;

namespace kvlab::ui {

// The project the studio has open: the model::Project itself, the file it came from, whether it
// has unsaved changes, the findings of the last load, and the undo stack of the edits since.
// Views and item models read it and listen to its signals; they never change the project behind
// its back: every user edit is a QUndoCommand pushed on undoStack() (ui/commands/). The document
// is modified exactly when the stack is not at its clean state. Lives on the GUI thread.
class ProjectDocument : public QObject {
  Q_OBJECT

 public:
  explicit ProjectDocument(QObject* parent = nullptr);
  ~ProjectDocument() override;

  const model::Project& project() const { return project_; }
  // The file the project was loaded from or last saved to; empty for a project never saved.
  const QString& filePath() const { return filePath_; }
  // The file name without its folder ("shop.kvlab.json"), or "" when there is no file.
  QString fileName() const;
  // The project's name, or "Untitled" when it has none.
  QString displayName() const;
  bool isModified() const;
  // The edits made since the last load, each a command from ui/commands/. Owned by the document.
  QUndoStack* undoStack() const { return undoStack_; }
  // The read and validation findings of the last load (also of a load that failed).
  const model::Diagnostics& diagnostics() const { return diagnostics_; }

  // Reads `path` (either form) and validates it. When the file holds a project, even one with
  // errors, it becomes this document's project: returns true, `filePath()` is `path`, the document
  // is unmodified with an empty undo stack, and `diagnostics()` lists the findings. When nothing
  // could be read, returns false and leaves project, path and modified flag as they were;
  // `diagnostics()` says why.
  bool load(const QString& path);

  // Saves to `filePath()`. Requires a file path. On success the document is unmodified (the undo
  // stack's current state becomes its clean state).
  Status save();
  // Saves to `path` in the form its name selects (`.kvlab` native, otherwise JSON). On success
  // `filePath()` becomes `path` and the document is unmodified (but for a project with kept runs
  // saved to a text file, which leaves them out: it stays modified, so closing still asks); on
  // failure nothing changes. A file at `path` that does not read as a project (a damaged native
  // file, one of a newer KV Lab or another application's database: model::checkReplaceable) is
  // never overwritten; the status says why.
  Status saveAs(const QString& path);

  // Takes `project`, recovered from an autosave, as the document's: bound to `path` (empty for
  // a project never saved) but modified, with `diagnostics` as its findings. The file at `path`
  // is not touched until the user saves.
  void recover(model::Project project, const QString& path, model::Diagnostics diagnostics);

  // Replaces the project as a new document would be: the undo stack is emptied, the document is
  // modified and has no file until saved. Not an edit (nothing to undo to); an import replaces
  // the project through ImportProjectCommand instead.
  void setProject(model::Project project);
  // false: the current state becomes the stack's clean state; true: no state of the stack is
  // clean any more (QUndoStack::resetClean), as after a recovery.
  void setModified(bool modified);

  // Appends `design` to the project's designs (adopting a proposal does this) by pushing an
  // AdoptDesignCommand: emits aboutToChange() and changed(), and the document becomes modified.
  // When another design already has the name, the new one gets the first free name of `NAME-2`,
  // `NAME-3`, ...; returns the name it was given.
  std::string addDesign(model::Design design);

  // For undo commands only: changes the project with `edit` between aboutToChange() and
  // changed(). Widgets push commands instead (STYLE.md, rule 8).
  void applyEdit(const std::function<void(model::Project&)>& edit);
  // For the commands on kept runs only: changes the project's runs with `edit` between
  // aboutToChangeRuns() and runsChanged(), not aboutToChange() and changed(): runs are no input
  // of the planner, the modeler, the diagram or the editors, so keeping a run leaves their work
  // (a list of proposals, say) standing.
  void applyRunsEdit(const std::function<void(std::vector<model::SavedRun>&)>& edit);
  // For ImportProjectCommand only: the file the project belongs to, and the findings shown.
  void setFileAndDiagnostics(const QString& path, model::Diagnostics diagnostics);

  // Whether the project passes validateProject now. The planner and the modeler require a valid
  // project; `diagnostics()` only holds the findings of the last load, so this checks afresh.
  bool isProjectValid() const;
  // validateProject's findings on the project as it is now (computed once per change), each with
  // the JSON path of the fault: what the editors show beside the faulty field.
  const model::Diagnostics& validation() const;

 signals:
  // Emitted just before the project is replaced or edited, and always followed by changed():
  // item models begin a reset here, while the old project is still in place.
  void aboutToChange();
  // The project was replaced or edited: item models end their reset or update.
  void changed();
  void diagnosticsChanged();
  // The project was replaced by another (load, recover, setProject), after changed(): what was
  // worked out for the old one (a simulation's results) no longer belongs to it.
  void replaced();
  // The project's kept runs were edited (applyRunsEdit); a project replaced or loaded emits
  // changed() instead.
  void aboutToChangeRuns();
  void runsChanged();
  void filePathChanged(const QString& path);
  void modifiedChanged(bool modified);

 private:
  void setFilePath(const QString& path);

  model::Project project_;
  QString filePath_;
  QUndoStack* undoStack_;
  mutable std::optional<model::Diagnostics> validation_;
  model::Diagnostics diagnostics_;
};

}  // namespace kvlab::ui
