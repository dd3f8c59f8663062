#include "ui/commands/move_diagram_node_command.h"

#include <QCoreApplication>
#include <algorithm>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {
namespace {

// Unique among the studio's commands (QUndoCommand::id); the others never merge.
constexpr int kMoveDiagramNodeId = 0x4B56'0001;

}  // namespace

MoveDiagramNodeCommand::MoveDiagramNodeCommand(ProjectDocument* document,
                                               std::vector<model::DiagramPosition> moves)
    : document_(document), before_(document->project().diagram) {
  after_ = before_.value_or(model::Diagram{});
  for (const model::DiagramPosition& move : moves) {
    after_->set(move.entity, move.x, move.y);
    entities_.push_back(move.entity);
  }
  std::sort(entities_.begin(), entities_.end());
  entities_.erase(std::unique(entities_.begin(), entities_.end()), entities_.end());
  if (entities_.size() == 1) {
    setText(QCoreApplication::translate("UndoCommand", "Move “%1” in the diagram")
                .arg(QString::fromStdString(entities_.front())));
  } else {
    setText(QCoreApplication::translate("UndoCommand", "Move %1 entities in the diagram")
                .arg(entities_.size()));
  }
}

void MoveDiagramNodeCommand::redo() {
  document_->applyEdit([this](model::Project& project) { project.diagram = after_; });
}

void MoveDiagramNodeCommand::undo() {
  document_->applyEdit([this](model::Project& project) { project.diagram = before_; });
}

int MoveDiagramNodeCommand::id() const { return kMoveDiagramNodeId; }

bool MoveDiagramNodeCommand::mergeWith(const QUndoCommand* other) {
  const auto* move = dynamic_cast<const MoveDiagramNodeCommand*>(other);
  if (move == nullptr || move->document_ != document_ || move->entities_ != entities_) {
    return false;
  }
  after_ = move->after_;
  return true;
}

}  // namespace kvlab::ui
