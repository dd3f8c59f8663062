#pragma once

#include <QUndoCommand>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Removes the GSI (or, with `isLocal`, the LSI) at `indexRow` of the design at `designRow`; undo
// puts it back at the same place. What names it (a stated plan's index) stays as it is, and the
// validator names it. Requires rows that exist.
class RemoveSecondaryIndexCommand : public QUndoCommand {
 public:
  RemoveSecondaryIndexCommand(ProjectDocument* document, int designRow, bool isLocal, int indexRow);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  int designRow_;
  bool isLocal_;
  int indexRow_;
  model::SecondaryIndex index_;
};

}  // namespace kvlab::ui
