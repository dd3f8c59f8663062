#pragma once

#include <QUndoCommand>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Appends `index` to the GSIs (or, with `isLocal`, the LSIs) of the design at `designRow`; undo
// takes it out again and restores whether the design had the list at all. Requires a design row
// that exists.
class AddSecondaryIndexCommand : public QUndoCommand {
 public:
  AddSecondaryIndexCommand(ProjectDocument* document, int designRow, bool isLocal,
                           model::SecondaryIndex index);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  int designRow_;
  bool isLocal_;
  bool hadList_;
  model::SecondaryIndex index_;
};

}  // namespace kvlab::ui
