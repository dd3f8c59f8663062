#pragma once

#include <QUndoCommand>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Replaces the relationship at `row` with `after`; undo restores the value it had. Requires a row
// that exists.
class EditRelationshipCommand : public QUndoCommand {
 public:
  EditRelationshipCommand(ProjectDocument* document, int row, model::Relationship after);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  int row_;
  model::Relationship before_;
  model::Relationship after_;
};

}  // namespace kvlab::ui
