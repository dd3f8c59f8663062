#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QString>
#include <QStringList>
#include <optional>
#include <string>
#include <vector>

#include "model/design/sample_items.h"

namespace kvlab::ui {

class ProjectDocument;

// NoSQL Workbench's aggregate view of one table or GSI of a design of a ProjectDocument's project:
// a row per sample item (model::sampleItems, kSampleItemsPerEntity per entity, children in their
// parent's partition), sorted into item collections by partition key, then sort key. The columns
// are the partition key, the sort key (when the table or index has one), then every other
// attribute an item there carries, the table's keys first in a GSI. A GSI holds only the items
// that carry its keys, with the attributes its projection copies. The partition key shows on the
// first row of each collection only (kValueRole has it on every row); the other cells of a row
// are tinted with its entity's colour (entityColor), whose tooltip names the entity and its key
// templates. Read-only. Holds the items it generated from the project, made again whenever the
// document changes. GUI thread only.
class AggregateTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  // Items generated per entity: enough for a parent with two children beside one with one.
  static constexpr int kSampleItemsPerEntity = 3;
  // The partition key column; the sort key, when there is one, is column 1.
  static constexpr int kPartitionKeyColumn = 0;

  enum Role {
    kValueRole = Qt::UserRole,  // a cell's value, on every row (the partition key included)
    kEntityRole,                // the entity of the row's item
  };

  // `document` must outlive the model.
  explicit AggregateTableModel(ProjectDocument* document, QObject* parent = nullptr);
  ~AggregateTableModel() override;

  // Shows the items of the design called `design` in its table (`index` empty) or in its GSI
  // called `index` (resets the model). A design or GSI the project lacks shows nothing.
  void setSource(const QString& design, const QString& index = {});
  const QString& designName() const { return design_; }
  const QString& indexName() const { return index_; }
  // Whether a design (and the GSI asked for) is shown.
  bool hasSource() const { return shown_; }

  // 2 when the table or index has a sort key, else 1; 0 when nothing is shown.
  int keyColumnCount() const;
  // The attribute in `column`; requires 0 <= column < columnCount().
  const std::string& attributeName(int column) const;
  // The item in `row`; requires 0 <= row < rowCount().
  const model::SampleItem& item(int row) const;
  // How many rows, from `row` on, share `row`'s partition key (the rest of its item collection).
  int collectionRows(int row) const;
  // Whether `row` is the first of its item collection.
  bool startsCollection(int row) const;

  // The design's entities that have items in the table, in the design's order (the legend), and
  // the background of an entity's rows: a light colour from a fixed palette by the entity's
  // position in the design, the same in the table and every GSI.
  QStringList entities() const;
  QColor entityColor(const QString& entity) const;
  // The text on the tinted cells: dark, so that it reads on the light palette in any theme.
  static QColor entityTextColor();

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  void rebuild();
  QString cellText(int row, int column) const;
  QString cellToolTip(int row, int column) const;
  QString headerToolTip(int section) const;
  // The key templates of `entity` for the keys of what is shown ("PK = CUSTOMER#{customerId}").
  QStringList templatesOf(const std::string& entity) const;

  ProjectDocument* document_;
  QString design_;
  QString index_;
  bool shown_ = false;
  std::string partitionKey_;
  std::optional<std::string> sortKey_;
  std::vector<std::string> columns_;
  std::vector<model::SampleItem> items_;
  std::vector<std::string> entities_;  // the design's entities with templates, in its order
  // The templates of each entity for the shown keys, by entity name.
  std::vector<std::pair<std::string, QStringList>> templates_;
};

}  // namespace kvlab::ui
