#pragma once

#include <QUndoCommand>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Removes the workload at `row`; undo puts it back where it was, unknown fields included.
// Requires a row that exists.
class RemoveWorkloadCommand : public QUndoCommand {
 public:
  RemoveWorkloadCommand(ProjectDocument* document, int row);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  int row_;
  model::Workload value_;
};

}  // namespace kvlab::ui
