// The relational schema's PostgreSQL DDL and every pattern's SQL, run on a real PostgreSQL 15
// server on loopback, and compared row for row with what the engine's SQLite returns.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <memory>
#include <string>

#include "model/interop/sql_writer.h"
#include "model/io/project_file.h"
#include "model/relational/relational_schema.h"
#include "simulator/engines/relational/relational_dataset.h"
#include "simulator/engines/relational/sqlite_database.h"
#include "tests/support/postgres_server.h"
#include "tests/support/test_files.h"

namespace kvlab::sim {
namespace {

constexpr std::int64_t kRows = 40;

class PostgresSqlTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = std::make_unique<test::PostgresServer>(); }
  static void TearDownTestSuite() { server_.reset(); }

  void SetUp() override {
    ASSERT_TRUE(server_->error().empty()) << server_->error();
    connection_ = PQconnectdb(server_->connectionString().c_str());
    ASSERT_EQ(PQstatus(connection_), CONNECTION_OK) << PQerrorMessage(connection_);
  }
  void TearDown() override { PQfinish(connection_); }

  // Runs `sql` with `values`; the rows it returned, or -1 with the error in `error`.
  long execute(const std::string& sql, const std::vector<SqlValue>& values, std::string& error) {
    std::vector<std::string> texts;
    for (const SqlValue& v : values) texts.push_back(v.asText());
    std::vector<const char*> pointers;
    for (std::size_t i = 0; i < values.size(); ++i) {
      pointers.push_back(values[i].type == SqlValue::Type::Null ? nullptr : texts[i].c_str());
    }
    // Without values, as a script: DDL is several statements.
    PGresult* result = values.empty()
                           ? PQexec(connection_, sql.c_str())
                           : PQexecParams(connection_, sql.c_str(), static_cast<int>(values.size()),
                                          nullptr, pointers.data(), nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(result);
    long rows = -1;
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
      rows = status == PGRES_TUPLES_OK ? PQntuples(result) : 0;
    } else {
      error = PQresultErrorMessage(result);
    }
    PQclear(result);
    return rows;
  }

  static std::unique_ptr<test::PostgresServer> server_;
  PGconn* connection_ = nullptr;
};

std::unique_ptr<test::PostgresServer> PostgresSqlTest::server_;

std::vector<std::filesystem::path> projectFiles() {
  std::vector<std::filesystem::path> files = test::corpusDesignFiles();
  for (const auto& sample : test::sampleFiles()) files.push_back(sample);
  return files;
}

