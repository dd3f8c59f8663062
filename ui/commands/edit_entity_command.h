#pragma once

#include <QUndoCommand>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Replaces the entity at `row` with `after`; undo restores the value it had. Requires a row
// that exists.
class EditEntityCommand : public QUndoCommand {
 public:
  EditEntityCommand(ProjectDocument* document, int row, model::Entity after);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  int row_;
  model::Entity before_;
  model::Entity after_;
};

}  // namespace kvlab::ui
