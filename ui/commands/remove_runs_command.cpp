#include "ui/commands/remove_runs_command.h"

#include <QCoreApplication>
#include <algorithm>

#include "ui/document/project_document.h"

namespace kvlab::ui {

RemoveRunsCommand::RemoveRunsCommand(ProjectDocument* document, std::vector<int> rows)
    : document_(document) {
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  for (int row : rows) {
    removed_.emplace_back(row, document->project().runs.at(static_cast<std::size_t>(row)));
  }
  setText(removed_.size() == 1
              ? QCoreApplication::translate("UndoCommand", "Remove run “%1”")
                    .arg(QString::fromStdString(removed_.front().second.name))
              : QCoreApplication::translate("UndoCommand", "Remove %n runs", nullptr,
                                            static_cast<int>(removed_.size())));
}

void RemoveRunsCommand::redo() {
  document_->applyRunsEdit([this](std::vector<model::SavedRun>& runs) {
    // From the last, so that the rows before stay where they are.
    for (auto it = removed_.rbegin(); it != removed_.rend(); ++it) {
      runs.erase(runs.begin() + it->first);
    }
  });
}

void RemoveRunsCommand::undo() {
  document_->applyRunsEdit([this](std::vector<model::SavedRun>& runs) {
    for (const auto& [row, run] : removed_) runs.insert(runs.begin() + row, run);
  });
}

}  // namespace kvlab::ui
