#include "ui/commands/remove_secondary_index_command.h"

#include <QCoreApplication>

#include "ui/document/project_document.h"

namespace kvlab::ui {

RemoveSecondaryIndexCommand::RemoveSecondaryIndexCommand(ProjectDocument* document, int designRow,
                                                         bool isLocal, int indexRow)
    : document_(document), designRow_(designRow), isLocal_(isLocal), indexRow_(indexRow) {
  const model::Design& design = document->project().designs.at(designRow);
  index_ = (isLocal ? design.lsis : design.gsis).at(indexRow);
  setText((isLocal ? QCoreApplication::translate("UndoCommand", "Remove LSI “%1” from design “%2”")
                   : QCoreApplication::translate("UndoCommand", "Remove GSI “%1” from design “%2”"))
              .arg(QString::fromStdString(index_.name), QString::fromStdString(design.name)));
}

void RemoveSecondaryIndexCommand::redo() {
  document_->applyEdit([this](model::Project& project) {
    auto& list = isLocal_ ? project.designs[designRow_].lsis : project.designs[designRow_].gsis;
    list.erase(list.begin() + indexRow_);
  });
}

void RemoveSecondaryIndexCommand::undo() {
  document_->applyEdit([this](model::Project& project) {
    auto& list = isLocal_ ? project.designs[designRow_].lsis : project.designs[designRow_].gsis;
    list.insert(list.begin() + indexRow_, index_);
  });
}

}  // namespace kvlab::ui
