#pragma once

#include <filesystem>
#include <optional>

#include "model/io/atomic_file.h"
#include "model/io/diagnostic.h"
#include "model/schema/project.h"
#include "model/status.h"

namespace kvlab::model {

enum class ProjectFileForm {
  Json,    // NAME.kvlab.json: the kvlab/1 text form
  Native,  // NAME.kvlab: a SQLite database holding the same content and, later, saved runs
};

// The form a path names: `.kvlab` is native, anything else (`.kvlab.json`, `.json`) is JSON.
ProjectFileForm projectFileFormFor(const std::filesystem::path& path);

struct ProjectLoadResult {
  std::optional<Project> project;  // set when the file could be read, even with findings
  Diagnostics diagnostics;         // read and validation findings, each naming file and place
  bool ok() const { return project.has_value() && !diagnostics.hasErrors(); }
};

// Reads a project in either form (chosen by the file's content, so a misnamed file still
// loads) and validates it. Never throws for bad input.
ProjectLoadResult loadProjectFile(const std::filesystem::path& path);

// Whether a save may replace the file at `path`. Ok when nothing is there, or a file that is not
// a SQLite database (the text form, or a file the user chose to replace). A SQLite file is
// replaced only when it reads as a native project of this version: one that fails SQLite's
// integrity check (damaged), was written by a newer KV Lab or belongs to another application is
// refused, and the error names the file and says why. The studio checks this before every save,
// so that a file it cannot read is never destroyed by one.
Status checkReplaceable(const std::filesystem::path& path);

// Saves `project` atomically in the form the path names: a crash, a kill or a full disk during
// the save leaves the previous file intact. On failure the target is untouched.
Status saveProjectFile(const Project& project, const std::filesystem::path& path,
                       const SaveFaultHook& fault = {});

}  // namespace kvlab::model
