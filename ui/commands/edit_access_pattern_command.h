#pragma once

#include <QUndoCommand>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Replaces the access pattern at `row` with `after`; undo restores the value it had. Requires a row
// that exists.
class EditAccessPatternCommand : public QUndoCommand {
 public:
  EditAccessPatternCommand(ProjectDocument* document, int row, model::AccessPattern after);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  int row_;
  model::AccessPattern before_;
  model::AccessPattern after_;
};

}  // namespace kvlab::ui
