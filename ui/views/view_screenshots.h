#pragma once

#include <QSize>
#include <QString>

#include "model/status.h"

namespace kvlab::ui {

class MainWindow;

// The duration of the runs in the Simulate tab's pictures, in virtual seconds: long enough for a
// timeline and a heat map, short enough for the four engines to run in seconds.
inline constexpr int kScreenshotRunSeconds = 10;

// Writes one PNG per main view of `window`, each at `size`, into the folder `dir`: model.png (the
// project tree), diagram.png (the entity diagram), plan.png (the plan of the project's first
// design), proposals.png (after the
// modeler has run, with the first proposal selected), simulate.png (after a run of the first
// design on dynamodb for kScreenshotRunSeconds, seed 1, mean rates) and simulate-all.png (the
// same on every engine, side by side), then editing.png (the Model tab with the editor of the
// second access pattern, or an empty editor when there is none). Waits for the modeler and the
// runs, running the event loop meanwhile. Load the project first. Returns the first failure to
// write a picture; a project the views cannot plan or simulate is not a failure, as the pictures
// then show why. Leaves the window on the Model tab with the editor open. After plan.png come
// aggregate.png (the Aggregate tab on the first design's table) and aggregate-gsi.png (on its
// first GSI; none when it has no GSI), and after editing.png comes design-editor.png (the first
// design chosen in the project tree, its editor beside it; none when the project has no design)
// and workload-editor.png (the same for the first workload; none when the project has none).
// After simulate.png comes heatmap.png (its heat map in a window of its own; none for a run
// without partitions), and the runs of simulate.png and simulate-all.png are kept in the
// project: runs.png is the Runs tab with the first of them beside the third (dynamodb beside
// relational); between them comes cost.png (the Cost tab: the plans, and the runs on every
// engine). After plan.png comes plan-compare.png (the first design beside the second; none when
// the project has one design).
Status saveViewScreenshots(MainWindow& window, const QSize& size, const QString& dir);

}  // namespace kvlab::ui
