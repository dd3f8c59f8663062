#pragma once

#include <QUndoCommand>
#include <string>

namespace kvlab::ui {

class ProjectDocument;

// Renames the saved run at `row`; undo gives it its old name back. Requires a row that exists.
class RenameRunCommand : public QUndoCommand {
 public:
  RenameRunCommand(ProjectDocument* document, int row, std::string name);
  void redo() override;
  void undo() override;

 private:
  void setName(const std::string& name);

  ProjectDocument* document_;
  int row_;
  std::string before_;
  std::string after_;
};

}  // namespace kvlab::ui
