#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>
#include <memory>

#include "model/status.h"
#include "ui/document/recovery_store.h"

namespace kvlab::ui {

class ProjectDocument;

// Autosave for crash recovery: while its document is modified, writes the project every
// interval (when it changed since the last write) to the document's recovery file in a
// RecoveryStore, atomically, and holds that file's lock. It never writes the project file
// itself. The recovery file goes when the document stops being modified (a save, a load) or
// when its file changes, and on discard(): a clean close, or the user throwing changes away. A
// crash leaves it, for the next start to offer. Lives on the GUI thread.
class Autosaver : public QObject {
  Q_OBJECT

 public:
  Autosaver(ProjectDocument* document, RecoveryStore store, QObject* parent = nullptr);
  ~Autosaver() override;

  // How often to write while modified; 0 turns autosave off. The studio's default is 60 s
  // (the setting "autosave/intervalSeconds").
  void setInterval(std::chrono::milliseconds interval);
  std::chrono::milliseconds interval() const { return interval_; }

  const RecoveryStore& store() const { return store_; }
  // The recovery file this autosaver last wrote or adopted and has not removed, else "".
  const QString& recoveryPath() const { return written_; }

  // Writes the document's recovery file now when it is modified and changed since the last
  // write; otherwise does nothing. On failure the status says why (autosaveFailed is emitted).
  Status autosaveNow();
  // Removes the recovery file this autosaver wrote or adopted.
  void discard();
  // The document was just recovered from `recoveryPath`: it is this autosaver's file from now
  // on, already up to date.
  void adopt(const QString& recoveryPath);

 signals:
  void autosaved(const QString& recoveryPath);
  void autosaveFailed(const QString& message);

 private:
  void modifiedChanged(bool modified);
  QString targetPath();

  ProjectDocument* document_;
  RecoveryStore store_;
  QTimer timer_;
  std::chrono::milliseconds interval_{std::chrono::seconds(60)};
  QString written_;
  QString untitled_;  // this session's name for an untitled project's file
  std::unique_ptr<RecoveryLock> lock_;
  bool dirty_ = false;
};

}  // namespace kvlab::ui
