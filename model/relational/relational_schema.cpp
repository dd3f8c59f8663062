#include "model/relational/relational_schema.h"

#include <algorithm>
#include <set>

namespace kvlab::model {
namespace {

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

bool hasColumns(const SqlTable& table, const std::vector<std::string>& columns) {
  return !columns.empty() && std::all_of(columns.begin(), columns.end(), [&](const auto& c) {
    return table.findColumn(c) != nullptr;
  });
}

SqlTable entityTable(const Entity& entity) {
  SqlTable table;
  table.name = entity.name;
  table.entity = entity.name;
  for (const Attribute& attribute : entity.attributes) {
    table.columns.push_back({attribute.name, attribute.type,
                             contains(entity.identifier, attribute.name), entity.name,
                             attribute.name});
  }
  // An identifier the entity does not list among its attributes is still its key.
  for (const std::string& id : entity.identifier) {
    if (!table.findColumn(id))
      table.columns.push_back({id, AttributeType::S, true, entity.name, id});
  }
  table.primaryKey = entity.identifier;
  return table;
}

// Links `from` to `to` when the child holds the parent's identifier; false when it does not.
bool addForeignKey(SqlTable& child, const SqlTable& parent, const std::string& relationship) {
  // A table's own key names itself: a self-relationship needs a column of its own (managerId).
  if (child.name == parent.name) return false;
  if (parent.primaryKey.empty() || !hasColumns(child, parent.primaryKey)) return false;
  child.foreignKeys.push_back({parent.primaryKey, parent.name, parent.primaryKey, relationship});
  return true;
}

SqlTable linkTable(const Relationship& r, const SqlTable& from, const SqlTable& to) {
  SqlTable link;
  link.name = r.name && !r.name->empty() ? *r.name : from.name + "_" + to.name;
  for (const SqlTable* side : {&from, &to}) {
    std::vector<std::string> columns;
    for (const std::string& key : side->primaryKey) {
      const SqlColumn* source = side->findColumn(key);
      // Both sides may call their key "id": the second gets its entity's name in front.
      std::string name = link.findColumn(key) ? side->name + "_" + key : key;
      link.columns.push_back({name, source->type, true, side->entity, key});
      link.primaryKey.push_back(name);
      columns.push_back(name);
    }
    link.foreignKeys.push_back(
        {columns, side->name, side->primaryKey, r.name.value_or(from.name + " " + to.name)});
  }
  return link;
}

std::string joined(const std::vector<std::string>& values, const std::string& separator) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : separator) + v;
  return out;
}

// The columns a pattern's rows are found by on `table`, then its order column.
struct IndexWish {
  std::string table;
  std::vector<std::string> columns;
  std::string pattern;
};

// True when the primary key already finds rows by `columns` in that order: the equality columns
// are its first columns, in any order, and an order column the next one.
bool servedByPrimaryKey(const SqlTable& table, const std::vector<std::string>& equalities,
                        const std::string& orderColumn) {
  const auto& pk = table.primaryKey;
  if (equalities.size() > pk.size()) return false;
  std::set<std::string> head(pk.begin(), pk.begin() + static_cast<long>(equalities.size()));
  if (head != std::set<std::string>(equalities.begin(), equalities.end())) return false;
  if (orderColumn.empty()) return true;
  return equalities.size() < pk.size() && pk[equalities.size()] == orderColumn;
}

std::string orderColumnOf(const AccessPattern& p) {
  if (p.sortBy) return *p.sortBy;
  if (p.range) return p.range->attribute;
  return {};
}

}  // namespace

const SqlColumn* SqlTable::findColumn(const std::string& column) const {
  for (const SqlColumn& c : columns) {
    if (c.name == column) return &c;
  }
  return nullptr;
}

