#include "ui/commands/remove_access_pattern_command.h"

#include <QCoreApplication>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

RemoveAccessPatternCommand::RemoveAccessPatternCommand(ProjectDocument* document, int row)
    : document_(document), row_(row), value_(document->project().accessPatterns.at(row)) {
  const auto& shown = value_;
  setText(QCoreApplication::translate("UndoCommand", "Remove access pattern “%1”")
              .arg(QString::fromStdString(shown.id)));
}

void RemoveAccessPatternCommand::redo() {
  document_->applyEdit([this](model::Project& project) {
    project.accessPatterns.erase(project.accessPatterns.begin() + row_);
  });
}

void RemoveAccessPatternCommand::undo() {
  document_->applyEdit([this](model::Project& project) {
    project.accessPatterns.insert(project.accessPatterns.begin() + row_, value_);
  });
}

}  // namespace kvlab::ui
