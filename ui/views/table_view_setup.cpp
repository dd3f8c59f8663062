#include "ui/views/table_view_setup.h"

#include <QHeaderView>
#include <QTableView>

namespace kvlab::ui {

void setUpReadOnlyTable(QTableView* view) {
  view->setSelectionBehavior(QAbstractItemView::SelectRows);
  view->setSelectionMode(QAbstractItemView::SingleSelection);
  view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view->setAlternatingRowColors(true);
  view->setWordWrap(false);
  view->setTextElideMode(Qt::ElideRight);
  view->verticalHeader()->hide();
  view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
  view->horizontalHeader()->setHighlightSections(false);
  view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

void fitColumns(QTableView* view, int maxWidth, int stretchColumn) {
  QHeaderView* header = view->horizontalHeader();
  header->setStretchLastSection(false);
  for (int column = 0; column < header->count(); ++column) {
    header->setSectionResizeMode(column, QHeaderView::Interactive);
  }
  view->resizeColumnsToContents();
  for (int column = 0; column < header->count(); ++column) {
    if (view->columnWidth(column) > maxWidth) view->setColumnWidth(column, maxWidth);
  }
  if (stretchColumn >= 0 && stretchColumn < header->count()) {
    header->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
  }
}

}  // namespace kvlab::ui