const SqlTable* RelationalSchema::findTable(const std::string& name) const {
  for (const SqlTable& t : tables) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

const SqlTable* RelationalSchema::tableOfEntity(const std::string& entity) const {
  for (const SqlTable& t : tables) {
    if (t.entity == entity) return &t;
  }
  return nullptr;
}

RelationalSchema deriveRelationalSchema(const Project& project) {
  RelationalSchema schema;
  for (const Entity& entity : project.entities) {
    if (!entity.isStored()) {
      schema.notes.push_back(entity.name +
                             " is embedded in another entity's item (stored: false): no table; "
                             "its attributes would be a jsonb column of its owner");
      continue;
    }
    schema.tables.push_back(entityTable(entity));
    if (entity.identifier.empty()) {
      schema.notes.push_back(entity.name + " has no identifier: its table has no primary key");
    }
  }

  for (const Relationship& r : project.relationships) {
    const SqlTable* fromTable = schema.tableOfEntity(r.from);
    const SqlTable* toTable = schema.tableOfEntity(r.to);
    if (!fromTable || !toTable) continue;
    const std::string name = r.name.value_or(r.from + " " + r.to);
    // Pointers into `tables` stay valid until a table is added; copy what the link needs first.
    const SqlTable from = *fromTable;
    const SqlTable to = *toTable;
    auto& child = *std::find_if(schema.tables.begin(), schema.tables.end(),
                                [&](const SqlTable& t) { return t.entity == r.to; });
    if (addForeignKey(child, from, name)) continue;
    if (r.kind == RelationshipKind::ManyToMany || r.kind == RelationshipKind::OneToOne) {
      auto& parent = *std::find_if(schema.tables.begin(), schema.tables.end(),
                                   [&](const SqlTable& t) { return t.entity == r.from; });
      if (addForeignKey(parent, to, name)) continue;
    }
    if (r.kind == RelationshipKind::ManyToMany && !from.primaryKey.empty() &&
        !to.primaryKey.empty()) {
      schema.tables.push_back(linkTable(r, from, to));
      continue;
    }
    schema.notes.push_back("relationship " + name + ": " + r.to + " holds no column naming " +
                           r.from + "'s identifier, so no foreign key links them");
  }

  // The indexes the read patterns need, in the project's order.
  std::vector<IndexWish> wishes;
  for (const AccessPattern& p : project.accessPatterns) {
    const bool finds = p.action == Action::Get || p.action == Action::Query ||
                       p.action == Action::Aggregate || p.action == Action::Update ||
                       p.action == Action::Delete;
    if (!finds || p.entities.empty()) continue;
    for (const std::string& entityName : p.entities) {
      const SqlTable* table = schema.tableOfEntity(entityName);
      if (!table) continue;
      std::vector<std::string> equalities;
      for (const std::string& e : p.equals) {
        if (table->findColumn(e)) equalities.push_back(e);
      }
      std::string order = orderColumnOf(p);
      if (!order.empty() && !table->findColumn(order)) order.clear();
      if (equalities.empty()) continue;
      if (servedByPrimaryKey(*table, equalities, order)) continue;
      IndexWish wish{table->name, equalities, p.id};
      if (!order.empty() && !contains(wish.columns, order)) wish.columns.push_back(order);
      wishes.push_back(std::move(wish));
    }
    // A many-to-many read through a link table needs the link found by the other side's key.
    if (p.action == Action::Query && p.entities.size() == 1) {
      for (const SqlTable& link : schema.tables) {
        if (!link.entity.empty()) continue;
        std::vector<std::string> columns;
        bool linksEntity = false;
        for (const SqlColumn& c : link.columns) {
          if (c.sourceEntity == p.entities.front()) linksEntity = true;
          if (c.sourceEntity != p.entities.front() && contains(p.equals, c.sourceAttribute)) {
            columns.push_back(c.name);
          }
        }
        if (linksEntity && !columns.empty() && !servedByPrimaryKey(link, columns, "")) {
          wishes.push_back({link.name, columns, p.id});
        }
      }
    }
  }
  for (const IndexWish& wish : wishes) {
    auto same = std::find_if(schema.indexes.begin(), schema.indexes.end(), [&](const SqlIndex& i) {
      return i.table == wish.table && i.columns == wish.columns;
    });
    if (same != schema.indexes.end()) {
      if (!contains(same->patterns, wish.pattern)) same->patterns.push_back(wish.pattern);
      continue;
    }
    schema.indexes.push_back({"idx_" + wish.table + "_" + joined(wish.columns, "_"),
                              wish.table,
                              wish.columns,
                              {wish.pattern}});
  }
  // An index whose columns begin a longer index on the same table is that index's work.
  std::vector<SqlIndex> kept;
  for (const SqlIndex& index : schema.indexes) {
    const bool covered =
        std::any_of(schema.indexes.begin(), schema.indexes.end(), [&](const SqlIndex& other) {
          return &other != &index && other.table == index.table &&
                 other.columns.size() > index.columns.size() &&
                 std::equal(index.columns.begin(), index.columns.end(), other.columns.begin());
        });
    if (!covered) kept.push_back(index);
  }
  for (SqlIndex& index : kept) {
    for (const SqlIndex& shorter : schema.indexes) {
      if (shorter.table == index.table && shorter.columns.size() < index.columns.size() &&
          std::equal(shorter.columns.begin(), shorter.columns.end(), index.columns.begin())) {
        for (const std::string& p : shorter.patterns) {
          if (!contains(index.patterns, p)) index.patterns.push_back(p);
        }
      }
    }
  }
  schema.indexes = std::move(kept);
  return schema;
}

std::string quoteIdentifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string sqlType(AttributeType type, SqlDialect dialect) {
  const bool pg = dialect == SqlDialect::PostgreSQL;
  switch (type) {
    case AttributeType::S:
    case AttributeType::NULL_:
      return "text";
    case AttributeType::N:
      return "numeric";
    case AttributeType::B:
      return pg ? "bytea" : "blob";
    case AttributeType::BOOL:
      return pg ? "boolean" : "integer";
    case AttributeType::L:
    case AttributeType::M:
    case AttributeType::SS:
    case AttributeType::NS:
    case AttributeType::BS:
      return pg ? "jsonb" : "text";
  }
  return "text";
}

std::string tablesDdl(const RelationalSchema& schema, SqlDialect dialect) {
  auto quotedList = [](const std::vector<std::string>& names) {
    std::vector<std::string> quoted;
    for (const std::string& n : names) quoted.push_back(quoteIdentifier(n));
    return joined(quoted, ", ");
  };
  std::string out;
  std::set<std::string> created;
  std::vector<std::string> deferred;  // foreign keys to tables created later (PostgreSQL)
  std::vector<const SqlTable*> pending;
  for (const SqlTable& t : schema.tables) pending.push_back(&t);
  while (!pending.empty()) {
    // The first table whose references all exist, or the first one when a cycle leaves none.
    auto ready = std::find_if(pending.begin(), pending.end(), [&](const SqlTable* t) {
      return std::all_of(t->foreignKeys.begin(), t->foreignKeys.end(), [&](const auto& fk) {
        return fk.referencedTable == t->name || created.count(fk.referencedTable);
      });
    });
    if (ready == pending.end()) ready = pending.begin();
    const SqlTable& t = **ready;
    pending.erase(ready);
    std::vector<std::string> lines;
    for (const SqlColumn& c : t.columns) {
      lines.push_back("  " + quoteIdentifier(c.name) + " " + sqlType(c.type, dialect) +
                      (c.notNull ? " NOT NULL" : ""));
    }
    if (!t.primaryKey.empty()) lines.push_back("  PRIMARY KEY (" + quotedList(t.primaryKey) + ")");
    for (const SqlForeignKey& fk : t.foreignKeys) {
      std::string text = "FOREIGN KEY (" + quotedList(fk.columns) + ") REFERENCES " +
                         quoteIdentifier(fk.referencedTable) + " (" +
                         quotedList(fk.referencedColumns) + ") ON DELETE CASCADE";
      const bool later = fk.referencedTable != t.name && !created.count(fk.referencedTable);
      if (later && dialect == SqlDialect::PostgreSQL) {
        deferred.push_back("ALTER TABLE " + quoteIdentifier(t.name) + " ADD " + text + ";\n");
      } else {
        lines.push_back("  " + text);
      }
    }
    out += "CREATE TABLE " + quoteIdentifier(t.name) + " (\n" + joined(lines, ",\n") + "\n);\n";
    created.insert(t.name);
  }
  for (const std::string& d : deferred) out += d;
  return out;
}

std::string indexesDdl(const RelationalSchema& schema) {
  std::string out;
  for (const SqlIndex& i : schema.indexes) {
    std::string columns;
    for (const std::string& c : i.columns)
      columns += (columns.empty() ? "" : ", ") + quoteIdentifier(c);
    out += "CREATE INDEX " + quoteIdentifier(i.name) + " ON " + quoteIdentifier(i.table) + " (" +
           columns + ");\n";
  }
  return out;
}

std::string schemaDdl(const RelationalSchema& schema, SqlDialect dialect) {
  return tablesDdl(schema, dialect) + indexesDdl(schema);
}

}  // namespace kvlab::model
