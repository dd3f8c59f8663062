#pragma once

class QTableView;

namespace kvlab::ui {

// Readies `view` for a read-only item model: whole rows selected, alternating colours, no
// editing, no row numbers, and rows as tall as one line of text.
void setUpReadOnlyTable(QTableView* view);

// Sizes every column of `view` to its contents, but none wider than `maxWidth` pixels, and lets
// `stretchColumn` (when >= 0) take the room that is left. Call after the model is reset.
void fitColumns(QTableView* view, int maxWidth, int stretchColumn = -1);

}  // namespace kvlab::ui
