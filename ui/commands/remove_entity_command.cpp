#include "ui/commands/remove_entity_command.h"

#include <QCoreApplication>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

RemoveEntityCommand::RemoveEntityCommand(ProjectDocument* document, int row)
    : document_(document), row_(row), value_(document->project().entities.at(row)) {
  const auto& shown = value_;
  setText(QCoreApplication::translate("UndoCommand", "Remove entity “%1”")
              .arg(QString::fromStdString(shown.name)));
}

void RemoveEntityCommand::redo() {
  document_->applyEdit(
      [this](model::Project& project) { project.entities.erase(project.entities.begin() + row_); });
}

void RemoveEntityCommand::undo() {
  document_->applyEdit([this](model::Project& project) {
    project.entities.insert(project.entities.begin() + row_, value_);
  });
}

}  // namespace kvlab::ui
