#pragma once

#include <QUndoCommand>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Inserts an entity at `row` of the project's entities (-1: at the end); undo takes it out
// again.
class AddEntityCommand : public QUndoCommand {
 public:
  AddEntityCommand(ProjectDocument* document, model::Entity value, int row = -1);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  int row_;
  model::Entity value_;
};

}  // namespace kvlab::ui
