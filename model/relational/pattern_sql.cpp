// How each kind of access pattern becomes SQL (model/relational/relational_schema.h).
#include <algorithm>
#include <set>

#include "model/relational/relational_schema.h"

namespace kvlab::model {
namespace {

using Kind = SqlParameter::Kind;

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// Builds one statement, numbering its placeholders as the dialect wants ($1 or ?).
class StatementBuilder {
 public:
  StatementBuilder(SqlDialect dialect, std::string entity, bool write) : dialect_(dialect) {
    statement_.entity = std::move(entity);
    statement_.write = write;
  }
  StatementBuilder& text(const std::string& text) {
    statement_.text += text;
    return *this;
  }
  // A placeholder bound to `parameter`; `cast` wraps it so PostgreSQL knows its type where the
  // context does not tell (a LIKE pattern).
  StatementBuilder& placeholder(SqlParameter parameter, bool castToText = false) {
    statement_.parameters.push_back(std::move(parameter));
    std::string mark = dialect_ == SqlDialect::PostgreSQL
                           ? "$" + std::to_string(statement_.parameters.size())
                           : "?";
    statement_.text += castToText ? "CAST(" + mark + " AS text)" : mark;
    return *this;
  }
  SqlStatement done() { return std::move(statement_); }

 private:
  SqlDialect dialect_;
  SqlStatement statement_;
};

std::string q(const std::string& name) { return quoteIdentifier(name); }

std::string column(const std::string& alias, const std::string& name) {
  return alias.empty() ? q(name) : alias + "." + q(name);
}

// `alias.col = $n AND ...` for the pattern's equalities that `table` has.
void whereEqualities(StatementBuilder& b, const SqlTable& table, const std::string& alias,
                     const std::vector<std::string>& equalities, bool& first) {
  for (const std::string& attribute : equalities) {
    if (!table.findColumn(attribute)) continue;
    b.text(first ? " WHERE " : " AND ").text(column(alias, attribute) + " = ");
    b.placeholder({Kind::KeyValue, table.entity, attribute});
    first = false;
  }
}

void whereRange(StatementBuilder& b, const SqlTable& table, const std::string& alias,
                const AccessPattern& p, bool& first) {
  if (!p.range || !table.findColumn(p.range->attribute)) return;
  const std::string& a = p.range->attribute;
  b.text(first ? " WHERE " : " AND ").text(column(alias, a));
  first = false;
  switch (p.range->op) {
    case RangeOp::Between:
      b.text(" BETWEEN ").placeholder({Kind::RangeLow, table.entity, a});
      b.text(" AND ").placeholder({Kind::RangeHigh, table.entity, a});
      break;
    case RangeOp::BeginsWith:
      b.text(" LIKE ").placeholder({Kind::RangePrefix, table.entity, a}, true).text(" || '%'");
      break;
    case RangeOp::Less:
      b.text(" < ").placeholder({Kind::RangeHigh, table.entity, a});
      break;
    case RangeOp::LessOrEqual:
      b.text(" <= ").placeholder({Kind::RangeHigh, table.entity, a});
      break;
    case RangeOp::Greater:
      b.text(" > ").placeholder({Kind::RangeLow, table.entity, a});
      break;
    case RangeOp::GreaterOrEqual:
      b.text(" >= ").placeholder({Kind::RangeLow, table.entity, a});
      break;
  }
}

void whereFilters(StatementBuilder& b, const SqlTable& table, const std::string& alias,
                  const AccessPattern& p, bool& first) {
  if (!p.filter) return;
  for (const std::string& attribute : *p.filter) {
    if (!table.findColumn(attribute)) continue;
    b.text(first ? " WHERE " : " AND ").text(column(alias, attribute) + " = ");
    b.placeholder({Kind::FilterValue, table.entity, attribute});
    first = false;
  }
}

void orderAndLimit(StatementBuilder& b, const SqlTable& table, const std::string& alias,
                   const AccessPattern& p) {
  std::string order = p.sortBy ? *p.sortBy : (p.range ? p.range->attribute : std::string());
  if (!order.empty() && table.findColumn(order)) {
    b.text(" ORDER BY " + column(alias, order) +
           (p.order == SortOrder::Desc ? std::string(" DESC") : std::string()));
  }
  if (p.limit) b.text(" LIMIT " + std::to_string(*p.limit));
}

// The equality attributes that name no column of `table` (nor reach it through a link table).
std::vector<std::string> missingAttributes(const SqlTable& table,
                                           const std::vector<std::string>& attributes) {
  std::vector<std::string> missing;
  for (const std::string& a : attributes) {
    if (!table.findColumn(a)) missing.push_back(a);
  }
  return missing;
}

// A link table that joins `table`'s entity to an entity whose identifier is `attributes`.
const SqlTable* linkFor(const RelationalSchema& schema, const SqlTable& table,
                        const std::vector<std::string>& attributes) {
  for (const SqlTable& link : schema.tables) {
    if (!link.entity.empty()) continue;
    bool linksTable = false;
    std::set<std::string> others;
    for (const SqlColumn& c : link.columns) {
      if (c.sourceEntity == table.entity) {
        linksTable = true;
      } else {
        others.insert(c.sourceAttribute);
      }
    }
    if (linksTable && std::all_of(attributes.begin(), attributes.end(),
                                  [&](const std::string& a) { return others.count(a) > 0; })) {
      return &link;
    }
  }
  return nullptr;
}

SqlStatement selectRows(const RelationalSchema& schema, const SqlTable& table,
                        const AccessPattern& p, SqlDialect dialect,
                        const std::vector<std::string>& equalities, bool withOrder) {
  StatementBuilder b(dialect, table.entity, false);
  bool first = true;
  const auto missing = missingAttributes(table, equalities);
  const SqlTable* link = missing.empty() ? nullptr : linkFor(schema, table, missing);
  if (link) {
    // Many-to-many: the rows linked to the other side's key.
    b.text("SELECT t.* FROM " + q(table.name) + " t JOIN " + q(link->name) + " l ON ");
    bool firstOn = true;
    for (const SqlColumn& c : link->columns) {
      if (c.sourceEntity != table.entity) continue;
      b.text(std::string(firstOn ? "" : " AND ") + "l." + q(c.name) + " = t." +
             q(c.sourceAttribute));
      firstOn = false;
    }
    for (const SqlColumn& c : link->columns) {
      if (c.sourceEntity == table.entity || !contains(missing, c.sourceAttribute)) continue;
      b.text(first ? " WHERE " : " AND ").text("l." + q(c.name) + " = ");
      b.placeholder({Kind::KeyValue, c.sourceEntity, c.sourceAttribute});
      first = false;
    }
    whereEqualities(b, table, "t", equalities, first);
    whereRange(b, table, "t", p, first);
    whereFilters(b, table, "t", p, first);
    if (withOrder) orderAndLimit(b, table, "t", p);
    return b.done();
  }
  b.text("SELECT * FROM " + q(table.name));
  whereEqualities(b, table, "", equalities, first);
  whereRange(b, table, "", p, first);
  whereFilters(b, table, "", p, first);
  if (withOrder) orderAndLimit(b, table, "", p);
  return b.done();
}

SqlStatement upsert(const SqlTable& table, SqlDialect dialect) {
  StatementBuilder b(dialect, table.entity, true);
  std::string names;
  for (const SqlColumn& c : table.columns) names += (names.empty() ? "" : ", ") + q(c.name);
  b.text("INSERT INTO " + q(table.name) + " (" + names + ") VALUES (");
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (i) b.text(", ");
    b.placeholder({Kind::NewValue, table.entity, table.columns[i].name});
  }
  b.text(")");
  if (!table.primaryKey.empty()) {
    std::string keys;
    for (const std::string& k : table.primaryKey) keys += (keys.empty() ? "" : ", ") + q(k);
    std::string sets;
    for (const SqlColumn& c : table.columns) {
      if (contains(table.primaryKey, c.name)) continue;
      sets += (sets.empty() ? "" : ", ") + q(c.name) + " = excluded." + q(c.name);
    }
    b.text(" ON CONFLICT (" + keys + ") DO " + (sets.empty() ? "NOTHING" : "UPDATE SET " + sets));
  }
  return b.done();
}

// The rows a write changes: the pattern's equalities, or the identifier when it states none.
std::vector<std::string> writeKey(const SqlTable& table, const AccessPattern& p) {
  std::vector<std::string> key;
  for (const std::string& e : p.equals) {
    if (table.findColumn(e)) key.push_back(e);
  }
  return key.empty() ? table.primaryKey : key;
}

// The entity whose identifier the equalities give: the parent of an item collection.
const SqlTable* collectionRoot(const RelationalSchema& schema, const AccessPattern& p) {
  for (const std::string& name : p.entities) {
    const SqlTable* t = schema.tableOfEntity(name);
    if (t && !t->primaryKey.empty() &&
        std::all_of(t->primaryKey.begin(), t->primaryKey.end(),
                    [&](const std::string& k) { return contains(p.equals, k); })) {
      return t;
    }
  }
  return nullptr;
}

std::string quotedList(const std::vector<std::string>& names, const std::string& alias = "") {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + column(alias, n);
  return out;
}

}  // namespace

