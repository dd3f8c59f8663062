#pragma once

#include <QSize>
#include <QString>

#include "model/status.h"

namespace kvlab::ui {

class MainWindow;

// Writes one PNG per main view of `window`, each at `size`, into the folder `dir`: model.png (the
// project tree), plan.png (the plan of the project's first design) and proposals.png (after the
// modeler has run, with the first proposal selected). Waits for the modeler, running the event
// loop meanwhile. Load the project first. Returns the first failure to write a picture; a project
// the views cannot plan is not a failure, as the pictures then show why. Leaves the window on the
// Proposals tab.
Status saveViewScreenshots(MainWindow& window, const QSize& size, const QString& dir);

}  // namespace kvlab::ui
