#include "ui/commands/remove_workload_command.h"

#include <QCoreApplication>

#include "ui/document/project_document.h"

namespace kvlab::ui {

RemoveWorkloadCommand::RemoveWorkloadCommand(ProjectDocument* document, int row)
    : document_(document), row_(row), value_(document->project().workloads.at(row)) {
  setText(QCoreApplication::translate("UndoCommand", "Remove workload “%1”")
              .arg(QString::fromStdString(value_.name)));
}

void RemoveWorkloadCommand::redo() {
  document_->applyEdit([this](model::Project& project) {
    project.workloads.erase(project.workloads.begin() + row_);
  });
}

void RemoveWorkloadCommand::undo() {
  document_->applyEdit([this](model::Project& project) {
    project.workloads.insert(project.workloads.begin() + row_, value_);
  });
}

}  // namespace kvlab::ui
