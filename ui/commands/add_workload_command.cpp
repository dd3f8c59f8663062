#include "ui/commands/add_workload_command.h"

#include <QCoreApplication>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

AddWorkloadCommand::AddWorkloadCommand(ProjectDocument* document, model::Workload workload)
    : document_(document), workload_(std::move(workload)) {
  setText(QCoreApplication::translate("UndoCommand", "Add workload “%1”")
              .arg(QString::fromStdString(workload_.name)));
}

void AddWorkloadCommand::redo() {
  document_->applyEdit([this](model::Project& project) { project.workloads.push_back(workload_); });
}

void AddWorkloadCommand::undo() {
  document_->applyEdit([](model::Project& project) { project.workloads.pop_back(); });
}

}  // namespace kvlab::ui
