#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/schema/project.h"

namespace kvlab::model {

// The SQL a statement is written in: the engine runs SQLite, the export writes PostgreSQL.
enum class SqlDialect { SQLite, PostgreSQL };

struct SqlColumn {
  std::string name;
  AttributeType type = AttributeType::S;
  bool notNull = false;  // key columns
  // Whose attribute the column holds: the table's entity's, or in a link table the linked
  // entity's identifier.
  std::string sourceEntity;
  std::string sourceAttribute;
};

struct SqlForeignKey {
  std::vector<std::string> columns;
  std::string referencedTable;
  std::vector<std::string> referencedColumns;
  std::string relationship;  // the relationship it comes from
};

// One table: a stored entity's, or the link table of a many-to-many relationship whose entities
// hold no reference to each other.
struct SqlTable {
  std::string name;
  std::string entity;  // empty for a link table
  std::vector<SqlColumn> columns;
  std::vector<std::string> primaryKey;
  std::vector<SqlForeignKey> foreignKeys;

  const SqlColumn* findColumn(const std::string& column) const;
};

// A secondary index and the access patterns it is for.
struct SqlIndex {
  std::string name;
  std::string table;
  std::vector<std::string> columns;
  std::vector<std::string> patterns;
};

// The normalized schema of a project's entities: one table per stored entity keyed by its
// identifier, foreign keys from the relationships (a child's column that names its parent's
// identifier), link tables for many-to-many relationships, and the secondary indexes the access
// patterns need (equality columns, then the range or order column). A value.
struct RelationalSchema {
  std::vector<SqlTable> tables;
  std::vector<SqlIndex> indexes;
  std::vector<std::string> notes;  // what could not be mapped, and why

  const SqlTable* findTable(const std::string& name) const;
  const SqlTable* tableOfEntity(const std::string& entity) const;
};

RelationalSchema deriveRelationalSchema(const Project& project);

// What a statement's placeholder is bound to when a request runs. The simulator binds values of
// its generated dataset; the export names them in comments.
struct SqlParameter {
  enum class Kind {
    KeyValue,     // the request's value of `attribute` (an equality of the pattern)
    RangeLow,     // the lowest value of `attribute` the pattern asks for
    RangeHigh,    // the highest
    RangePrefix,  // a prefix of `attribute`'s values (begins_with)
    FilterValue,  // a value of `attribute` tested after the key condition
    NewValue,     // `attribute`'s value in a new or changed row of `entity`
  };
  Kind kind = Kind::KeyValue;
  std::string entity;
  std::string attribute;
};

struct SqlStatement {
  std::string text;
  std::vector<SqlParameter> parameters;  // in placeholder order
  std::string entity;                    // the entity it reads or writes first
  bool write = false;
};

// How one access pattern runs on the relational schema: the statements a PostgreSQL developer
// would write for it (a join where the key-value design read an item collection, ORDER BY ...
// LIMIT, GROUP BY for aggregates, a transaction around several writes).
struct PatternSql {
  std::string patternId;
  std::vector<SqlStatement> statements;
  bool transaction = false;  // the statements run between BEGIN and COMMIT
  std::string explanation;   // one line: how and why
  // Set when the pattern cannot run on the schema (an attribute no table has); `statements` is
  // then empty.
  std::optional<std::string> unsupported;
};

PatternSql patternSql(const Project& project, const RelationalSchema& schema,
                      const AccessPattern& pattern, SqlDialect dialect);

// CREATE TABLE and CREATE INDEX statements, each ending in ";\n", tables in an order in which
// every foreign key refers to a table already created.
std::string schemaDdl(const RelationalSchema& schema, SqlDialect dialect);
// The two halves of schemaDdl: the tables (with their keys), then the secondary indexes (the
// same in both dialects), for a bulk load in between.
std::string tablesDdl(const RelationalSchema& schema, SqlDialect dialect);
std::string indexesDdl(const RelationalSchema& schema);

// A column's SQL type in `dialect` (PostgreSQL: text, numeric, bytea, boolean, jsonb; SQLite:
// the matching affinities).
std::string sqlType(AttributeType type, SqlDialect dialect);

// `name` quoted as an SQL identifier ("Order" is a keyword in both dialects).
std::string quoteIdentifier(const std::string& name);

}  // namespace kvlab::model
