#include "model/relational/relational_schema.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <string>

#include "model/io/project_file.h"
#include "model/io/project_json.h"
#include "tests/support/test_files.h"

namespace kvlab::model {
namespace {

// A shop: customers, their orders (status with 5 values), the orders' lines; products and the
// categories they belong to (many-to-many, no reference on either side).
Project shop() {
  const char* text = R"json({
    "format": "kvlab/1", "name": "shop",
    "entities": [
      { "name": "Customer", "identifier": ["customerId"], "count": 1000,
        "attributes": [ { "name": "customerId", "type": "S" }, { "name": "email", "type": "S" } ] },
      { "name": "Order", "identifier": ["orderId"], "count": 12000,
        "attributes": [ { "name": "orderId", "type": "S" }, { "name": "customerId", "type": "S" },
                        { "name": "status", "type": "S", "distinct": 5 },
                        { "name": "orderDate", "type": "S", "format": "iso8601" },
                        { "name": "total", "type": "N" } ] },
      { "name": "OrderItem", "identifier": ["orderId", "lineNo"], "count": 40000,
        "attributes": [ { "name": "orderId", "type": "S" }, { "name": "lineNo", "type": "N" },
                        { "name": "productId", "type": "S" } ] },
      { "name": "Product", "identifier": ["productId"],
        "attributes": [ { "name": "productId", "type": "S" }, { "name": "title", "type": "S" } ] },
      { "name": "Category", "identifier": ["categoryId"],
        "attributes": [ { "name": "categoryId", "type": "S" } ] }
    ],
    "relationships": [
      { "from": "Customer", "to": "Order", "kind": "one-to-many" },
      { "from": "Order", "to": "OrderItem", "kind": "one-to-many" },
      { "name": "ProductCategory", "from": "Category", "to": "Product", "kind": "many-to-many" }
    ],
    "accessPatterns": [
      { "id": "AP1", "name": "customer", "action": "get", "entities": ["Customer"],
        "equals": ["customerId"] },
      { "id": "AP2", "name": "orders of a customer", "action": "query", "entities": ["Order"],
        "equals": ["customerId"], "range": { "attribute": "orderDate", "op": "between" },
        "order": "desc", "limit": 20 },
      { "id": "AP3", "name": "orders by status", "action": "query", "entities": ["Order"],
        "equals": ["status"], "sortBy": "orderDate", "order": "asc" },
      { "id": "AP4", "name": "an order with its lines", "action": "query",
        "entities": ["Order", "OrderItem"], "equals": ["orderId"] },
      { "id": "AP5", "name": "place an order", "action": "transaction",
        "entities": ["Order", "OrderItem"], "itemsPerRequest": 4 },
      { "id": "AP6", "name": "orders per status", "action": "aggregate", "entities": ["Order"],
        "equals": ["status"], "aggregate": { "function": "count" } },
      { "id": "AP7", "name": "products of a category", "action": "query", "entities": ["Product"],
        "equals": ["categoryId"] },
      { "id": "AP8", "name": "lines of an order", "action": "query", "entities": ["OrderItem"],
        "equals": ["orderId"] },
      { "id": "AP9", "name": "rename a customer", "action": "update", "entities": ["Customer"],
        "equals": ["customerId"] }
    ]
  })json";
  ProjectReadResult read = readProjectJson(text, "shop.kvlab.json");
  EXPECT_FALSE(read.diagnostics.hasErrors());
  return read.project;
}

const AccessPattern& pattern(const Project& p, const std::string& id) {
  return *std::find_if(p.accessPatterns.begin(), p.accessPatterns.end(),
                       [&](const AccessPattern& a) { return a.id == id; });
}

std::vector<std::vector<std::string>> indexColumns(const RelationalSchema& s,
                                                   const std::string& table) {
  std::vector<std::vector<std::string>> out;
  for (const SqlIndex& i : s.indexes) {
    if (i.table == table) out.push_back(i.columns);
  }
  return out;
}

TEST(RelationalSchemaTest, shouldGiveEachStoredEntityATableKeyedByItsIdentifier) {
  const Project p = shop();
  const RelationalSchema s = deriveRelationalSchema(p);
  ASSERT_NE(s.tableOfEntity("OrderItem"), nullptr);
  EXPECT_EQ(s.tableOfEntity("OrderItem")->primaryKey,
            (std::vector<std::string>{"orderId", "lineNo"}));
  const SqlTable& order = *s.tableOfEntity("Order");
  ASSERT_EQ(order.foreignKeys.size(), 1u);
  EXPECT_EQ(order.foreignKeys[0].referencedTable, "Customer");
  EXPECT_EQ(order.foreignKeys[0].columns, (std::vector<std::string>{"customerId"}));
}

TEST(RelationalSchemaTest, shouldLinkAManyToManyRelationshipThroughATableOfItsOwn) {
  const RelationalSchema s = deriveRelationalSchema(shop());
  const SqlTable* link = s.findTable("ProductCategory");
  ASSERT_NE(link, nullptr);
  EXPECT_TRUE(link->entity.empty());
  EXPECT_EQ(link->primaryKey, (std::vector<std::string>{"categoryId", "productId"}));
  EXPECT_EQ(link->foreignKeys.size(), 2u);
}

