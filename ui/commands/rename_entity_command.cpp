#include "ui/commands/rename_entity_command.h"

#include <QCoreApplication>

#include "ui/document/project_document.h"

namespace kvlab::ui {
namespace {

void renameIn(std::vector<model::EntityKeys>& keys, const std::string& from,
              const std::string& to) {
  for (model::EntityKeys& k : keys) {
    if (k.entity == from) k.entity = to;
  }
}

}  // namespace

RenameEntityCommand::RenameEntityCommand(ProjectDocument* document, int row,
                                         const std::string& name)
    : document_(document), before_(document->project()), after_(document->project()) {
  const std::string old = after_.entities.at(row).name;
  setText(QCoreApplication::translate("UndoCommand", "Rename entity “%1” to “%2”")
              .arg(QString::fromStdString(old), QString::fromStdString(name)));
  after_.entities[row].name = name;
  for (model::Relationship& r : after_.relationships) {
    if (r.from == old) r.from = name;
    if (r.to == old) r.to = name;
  }
  for (model::AccessPattern& p : after_.accessPatterns) {
    for (std::string& e : p.entities) {
      if (e == old) e = name;
    }
  }
  for (model::Design& d : after_.designs) {
    renameIn(d.entityKeys, old, name);
    for (model::SecondaryIndex& index : d.gsis) renameIn(index.entityKeys, old, name);
    for (model::SecondaryIndex& index : d.lsis) renameIn(index.entityKeys, old, name);
  }
  // The box stays where the user put it.
  if (after_.diagram) after_.diagram->rename(old, name);
}

void RenameEntityCommand::redo() {
  document_->applyEdit([this](model::Project& project) { project = after_; });
}

void RenameEntityCommand::undo() {
  document_->applyEdit([this](model::Project& project) { project = before_; });
}

}  // namespace kvlab::ui
