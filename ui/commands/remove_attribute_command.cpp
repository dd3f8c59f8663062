#include "ui/commands/remove_attribute_command.h"

#include <QCoreApplication>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

RemoveAttributeCommand::RemoveAttributeCommand(ProjectDocument* document, int entity, int row)
    : document_(document),
      entity_(entity),
      row_(row),
      value_(document->project().entities.at(entity).attributes.at(row)) {
  setText(QCoreApplication::translate("UndoCommand", "Remove attribute “%1”")
              .arg(QString::fromStdString(value_.name)));
}

void RemoveAttributeCommand::redo() {
  document_->applyEdit([this](model::Project& project) {
    auto& list = project.entities[entity_].attributes;
    list.erase(list.begin() + row_);
  });
}

void RemoveAttributeCommand::undo() {
  document_->applyEdit([this](model::Project& project) {
    auto& list = project.entities[entity_].attributes;
    list.insert(list.begin() + row_, value_);
  });
}

}  // namespace kvlab::ui
