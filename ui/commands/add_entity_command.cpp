#include "ui/commands/add_entity_command.h"

#include <QCoreApplication>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

AddEntityCommand::AddEntityCommand(ProjectDocument* document, model::Entity value, int row)
    : document_(document),
      row_(row < 0 ? static_cast<int>(document->project().entities.size()) : row),
      value_(std::move(value)) {
  const auto& shown = value_;
  setText(QCoreApplication::translate("UndoCommand", "Add entity “%1”")
              .arg(QString::fromStdString(shown.name)));
}

void AddEntityCommand::redo() {
  document_->applyEdit([this](model::Project& project) {
    project.entities.insert(project.entities.begin() + row_, value_);
  });
}

void AddEntityCommand::undo() {
  document_->applyEdit(
      [this](model::Project& project) { project.entities.erase(project.entities.begin() + row_); });
}

}  // namespace kvlab::ui
