#pragma once

#include <QSize>
#include <QString>

#include "model/status.h"

class QWidget;

namespace kvlab::ui {

// Lays `window` out at `size`, paints it and writes the picture to `path` as PNG, creating the
// folder when needed. Works on the offscreen platform. On failure returns an error naming the
// path; the window is then still shown at `size`.
Status saveWindowScreenshot(QWidget& window, const QSize& size, const QString& path);

}  // namespace kvlab::ui
