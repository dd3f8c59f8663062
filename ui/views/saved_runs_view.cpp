#include "ui/views/saved_runs_view.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/commands/remove_runs_command.h"
#include "ui/document/project_document.h"
#include "ui/models/saved_run_table_model.h"
#include "ui/views/run_results_panel.h"
#include "ui/views/table_view_setup.h"

namespace kvlab::ui {
namespace {

constexpr int kMaxColumnWidth = 420;

}  // namespace

SavedRunsView::SavedRunsView(ProjectDocument* document, QWidget* parent)
    : QWidget(parent),
      document_(document),
      model_(new SavedRunTableModel(document, this)),
      table_(new QTableView(this)),
      removeButton_(new QPushButton(tr("&Remove"), this)),
      statusLabel_(new QLabel(this)),
      results_(new RunResultsPanel(this)) {
  table_->setObjectName(QStringLiteral("savedRunsTable"));
  table_->setModel(model_);
  setUpReadOnlyTable(table_);
  table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  table_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
  removeButton_->setObjectName(QStringLiteral("removeRunsButton"));
  removeButton_->setToolTip(tr("Remove the runs chosen from the project (Undo puts them back)"));
  statusLabel_->setObjectName(QStringLiteral("savedRunsStatus"));
  statusLabel_->setWordWrap(true);
  results_->setComparisonTitle(tr("Side by side (the runs chosen above)"));

  // Delete removes the runs chosen while the list has the focus.
  auto* deleteAction = new QAction(this);
  deleteAction->setShortcut(QKeySequence::Delete);
  deleteAction->setShortcutContext(Qt::WidgetShortcut);
  table_->addAction(deleteAction);
  connect(deleteAction, &QAction::triggered, this, &SavedRunsView::removeSelected);

  auto* top = new QWidget(this);
  auto* topLayout = new QVBoxLayout(top);
  topLayout->setContentsMargins(0, 0, 0, 0);
  auto* row = new QHBoxLayout;
  row->addWidget(statusLabel_, 1);
  row->addWidget(removeButton_);
  topLayout->addWidget(table_, 1);
  topLayout->addLayout(row);

  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->addWidget(top);
  splitter->addWidget(results_);
  splitter->setChildrenCollapsible(false);
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 1);
  splitter->setSizes({170, 530});
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(splitter);

  connect(removeButton_, &QPushButton::clicked, this, &SavedRunsView::removeSelected);
  connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &SavedRunsView::selectionChanged);
  // A reset (any edit) drops the selection: the runs chosen are chosen again after it, by their
  // results, which an edit of anything (a rename included) leaves where they are.
  connect(model_, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
    chosenResults_.clear();
    const auto& runs = document_->project().runs;
    for (int row : selectedRuns())
      chosenResults_.push_back(runs[static_cast<std::size_t>(row)].result);
  });
  connect(model_, &QAbstractItemModel::modelReset, this, [this] {
    fitColumns(table_, kMaxColumnWidth, SavedRunTableModel::kNameColumn);
    std::vector<int> rows;
    const auto& runs = document_->project().runs;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      if (std::find(chosenResults_.begin(), chosenResults_.end(), runs[i].result) !=
          chosenResults_.end()) {
        rows.push_back(static_cast<int>(i));
      }
    }
    chosenResults_.clear();
    if (rows.empty()) {
      selectionChanged();
    } else {
      selectRuns(rows);
    }
  });
  fitColumns(table_, kMaxColumnWidth, SavedRunTableModel::kNameColumn);
  selectionChanged();
}

SavedRunsView::~SavedRunsView() = default;

QString SavedRunsView::statusText() const { return statusLabel_->text(); }

std::vector<int> SavedRunsView::selectedRuns() const {
  std::vector<int> rows;
  for (const QModelIndex& index : table_->selectionModel()->selectedRows()) {
    rows.push_back(index.row());
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

bool SavedRunsView::selectRuns(const std::vector<int>& rows) {
  for (int row : rows) {
    if (row < 0 || row >= model_->rowCount()) return false;
  }
  QItemSelection selection;
  for (int row : rows) {
    selection.select(model_->index(row, 0), model_->index(row, model_->columnCount() - 1));
  }
  table_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
  return true;
}

bool SavedRunsView::removeSelected() {
  std::vector<int> rows = selectedRuns();
  if (rows.empty()) return false;
  document_->undoStack()->push(new RemoveRunsCommand(document_, std::move(rows)));
  return true;
}

void SavedRunsView::selectionChanged() {
  const std::vector<int> rows = selectedRuns();
  removeButton_->setEnabled(!rows.empty());
  const int count = model_->rowCount();
  if (count == 0) {
    statusLabel_->setText(
        tr("No runs kept yet: run a simulation in the Simulate tab and press Keep in Project. "
           "Kept runs are saved with the project in a .kvlab file."));
    results_->clear();
    return;
  }
  std::vector<sim::RunResult> runs;
  QStringList labels;
  QStringList unreadable;
  for (int row : rows) {
    const sim::RunResult* run = model_->result(row);
    const QString name = model_->index(row, SavedRunTableModel::kNameColumn).data().toString();
    if (run == nullptr) {
      unreadable << tr("“%1” cannot be read: %2").arg(name, model_->error(row));
      continue;
    }
    runs.push_back(*run);
    labels << name;
  }
  QString text;
  if (rows.empty()) {
    text = tr("%n run(s) kept. Choose one to see it, or several (Ctrl or Shift) to compare them.",
              nullptr, count);
  } else if (runs.size() == 1) {
    text = tr("Showing “%1”.").arg(labels.front());
  } else if (runs.size() > 1) {
    text = tr("%n runs side by side.", nullptr, static_cast<int>(runs.size()));
  }
  if (!unreadable.isEmpty())
    text += (text.isEmpty() ? "" : " ") + unreadable.join(QStringLiteral("; "));
  statusLabel_->setText(text);
  results_->setRuns(std::move(runs), std::move(labels));
}

}  // namespace kvlab::ui
