#include "ui/models/diagnostics_model.h"

#include <QApplication>
#include <QStyle>
#include <algorithm>

#include "ui/document/project_document.h"

namespace kvlab::ui {

DiagnosticsModel::DiagnosticsModel(const ProjectDocument* document, QObject* parent)
    : QAbstractTableModel(parent), document_(document) {
  connect(document_, &ProjectDocument::diagnosticsChanged, this, &DiagnosticsModel::reload);
  items_ = document_->diagnostics().items();
}

DiagnosticsModel::~DiagnosticsModel() = default;

void DiagnosticsModel::reload() {
  beginResetModel();
  items_ = document_->diagnostics().items();
  endResetModel();
}

int DiagnosticsModel::errorCount() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const auto& d) {
    return d.severity == model::Severity::Error;
  }));
}

int DiagnosticsModel::warningCount() const {
  return static_cast<int>(items_.size()) - errorCount();
}

QString DiagnosticsModel::locationText(const model::Diagnostic& d) {
  if (!d.path.empty()) return QString::fromStdString(d.path);
  if (d.line && d.column) return tr("line %1, column %2").arg(*d.line).arg(*d.column);
  if (d.line) return tr("line %1").arg(*d.line);
  return tr("(whole file)");
}

int DiagnosticsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(items_.size());
}

int DiagnosticsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant DiagnosticsModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const model::Diagnostic& d = items_[static_cast<std::size_t>(index.row())];
  const bool error = d.severity == model::Severity::Error;
  switch (role) {
    case Qt::DisplayRole:
      switch (index.column()) {
        case kSeverityColumn:
          return error ? tr("Error") : tr("Warning");
        case kLocationColumn:
          return locationText(d);
        case kMessageColumn:
          return QString::fromStdString(d.message);
      }
      return {};
    case Qt::ToolTipRole:
      return QString::fromStdString(model::formatDiagnostic(d));
    case Qt::DecorationRole:
      if (index.column() == kSeverityColumn &&
          qobject_cast<QApplication*>(QApplication::instance())) {
        return QApplication::style()->standardIcon(error ? QStyle::SP_MessageBoxCritical
                                                         : QStyle::SP_MessageBoxWarning);
      }
      return {};
    default:
      return {};
  }
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kSeverityColumn:
      return tr("Severity");
    case kLocationColumn:
      return tr("Location");
    case kMessageColumn:
      return tr("Message");
  }
  return {};
}

}  // namespace kvlab::ui
