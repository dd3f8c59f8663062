#include "ui/commands/edit_workload_command.h"

#include <QCoreApplication>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

EditWorkloadCommand::EditWorkloadCommand(ProjectDocument* document, int row, model::Workload after)
    : document_(document),
      row_(row),
      before_(document->project().workloads.at(row)),
      after_(std::move(after)) {
  setText(QCoreApplication::translate("UndoCommand", "Edit workload “%1”")
              .arg(QString::fromStdString(before_.name)));
}

void EditWorkloadCommand::redo() {
  document_->applyEdit([this](model::Project& project) { project.workloads[row_] = after_; });
}

void EditWorkloadCommand::undo() {
  document_->applyEdit([this](model::Project& project) { project.workloads[row_] = before_; });
}

}  // namespace kvlab::ui
