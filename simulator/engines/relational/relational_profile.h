#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"

namespace kvlab::sim {

// A database instance type: its cores and its on-demand price.
struct DatabaseInstance {
  std::string name;
  int vcpus = 0;
  double memoryGiB = 0;
  double hourly = 0;  // US dollars per hour
};

// What a PostgreSQL-like server costs in time and money, read from data/engines/postgresql.json
// (facts with their sources and date; STYLE.md rule 12). A value.
struct RelationalProfile {
  std::string file;  // where it was read from, for notes
  std::string effective;
  // Core time: every statement, every write statement on top, every SQLite VM step.
  double statementMicros = 0;
  double writeStatementMicros = 0;
  double perVmStepMicros = 0;
  // A commit waits for its WAL flush holding its connection but no core.
  double commitFlushMillis = 0;
  double networkRoundTripMillis = 0;
  int poolConnections = 0;
  double connectionTimeoutMillis = 0;
  double storageGbMonth = 0;
  double minimumStorageGb = 0;
  double rowOverheadBytes = 0;
  double indexEntryOverheadBytes = 0;
  std::string defaultInstance;
  std::vector<DatabaseInstance> instances;

  const DatabaseInstance* findInstance(const std::string& name) const;

  // Reads `path` (as parse); on failure the status names the file, the JSON path and what was
  // expected, and `out` is left as it was.
  static Status load(const std::filesystem::path& path, RelationalProfile& out);
  // Reads the JSON `text` of a profile; `fileName` names it in errors and becomes `file`. On
  // failure the status says "FILE: PATH what was expected" and `out` is left as it was.
  static Status parse(std::string_view text, std::string fileName, RelationalProfile& out);
  // data/engines/postgresql.json under model::capacity::dataDirectory().
  static std::filesystem::path defaultPath();
};

}  // namespace kvlab::sim
