#include "ui/document/autosaver.h"

#include <algorithm>
#include <utility>

#include "ui/document/project_document.h"

namespace kvlab::ui {

Autosaver::Autosaver(ProjectDocument* document, RecoveryStore store, QObject* parent)
    : QObject(parent), document_(document), store_(std::move(store)) {
  timer_.setInterval(interval_);
  connect(&timer_, &QTimer::timeout, this, [this] { autosaveNow(); });
  connect(document_, &ProjectDocument::changed, this, [this] { dirty_ = true; });
  connect(document_, &ProjectDocument::runsChanged, this, [this] { dirty_ = true; });
  connect(document_, &ProjectDocument::modifiedChanged, this, &Autosaver::modifiedChanged);
  // The file the changes belong to changed (Save As, Open): the old recovery file is stale.
  connect(document_, &ProjectDocument::filePathChanged, this, [this] {
    discard();
    untitled_.clear();
  });
  if (document_->isModified()) modifiedChanged(true);
}

Autosaver::~Autosaver() = default;

void Autosaver::setInterval(std::chrono::milliseconds interval) {
  interval_ = std::max(interval, std::chrono::milliseconds(0));
  timer_.stop();
  if (interval_.count() == 0) return;
  timer_.setInterval(interval_);
  if (document_->isModified()) timer_.start();
}

void Autosaver::modifiedChanged(bool modified) {
  if (modified) {
    dirty_ = true;
    if (interval_.count() > 0) timer_.start();
  } else {
    timer_.stop();
    discard();
  }
}

QString Autosaver::targetPath() {
  if (!document_->filePath().isEmpty()) return store_.pathFor(document_->filePath());
  if (untitled_.isEmpty()) untitled_ = store_.newUntitledPath();
  return untitled_;
}

Status Autosaver::autosaveNow() {
  if (!document_->isModified() || !dirty_) return Status::Ok();
  const QString path = targetPath();
  if (path != written_) {
    discard();
    lock_ = std::make_unique<RecoveryLock>(path);
  }
  Status status = store_.write(document_->project(), document_->filePath(), path);
  if (!status.ok()) {
    emit autosaveFailed(QString::fromStdString(status.message()));
    return status;
  }
  written_ = path;
  dirty_ = false;
  emit autosaved(path);
  return status;
}

void Autosaver::discard() {
  if (!written_.isEmpty()) RecoveryStore::remove(written_);
  written_.clear();
  lock_.reset();
  dirty_ = true;
}

void Autosaver::adopt(const QString& recoveryPath) {
  if (recoveryPath != written_ || !lock_) {
    discard();
    lock_ = std::make_unique<RecoveryLock>(recoveryPath);
  }
  written_ = recoveryPath;
  if (document_->filePath().isEmpty()) untitled_ = recoveryPath;
  dirty_ = false;
}

}  // namespace kvlab::ui
