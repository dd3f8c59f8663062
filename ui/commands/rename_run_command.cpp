#include "ui/commands/rename_run_command.h"

#include <QCoreApplication>

#include "ui/document/project_document.h"

namespace kvlab::ui {

RenameRunCommand::RenameRunCommand(ProjectDocument* document, int row, std::string name)
    : document_(document),
      row_(row),
      before_(document->project().runs.at(static_cast<std::size_t>(row)).name),
      after_(std::move(name)) {
  setText(QCoreApplication::translate("UndoCommand", "Rename run “%1” to “%2”")
              .arg(QString::fromStdString(before_), QString::fromStdString(after_)));
}

void RenameRunCommand::redo() { setName(after_); }

void RenameRunCommand::undo() { setName(before_); }

void RenameRunCommand::setName(const std::string& name) {
  document_->applyRunsEdit([this, &name](std::vector<model::SavedRun>& runs) {
    runs[static_cast<std::size_t>(row_)].name = name;
  });
}

}  // namespace kvlab::ui
