#pragma once

#include <QAbstractItemModel>
#include <QIcon>

namespace kvlab::model {
struct Project;
}

namespace kvlab::ui {

class ProjectDocument;

// A read-only tree over a ProjectDocument's project, for a QTreeView:
//
//   Entities          -> each entity   -> its attributes
//   Relationships     -> each relationship
//   Access patterns   -> each pattern
//   Designs           -> each design   -> its table, GSIs and LSIs -> the key templates of each
//                                         entity in that table or index
//   Workloads         -> each workload
//
// Column 0 is the name, column 1 a one-line detail (type and size, action, entities and rate,
// key attributes and templates, duration and patterns). The model holds no copy of the project: an
// index is a path of row numbers into it, and the model resets whenever the document changes. GUI
// thread only.
class ProjectTreeModel : public QAbstractItemModel {
  Q_OBJECT

 public:
  enum Column { kNameColumn = 0, kDetailColumn = 1, kColumnCount = 2 };
  // The top-level rows, in order.
  enum Group { kEntities = 0, kRelationships, kAccessPatterns, kDesigns, kWorkloads, kGroupCount };

  // `document` must outlive the model.
  explicit ProjectTreeModel(const ProjectDocument* document, QObject* parent = nullptr);
  ~ProjectTreeModel() override;

  // The index of a top-level group row.
  QModelIndex groupIndex(Group group) const;

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;

 private:
  // A row's place in the tree: its depth (0 for a group) and the row number at each level.
  struct Node {
    int depth = -1;  // -1: the invisible root
    int rows[4] = {0, 0, 0, 0};
  };

  static quintptr encode(const Node& node);
  static Node decode(quintptr id);
  Node nodeOf(const QModelIndex& index) const;
  int childCount(const Node& node) const;
  QString name(const Node& node) const;
  QString detail(const Node& node) const;
  QIcon icon(const Node& node) const;
  const model::Project& project() const;

  const ProjectDocument* document_;
};

}  // namespace kvlab::ui
