#include "ui/commands/add_attribute_command.h"

#include <QCoreApplication>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

AddAttributeCommand::AddAttributeCommand(ProjectDocument* document, int entity,
                                         model::Attribute value, int row)
    : document_(document),
      entity_(entity),
      row_(row < 0 ? static_cast<int>(document->project().entities.at(entity).attributes.size())
                   : row),
      value_(std::move(value)) {
  setText(QCoreApplication::translate("UndoCommand", "Add attribute “%1”")
              .arg(QString::fromStdString(value_.name)));
}

void AddAttributeCommand::redo() {
  document_->applyEdit([this](model::Project& project) {
    auto& list = project.entities[entity_].attributes;
    list.insert(list.begin() + row_, value_);
  });
}

void AddAttributeCommand::undo() {
  document_->applyEdit([this](model::Project& project) {
    auto& list = project.entities[entity_].attributes;
    list.erase(list.begin() + row_);
  });
}

}  // namespace kvlab::ui
