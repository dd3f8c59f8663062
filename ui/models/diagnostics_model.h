#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "model/io/diagnostic.h"

namespace kvlab::ui {

class ProjectDocument;

// A table of the findings of the document's last load, one row each: severity, where (the JSON
// path, or line and column for malformed text) and the message. It keeps a copy of the findings
// so that a reset never reads a list the document is replacing. GUI thread only.
class DiagnosticsModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { kSeverityColumn = 0, kLocationColumn, kMessageColumn, kColumnCount };

  // `document` must outlive the model.
  explicit DiagnosticsModel(const ProjectDocument* document, QObject* parent = nullptr);
  ~DiagnosticsModel() override;

  // The finding shown in `row`; requires 0 <= row < rowCount().
  const model::Diagnostic& diagnostic(int row) const { return items_.at(row); }
  int errorCount() const;
  int warningCount() const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

  // Where a finding is, as shown in the location column: `entities[2].name`, `line 4, column 7`,
  // or `(whole file)`.
  static QString locationText(const model::Diagnostic& diagnostic);

 private:
  void reload();

  const ProjectDocument* document_;
  std::vector<model::Diagnostic> items_;
};

}  // namespace kvlab::ui
