#pragma once

#include <QAbstractTableModel>

namespace kvlab::ui {

class ProjectDocument;

// The attributes of one entity of a ProjectDocument's project, a row each, for the entity
// editor's table: name, type, size, format and distinct count, all editable. An edit is an
// EditAttributeCommand pushed on the document's undo stack, never a change of the project in
// place; text that is not a valid value (an unknown type, a size that is not a whole number)
// is refused. A cell whose field the validator faults has the finding as its tooltip and a red
// background. Holds no copy of the project; resets whenever the document changes. GUI thread only.
class AttributeTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    kNameColumn = 0,
    kTypeColumn,
    kSizeColumn,
    kFormatColumn,
    kDistinctColumn,
    kColumnCount
  };

  // `document` must outlive the model.
  explicit AttributeTableModel(ProjectDocument* document, QObject* parent = nullptr);
  ~AttributeTableModel() override;

  // Shows the attributes of the entity at `row` of the project's entities; -1 (or a row that
  // does not exist) shows none.
  void setEntity(int row);
  int entity() const { return entity_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

 private:
  bool hasEntity() const;

  ProjectDocument* document_;
  int entity_ = -1;
};

}  // namespace kvlab::ui
