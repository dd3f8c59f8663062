#include "ui/document/recovery_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QUuid>
#include <algorithm>
#include <filesystem>
#include <utility>

#include "model/io/native_project_store.h"
#include "model/io/project_file.h"
#include "model/schema/project_validator.h"

namespace kvlab::ui {
namespace {

const QString kSuffix = QStringLiteral(".kvlab.json");
const QString kLockSuffix = QStringLiteral(".lock");

std::filesystem::path toPath(const QString& path) {
  return std::filesystem::path(path.toStdU16String());
}

QString lockPathOf(const QString& recoveryPath) { return recoveryPath + kLockSuffix; }

// The project file a recovery file records, read from its first bytes' JSON; "" when untitled
// or unreadable. Reads the whole document: recovery files are projects, at most 64 MiB.
QString recordedProjectPath(const model::Project& project) {
  for (const auto& [key, value] : project.extra) {
    if (key != kRecoveryProjectField) continue;
    const QJsonDocument json = QJsonDocument::fromJson(QByteArray::fromStdString(value));
    return json.object().value(QStringLiteral("projectPath")).toString();
  }
  return {};
}

}  // namespace

RecoveryStore::RecoveryStore(QString directory) : directory_(std::move(directory)) {}

QString RecoveryStore::defaultDirectory() {
  return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
      .filePath(QStringLiteral("recovery"));
}

QString RecoveryStore::pathFor(const QString& projectPath) const {
  const QByteArray hash = QCryptographicHash::hash(
      QFileInfo(projectPath).absoluteFilePath().toUtf8(), QCryptographicHash::Sha256);
  return QDir(directory_).filePath(QString::fromLatin1(hash.toHex().left(32)) + kSuffix);
}

QString RecoveryStore::newUntitledPath() const {
  return QDir(directory_)
      .filePath(QStringLiteral("untitled-") + QUuid::createUuid().toString(QUuid::WithoutBraces) +
                kSuffix);
}

Status RecoveryStore::write(const model::Project& project, const QString& projectPath,
                            const QString& recoveryPath) const {
  if (!QDir().mkpath(QFileInfo(recoveryPath).absolutePath())) {
    return Status::Error("cannot make the recovery folder " +
                         QFileInfo(recoveryPath).absolutePath().toStdString());
  }
  model::Project copy = project;
  std::erase_if(copy.extra, [](const auto& field) { return field.first == kRecoveryProjectField; });
  QJsonObject record;
  record.insert(QStringLiteral("projectPath"),
                projectPath.isEmpty() ? QString() : QFileInfo(projectPath).absoluteFilePath());
  copy.extra.emplace_back(kRecoveryProjectField,
                          QJsonDocument(record).toJson(QJsonDocument::Compact).toStdString());
  // Kept runs exist only in the native form, so a project with runs is recovered from one (the
  // reader goes by content, not by the name).
  if (!copy.runs.empty()) return model::writeNativeProject(copy, toPath(recoveryPath));
  return model::saveProjectFile(copy, toPath(recoveryPath));
}

RecoveredProject RecoveryStore::read(const QString& recoveryPath) {
  RecoveredProject recovered;
  model::ProjectLoadResult load = model::loadProjectFile(toPath(recoveryPath));
  if (!load.project) {
    recovered.diagnostics = std::move(load.diagnostics);
    return recovered;
  }
  recovered.projectPath = recordedProjectPath(*load.project);
  std::erase_if(load.project->extra,
                [](const auto& field) { return field.first == kRecoveryProjectField; });
  // The findings as the project file would give them: it is that file's project.
  const std::string file = recovered.projectPath.isEmpty() ? std::string("Untitled")
                                                           : recovered.projectPath.toStdString();
  model::validateProject(*load.project, file, recovered.diagnostics);
  recovered.project = std::move(load.project);
  return recovered;
}

std::optional<RecoveryFile> RecoveryStore::pendingFor(const QString& projectPath) const {
  const QString path = pathFor(projectPath);
  const QFileInfo recovery(path);
  if (!recovery.isFile() || isHeld(path)) return std::nullopt;
  const QFileInfo project(projectPath);
  if (project.exists() && recovery.lastModified() < project.lastModified()) return std::nullopt;
  return RecoveryFile{path, project.absoluteFilePath(), recovery.lastModified()};
}

std::vector<RecoveryFile> RecoveryStore::pending() const {
  std::vector<RecoveryFile> files;
  const QDir folder(directory_);
  for (const QFileInfo& info :
       folder.entryInfoList({QStringLiteral("*") + kSuffix}, QDir::Files, QDir::Time)) {
    if (isHeld(info.absoluteFilePath())) continue;
    const RecoveredProject recovered = read(info.absoluteFilePath());
    if (!recovered.project) continue;  // not ours, or damaged: left for a person to look at
    const QString projectPath = recovered.projectPath;
    if (!projectPath.isEmpty()) {
      const QFileInfo project(projectPath);
      if (project.exists() && info.lastModified() < project.lastModified()) continue;
    }
    files.push_back(RecoveryFile{info.absoluteFilePath(), projectPath, info.lastModified()});
  }
  std::stable_sort(files.begin(), files.end(), [](const RecoveryFile& a, const RecoveryFile& b) {
    return a.written > b.written;
  });
  return files;
}

bool RecoveryStore::isHeld(const QString& recoveryPath) {
  const QByteArray lock = QFile::encodeName(lockPathOf(recoveryPath));
  const int fd = ::open(lock.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return false;
  const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
  ::close(fd);
  return held;
}

bool RecoveryStore::remove(const QString& recoveryPath) {
  QFile::remove(lockPathOf(recoveryPath));
  return !QFileInfo::exists(recoveryPath) || QFile::remove(recoveryPath);
}

RecoveryLock::RecoveryLock(const QString& recoveryPath) {
  QDir().mkpath(QFileInfo(recoveryPath).absolutePath());
  const QByteArray lock = QFile::encodeName(lockPathOf(recoveryPath));
  const int fd = ::open(lock.constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return;
  }
  fd_ = fd;
}

RecoveryLock::~RecoveryLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace kvlab::ui
