#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model/relational/relational_schema.h"
#include "model/status.h"
#include "simulator/engines/relational/relational_dataset.h"

namespace kvlab::sim {

// The work one statement did, from SQLite's own counters (sqlite3_stmt_status): virtual-machine
// steps (every row examined, index entry read, sorter and write operation adds some), steps of
// full table scans, sorts, and the rows it returned.
struct StatementWork {
  std::int64_t vmSteps = 0;
  std::int64_t fullScanSteps = 0;
  std::int64_t sorts = 0;
  std::int64_t rows = 0;
};

// An in-memory SQLite database that holds the relational schema and its generated dataset, and
// runs prepared statements with bound values, measuring their work. Not thread-safe.
class SqliteDatabase {
 public:
  ~SqliteDatabase();

  // A new empty database; nullptr with the reason in `error` when SQLite cannot open one.
  static std::unique_ptr<SqliteDatabase> open(std::string* error);

  // Runs SQL text without parameters (DDL, BEGIN, COMMIT).
  Status execute(const std::string& sql);
  // Inserts `rows` rows of `table` from `dataset`, in one transaction.
  Status load(const model::SqlTable& table, const RelationalDataset& dataset, std::int64_t rows);

  // Prepares `sql` once; returns its number for run(), or -1 with the reason in `error`.
  int prepare(const std::string& sql, std::string* error);
  // Runs prepared statement `statement` with `values` bound to its placeholders in order, to
  // the end, and adds its work to `work`.
  Status run(int statement, const std::vector<SqlValue>& values, StatementWork& work);

  // The memory the database holds, in bytes: its pages (an in-memory database lives in its page
  // cache), schema and prepared statements, as SQLite counts them (sqlite3_db_status).
  std::size_t memoryBytes() const;

 private:
  struct Impl;
  explicit SqliteDatabase(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kvlab::sim
