#pragma once

#include <QUndoCommand>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Replaces the attribute at `row` of the entity at `entity` with `after` (its name, type, size,
// format, distinct count); undo restores it. Requires both to exist.
class EditAttributeCommand : public QUndoCommand {
 public:
  EditAttributeCommand(ProjectDocument* document, int entity, int row, model::Attribute after);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  int entity_;
  int row_;
  model::Attribute before_;
  model::Attribute after_;
};

}  // namespace kvlab::ui
