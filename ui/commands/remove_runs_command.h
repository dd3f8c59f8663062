#pragma once

#include <QUndoCommand>
#include <utility>
#include <vector>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Removes the saved runs at `rows` (in any order, each once); undo puts each back where it was.
// Requires rows that exist.
class RemoveRunsCommand : public QUndoCommand {
 public:
  RemoveRunsCommand(ProjectDocument* document, std::vector<int> rows);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  std::vector<std::pair<int, model::SavedRun>> removed_;  // by row, ascending
};

}  // namespace kvlab::ui
