#pragma once

#include <QUndoCommand>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Appends `workload` to the project's workloads; undo takes it out again, so that a project
// without workloads is written without the list, as it was.
class AddWorkloadCommand : public QUndoCommand {
 public:
  AddWorkloadCommand(ProjectDocument* document, model::Workload workload);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  model::Workload workload_;
};

}  // namespace kvlab::ui
