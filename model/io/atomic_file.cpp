#include "model/io/atomic_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace kvlab::model {
namespace fs = std::filesystem;
namespace {

std::string systemError(const std::string& what, const fs::path& path) {
  return what + " " + path.string() + ": " + std::strerror(errno);
}

bool injected(const SaveFaultHook& fault, SaveStep step) { return fault && fault(step); }

fs::path directoryOf(const fs::path& target) {
  fs::path directory = target.parent_path();
  return directory.empty() ? fs::path(".") : directory;
}

Status syncDirectory(const fs::path& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::Error(systemError("cannot open", directory));
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Status::Error(systemError("cannot sync", directory));
  return Status::Ok();
}

bool isDecimal(std::string_view text) {
  if (text.empty() || text.size() > 20) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// True when `fd` and `path` are the same file (the name was not removed or replaced meanwhile).
bool sameFile(int fd, const fs::path& path) {
  struct stat opened {};
  struct stat named {};
  return ::fstat(fd, &opened) == 0 && ::lstat(path.c_str(), &named) == 0 &&
         opened.st_dev == named.st_dev && opened.st_ino == named.st_ino;
}

constexpr int kCreateAttempts = 100;

}  // namespace

TemporaryFileBeside::TemporaryFileBeside(const fs::path& target) : target_(target) {
  static std::atomic<unsigned> counter{0};
  path_ = target;
  path_ += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

TemporaryFileBeside::~TemporaryFileBeside() {
  // Removed while still locked, so that no cleaner can take it for a dead save's file meanwhile.
  if (!committed_ && owned_) ::unlink(path_.c_str());
  if (fd_ >= 0) ::close(fd_);
}

Status TemporaryFileBeside::create() {
  removeStaleTemporaries(target_);
  owned_ = false;  // until a file of this name is made here
  static std::atomic<unsigned> retries{0};
  for (int attempt = 0; attempt < kCreateAttempts; ++attempt) {
    if (attempt > 0) {
      path_ = target_;
      path_ += ".tmp-" + std::to_string(::getpid()) + "-r" + std::to_string(retries++);
    }
    const int fd = ::open(path_.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
      if (errno == EEXIST) continue;  // a leftover that could not be removed: take another name
      return Status::Error(systemError("cannot create", path_));
    }
    // Between open and flock another save's cleaner may have locked and removed the new file,
    // taking it for a dead save's: then the lock fails or the name no longer leads to this file.
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0 || !sameFile(fd, path_)) {
      ::close(fd);
      continue;
    }
    fd_ = fd;
    owned_ = true;
    return Status::Ok();
  }
  return Status::Error("cannot create a temporary file beside " + target_.string() + " after " +
                       std::to_string(kCreateAttempts) + " attempts");
}

Status TemporaryFileBeside::commit(const SaveFaultHook& fault) {
  if (injected(fault, SaveStep::SyncTemporary)) {
    return Status::Error("cannot sync " + path_.string() + ": injected failure");
  }
  // A writer that made the file itself (without create()) is synced through a descriptor of our
  // own.
  const int fd = fd_ >= 0 ? fd_ : ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::Error(systemError("cannot open", path_));
  const int synced = ::fsync(fd);
  if (fd != fd_) ::close(fd);
  if (synced != 0) return Status::Error(systemError("cannot sync", path_));
  if (injected(fault, SaveStep::ReplaceTarget)) {
    return Status::Error("cannot replace " + target_.string() + ": injected failure");
  }
  if (::rename(path_.c_str(), target_.c_str()) != 0) {
    return Status::Error(systemError("cannot replace", target_));
  }
  committed_ = true;
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  // The new file is in place; a failed directory sync only weakens durability, but say so.
  if (injected(fault, SaveStep::SyncDirectory)) {
    return Status::Error("saved, but cannot sync the directory of " + target_.string() +
                         ": injected failure");
  }
  return syncDirectory(directoryOf(target_));
}

bool isTemporaryNameOf(const fs::path& target, std::string_view name) {
  const std::string prefix = target.filename().string() + ".tmp-";
  if (target.filename().empty() || name.size() <= prefix.size() ||
      name.substr(0, prefix.size()) != prefix) {
    return false;
  }
  const std::string_view rest = name.substr(prefix.size());
  const std::size_t dash = rest.find('-');
  if (dash == std::string_view::npos || !isDecimal(rest.substr(0, dash))) return false;
  std::string_view number = rest.substr(dash + 1);
  if (!number.empty() && number.front() == 'r') number.remove_prefix(1);  // a retried name
  return isDecimal(number);
}

std::size_t removeStaleTemporaries(const fs::path& target) {
  std::size_t removed = 0;
  std::error_code error;
  fs::directory_iterator it(directoryOf(target), error);
  if (error) return 0;
  for (; it != fs::directory_iterator(); it.increment(error)) {
    if (error) break;
    const fs::path candidate = it->path();
    if (!isTemporaryNameOf(target, candidate.filename().string())) continue;
    std::error_code typeError;
    if (!fs::is_regular_file(fs::symlink_status(candidate, typeError))) continue;
    const int fd = ::open(candidate.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) continue;
    // A live save holds its temporary file locked; a killed one's lock died with it.
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && sameFile(fd, candidate) &&
        ::unlink(candidate.c_str()) == 0) {
      ++removed;
    }
    ::close(fd);
  }
  return removed;
}

Status writeFileAtomically(const fs::path& target, std::string_view content,
                           const SaveFaultHook& fault) {
  TemporaryFileBeside temporary(target);
  if (injected(fault, SaveStep::CreateTemporary)) {
    return Status::Error("cannot create " + temporary.path().string() + ": injected failure");
  }
  if (Status created = temporary.create(); !created.ok()) return created;
  const int fd = temporary.descriptor();
  std::size_t written = 0;
  // An injected write fault stops half way, as a full disk would.
  const std::size_t limit =
      injected(fault, SaveStep::WriteContent) ? content.size() / 2 : content.size();
  while (written < limit) {
    const ssize_t n = ::write(fd, content.data() + written, limit - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::Error(systemError("cannot write", temporary.path()));
    }
    written += static_cast<std::size_t>(n);
  }
  if (written < content.size()) {
    return Status::Error("cannot write " + temporary.path().string() +
                         ": injected failure (disk full)");
  }
  return temporary.commit(fault);
}

}  // namespace kvlab::model
