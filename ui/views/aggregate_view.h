#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QTableView;

namespace kvlab::ui {

class AggregateTableModel;
class ProjectDocument;

// The Aggregate tab: NoSQL Workbench's aggregate view of a design chosen from the document's
// project, its table or one of its GSIs (chosen beside it), as a grid of sample items (an
// AggregateTableModel) with the partition key of each item collection merged over its rows, a
// legend of the entities' colours and a line counting items and collections. Read-only. Shows
// the document as it is after every change (an edit, an undo or redo, an adopted proposal),
// keeping the design and index chosen while they exist. GUI thread only.
class AggregateView : public QWidget {
  Q_OBJECT

 public:
  // `document` must outlive the view.
  explicit AggregateView(ProjectDocument* document, QWidget* parent = nullptr);
  ~AggregateView() override;

  // Chooses the design in `index` of the project's designs; false when there is none there.
  bool selectDesign(int index);
  // Chooses the table (0) or the GSI at `index` - 1 of the design's GSIs; false when there is
  // none there.
  bool selectIndex(int index);
  // How many designs, and how many choices of table and GSIs, the selectors offer.
  int designCount() const;
  int indexCount() const;

  const AggregateTableModel* model() const { return model_; }
  const QTableView* table() const { return table_; }
  // The entities the legend shows, in its order.
  QStringList legendEntities() const;
  // The line under the grid: items and item collections, or why there are none.
  QString summaryText() const;

 private:
  void documentChanged();
  void fillIndexes();
  void showSource();
  void modelReset();

  ProjectDocument* document_;
  AggregateTableModel* model_;
  QComboBox* designSelector_;
  QComboBox* indexSelector_;
  QLabel* keysLabel_;
  QWidget* legend_;
  QHBoxLayout* legendLayout_;
  QTableView* table_;
  QLabel* summaryLabel_;
};

}  // namespace kvlab::ui
