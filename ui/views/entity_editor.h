#pragma once

#include <QWidget>
#include <map>
#include <string>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace kvlab::ui {

class AttributeTableModel;
class ProjectDocument;

// Edits one entity of a ProjectDocument's project: its name (a rename follows every reference,
// RenameEntityCommand), identifier (attribute names, comma-separated), expected item count,
// whether it is stored as items of its own, and its attributes in a table (AttributeTableModel)
// with buttons to add and remove them. Every change is a command pushed on the document's undo
// stack; the fields show the project as it is after each change, undo included. A field the
// validator faults gets a red frame and the finding as its tooltip, and the line under the
// fields lists every finding about the entity with the field it names. GUI thread only.
class EntityEditor : public QWidget {
  Q_OBJECT

 public:
  // `document` must outlive the editor.
  explicit EntityEditor(ProjectDocument* document, QWidget* parent = nullptr);
  ~EntityEditor() override;

  // Edits the entity at `row` of the project's entities; -1 (or a row that does not exist)
  // edits none and disables the fields.
  void setEntity(int row);
  int entity() const { return entity_; }
  AttributeTableModel* attributeModel() const { return attributeModel_; }
  // The findings listed under the fields, one a line ("identifier: error: ...").
  QString problemsText() const;

  // The buttons' actions, for the menu and tests: adds an attribute "attributeN" of type S at the
  // end, or removes the attribute selected in the table (none: nothing).
  void addAttribute();
  void removeSelectedAttribute();

 private:
  void refresh();
  void commitName();
  void commitEntityFields();
  // Frames the field of `member` and gives it `findings` as its tooltip (none: plain again).
  void markField(QWidget* field, const QStringList& findings);

  ProjectDocument* document_;
  int entity_ = -1;
  QLineEdit* nameEdit_;
  QLineEdit* identifierEdit_;
  QLineEdit* countEdit_;
  QCheckBox* storedCheck_;
  QTableView* attributeTable_;
  AttributeTableModel* attributeModel_;
  QPushButton* addAttributeButton_;
  QPushButton* removeAttributeButton_;
  QLabel* problemsLabel_;
  // Each field by the kvlab/1 member it edits, as the validator's paths name it.
  std::map<std::string, QWidget*> fields_;
};

}  // namespace kvlab::ui
