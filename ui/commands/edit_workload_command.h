#pragma once

#include <QUndoCommand>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Replaces the workload at `row` with `after`: a change of its name, duration or seed, or of a
// pattern's rate over time, key popularity, or of which patterns it names. Undo restores the
// value it had, so the project comes back exactly (unknown fields included). Requires a row that
// exists.
class EditWorkloadCommand : public QUndoCommand {
 public:
  EditWorkloadCommand(ProjectDocument* document, int row, model::Workload after);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  int row_;
  model::Workload before_;
  model::Workload after_;
};

}  // namespace kvlab::ui
