#pragma once

#include <QAbstractTableModel>
#include <string>
#include <vector>

namespace kvlab::model {
struct Design;
struct EntityKeys;
}  // namespace kvlab::model

namespace kvlab::ui {

class ProjectDocument;

// The key templates of one table or index of one design, for the design editor's grids: a row per
// entity of the project (then any entity the templates name that the project does not have), a
// column for the entity's name and one per key attribute of the table or index (the table's PK
// and SK, a GSI's PK and SK, an LSI's SK). A cell is the template of that key for that entity;
// empty: none. Editing a cell is an EditDesignCommand on the document's undo stack: emptying the
// last template of an entity takes it out of the table or index (a sparse index), typing one for
// an entity without templates adds it. A cell the validator faults has the finding as its tooltip
// and a red background; the others explain the template syntax. Holds no copy of the project;
// resets whenever the document changes. GUI thread only.
class KeyTemplateTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Kind { kTable, kGsi, kLsi };
  enum { kEntityColumn = 0 };

  // `document` must outlive the model.
  explicit KeyTemplateTableModel(ProjectDocument* document, QObject* parent = nullptr);
  ~KeyTemplateTableModel() override;

  // Shows the templates of the design at `design`: its table (kTable), or the GSI or LSI at
  // `index`. A design or index that does not exist shows nothing.
  void setIndex(int design, Kind kind, int index = 0);
  int design() const { return design_; }

  // The tooltip of the template cells without a finding: how a template is written.
  static QString syntaxHelp();

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

 private:
  bool exists() const;
  // The entity templates shown, the key attributes (the columns after the entity's) and the
  // JSON path of the entity templates, as the validator names them.
  const std::vector<model::EntityKeys>* entityKeys() const;
  std::vector<std::string> keyAttributes() const;
  std::string path() const;
  // The entity of each row.
  std::vector<std::string> rowEntities() const;

  ProjectDocument* document_;
  int design_ = -1;
  Kind kind_ = kTable;
  int index_ = 0;
};

// Sets the template of `keyAttribute` for `entity` in `keys` to `text`, keeping the order of
// entities and keys; an empty `text` removes it, and the entity with it when it was its last. A
// new key of an entity goes first when `first`, otherwise last. Returns whether anything changed.
bool setKeyTemplate(std::vector<model::EntityKeys>& keys, const std::string& entity,
                    const std::string& keyAttribute, const std::string& text, bool first);

}  // namespace kvlab::ui
