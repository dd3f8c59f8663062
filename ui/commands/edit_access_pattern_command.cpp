#include "ui/commands/edit_access_pattern_command.h"

#include <QCoreApplication>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

EditAccessPatternCommand::EditAccessPatternCommand(ProjectDocument* document, int row,
                                                   model::AccessPattern after)
    : document_(document),
      row_(row),
      before_(document->project().accessPatterns.at(row)),
      after_(std::move(after)) {
  const auto& shown = before_;
  setText(QCoreApplication::translate("UndoCommand", "Edit access pattern “%1”")
              .arg(QString::fromStdString(shown.id)));
}

void EditAccessPatternCommand::redo() {
  document_->applyEdit([this](model::Project& project) { project.accessPatterns[row_] = after_; });
}

void EditAccessPatternCommand::undo() {
  document_->applyEdit([this](model::Project& project) { project.accessPatterns[row_] = before_; });
}

}  // namespace kvlab::ui
