#pragma once

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

// A temporary file beside `target` (same directory, so the final rename is atomic), removed on
// destruction unless committed.
class TemporaryFileBeside {
 public:
  explicit TemporaryFileBeside(const std::filesystem::path& target);
  ~TemporaryFileBeside();
  TemporaryFileBeside(const TemporaryFileBeside&) = delete;
  TemporaryFileBeside& operator=(const TemporaryFileBeside&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // fsyncs the temporary file, renames it over the target and fsyncs the directory.
  Status commit(const SaveFaultHook& fault);

 private:
  std::filesystem::path target_;
  std::filesystem::path path_;
  bool committed_ = false;
};

// Writes `content` to `target` so that a crash or a full disk at any moment leaves either the old
// file or the new one, never a mix: write a temporary file beside it, fsync, rename, fsync the
// directory. On failure the target is untouched and the temporary file removed.
Status writeFileAtomically(const std::filesystem::path& target, std::string_view content,
                           const SaveFaultHook& fault = {});

}  // namespace kvlab::model
