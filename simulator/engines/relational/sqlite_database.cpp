#include "simulator/engines/relational/sqlite_database.h"

#include <sqlite3.h>

namespace kvlab::sim {

struct SqliteDatabase::Impl {
  sqlite3* db = nullptr;
  std::vector<sqlite3_stmt*> statements;

  ~Impl() {
    for (sqlite3_stmt* s : statements) sqlite3_finalize(s);
    sqlite3_close(db);
  }
  std::string lastError() const { return sqlite3_errmsg(db); }
};

namespace {

int bind(sqlite3_stmt* statement, int index, const SqlValue& value) {
  switch (value.type) {
    case SqlValue::Type::Null:
      return sqlite3_bind_null(statement, index);
    case SqlValue::Type::Integer:
      return sqlite3_bind_int64(statement, index, value.integer);
    case SqlValue::Type::Text:
      return sqlite3_bind_text(statement, index, value.text.data(),
                               static_cast<int>(value.text.size()), SQLITE_TRANSIENT);
  }
  return SQLITE_MISUSE;
}

}  // namespace

SqliteDatabase::SqliteDatabase(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteDatabase::~SqliteDatabase() = default;

std::unique_ptr<SqliteDatabase> SqliteDatabase::open(std::string* error) {
  auto impl = std::make_unique<Impl>();
  if (sqlite3_open_v2(":memory:", &impl->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    if (error) *error = "SQLite cannot open an in-memory database: " + impl->lastError();
    return nullptr;
  }
  // The engine models a server's durability in its service times; SQLite's own journal would
  // only slow the simulation down.
  sqlite3_exec(impl->db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;", nullptr, nullptr,
               nullptr);
  return std::unique_ptr<SqliteDatabase>(new SqliteDatabase(std::move(impl)));
}

std::size_t SqliteDatabase::memoryBytes() const {
  std::size_t bytes = 0;
  for (int what :
       {SQLITE_DBSTATUS_CACHE_USED, SQLITE_DBSTATUS_SCHEMA_USED, SQLITE_DBSTATUS_STMT_USED}) {
    int current = 0;
    int highest = 0;
    if (sqlite3_db_status(impl_->db, what, &current, &highest, 0) == SQLITE_OK && current > 0) {
      bytes += static_cast<std::size_t>(current);
    }
  }
  return bytes;
}

Status SqliteDatabase::execute(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(impl_->db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : impl_->lastError();
    sqlite3_free(message);
    return Status::Error("SQLite: " + text + " in: " + sql.substr(0, 200));
  }
  return Status::Ok();
}

Status SqliteDatabase::load(const model::SqlTable& table, const RelationalDataset& dataset,
                            std::int64_t rows) {
  std::string names;
  std::string marks;
  for (const model::SqlColumn& c : table.columns) {
    names += (names.empty() ? "" : ", ") + model::quoteIdentifier(c.name);
    marks += marks.empty() ? "?" : ", ?";
  }
  // A link row may repeat a pair when one side has fewer rows than the fan-out asks for.
  const std::string sql = "INSERT OR IGNORE INTO " + model::quoteIdentifier(table.name) + " (" +
                          names + ") VALUES (" + marks + ")";
  std::string error;
  const int statement = prepare(sql, &error);
  if (statement < 0) return Status::Error(error);
  if (Status s = execute("BEGIN"); !s.ok()) return s;
  std::vector<SqlValue> values;
  StatementWork ignored;
  for (std::int64_t row = 0; row < rows; ++row) {
    dataset.rowValues(table, row, values);
    if (Status s = run(statement, values, ignored); !s.ok()) {
      execute("ROLLBACK");
      return Status::Error("loading table " + table.name + " row " + std::to_string(row) + ": " +
                           s.message());
    }
  }
  return execute("COMMIT");
}

int SqliteDatabase::prepare(const std::string& sql, std::string* error) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(impl_->db, sql.c_str(), static_cast<int>(sql.size()), &statement,
                         nullptr) != SQLITE_OK) {
    if (error) *error = "SQLite cannot prepare '" + sql + "': " + impl_->lastError();
    return -1;
  }
  impl_->statements.push_back(statement);
  return static_cast<int>(impl_->statements.size() - 1);
}

Status SqliteDatabase::run(int statement, const std::vector<SqlValue>& values,
                           StatementWork& work) {
  sqlite3_stmt* s = impl_->statements.at(static_cast<std::size_t>(statement));
  sqlite3_reset(s);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (bind(s, static_cast<int>(i) + 1, values[i]) != SQLITE_OK) {
      return Status::Error("SQLite cannot bind parameter " + std::to_string(i + 1) + ": " +
                           impl_->lastError());
    }
  }
  int code;
  while ((code = sqlite3_step(s)) == SQLITE_ROW) ++work.rows;
  work.vmSteps += sqlite3_stmt_status(s, SQLITE_STMTSTATUS_VM_STEP, 1);
  work.fullScanSteps += sqlite3_stmt_status(s, SQLITE_STMTSTATUS_FULLSCAN_STEP, 1);
  work.sorts += sqlite3_stmt_status(s, SQLITE_STMTSTATUS_SORT, 1);
  if (code != SQLITE_DONE) {
    return Status::Error(std::string("SQLite: ") + impl_->lastError() + " in: " + sqlite3_sql(s));
  }
  return Status::Ok();
}

}  // namespace kvlab::sim
