#pragma once

#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

#include "model/io/diagnostic.h"
#include "model/schema/project.h"
#include "model/status.h"

namespace kvlab::ui {

// One recovery file: a project's unsaved state as autosave last wrote it.
struct RecoveryFile {
  QString path;         // the recovery file
  QString projectPath;  // the project file it belongs to; empty for a project never saved
  QDateTime written;    // when autosave wrote it (the file's modification time)
};

// What a recovery file holds: the project as it was, with the findings of reading it.
struct RecoveredProject {
  std::optional<model::Project> project;  // nothing when the file does not read
  model::Diagnostics diagnostics;
  QString projectPath;
};

// The folder of recovery files (by default AppDataLocation/recovery): each is a kvlab/1 text file
// (or, for a project with kept runs, the native form under the same name) written atomically,
// that records the project file it belongs to in an
// extra top-level field. A project saved to a file has one recovery file, named from a hash of
// the file's absolute path (`<sha256>.kvlab.json`); an untitled project gets a name of its own
// (`untitled-<uuid>.kvlab.json`). A studio that writes a recovery file holds `NAME.lock` beside it
// under flock(2), so that another studio can tell a live session's file from one a crash left
// behind. Not thread-safe; a value.
class RecoveryStore {
 public:
  explicit RecoveryStore(QString directory);

  // QStandardPaths::AppDataLocation + "/recovery".
  static QString defaultDirectory();

  const QString& directory() const { return directory_; }
  // The recovery file of the project saved at `projectPath` (made absolute).
  QString pathFor(const QString& projectPath) const;
  // A new recovery file name for an untitled project.
  QString newUntitledPath() const;

  // Writes `project` to `recoveryPath` atomically, recording `projectPath`; makes the folder.
  Status write(const model::Project& project, const QString& projectPath,
               const QString& recoveryPath) const;
  // Reads a recovery file: the project without the recorded path, and the path.
  static RecoveredProject read(const QString& recoveryPath);

  // The recovery file of `projectPath` when one exists that no live studio holds and that is
  // at least as new as the project file (or the project file is gone).
  std::optional<RecoveryFile> pendingFor(const QString& projectPath) const;
  // Every recovery file no live studio holds whose project file is older or gone (untitled ones
  // included), newest first.
  std::vector<RecoveryFile> pending() const;

  // Whether a live studio holds `recoveryPath` (its lock file is locked).
  static bool isHeld(const QString& recoveryPath);
  // Removes a recovery file and its lock file; true when nothing is left.
  static bool remove(const QString& recoveryPath);

 private:
  QString directory_;
};

// Holds the lock of a recovery file (`NAME.lock`, under flock(2)) while it lives, so that other
// studios leave the file alone (RecoveryStore::isHeld); the kernel drops the lock if the process
// dies. Not copyable.
class RecoveryLock {
 public:
  explicit RecoveryLock(const QString& recoveryPath);
  ~RecoveryLock();
  RecoveryLock(const RecoveryLock&) = delete;
  RecoveryLock& operator=(const RecoveryLock&) = delete;
  // False when the lock file cannot be made or another live studio holds it.
  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

// The top-level field of a recovery file that records its project file.
inline constexpr const char* kRecoveryProjectField = "kvlabRecoveryOf";

}  // namespace kvlab::ui
