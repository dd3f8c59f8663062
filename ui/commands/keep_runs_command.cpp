#include "ui/commands/keep_runs_command.h"

#include <QCoreApplication>

#include "ui/document/project_document.h"

namespace kvlab::ui {

KeepRunsCommand::KeepRunsCommand(ProjectDocument* document, std::vector<model::SavedRun> runs)
    : document_(document), runs_(std::move(runs)) {
  setText(runs_.size() == 1 ? QCoreApplication::translate("UndoCommand", "Keep run “%1”")
                                  .arg(QString::fromStdString(runs_.front().name))
                            : QCoreApplication::translate("UndoCommand", "Keep %n runs", nullptr,
                                                          static_cast<int>(runs_.size())));
}

void KeepRunsCommand::redo() {
  document_->applyRunsEdit([this](std::vector<model::SavedRun>& runs) {
    runs.insert(runs.end(), runs_.begin(), runs_.end());
  });
}

void KeepRunsCommand::undo() {
  document_->applyRunsEdit(
      [this](std::vector<model::SavedRun>& runs) { runs.resize(runs.size() - runs_.size()); });
}

}  // namespace kvlab::ui
