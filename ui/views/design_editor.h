#pragma once

#include <QWidget>
#include <map>
#include <string>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace kvlab::ui {

class KeyTemplateTableModel;
class ProjectDocument;

// Edits one design of a ProjectDocument's project: its name, its table (name, partition and sort
// key attribute names) and each entity's key templates in it (KeyTemplateTableModel), and its
// secondary indexes: one chosen from a list of the GSIs and LSIs, with buttons to add a GSI or an
// LSI and to remove the one chosen, and that index's name, key attribute names, projection (ALL,
// KEYS_ONLY, INCLUDE with the attributes it includes, comma-separated) and key templates.
//
// Renaming a key attribute renames it in the templates that give it (the table's partition key
// also in the LSIs); clearing a sort key drops its templates. Names and partition keys cannot be
// empty (the file needs them): an empty one is refused at its field and changes nothing. Every
// other change is one command on the document's undo stack (EditDesignCommand,
// AddSecondaryIndexCommand, RemoveSecondaryIndexCommand), made when a field is left or a choice
// made; the fields show the project as it is after each change, undo included. A field the
// validator faults gets a red frame and the finding as its tooltip (a template cell a red
// background), and the line under the fields lists every finding about the design with the field
// it names. GUI thread only.
class DesignEditor : public QWidget {
  Q_OBJECT

 public:
  // `document` must outlive the editor.
  explicit DesignEditor(ProjectDocument* document, QWidget* parent = nullptr);
  ~DesignEditor() override;

  // Edits the design at `row` of the project's designs, its first index chosen; -1 (or a row that
  // does not exist) edits none and disables the fields.
  void setDesign(int row);
  int design() const { return design_; }
  // Chooses the GSI (or, with `isLocal`, the LSI) at `row` of the design; false when there is
  // none such.
  bool selectIndex(bool isLocal, int row);
  // The index chosen: -1 when the design has none.
  int indexRow() const { return indexRow_; }
  bool indexIsLocal() const { return indexLocal_; }

  // The field that edits `member`: "name", "table.name", "table.pk", "table.sk", and of the index
  // chosen "index.name", "index.pk", "index.sk", "index.projection", "index.include"; a QLineEdit
  // or a QComboBox; null for another name.
  QWidget* field(const std::string& member) const;
  KeyTemplateTableModel* tableKeysModel() const { return tableKeysModel_; }
  KeyTemplateTableModel* indexKeysModel() const { return indexKeysModel_; }
  // The findings listed under the fields, one a line ("gsis[0].name: error: ...").
  QString problemsText() const;

  // The buttons' actions, for tests: a GSI "GSIn" keyed by "GSInPK" and "GSInSK", or an LSI
  // "LSIn" sorted by "LSInSK", projecting ALL and without templates, then chosen; and the removal
  // of the index chosen (none: nothing).
  void addGsi();
  void addLsi();
  void removeSelectedIndex();

 private:
  void refresh();
  void refreshIndexList();
  void commitDesignFields();
  void commitIndexFields();
  void addIndex(bool isLocal);
  void markField(QWidget* field, const QStringList& findings);
  // The design path as the validator names it, and the chosen index's.
  std::string designPath() const;
  std::string indexPath() const;

  ProjectDocument* document_;
  int design_ = -1;
  bool indexLocal_ = false;
  int indexRow_ = -1;
  std::map<std::string, QWidget*> fields_;
  QTableView* tableKeysView_;
  KeyTemplateTableModel* tableKeysModel_;
  QComboBox* indexCombo_;
  QPushButton* addGsiButton_;
  QPushButton* addLsiButton_;
  QPushButton* removeIndexButton_;
  QTableView* indexKeysView_;
  KeyTemplateTableModel* indexKeysModel_;
  QLabel* problemsLabel_;
};

}  // namespace kvlab::ui
