#pragma once

#include <QUndoCommand>
#include <optional>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Takes the entity at `row` out of the project's entities, with its position in the diagram;
// undo puts the same value back at the same row, and the diagram as it was. What else refers to
// it is left as it is, and the validator names it. Requires a row that exists.
class RemoveEntityCommand : public QUndoCommand {
 public:
  RemoveEntityCommand(ProjectDocument* document, int row);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  int row_;
  model::Entity value_;
  std::optional<model::Diagram> diagramBefore_;
  std::optional<model::Diagram> diagramAfter_;
};

}  // namespace kvlab::ui
