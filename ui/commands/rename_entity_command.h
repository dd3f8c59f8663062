#pragma once

#include <QUndoCommand>
#include <string>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Renames the entity at `row` to `name`, and every reference to it with it: relationships' ends,
// access patterns' entities, the entity keys of every design's table, GSIs and LSIs, and the
// entity's position in the diagram. Undo
// restores the project as it was before (a copy of it), so a name that some reference already
// used by mistake is not renamed back by accident. Requires a row that exists.
class RenameEntityCommand : public QUndoCommand {
 public:
  RenameEntityCommand(ProjectDocument* document, int row, const std::string& name);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  model::Project before_;
  model::Project after_;
};

}  // namespace kvlab::ui
