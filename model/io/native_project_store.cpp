#include "model/io/native_project_store.h"

#include <sqlite3.h>

#include <fstream>
#include <memory>

#include <nlohmann/json.hpp>

namespace kvlab::model {
namespace fs = std::filesystem;
namespace {

using Json = nlohmann::ordered_json;

struct DatabaseCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using Database = std::unique_ptr<sqlite3, DatabaseCloser>;

struct StatementFinalizer {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

constexpr const char* kSchema = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE project (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL);
CREATE TABLE entities (position INTEGER PRIMARY KEY, name TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE relationships (position INTEGER PRIMARY KEY, from_entity TEXT NOT NULL,
                            to_entity TEXT NOT NULL, kind TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE access_patterns (position INTEGER PRIMARY KEY, id TEXT NOT NULL,
                              action TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE designs (position INTEGER PRIMARY KEY, name TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE runs (id INTEGER PRIMARY KEY, name TEXT NOT NULL, design TEXT NOT NULL,
                   engine TEXT NOT NULL, seed INTEGER NOT NULL, result TEXT NOT NULL);
)sql";

std::string sqliteMessage(sqlite3* db) { return db ? sqlite3_errmsg(db) : "out of memory"; }

Status exec(sqlite3* db, const std::string& sql, const std::string& what) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = what + ": " + (error ? error : sqliteMessage(db));
    sqlite3_free(error);
    return Status::Error(message);
  }
  return Status::Ok();
}

// Inserts one row of text values.
Status insertRow(sqlite3* db, const std::string& sql, const std::vector<std::string>& values,
                 sqlite3_int64 position, const std::string& what) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
    return Status::Error(what + ": " + sqliteMessage(db));
  }
  Statement statement(raw);
  sqlite3_bind_int64(raw, 1, position);
  for (std::size_t i = 0; i < values.size(); ++i) {
    sqlite3_bind_text(raw, static_cast<int>(i) + 2, values[i].data(),
                      static_cast<int>(values[i].size()), SQLITE_TRANSIENT);
  }
  if (sqlite3_step(raw) != SQLITE_DONE) return Status::Error(what + ": " + sqliteMessage(db));
  return Status::Ok();
}

std::string compact(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// The saved runs, in order (`id` from 0). A seed is stored as the signed 64-bit integer with
// the same bits, SQLite's widest.
Status writeRuns(sqlite3* db, const std::vector<SavedRun>& runs) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "INSERT INTO runs VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1, &raw,
                         nullptr) != SQLITE_OK) {
    return Status::Error("cannot write the runs: " + sqliteMessage(db));
  }
  Statement statement(raw);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const SavedRun& run = runs[i];
    sqlite3_reset(raw);
    sqlite3_bind_int64(raw, 1, static_cast<sqlite3_int64>(i));
    const std::string* texts[] = {&run.name, &run.design, &run.engine};
    for (int t = 0; t < 3; ++t) {
      sqlite3_bind_text(raw, t + 2, texts[t]->data(), static_cast<int>(texts[t]->size()),
                        SQLITE_STATIC);
    }
    sqlite3_bind_int64(raw, 5, static_cast<sqlite3_int64>(run.seed));
    const std::string& result = run.resultJson();
    sqlite3_bind_text64(raw, 6, result.data(), result.size(), SQLITE_STATIC, SQLITE_UTF8);
    if (sqlite3_step(raw) != SQLITE_DONE) {
      return Status::Error("cannot write run '" + run.name + "': " + sqliteMessage(db));
    }
  }
  return Status::Ok();
}

