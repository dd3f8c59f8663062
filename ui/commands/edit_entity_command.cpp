#include "ui/commands/edit_entity_command.h"

#include <QCoreApplication>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

EditEntityCommand::EditEntityCommand(ProjectDocument* document, int row, model::Entity after)
    : document_(document),
      row_(row),
      before_(document->project().entities.at(row)),
      after_(std::move(after)) {
  const auto& shown = before_;
  setText(QCoreApplication::translate("UndoCommand", "Edit entity “%1”")
              .arg(QString::fromStdString(shown.name)));
}

void EditEntityCommand::redo() {
  document_->applyEdit([this](model::Project& project) { project.entities[row_] = after_; });
}

void EditEntityCommand::undo() {
  document_->applyEdit([this](model::Project& project) { project.entities[row_] = before_; });
}

}  // namespace kvlab::ui
