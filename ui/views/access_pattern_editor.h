#pragma once

#include <QWidget>
#include <map>
#include <string>

class QLabel;

namespace kvlab::ui {

class ProjectDocument;

// Edits one access pattern of a ProjectDocument's project: id, name, action, entities and
// equality attributes (comma-separated), range attribute and operator, sortBy, order, limit,
// consistency, mean and peak rate, and the kind of key distribution. A field left empty (or
// "(none)") leaves the optional field out. A change is one EditAccessPatternCommand on the
// document's undo stack, made when a field is left or a choice made; only the fields whose text
// changed are parsed again, so what the editor does not show (filter, aggregate, cache, a
// distribution's parameters, unknown fields) is kept exactly. Renaming the id does not follow
// references to it (a design's stated plan, a workload): the validator names them. A field the
// validator faults, or text that is not a number where one is expected, gets a red frame and the
// finding as its tooltip; the line under the fields lists every finding about the pattern with the
// field it names. GUI thread only.
class AccessPatternEditor : public QWidget {
  Q_OBJECT

 public:
  // `document` must outlive the editor.
  explicit AccessPatternEditor(ProjectDocument* document, QWidget* parent = nullptr);
  ~AccessPatternEditor() override;

  // Edits the pattern at `row` of the project's access patterns; -1 (or a row that does not
  // exist) edits none and disables the fields.
  void setPattern(int row);
  int pattern() const { return pattern_; }
  // The field that edits `member` ("id", "action", "range.op", "rate.mean",
  // "keyDistribution.kind", ...): a QLineEdit or a QComboBox; null for another name.
  QWidget* field(const std::string& member) const;
  // The findings listed under the fields, one a line ("equals[0]: error: ...").
  QString problemsText() const;

  // Takes the fields' text into the project: one command when anything changed. The fields call
  // it themselves when left or chosen; tests may set several fields and then call it once.
  void commit();

 private:
  void refresh();
  void markField(QWidget* field, const QStringList& findings);

  ProjectDocument* document_;
  int pattern_ = -1;
  std::map<std::string, QWidget*> fields_;
  QLabel* problemsLabel_;
};

}  // namespace kvlab::ui
