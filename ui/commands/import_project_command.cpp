#include "ui/commands/import_project_command.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

ImportProjectCommand::ImportProjectCommand(ProjectDocument* document, model::Project imported,
                                           const QString& source)
    : document_(document),
      before_(document->project()),
      beforePath_(document->filePath()),
      beforeDiagnostics_(document->diagnostics()),
      after_(std::move(imported)) {
  setText(
      QCoreApplication::translate("UndoCommand", "Import %1").arg(QFileInfo(source).fileName()));
}

void ImportProjectCommand::redo() {
  document_->applyEdit([this](model::Project& project) { project = after_; });
  document_->setFileAndDiagnostics(QString(), {});
}

void ImportProjectCommand::undo() {
  document_->applyEdit([this](model::Project& project) { project = before_; });
  document_->setFileAndDiagnostics(beforePath_, beforeDiagnostics_);
}

}  // namespace kvlab::ui
