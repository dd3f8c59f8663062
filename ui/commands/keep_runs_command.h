#pragma once

#include <QUndoCommand>
#include <vector>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Appends `runs` to the project's saved runs, in order (the Simulate tab's Keep); undo removes
// them again. Requires at least one run.
class KeepRunsCommand : public QUndoCommand {
 public:
  KeepRunsCommand(ProjectDocument* document, std::vector<model::SavedRun> runs);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  std::vector<model::SavedRun> runs_;
};

}  // namespace kvlab::ui