TEST_F(PostgresSqlTest, shouldCreateEveryProjectsSchemaAndRunEveryPatternAsSqliteDoes) {
  const auto files = projectFiles();
  ASSERT_FALSE(files.empty());
  int schemaNumber = 0;
  for (const std::filesystem::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    model::ProjectLoadResult loaded = model::loadProjectFile(file);
    ASSERT_TRUE(loaded.project.has_value());
    const model::Project& project = *loaded.project;
    const model::RelationalSchema schema = model::deriveRelationalSchema(project);
    const RelationalDataset dataset(project, schema, kRows);

    std::string error;
    const std::string name = "p" + std::to_string(schemaNumber++);
    ASSERT_EQ(execute("CREATE SCHEMA " + name + "; SET search_path TO " + name, {}, error), 0)
        << error;
    ASSERT_EQ(execute(model::schemaDdl(schema, model::SqlDialect::PostgreSQL), {}, error), 0)
        << error << "\n"
        << model::schemaDdl(schema, model::SqlDialect::PostgreSQL);

    std::unique_ptr<SqliteDatabase> sqlite = SqliteDatabase::open(&error);
    ASSERT_NE(sqlite, nullptr) << error;
    // The engine runs without a journal; the test rolls each pattern back, which needs one.
    ASSERT_TRUE(sqlite->execute("PRAGMA journal_mode=MEMORY").ok());
    ASSERT_TRUE(sqlite->execute(model::tablesDdl(schema, model::SqlDialect::SQLite)).ok());

    // The same rows in both; foreign keys are not checked while loading (children may come first).
    ASSERT_EQ(execute("SET session_replication_role = replica", {}, error), 0) << error;
    for (const model::SqlTable& table : schema.tables) {
      ASSERT_TRUE(sqlite->load(table, dataset, dataset.rows(table.name)).ok());
      std::string names;
      std::string marks;
      for (std::size_t i = 0; i < table.columns.size(); ++i) {
        names += (i ? ", " : "") + model::quoteIdentifier(table.columns[i].name);
        marks += (i ? ", $" : "$") + std::to_string(i + 1);
      }
      const std::string insert = "INSERT INTO " + model::quoteIdentifier(table.name) + " (" +
                                 names + ") VALUES (" + marks + ") ON CONFLICT DO NOTHING";
      std::vector<SqlValue> values;
      for (std::int64_t row = 0; row < dataset.rows(table.name); ++row) {
        dataset.rowValues(table, row, values);
        ASSERT_EQ(execute(insert, values, error), 0)
            << table.name << " row " << row << ": " << error;
      }
    }
    ASSERT_EQ(execute("SET session_replication_role = DEFAULT", {}, error), 0) << error;
    ASSERT_TRUE(sqlite->execute(model::indexesDdl(schema)).ok());

    int statements = 0;
    for (const model::AccessPattern& pattern : project.accessPatterns) {
      SCOPED_TRACE(pattern.id);
      const model::PatternSql pg =
          model::patternSql(project, schema, pattern, model::SqlDialect::PostgreSQL);
      const model::PatternSql lite =
          model::patternSql(project, schema, pattern, model::SqlDialect::SQLite);
      if (pg.unsupported) continue;
      std::vector<model::SqlParameter> keyParameters;
      for (const auto& s : pg.statements) {
        keyParameters.insert(keyParameters.end(), s.parameters.begin(), s.parameters.end());
      }
      for (std::int64_t key : {0, 1, 7}) {
        // Each pattern on the loaded rows as they are: a delete before must not break a later
        // insert's foreign key. A transaction pattern's own BEGIN is this one.
        ASSERT_EQ(execute("BEGIN", {}, error), 0) << error;
        ASSERT_TRUE(sqlite->execute("BEGIN").ok());
        std::int64_t newRow = key * 100;
        for (std::size_t i = 0; i < pg.statements.size(); ++i) {
          std::vector<SqlValue> values;
          dataset.bind(pg.statements[i].parameters, keyParameters, key, newRow, values);
          if (pg.statements[i].write) ++newRow;
          const long pgRows = execute(pg.statements[i].text, values, error);
          if (pgRows < 0) execute("ROLLBACK", {}, error);
          ASSERT_GE(pgRows, 0) << error << "\n" << pg.statements[i].text;
          const int prepared = sqlite->prepare(lite.statements[i].text, &error);
          ASSERT_GE(prepared, 0) << error;
          StatementWork work;
          ASSERT_TRUE(sqlite->run(prepared, values, work).ok());
          EXPECT_EQ(pgRows, work.rows) << pg.statements[i].text;
          ++statements;
        }
        ASSERT_EQ(execute("ROLLBACK", {}, error), 0) << error;
        ASSERT_TRUE(sqlite->execute("ROLLBACK").ok());
      }
    }
    EXPECT_GT(statements, 0);
  }
}

// `kvlab export --to sql` writes one script: it runs whole in psql's way (one PQexec).
TEST_F(PostgresSqlTest, shouldRunTheExportedScriptOfEveryProject) {
  int schemaNumber = 0;
  for (const std::filesystem::path& file : projectFiles()) {
    SCOPED_TRACE(file.filename().string());
    model::ProjectLoadResult loaded = model::loadProjectFile(file);
    ASSERT_TRUE(loaded.project.has_value());
    std::string script;
    ASSERT_TRUE(model::interop::writePostgresSql(*loaded.project, {}, {}, script).ok());
    std::string error;
    const std::string name = "export" + std::to_string(schemaNumber++);
    ASSERT_EQ(execute("CREATE SCHEMA " + name + "; SET search_path TO " + name, {}, error), 0)
        << error;
    EXPECT_EQ(execute(script, {}, error), 0) << error << "\n" << script;
    // Every pattern that has SQL is prepared under its id.
    PGresult* prepared = PQexec(connection_, "SELECT count(*) FROM pg_prepared_statements");
    ASSERT_EQ(PQresultStatus(prepared), PGRES_TUPLES_OK);
    EXPECT_GT(std::stoi(PQgetvalue(prepared, 0, 0)), 0);
    PQclear(prepared);
    ASSERT_EQ(execute("DEALLOCATE ALL", {}, error), 0) << error;
  }
}

}  // namespace
}  // namespace kvlab::sim
