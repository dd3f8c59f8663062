#pragma once

#include <QUndoCommand>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Inserts an access pattern at `row` of the project's accessPatterns (-1: at the end); undo takes
// it out again.
class AddAccessPatternCommand : public QUndoCommand {
 public:
  AddAccessPatternCommand(ProjectDocument* document, model::AccessPattern value, int row = -1);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  int row_;
  model::AccessPattern value_;
};

}  // namespace kvlab::ui
