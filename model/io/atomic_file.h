#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "model/status.h"

namespace kvlab::model {

// The steps of an atomic save, in order. A test can make any of them fail to check that the
// previous file survives.
enum class SaveStep { CreateTemporary, WriteContent, SyncTemporary, ReplaceTarget, SyncDirectory };

// Returns true to make the save fail at `step` (tests only; empty in normal use).
using SaveFaultHook = std::function<bool(SaveStep)>;

// A temporary file beside `target` (same directory, so the final rename is atomic), named
// `TARGET.tmp-PID-N`, removed on destruction unless committed.
//
// While it exists, the temporary file is held under an exclusive flock(2): a save killed at any
// point leaves its temporary file unlocked (the kernel drops the lock with the process), which is
// how removeStaleTemporaries tells a dead save's leftovers from a live save's file.
class TemporaryFileBeside {
 public:
  // Names the temporary file; create() makes it. A writer that cannot write to a descriptor (a
  // library that opens the file by name) may skip create() and write `path()` itself; it then
  // gets no lock and no removal of stale temporaries.
  explicit TemporaryFileBeside(const std::filesystem::path& target);
  ~TemporaryFileBeside();
  TemporaryFileBeside(const TemporaryFileBeside&) = delete;
  TemporaryFileBeside& operator=(const TemporaryFileBeside&) = delete;

  // Removes the target's stale temporaries (removeStaleTemporaries), then creates the temporary
  // file, empty, exclusively, and locks it. On failure no file is left and the status says why.
  Status create();
  const std::filesystem::path& path() const { return path_; }
  // The open, locked temporary file after create(), else -1. Owned by this object.
  int descriptor() const { return fd_; }
  // fsyncs the temporary file, renames it over the target and fsyncs the directory.
  Status commit(const SaveFaultHook& fault);

 private:
  std::filesystem::path target_;
  std::filesystem::path path_;
  int fd_ = -1;
  bool owned_ = true;  // whether a file at path_ is this object's to remove
  bool committed_ = false;
};

// True when `name` is a file name TemporaryFileBeside gives temporaries of `target`:
// `TARGET.tmp-PID-N` with PID and N decimal numbers, TARGET the target's file name.
bool isTemporaryNameOf(const std::filesystem::path& target, std::string_view name);

// Removes the temporary files that saves of `target` killed before they finished left beside it:
// the regular files whose names isTemporaryNameOf(target) accepts and that no live save holds
// locked. Never touches any other file, a live save's temporary file or a symbolic link. Returns
// how many it removed; problems (a file that cannot be opened or removed) leave the file and are
// otherwise ignored, as the save goes on with a temporary file of its own name.
std::size_t removeStaleTemporaries(const std::filesystem::path& target);

// Writes `content` to `target` so that a crash or a full disk at any moment leaves either the old
// file or the new one, never a mix: write a temporary file beside it, fsync, rename, fsync the
// directory. On failure the target is untouched and the temporary file removed. Temporaries of
// `target` left by killed saves are removed first.
Status writeFileAtomically(const std::filesystem::path& target, std::string_view content,
                           const SaveFaultHook& fault = {});

}  // namespace kvlab::model
