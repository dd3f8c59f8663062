#pragma once

#include <QUndoCommand>
#include <string>

#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Appends a design to the project's designs, as adopting a proposal does. When another design
// already has its name, it gets the first free one of `NAME-2`, `NAME-3`, ... (designName()).
// Undo takes it out again.
class AdoptDesignCommand : public QUndoCommand {
 public:
  AdoptDesignCommand(ProjectDocument* document, model::Design design);
  void redo() override;
  void undo() override;

  // The name the design has in the project.
  const std::string& designName() const { return design_.name; }

 private:
  ProjectDocument* document_;
  model::Design design_;
};

}  // namespace kvlab::ui
