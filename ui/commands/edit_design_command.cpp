#include "ui/commands/edit_design_command.h"

#include <QCoreApplication>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

EditDesignCommand::EditDesignCommand(ProjectDocument* document, int row, model::Design after)
    : document_(document),
      row_(row),
      before_(document->project().designs.at(row)),
      after_(std::move(after)) {
  setText(QCoreApplication::translate("UndoCommand", "Edit design “%1”")
              .arg(QString::fromStdString(before_.name)));
}

void EditDesignCommand::redo() {
  document_->applyEdit([this](model::Project& project) { project.designs[row_] = after_; });
}

void EditDesignCommand::undo() {
  document_->applyEdit([this](model::Project& project) { project.designs[row_] = before_; });
}

}  // namespace kvlab::ui
