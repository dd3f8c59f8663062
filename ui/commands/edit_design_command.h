#pragma once

#include <QUndoCommand>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Replaces the design at `row` with `after`: a change of its name, its table, a key template of
// the table or an index, or an index's keys and projection. Undo restores the value it had, so
// the project comes back exactly (unknown fields and the stated plan included). Requires a row
// that exists.
class EditDesignCommand : public QUndoCommand {
 public:
  EditDesignCommand(ProjectDocument* document, int row, model::Design after);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  int row_;
  model::Design before_;
  model::Design after_;
};

}  // namespace kvlab::ui
