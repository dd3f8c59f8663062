#pragma once

#include <QUndoCommand>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Inserts an attribute at `row` of the attributes of the entity at `entity` (-1: at the end);
// undo takes it out again. Requires an entity that exists.
class AddAttributeCommand : public QUndoCommand {
 public:
  AddAttributeCommand(ProjectDocument* document, int entity, model::Attribute value, int row = -1);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  int entity_;
  int row_;
  model::Attribute value_;
};

}  // namespace kvlab::ui
