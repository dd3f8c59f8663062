#include "ui/commands/remove_entity_command.h"

#include <QCoreApplication>
#include <algorithm>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

RemoveEntityCommand::RemoveEntityCommand(ProjectDocument* document, int row)
    : document_(document),
      row_(row),
      value_(document->project().entities.at(row)),
      diagramBefore_(document->project().diagram),
      diagramAfter_(diagramBefore_) {
  const auto& shown = value_;
  setText(QCoreApplication::translate("UndoCommand", "Remove entity “%1”")
              .arg(QString::fromStdString(shown.name)));
  // The position goes with the entity, unless another entity of the same name (an error the
  // validator reports) still uses it.
  const auto& entities = document->project().entities;
  const auto sameName = std::count_if(entities.begin(), entities.end(),
                                      [&](const model::Entity& e) { return e.name == shown.name; });
  if (diagramAfter_ && sameName == 1) diagramAfter_->erase(shown.name);
}

void RemoveEntityCommand::redo() {
  document_->applyEdit([this](model::Project& project) {
    project.entities.erase(project.entities.begin() + row_);
    project.diagram = diagramAfter_;
  });
}

void RemoveEntityCommand::undo() {
  document_->applyEdit([this](model::Project& project) {
    project.entities.insert(project.entities.begin() + row_, value_);
    project.diagram = diagramBefore_;
  });
}

}  // namespace kvlab::ui