PatternSql patternSql(const Project& project, const RelationalSchema& schema,
                      const AccessPattern& p, SqlDialect dialect) {
  PatternSql out;
  out.patternId = p.id;
  std::vector<const SqlTable*> tables;
  for (const std::string& name : p.entities) {
    const SqlTable* table = schema.tableOfEntity(name);
    if (!table) {
      out.unsupported = "entity " + name + " has no table (it is not stored on its own)";
      return out;
    }
    tables.push_back(table);
  }
  if (tables.empty()) {
    out.unsupported = "the pattern names no entity";
    return out;
  }
  (void)project;
  const SqlTable& first = *tables.front();

  // Every equality must reach a column of some entity of the pattern, or a link table.
  for (const std::string& a : p.equals) {
    const bool found = std::any_of(tables.begin(), tables.end(), [&](const SqlTable* t) {
      return t->findColumn(a) || linkFor(schema, *t, {a});
    });
    if (!found) {
      out.unsupported = "no table of " + p.entities.front() + " has a column " + a;
      return out;
    }
  }

  switch (p.action) {
    case Action::Get: {
      const auto key = p.equals.empty() ? first.primaryKey : p.equals;
      out.statements.push_back(selectRows(schema, first, p, dialect, key, false));
      out.explanation = "a primary-key or index lookup of one " + first.name + " row";
      break;
    }
    case Action::Scan: {
      for (const SqlTable* t : tables) {
        out.statements.push_back(selectRows(schema, *t, p, dialect, {}, true));
      }
      out.explanation =
          "a sequential scan of " + first.name + (tables.size() > 1 ? " and more" : "");
      break;
    }
    case Action::Query: {
      const SqlTable* root = tables.size() > 1 ? collectionRoot(schema, p) : nullptr;
      if (root && tables.size() == 2) {
        // The item collection as a join: the parent's row with each of its children's.
        const SqlTable& child = *(tables[0] == root ? tables[1] : tables[0]);
        StatementBuilder b(dialect, root->entity, false);
        b.text("SELECT * FROM " + q(root->name) + " p LEFT JOIN " + q(child.name) + " c ON ");
        bool firstOn = true;
        for (const std::string& k : root->primaryKey) {
          if (!child.findColumn(k)) continue;
          b.text(std::string(firstOn ? "" : " AND ") + "c." + q(k) + " = p." + q(k));
          firstOn = false;
        }
        if (firstOn) b.text("TRUE");
        bool firstWhere = true;
        whereEqualities(b, *root, "p", p.equals, firstWhere);
        whereRange(b, child, "c", p, firstWhere);
        whereFilters(b, child, "c", p, firstWhere);
        orderAndLimit(b, child, "c", p);
        out.statements.push_back(b.done());
        out.explanation = "the " + root->name + " row joined with its " + child.name +
                          " rows, where the key-value design reads one item collection";
      } else {
        for (const SqlTable* t : tables) {
          out.statements.push_back(selectRows(schema, *t, p, dialect, p.equals, true));
        }
        out.explanation = tables.size() > 1
                              ? "one query per entity (a join of several children would multiply "
                                "their rows)"
                              : "an index range read of " + first.name +
                                    (p.order || p.sortBy ? ", ordered" : "") +
                                    (p.limit ? ", limited" : "");
      }
      break;
    }
    case Action::Put: {
      for (const SqlTable* t : tables) out.statements.push_back(upsert(*t, dialect));
      out.transaction = tables.size() > 1;
      out.explanation = "an insert of a " + first.name + " row (an upsert on its primary key)";
      break;
    }
    case Action::Update: {
      for (const SqlTable* t : tables) {
        const auto key = writeKey(*t, p);
        // The planner's assumption: an update changes one attribute outside every key.
        const SqlColumn* changed = nullptr;
        for (const SqlColumn& c : t->columns) {
          if (!contains(t->primaryKey, c.name) && !contains(key, c.name)) {
            changed = &c;
            break;
          }
        }
        if (!changed) changed = &t->columns.front();
        StatementBuilder b(dialect, t->entity, true);
        b.text("UPDATE " + q(t->name) + " SET " + q(changed->name) + " = ");
        b.placeholder({Kind::NewValue, t->entity, changed->name});
        bool firstWhere = true;
        whereEqualities(b, *t, "", key, firstWhere);
        out.statements.push_back(b.done());
      }
      out.transaction = tables.size() > 1;
      out.explanation = "an update of one " + first.name + " row by its key";
      break;
    }
    case Action::Delete: {
      for (const SqlTable* t : tables) {
        StatementBuilder b(dialect, t->entity, true);
        b.text("DELETE FROM " + q(t->name));
        bool firstWhere = true;
        whereEqualities(b, *t, "", writeKey(*t, p), firstWhere);
        out.statements.push_back(b.done());
      }
      out.transaction = tables.size() > 1;
      out.explanation = "a delete of " + first.name + " rows by their key";
      break;
    }
    case Action::Transaction: {
      // Every entity once, the rest of the items as rows of the last entity (an order and its
      // lines), in one transaction.
      const std::int64_t items = std::max<std::int64_t>(
          p.itemsPerRequest.value_or(static_cast<std::int64_t>(tables.size())),
          static_cast<std::int64_t>(tables.size()));
      for (std::size_t i = 0; i < tables.size(); ++i) {
        const std::int64_t rows =
            i + 1 < tables.size() ? 1 : items - static_cast<std::int64_t>(tables.size()) + 1;
        for (std::int64_t r = 0; r < rows; ++r)
          out.statements.push_back(upsert(*tables[i], dialect));
      }
      out.transaction = true;
      out.explanation = std::to_string(items) + " inserts in one transaction";
      break;
    }
    case Action::Aggregate: {
      StatementBuilder b(dialect, first.entity, false);
      std::vector<std::string> groups;
      for (const std::string& e : p.equals) {
        if (first.findColumn(e)) groups.push_back(e);
      }
      std::string function = "count(*)";
      if (p.aggregate && p.aggregate->function != AggregateFunction::Count &&
          p.aggregate->attribute) {
        function = std::string(aggregateFunctionName(p.aggregate->function)) + "(" +
                   q(*p.aggregate->attribute) + ")";
      }
      b.text("SELECT " + (groups.empty() ? "" : quotedList(groups) + ", ") + function + " FROM " +
             q(first.name));
      bool firstWhere = true;
      whereEqualities(b, first, "", groups, firstWhere);
      whereRange(b, first, "", p, firstWhere);
      whereFilters(b, first, "", p, firstWhere);
      if (!groups.empty()) b.text(" GROUP BY " + quotedList(groups));
      out.statements.push_back(b.done());
      out.explanation = "an aggregate computed by the database" +
                        std::string(groups.empty() ? " over every row" : ", grouped by the key");
      break;
    }
  }
  return out;
}

}  // namespace kvlab::model
