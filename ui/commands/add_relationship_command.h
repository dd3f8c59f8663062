#pragma once

#include <QUndoCommand>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Inserts a relationship at `row` of the project's relationships (-1: at the end); undo takes it
// out again.
class AddRelationshipCommand : public QUndoCommand {
 public:
  AddRelationshipCommand(ProjectDocument* document, model::Relationship value, int row = -1);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  int row_;
  model::Relationship value_;
};

}  // namespace kvlab::ui
