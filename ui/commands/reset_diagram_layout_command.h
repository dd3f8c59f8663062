#pragma once

#include <QUndoCommand>
#include <optional>

#include "model/schema/diagram.h"

namespace kvlab::ui {

class ProjectDocument;

// "Lay out again": forgets every position stored in the project's `diagram`, so that the entity
// diagram lays every entity out automatically; the field goes when nothing else is in it. Undo
// brings the positions back. Requires a project with stored positions.
class ResetDiagramLayoutCommand : public QUndoCommand {
 public:
  explicit ResetDiagramLayoutCommand(ProjectDocument* document);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  std::optional<model::Diagram> before_;
  std::optional<model::Diagram> after_;
};

}  // namespace kvlab::ui
