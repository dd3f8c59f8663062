#include "ui/views/window_screenshot.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QWidget>

namespace kvlab::ui {

Status saveWindowScreenshot(QWidget& window, const QSize& size, const QString& path) {
  window.resize(size);
  window.show();
  // Let the window lay itself out and handle the resize before it is painted.
  QCoreApplication::processEvents();
  QCoreApplication::sendPostedEvents();
  const QPixmap picture = window.grab();
  if (picture.isNull()) return Status::Error("cannot paint the window for " + path.toStdString());

  const QFileInfo target(path);
  if (!QDir().mkpath(target.absolutePath())) {
    return Status::Error("cannot create the folder " + target.absolutePath().toStdString());
  }
  if (!picture.save(path, "PNG")) return Status::Error("cannot write " + path.toStdString());
  return Status::Ok();
}

}  // namespace kvlab::ui
