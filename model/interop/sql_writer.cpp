#include "model/interop/sql_writer.h"

#include "model/relational/relational_schema.h"

namespace kvlab::model::interop {
namespace {

// `text` as SQL comment lines.
std::string comment(const std::string& text) {
  std::string out = "-- ";
  for (char c : text) {
    out += c;
    if (c == '\n') out += "-- ";
  }
  return out + "\n";
}

std::string parameterText(const SqlParameter& p) {
  using Kind = SqlParameter::Kind;
  const std::string what = p.entity + "." + p.attribute;
  switch (p.kind) {
    case Kind::KeyValue:
      return what;
    case Kind::RangeLow:
      return "the lowest " + what + " wanted";
    case Kind::RangeHigh:
      return "the highest " + what + " wanted";
    case Kind::RangePrefix:
      return "a prefix of " + what;
    case Kind::FilterValue:
      return what + " (filter)";
    case Kind::NewValue:
      return "the new " + what;
  }
  return what;
}

}  // namespace

Status writePostgresSql(const Project& project, const std::vector<const Design*>& designs,
                        const ExportOptions& options, std::string& out) {
  (void)designs;
  (void)options;
  const RelationalSchema schema = deriveRelationalSchema(project);
  out.clear();
  out += comment("The relational side of \"" + project.name +
                 "\", for PostgreSQL 15, written by KV Lab (kvlab export --to sql).\n"
                 "Tables are the entities, normalized; indexes are the ones the access patterns "
                 "need.");
  for (const std::string& note : schema.notes) out += comment("Note: " + note);
  out += "\n" + schemaDdl(schema, SqlDialect::PostgreSQL);
  out += "\n" + comment("Each access pattern as a prepared statement: EXECUTE \"AP1\"(...).");
  for (const AccessPattern& pattern : project.accessPatterns) {
    const PatternSql sql = patternSql(project, schema, pattern, SqlDialect::PostgreSQL);
    out += "\n" + comment(pattern.id + ": " + pattern.name);
    if (sql.unsupported) {
      out += comment("not expressible on this schema: " + *sql.unsupported);
      continue;
    }
    out += comment(sql.explanation +
                   (sql.transaction ? "; run between BEGIN and COMMIT" : std::string()));
    for (std::size_t i = 0; i < sql.statements.size(); ++i) {
      const SqlStatement& s = sql.statements[i];
      for (std::size_t p = 0; p < s.parameters.size(); ++p) {
        out += comment("  $" + std::to_string(p + 1) + " = " + parameterText(s.parameters[p]));
      }
      const std::string name =
          sql.statements.size() == 1 ? pattern.id : pattern.id + "_" + std::to_string(i + 1);
      out += "PREPARE " + quoteIdentifier(name) + " AS\n  " + s.text + ";\n";
    }
  }
  return Status::Ok();
}

}  // namespace kvlab::model::interop
