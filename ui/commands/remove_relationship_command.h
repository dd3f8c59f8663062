#pragma once

#include <QUndoCommand>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Takes the relationship at `row` out of the project's relationships; undo puts the same value back
// at the same row. What refers to it is left as it is, and the validator names it. Requires a row
// that exists.
class RemoveRelationshipCommand : public QUndoCommand {
 public:
  RemoveRelationshipCommand(ProjectDocument* document, int row);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  int row_;
  model::Relationship value_;
};

}  // namespace kvlab::ui
