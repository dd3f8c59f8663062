#pragma once

#include <QString>
#include <QUndoCommand>

#include "model/io/diagnostic.h"
#include "model/schema/project.h"

namespace kvlab::ui {

class ProjectDocument;

// Replaces the project with one imported from `source` (a NoSQL Workbench model, a
// CloudFormation template): the document then has no file until saved and no findings. Undo
// brings back the project, its file and its findings as they were.
class ImportProjectCommand : public QUndoCommand {
 public:
  ImportProjectCommand(ProjectDocument* document, model::Project imported, const QString& source);
  void redo() override;
  void undo() override;

 private:
  ProjectDocument* document_;
  model::Project before_;
  QString beforePath_;
  model::Diagnostics beforeDiagnostics_;
  model::Project after_;
};

}  // namespace kvlab::ui
