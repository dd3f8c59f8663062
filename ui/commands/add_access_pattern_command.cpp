#include "ui/commands/add_access_pattern_command.h"

#include <QCoreApplication>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

AddAccessPatternCommand::AddAccessPatternCommand(ProjectDocument* document,
                                                 model::AccessPattern value, int row)
    : document_(document),
      row_(row < 0 ? static_cast<int>(document->project().accessPatterns.size()) : row),
      value_(std::move(value)) {
  const auto& shown = value_;
  setText(QCoreApplication::translate("UndoCommand", "Add access pattern “%1”")
              .arg(QString::fromStdString(shown.id)));
}

void AddAccessPatternCommand::redo() {
  document_->applyEdit([this](model::Project& project) {
    project.accessPatterns.insert(project.accessPatterns.begin() + row_, value_);
  });
}

void AddAccessPatternCommand::undo() {
  document_->applyEdit([this](model::Project& project) {
    project.accessPatterns.erase(project.accessPatterns.begin() + row_);
  });
}

}  // namespace kvlab::ui
