#include "ui/commands/adopt_design_command.h"

#include <QCoreApplication>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

AdoptDesignCommand::AdoptDesignCommand(ProjectDocument* document, model::Design design)
    : document_(document), design_(std::move(design)) {
  const std::string base = design_.name;
  for (int suffix = 2; document->project().findDesign(design_.name) != nullptr; ++suffix) {
    design_.name = base + "-" + std::to_string(suffix);
  }
  setText(QCoreApplication::translate("UndoCommand", "Adopt design “%1”")
              .arg(QString::fromStdString(design_.name)));
}

void AdoptDesignCommand::redo() {
  document_->applyEdit([this](model::Project& project) { project.designs.push_back(design_); });
}

void AdoptDesignCommand::undo() {
  // Commands undo in the reverse order of their redo, so the design is the last one again.
  document_->applyEdit([](model::Project& project) { project.designs.pop_back(); });
}

}  // namespace kvlab::ui
