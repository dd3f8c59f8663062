#pragma once

#include <QWidget>
#include <map>
#include <string>

class QLabel;

namespace kvlab::ui {

class ProjectDocument;

// Edits one relationship of a ProjectDocument's project: its name, the entities at each end, its
// kind, and the fan-out (mean and max children per parent). A field left empty leaves the
// optional field out (both fan-out fields empty: no fan-out). A change is one
// EditRelationshipCommand on the document's undo stack, made when a field is left or a choice
// made; only fields whose text changed are parsed again, so what the editor does not show
// (unknown fields) is kept exactly. Faults are shown as in AccessPatternEditor. GUI thread only.
class RelationshipEditor : public QWidget {
  Q_OBJECT

 public:
  // `document` must outlive the editor.
  explicit RelationshipEditor(ProjectDocument* document, QWidget* parent = nullptr);
  ~RelationshipEditor() override;

  // Edits the relationship at `row` of the project's relationships; -1 (or a row that does not
  // exist) edits none and disables the fields.
  void setRelationship(int row);
  int relationship() const { return relationship_; }
  // The field that edits `member` ("name", "from", "to", "kind", "fanout.mean", "fanout.max"):
  // a QLineEdit or a QComboBox; null for another name.
  QWidget* field(const std::string& member) const;
  // The findings listed under the fields, one a line ("to: error: ...").
  QString problemsText() const;

  // Takes the fields' text into the project: one command when anything changed.
  void commit();

 private:
  void refresh();
  void markField(QWidget* field, const QStringList& findings);

  ProjectDocument* document_;
  int relationship_ = -1;
  std::map<std::string, QWidget*> fields_;
  QLabel* problemsLabel_;
};

}  // namespace kvlab::ui
