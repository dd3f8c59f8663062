#include "ui/commands/add_relationship_command.h"

#include <QCoreApplication>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

AddRelationshipCommand::AddRelationshipCommand(ProjectDocument* document, model::Relationship value,
                                               int row)
    : document_(document),
      row_(row < 0 ? static_cast<int>(document->project().relationships.size()) : row),
      value_(std::move(value)) {
  const auto& shown = value_;
  setText(
      QCoreApplication::translate("UndoCommand", "Add relationship “%1”")
          .arg(QString::fromStdString(shown.name ? *shown.name : shown.from + " → " + shown.to)));
}

void AddRelationshipCommand::redo() {
  document_->applyEdit([this](model::Project& project) {
    project.relationships.insert(project.relationships.begin() + row_, value_);
  });
}

void AddRelationshipCommand::undo() {
  document_->applyEdit([this](model::Project& project) {
    project.relationships.erase(project.relationships.begin() + row_);
  });
}

}  // namespace kvlab::ui
