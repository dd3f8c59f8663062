#include "ui/commands/edit_attribute_command.h"

#include <QCoreApplication>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

EditAttributeCommand::EditAttributeCommand(ProjectDocument* document, int entity, int row,
                                           model::Attribute after)
    : document_(document),
      entity_(entity),
      row_(row),
      before_(document->project().entities.at(entity).attributes.at(row)),
      after_(std::move(after)) {
  setText(QCoreApplication::translate("UndoCommand", "Edit attribute “%1”")
              .arg(QString::fromStdString(before_.name)));
}

void EditAttributeCommand::redo() {
  document_->applyEdit(
      [this](model::Project& project) { project.entities[entity_].attributes[row_] = after_; });
}

void EditAttributeCommand::undo() {
  document_->applyEdit(
      [this](model::Project& project) { project.entities[entity_].attributes[row_] = before_; });
}

}  // namespace kvlab::ui
