#include "ui/commands/remove_relationship_command.h"

#include <QCoreApplication>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

RemoveRelationshipCommand::RemoveRelationshipCommand(ProjectDocument* document, int row)
    : document_(document), row_(row), value_(document->project().relationships.at(row)) {
  const auto& shown = value_;
  setText(
      QCoreApplication::translate("UndoCommand", "Remove relationship “%1”")
          .arg(QString::fromStdString(shown.name ? *shown.name : shown.from + " → " + shown.to)));
}

void RemoveRelationshipCommand::redo() {
  document_->applyEdit([this](model::Project& project) {
    project.relationships.erase(project.relationships.begin() + row_);
  });
}

void RemoveRelationshipCommand::undo() {
  document_->applyEdit([this](model::Project& project) {
    project.relationships.insert(project.relationships.begin() + row_, value_);
  });
}

}  // namespace kvlab::ui
