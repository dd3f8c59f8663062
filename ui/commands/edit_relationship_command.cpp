#include "ui/commands/edit_relationship_command.h"

#include <QCoreApplication>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

EditRelationshipCommand::EditRelationshipCommand(ProjectDocument* document, int row,
                                                 model::Relationship after)
    : document_(document),
      row_(row),
      before_(document->project().relationships.at(row)),
      after_(std::move(after)) {
  const auto& shown = before_;
  setText(
      QCoreApplication::translate("UndoCommand", "Edit relationship “%1”")
          .arg(QString::fromStdString(shown.name ? *shown.name : shown.from + " → " + shown.to)));
}

void EditRelationshipCommand::redo() {
  document_->applyEdit([this](model::Project& project) { project.relationships[row_] = after_; });
}

void EditRelationshipCommand::undo() {
  document_->applyEdit([this](model::Project& project) { project.relationships[row_] = before_; });
}

}  // namespace kvlab::ui