TEST(RelationalSchemaTest, shouldIndexWhatThePatternsFindRowsByAndNothingThePrimaryKeyServes) {
  const RelationalSchema s = deriveRelationalSchema(shop());
  const auto order = indexColumns(s, "Order");
  EXPECT_NE(
      std::find(order.begin(), order.end(), std::vector<std::string>{"customerId", "orderDate"}),
      order.end());
  // AP3's (status, orderDate) covers AP6's (status): one index, both patterns.
  EXPECT_NE(std::find(order.begin(), order.end(), std::vector<std::string>{"status", "orderDate"}),
            order.end());
  EXPECT_EQ(std::find(order.begin(), order.end(), std::vector<std::string>{"status"}), order.end());
  // Lines by orderId: the primary key (orderId, lineNo) already finds them.
  EXPECT_TRUE(indexColumns(s, "OrderItem").empty());
  EXPECT_TRUE(indexColumns(s, "Customer").empty());
  // Products of a category: the link table's key begins with categoryId.
  EXPECT_TRUE(indexColumns(s, "ProductCategory").empty());
}

TEST(RelationalSchemaTest, shouldWriteTheSqlAPostgresDeveloperWould) {
  const Project p = shop();
  const RelationalSchema s = deriveRelationalSchema(p);
  const PatternSql ap2 = patternSql(p, s, pattern(p, "AP2"), SqlDialect::PostgreSQL);
  ASSERT_EQ(ap2.statements.size(), 1u);
  EXPECT_EQ(ap2.statements[0].text,
            "SELECT * FROM \"Order\" WHERE \"customerId\" = $1 AND \"orderDate\" BETWEEN $2 AND $3 "
            "ORDER BY \"orderDate\" DESC LIMIT 20");

  const PatternSql ap4 = patternSql(p, s, pattern(p, "AP4"), SqlDialect::PostgreSQL);
  ASSERT_EQ(ap4.statements.size(), 1u);
  EXPECT_NE(
      ap4.statements[0].text.find("LEFT JOIN \"OrderItem\" c ON c.\"orderId\" = p.\"orderId\""),
      std::string::npos);

  const PatternSql ap5 = patternSql(p, s, pattern(p, "AP5"), SqlDialect::PostgreSQL);
  EXPECT_TRUE(ap5.transaction);
  ASSERT_EQ(ap5.statements.size(), 4u);  // the order and three lines
  EXPECT_EQ(ap5.statements[0].entity, "Order");
  EXPECT_EQ(ap5.statements[3].entity, "OrderItem");
  EXPECT_NE(ap5.statements[0].text.find("ON CONFLICT (\"orderId\") DO UPDATE SET"),
            std::string::npos);

  const PatternSql ap6 = patternSql(p, s, pattern(p, "AP6"), SqlDialect::SQLite);
  EXPECT_EQ(ap6.statements[0].text,
            "SELECT \"status\", count(*) FROM \"Order\" WHERE \"status\" = ? GROUP BY \"status\"");

  const PatternSql ap7 = patternSql(p, s, pattern(p, "AP7"), SqlDialect::PostgreSQL);
  ASSERT_FALSE(ap7.unsupported.has_value());
  EXPECT_NE(ap7.statements[0].text.find("JOIN \"ProductCategory\" l"), std::string::npos);

  const PatternSql ap9 = patternSql(p, s, pattern(p, "AP9"), SqlDialect::PostgreSQL);
  EXPECT_EQ(ap9.statements[0].text,
            "UPDATE \"Customer\" SET \"email\" = $1 WHERE \"customerId\" = $2");
}

TEST(RelationalSchemaTest, shouldSayWhenAPatternNamesAnAttributeNoTableHas) {
  Project p = shop();
  AccessPattern bad = pattern(p, "AP1");
  bad.id = "APX";
  bad.equals = {"nickname"};
  const PatternSql sql = patternSql(p, deriveRelationalSchema(p), bad, SqlDialect::SQLite);
  ASSERT_TRUE(sql.unsupported.has_value());
  EXPECT_NE(sql.unsupported->find("nickname"), std::string::npos);
  EXPECT_TRUE(sql.statements.empty());
}

// Every published design's entities: the DDL runs on SQLite and every pattern's SQL prepares.
class RelationalCorpusTest : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(RelationalCorpusTest, shouldCreateTheSchemaAndPrepareEveryPatternOnSqlite) {
  ProjectLoadResult loaded = loadProjectFile(GetParam());
  ASSERT_TRUE(loaded.project.has_value()) << GetParam();
  const Project& p = *loaded.project;
  const RelationalSchema s = deriveRelationalSchema(p);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  char* error = nullptr;
  const std::string ddl = schemaDdl(s, SqlDialect::SQLite);
  EXPECT_EQ(sqlite3_exec(db, ddl.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "") << "\n"
      << ddl;
  sqlite3_free(error);
  int served = 0;
  for (const AccessPattern& a : p.accessPatterns) {
    const PatternSql sql = patternSql(p, s, a, SqlDialect::SQLite);
    if (sql.unsupported) continue;
    ++served;
    for (const SqlStatement& statement : sql.statements) {
      sqlite3_stmt* prepared = nullptr;
      EXPECT_EQ(sqlite3_prepare_v2(db, statement.text.c_str(), -1, &prepared, nullptr), SQLITE_OK)
          << a.id << ": " << sqlite3_errmsg(db) << "\n"
          << statement.text;
      if (prepared) {
        EXPECT_EQ(sqlite3_bind_parameter_count(prepared),
                  static_cast<int>(statement.parameters.size()))
            << a.id;
      }
      sqlite3_finalize(prepared);
    }
  }
  EXPECT_GT(served, 0);
  sqlite3_close(db);
}

INSTANTIATE_TEST_SUITE_P(Corpus, RelationalCorpusTest,
                         ::testing::ValuesIn(test::corpusDesignFilesForParameters()),
                         test::corpusTestName);

}  // namespace
}  // namespace kvlab::model
