#pragma once

#include <QUndoCommand>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Takes the attribute at `row` out of the entity at `entity`; undo puts it back. Requires both
// to exist.
class RemoveAttributeCommand : public QUndoCommand {
 public:
  RemoveAttributeCommand(ProjectDocument* document, int entity, int row);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  int entity_;
  int row_;
  model::Attribute value_;
};

}  // namespace kvlab::ui