Status writeContent(sqlite3* db, const Project& project, bool simulateFullDisk) {
  if (Status s = exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = FULL;", "cannot set up");
      !s.ok()) {
    return s;
  }
  if (Status s = exec(db,
                      "PRAGMA application_id = " + std::to_string(kNativeApplicationId) +
                          "; PRAGMA user_version = " + std::to_string(kNativeSchemaVersion) + ";",
                      "cannot mark the file");
      !s.ok()) {
    return s;
  }
  if (simulateFullDisk) {
    // The database may not grow past its first page: what follows fails with SQLITE_FULL, the
    // error a full disk gives.
    if (Status s = exec(db, "PRAGMA max_page_count = 1;", "cannot limit"); !s.ok()) return s;
  }
  if (Status s = exec(db, kSchema, "cannot create the schema"); !s.ok()) return s;
  if (Status s = exec(db, "BEGIN", "cannot begin"); !s.ok()) return s;

  // Split the kvlab/1 document: one row per element, the top-level fields in `project`.
  Json document = Json::parse(writeProjectJson(project));
  const std::string what = "cannot write the project";
  std::vector<std::pair<std::string, std::string>> meta = {
      {"schema_version", std::to_string(kNativeSchemaVersion)},
      {"format", project.format},
      {"written_by", "KV Lab"}};
  for (std::size_t i = 0; i < meta.size(); ++i) {
    if (Status s =
            insertRow(db, "INSERT INTO meta (rowid, key, value) VALUES (?1, ?2, ?3)",
                      {meta[i].first, meta[i].second}, static_cast<sqlite3_int64>(i) + 1, what);
        !s.ok()) {
      return s;
    }
  }
  int position = 0;
  for (const Json& entity : document["entities"]) {
    if (Status s =
            insertRow(db, "INSERT INTO entities VALUES (?1, ?2, ?3)",
                      {entity["name"].get<std::string>(), compact(entity)}, position++, what);
        !s.ok()) {
      return s;
    }
  }
  position = 0;
  for (const Json& r : document["relationships"]) {
    if (Status s = insertRow(db, "INSERT INTO relationships VALUES (?1, ?2, ?3, ?4, ?5)",
                             {r["from"].get<std::string>(), r["to"].get<std::string>(),
                              r["kind"].get<std::string>(), compact(r)},
                             position++, what);
        !s.ok()) {
      return s;
    }
  }
  position = 0;
  for (const Json& p : document["accessPatterns"]) {
    if (Status s =
            insertRow(db, "INSERT INTO access_patterns VALUES (?1, ?2, ?3, ?4)",
                      {p["id"].get<std::string>(), p["action"].get<std::string>(), compact(p)},
                      position++, what);
        !s.ok()) {
      return s;
    }
  }
  position = 0;
  for (const Json& d : document["designs"]) {
    if (Status s = insertRow(db, "INSERT INTO designs VALUES (?1, ?2, ?3)",
                             {d["name"].get<std::string>(), compact(d)}, position++, what);
        !s.ok()) {
      return s;
    }
  }
  if (Status s = writeRuns(db, project.runs); !s.ok()) return s;
  document.erase("entities");
  document.erase("relationships");
  document.erase("accessPatterns");
  document.erase("designs");
  if (Status s = insertRow(db, "INSERT INTO project VALUES (?1, ?2)", {compact(document)}, 1, what);
      !s.ok()) {
    return s;
  }
  return exec(db, "COMMIT", "cannot commit");
}

// Parses a stored JSON text, or gives a discarded value when it is not JSON. Nesting deeper than
// the text form allows (kMaxJsonDepth) sets `tooDeep`: copying and writing a value recurse once
// per level, so a row of a hostile file could otherwise overflow the stack.
Json parseStored(const unsigned char* stored, bool& tooDeep) {
  tooDeep = false;
  const auto* text = reinterpret_cast<const char*>(stored);
  return Json::parse(
      text ? text : "",
      [&tooDeep](int depth, Json::parse_event_t event, Json&) {
        const bool opens =
            event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start;
        if (opens && depth >= kMaxJsonDepth) tooDeep = true;
        return !tooDeep;
      },
      false);
}

std::string tooDeepMessage() {
  return "nests deeper than " + std::to_string(kMaxJsonDepth) + " levels (the limit)";
}

// Reads `SELECT body FROM table ORDER BY position` into a JSON array.
bool readBodies(sqlite3* db, const std::string& table, Json& out, std::string& error) {
  sqlite3_stmt* raw = nullptr;
  const std::string sql = "SELECT body FROM " + table + " ORDER BY position";
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
    error = sqliteMessage(db);
    return false;
  }
  Statement statement(raw);
  out = Json::array();
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    bool tooDeep = false;
    Json body = parseStored(sqlite3_column_text(raw, 0), tooDeep);
    if (tooDeep) {
      error = "a row of table " + table + " " + tooDeepMessage();
      return false;
    }
    if (body.is_discarded()) {
      error = "a row of table " + table + " does not hold valid JSON";
      return false;
    }
    out.push_back(std::move(body));
  }
  if (rc != SQLITE_DONE) {
    error = sqliteMessage(db);
    return false;
  }
  return true;
}

std::string columnText(sqlite3_stmt* statement, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
  return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, column)))
              : std::string();
}

// Reads the `runs` table in order. The results are not read here (the model does not know
// their format): a damaged one is found, and named, when the studio opens it.
bool readRuns(sqlite3* db, std::vector<SavedRun>& runs, std::string& error) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT name, design, engine, seed, result FROM runs ORDER BY id", -1,
                         &raw, nullptr) != SQLITE_OK) {
    error = sqliteMessage(db);
    return false;
  }
  Statement statement(raw);
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    if (runs.size() >= kMaxListLength) {
      error = "more than " + std::to_string(kMaxListLength) + " runs (the limit)";
      return false;
    }
    SavedRun run;
    run.name = columnText(raw, 0);
    run.design = columnText(raw, 1);
    run.engine = columnText(raw, 2);
    run.seed = static_cast<std::uint64_t>(sqlite3_column_int64(raw, 3));
    run.result = std::make_shared<const std::string>(columnText(raw, 4));
    runs.push_back(std::move(run));
  }
  if (rc != SQLITE_DONE) {
    error = sqliteMessage(db);
    return false;
  }
  return true;
}

