#include "model/io/atomic_file.h"

#include <fcntl.h>
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

Status syncPath(const fs::path& path, bool directory) {
  const int fd = ::open(path.c_str(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
  if (fd < 0) return Status::Error(systemError("cannot open", path));
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Status::Error(systemError("cannot sync", path));
  return Status::Ok();
}

}  // namespace

TemporaryFileBeside::TemporaryFileBeside(const fs::path& target) : target_(target) {
  static std::atomic<unsigned> counter{0};
  path_ = target;
  path_ += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

TemporaryFileBeside::~TemporaryFileBeside() {
  if (committed_) return;
  std::error_code ignored;
  fs::remove(path_, ignored);
}

Status TemporaryFileBeside::commit(const SaveFaultHook& fault) {
  if (injected(fault, SaveStep::SyncTemporary)) {
    return Status::Error("cannot sync " + path_.string() + ": injected failure");
  }
  if (Status s = syncPath(path_, false); !s.ok()) return s;
  if (injected(fault, SaveStep::ReplaceTarget)) {
    return Status::Error("cannot replace " + target_.string() + ": injected failure");
  }
  if (::rename(path_.c_str(), target_.c_str()) != 0) {
    return Status::Error(systemError("cannot replace", target_));
  }
  committed_ = true;
  // The new file is in place; a failed directory sync only weakens durability, but say so.
  if (injected(fault, SaveStep::SyncDirectory)) {
    return Status::Error("saved, but cannot sync the directory of " + target_.string() +
                         ": injected failure");
  }
  fs::path directory = target_.parent_path();
  if (directory.empty()) directory = ".";
  return syncPath(directory, true);
}

Status writeFileAtomically(const fs::path& target, std::string_view content,
                           const SaveFaultHook& fault) {
  TemporaryFileBeside temporary(target);
  if (injected(fault, SaveStep::CreateTemporary)) {
    return Status::Error("cannot create " + temporary.path().string() + ": injected failure");
  }
  const int fd = ::open(temporary.path().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return Status::Error(systemError("cannot create", temporary.path()));
  std::size_t written = 0;
  // An injected write fault stops half way, as a full disk would.
  const std::size_t limit =
      injected(fault, SaveStep::WriteContent) ? content.size() / 2 : content.size();
  while (written < limit) {
    const ssize_t n = ::write(fd, content.data() + written, limit - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string message = systemError("cannot write", temporary.path());
      ::close(fd);
      return Status::Error(message);
    }
    written += static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (written < content.size()) {
    return Status::Error("cannot write " + temporary.path().string() +
                         ": injected failure (disk full)");
  }
  return temporary.commit(fault);
}

}  // namespace kvlab::model
