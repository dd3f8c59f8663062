#include "ui/models/saved_run_table_model.h"

#include <QColor>
#include <QUndoStack>

#include "report/run_result_reader.h"
#include "ui/commands/rename_run_command.h"
#include "ui/document/project_document.h"
#include "ui/models/number_text.h"
#include "ui/models/run_table_model.h"

namespace kvlab::ui {

SavedRunTableModel::SavedRunTableModel(ProjectDocument* document, QObject* parent)
    : QAbstractTableModel(parent), document_(document) {
  auto begin = [this] { beginResetModel(); };
  auto end = [this] {
    refresh();
    endResetModel();
  };
  connect(document_, &ProjectDocument::aboutToChange, this, begin);
  connect(document_, &ProjectDocument::changed, this, end);
  connect(document_, &ProjectDocument::aboutToChangeRuns, this, begin);
  connect(document_, &ProjectDocument::runsChanged, this, end);
  refresh();
}

SavedRunTableModel::~SavedRunTableModel() = default;

void SavedRunTableModel::refresh() {
  std::map<const std::string*, Read> reads;
  for (const model::SavedRun& saved : document_->project().runs) {
    if (!saved.result) continue;
    const std::string* key = saved.result.get();
    if (reads.count(key) != 0) continue;
    auto known = reads_.find(key);
    if (known != reads_.end()) {
      reads.emplace(key, std::move(known->second));
      continue;
    }
    Read read;
    read.text = saved.result;
    std::vector<sim::RunResult> parsed;
    const Status status =
        report::parseRunResults(*saved.result, "run '" + saved.name + "'", parsed);
    if (!status.ok()) {
      read.error = QString::fromStdString(status.message());
    } else if (parsed.size() != 1) {
      read.error =
          tr("the result holds %n runs, not one", nullptr, static_cast<int>(parsed.size()));
    } else {
      read.result = std::move(parsed.front());
    }
    reads.emplace(key, std::move(read));
  }
  reads_ = std::move(reads);
}

const SavedRunTableModel::Read* SavedRunTableModel::readOf(int row) const {
  const auto& runs = document_->project().runs;
  if (row < 0 || row >= static_cast<int>(runs.size())) return nullptr;
  const model::SavedRun& saved = runs[static_cast<std::size_t>(row)];
  auto it = reads_.find(saved.result.get());
  return it == reads_.end() ? nullptr : &it->second;
}

const sim::RunResult* SavedRunTableModel::result(int row) const {
  const Read* read = readOf(row);
  return read != nullptr && read->result ? &*read->result : nullptr;
}

QString SavedRunTableModel::error(int row) const {
  const Read* read = readOf(row);
  if (read == nullptr) {
    return row >= 0 && row < rowCount() ? tr("the run has no result") : QString();
  }
  return read->error;
}

int SavedRunTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(document_->project().runs.size());
}

int SavedRunTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

Qt::ItemFlags SavedRunTableModel::flags(const QModelIndex& index) const {
  Qt::ItemFlags f = QAbstractTableModel::flags(index);
  if (index.isValid() && index.column() == kNameColumn) f |= Qt::ItemIsEditable;
  return f;
}

bool SavedRunTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::EditRole ||
      index.column() != kNameColumn) {
    return false;
  }
  const std::string name = value.toString().trimmed().toStdString();
  const model::SavedRun& run = document_->project().runs[static_cast<std::size_t>(index.row())];
  if (name.empty() || name == run.name) return false;
  document_->undoStack()->push(new RenameRunCommand(document_, index.row(), name));
  return true;
}

QVariant SavedRunTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const model::SavedRun& saved = document_->project().runs[static_cast<std::size_t>(index.row())];
  const sim::RunResult* run = result(index.row());
  const int column = index.column();
  if (role == Qt::TextAlignmentRole && column >= kDurationColumn) {
    return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
  }
  if (role == Qt::ToolTipRole) {
    if (run == nullptr) return tr("This run's result cannot be read: %1").arg(error(index.row()));
    if (column == kNameColumn) return tr("Double-click to rename");
    return {};
  }
  if (role == Qt::ForegroundRole && run == nullptr && column != kNameColumn) {
    return QColor(Qt::darkRed);
  }
  if (role != Qt::DisplayRole && role != Qt::EditRole) return {};
  switch (column) {
    case kNameColumn:
      return QString::fromStdString(saved.name);
    case kDesignColumn:
      return QString::fromStdString(saved.design);
    case kEngineColumn:
      return QString::fromStdString(saved.engine);
    default:
      break;
  }
  if (run == nullptr) return column == kLoadColumn ? tr("unreadable") : QVariant();
  switch (column) {
    case kLoadColumn:
      return QString::fromStdString(run->rate) +
             (run->monthlyCost.capacityMode == "provisioned" && run->engine == "dynamodb"
                  ? tr(", provisioned")
                  : QString());
    case kDurationColumn:
      return tr("%1 s").arg(QString::number(run->durationSeconds, 'g', 6)) +
             (run->cancelled ? tr(" (cancelled)") : QString());
    case kSeedColumn:
      return QString::number(saved.seed);
    case kRequestsColumn:
      return numberText(static_cast<double>(run->requests));
    case kFailedColumn:
      return numberText(static_cast<double>(run->failed));
    case kThrottledColumn:
      return numberText(static_cast<double>(run->throttled));
    case kP99Column:
      return run->latency.count == 0 ? QStringLiteral("-") : millisecondsText(run->latency.p99);
    case kMonthlyCostColumn:
      return dollarsText(run->monthlyCost.total);
    default:
      return {};
  }
}

QVariant SavedRunTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::DisplayRole) {
    switch (section) {
      case kNameColumn:
        return tr("Run");
      case kDesignColumn:
        return tr("Design");
      case kEngineColumn:
        return tr("Engine");
      case kLoadColumn:
        return tr("Load");
      case kDurationColumn:
        return tr("Duration");
      case kSeedColumn:
        return tr("Seed");
      case kRequestsColumn:
        return tr("Requests");
      case kFailedColumn:
        return tr("Failed");
      case kThrottledColumn:
        return tr("Throttled");
      case kP99Column:
        return tr("p99 ms");
      case kMonthlyCostColumn:
        return tr("$/month");
      default:
        return {};
    }
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case kNameColumn:
        return tr("The run's name; double-click to rename it");
      case kDesignColumn:
        return tr("The design it ran, as it was named then");
      case kLoadColumn:
        return tr("The rates it ran at: the patterns' mean or peak rates, or a workload's");
      case kDurationColumn:
        return tr("The virtual time requests arrived for");
      case kSeedColumn:
        return tr("The random seed: the same seed gives the same run");
      case kRequestsColumn:
        return tr("Requests that arrived");
      case kFailedColumn:
        return tr(
            "Requests that gave up after their last retry, or were still retrying at the "
            "end");
      case kThrottledColumn:
        return tr(
            "Throttled attempts: DynamoDB refused the request for lack of capacity (of the "
            "table, a GSI or a partition) and the client retried it");
      case kP99Column:
        return tr("The 99th percentile latency of every request that succeeded");
      case kMonthlyCostColumn:
        return tr("What the run's load would cost for a month, with storage and servers");
      default:
        return {};
    }
  }
  return {};
}

}  // namespace kvlab::ui