int pragmaInt(sqlite3* db, const char* pragma) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, pragma, -1, &raw, nullptr) != SQLITE_OK) return -1;
  Statement statement(raw);
  return sqlite3_step(raw) == SQLITE_ROW ? sqlite3_column_int(raw, 0) : -1;
}

std::string pragmaText(sqlite3* db, const char* pragma) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, pragma, -1, &raw, nullptr) != SQLITE_OK) return sqliteMessage(db);
  Statement statement(raw);
  if (sqlite3_step(raw) != SQLITE_ROW) return sqliteMessage(db);
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(raw, 0));
  return text ? text : "";
}

}  // namespace

bool looksLikeSqliteFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char header[16] = {};
  in.read(header, sizeof header);
  return in.gcount() == 16 &&
         std::string_view(header, 16) == std::string_view("SQLite format 3\0", 16);
}

ProjectReadResult readNativeProject(const fs::path& path) {
  ProjectReadResult result;
  const std::string file = path.string();
  auto fail = [&](const std::string& message) {
    result.diagnostics.error(file, "", message);
    return result;
  };
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  Database db(raw);
  if (rc != SQLITE_OK) return fail("cannot open the project file: " + sqliteMessage(raw));

  const int applicationId = pragmaInt(raw, "PRAGMA application_id");
  if (applicationId < 0) {
    return fail("not a KV Lab project file (" + sqliteMessage(raw) + ")");
  }
  if (applicationId != kNativeApplicationId) {
    return fail("not a KV Lab project file: a SQLite database of another application");
  }
  const int version = pragmaInt(raw, "PRAGMA user_version");
  if (version > kNativeSchemaVersion) {
    return fail("written by a newer KV Lab (project schema version " + std::to_string(version) +
                "; this version reads up to " + std::to_string(kNativeSchemaVersion) +
                "); the file was not changed");
  }
  if (version < 1) return fail("not a KV Lab project file: no schema version");
  const std::string integrity = pragmaText(raw, "PRAGMA quick_check");
  if (integrity != "ok") return fail("the project file is damaged (SQLite: " + integrity + ")");

  std::string error;
  Json document;
  {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(raw, "SELECT body FROM project WHERE id = 1", -1, &statement, nullptr) !=
        SQLITE_OK) {
      return fail("cannot read the project: " + sqliteMessage(raw));
    }
    Statement owner(statement);
    if (sqlite3_step(statement) != SQLITE_ROW) return fail("the project file has no project row");
    bool tooDeep = false;
    document = parseStored(sqlite3_column_text(statement, 0), tooDeep);
    if (tooDeep) return fail("the project file's project row " + tooDeepMessage());
  }
  if (!document.is_object()) return fail("the project file's project row is not a JSON object");
  for (const char* table : {"entities", "relationships", "access_patterns", "designs"}) {
    Json rows;
    if (!readBodies(raw, table, rows, error)) {
      return fail("cannot read " + std::string(table) + ": " + error);
    }
    const std::string key = std::string(table) == "access_patterns" ? "accessPatterns" : table;
    document[key] = std::move(rows);
  }
  // Put the lists back where the text form has them, before any unknown top-level fields.
  Json ordered = Json::object();
  for (const char* key : {"format", "name", "description", "source", "entities", "relationships",
                          "accessPatterns", "designs"}) {
    if (document.contains(key)) ordered[key] = document[key];
  }
  for (auto it = document.begin(); it != document.end(); ++it) {
    if (!ordered.contains(it.key())) ordered[it.key()] = *it;
  }
  // The kept runs are the one part a project opens without: a table that cannot be read costs
  // them, not the model (the file itself is not changed until a save).
  std::vector<SavedRun> runs;
  const bool runsRead = readRuns(raw, runs, error);
  result = readProjectJson(ordered.dump(), file);
  if (runsRead) {
    result.project.runs = std::move(runs);
  } else {
    result.diagnostics.warning(
        file, "",
        "cannot read the kept simulation runs (" + error + "); the project is opened without them");
  }
  return result;
}

Status writeNativeProject(const Project& project, const fs::path& path,
                          const SaveFaultHook& fault) {
  TemporaryFileBeside temporary(path);
  if (fault && fault(SaveStep::CreateTemporary)) {
    return Status::Error("cannot create " + temporary.path().string() + ": injected failure");
  }
  // An empty, locked file: SQLite takes an empty file for an empty database.
  if (Status created = temporary.create(); !created.ok()) return created;
  {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(temporary.path().c_str(), &raw,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    Database db(raw);
    if (rc != SQLITE_OK) {
      return Status::Error("cannot create " + temporary.path().string() + ": " +
                           sqliteMessage(raw));
    }
    const bool simulateFullDisk = fault && fault(SaveStep::WriteContent);
    if (Status s = writeContent(raw, project, simulateFullDisk); !s.ok()) {
      return Status::Error("cannot save " + path.string() + ": " + s.message());
    }
    if (sqlite3_close(db.release()) != SQLITE_OK) {
      return Status::Error("cannot close " + temporary.path().string());
    }
  }
  return temporary.commit(fault);
}

}  // namespace kvlab::model
