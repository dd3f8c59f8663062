#pragma once

#include <QUndoCommand>
#include <optional>
#include <string>
#include <vector>

#include "model/schema/diagram.h"

namespace kvlab::ui {

class ProjectDocument;

// Moves entities' boxes in the entity diagram: stores each position of `moves` (entity name and
// the top-left corner it was dragged to) in the project's `diagram`, creating the field when the
// project has none. Undo restores the diagram exactly as it was, so an entity that had no stored
// position before goes back to the automatic layout. A move of the same entities right after
// this one merges with it: dragging a box three times in a row is one step to undo.
class MoveDiagramNodeCommand : public QUndoCommand {
 public:
  MoveDiagramNodeCommand(ProjectDocument* document, std::vector<model::DiagramPosition> moves);
  void redo() override;
  void undo() override;
  int id() const override;
  bool mergeWith(const QUndoCommand* other) override;

 private:
  ProjectDocument* document_;
  std::vector<std::string> entities_;  // sorted, for merging
  std::optional<model::Diagram> before_;
  std::optional<model::Diagram> after_;
};

}  // namespace kvlab::ui
