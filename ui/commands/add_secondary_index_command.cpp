#include "ui/commands/add_secondary_index_command.h"

#include <QCoreApplication>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

AddSecondaryIndexCommand::AddSecondaryIndexCommand(ProjectDocument* document, int designRow,
                                                   bool isLocal, model::SecondaryIndex index)
    : document_(document), designRow_(designRow), isLocal_(isLocal), index_(std::move(index)) {
  const model::Design& design = document->project().designs.at(designRow);
  hadList_ = isLocal ? design.hasLsis : design.hasGsis;
  setText((isLocal ? QCoreApplication::translate("UndoCommand", "Add LSI “%1” to design “%2”")
                   : QCoreApplication::translate("UndoCommand", "Add GSI “%1” to design “%2”"))
              .arg(QString::fromStdString(index_.name), QString::fromStdString(design.name)));
}

void AddSecondaryIndexCommand::redo() {
  document_->applyEdit([this](model::Project& project) {
    model::Design& design = project.designs[designRow_];
    (isLocal_ ? design.lsis : design.gsis).push_back(index_);
    (isLocal_ ? design.hasLsis : design.hasGsis) = true;
  });
}

void AddSecondaryIndexCommand::undo() {
  // Commands undo in the reverse order of their redo, so the index is the last one again.
  document_->applyEdit([this](model::Project& project) {
    model::Design& design = project.designs[designRow_];
    (isLocal_ ? design.lsis : design.gsis).pop_back();
    (isLocal_ ? design.hasLsis : design.hasGsis) = hadList_;
  });
}

}  // namespace kvlab::ui
