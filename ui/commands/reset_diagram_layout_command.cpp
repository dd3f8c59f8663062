#include "ui/commands/reset_diagram_layout_command.h"

#include <QCoreApplication>

#include "ui/document/project_document.h"

namespace kvlab::ui {

ResetDiagramLayoutCommand::ResetDiagramLayoutCommand(ProjectDocument* document)
    : document_(document), before_(document->project().diagram), after_(before_) {
  setText(QCoreApplication::translate("UndoCommand", "Lay out the diagram again"));
  if (after_) {
    after_->positions.clear();
    if (after_->empty()) after_.reset();
  }
}

void ResetDiagramLayoutCommand::redo() {
  document_->applyEdit([this](model::Project& project) { project.diagram = after_; });
}

void ResetDiagramLayoutCommand::undo() {
  document_->applyEdit([this](model::Project& project) { project.diagram = before_; });
}

}  // namespace kvlab::ui
