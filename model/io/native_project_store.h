#pragma once

#include <filesystem>

#include "model/io/atomic_file.h"
#include "model/io/project_json.h"
#include "model/schema/project.h"
#include "model/status.h"

namespace kvlab::model {

// The native project file (`NAME.kvlab`): a SQLite database. Each entity, relationship, access
// pattern and design is a row holding its kvlab/1 JSON (so unknown fields survive), beside
// columns that name it; `meta` holds the schema version and `runs` the project's saved
// simulation runs (Project::runs). Files written by a newer schema version are refused, never
// modified.
inline constexpr int kNativeSchemaVersion = 1;
inline constexpr int kNativeApplicationId = 0x4B564C42;  // "KVLB"

// Reads a native file. Diagnostics name the file; the JSON paths are those of the kvlab/1 form.
ProjectReadResult readNativeProject(const std::filesystem::path& path);

// Writes `project` to a temporary database beside `path`, then renames it into place.
Status writeNativeProject(const Project& project, const std::filesystem::path& path,
                          const SaveFaultHook& fault = {});

// True when the file starts with SQLite's header.
bool looksLikeSqliteFile(const std::filesystem::path& path);

}  // namespace kvlab::model
