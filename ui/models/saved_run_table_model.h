#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "simulator/metrics/run_result.h"

namespace kvlab::ui {

class ProjectDocument;

// The runs kept in the document's project (model::Project::runs), a row each in their order:
// the name (editable: a RenameRunCommand), the design, the engine, the load it ran under, its
// duration and seed, and what it did (requests, failures, throttled attempts, p99, the month's
// cost). Each result is read once (report::parseRunResults) and kept while the project holds it;
// a result that does not read shows its error in the row, and its figures stay empty. Follows
// the document's changed() and runsChanged() signals. GUI thread only.
class SavedRunTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    kNameColumn = 0,
    kDesignColumn,
    kEngineColumn,
    kLoadColumn,
    kDurationColumn,
    kSeedColumn,
    kRequestsColumn,
    kFailedColumn,
    kThrottledColumn,
    kP99Column,
    kMonthlyCostColumn,
    kColumnCount
  };

  // `document` must outlive the model.
  explicit SavedRunTableModel(ProjectDocument* document, QObject* parent = nullptr);
  ~SavedRunTableModel() override;

  // The result of the run in `row`, or null when it does not read (see error()) or there is no
  // such row.
  const sim::RunResult* result(int row) const;
  // Why the result of the run in `row` does not read ("" when it does).
  QString error(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  struct Read {
    std::shared_ptr<const std::string> text;  // holds the key's text alive
    std::optional<sim::RunResult> result;
    QString error;
  };

  void refresh();
  const Read* readOf(int row) const;

  ProjectDocument* document_;
  // By the address of the shared result text: a project's copies share it, so an edit of
  // anything else reads nothing again.
  std::map<const std::string*, Read> reads_;
};

}  // namespace kvlab::ui
