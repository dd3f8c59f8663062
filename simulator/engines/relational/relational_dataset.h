#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/relational/relational_schema.h"
#include "model/schema/project.h"

namespace kvlab::sim {

// A value bound to a statement's placeholder or stored in a row.
struct SqlValue {
  enum class Type { Null, Integer, Text };
  Type type = Type::Null;
  std::int64_t integer = 0;
  std::string text;

  // The value as PostgreSQL reads it from a text parameter.
  std::string asText() const;
};

// The rows of a generated dataset, computed rather than stored: row r of an entity has, for
// each attribute, a value number in [0, domain) and a rendering of that number (an id, a
// timestamp, an enum value, padding to the attribute's stated size). The same attribute renders
// the same way in every table, so a child's foreign key finds its parent: row r of Order has
// customerId number r mod (Customer rows).
//
// Tables are loaded with each entity's count scaled by one factor, so that the largest has at
// most `maxRowsPerTable` rows; `workFactor` says by how much the rows a pattern touches per key
// fall short of the full-size data's, for the engine to scale the work it measures. A value;
// deterministic.
class RelationalDataset {
 public:
  RelationalDataset(const model::Project& project, const model::RelationalSchema& schema,
                    std::int64_t maxRowsPerTable);

  // Rows loaded into the table of `entity` (0 for an unknown entity) or into a link table.
  std::int64_t rows(const std::string& table) const;
  // Loaded rows over the project's rows, in (0, 1].
  double scale() const { return scale_; }

  // How many value numbers `attribute` takes across `entity`'s loaded rows (>= 1).
  std::int64_t domain(const std::string& entity, const std::string& attribute) const;
  // The value number of `attribute` in row `row` of `entity` (new rows have row >= rows()).
  std::int64_t valueNumber(const std::string& entity, const std::string& attribute,
                           std::int64_t row) const;
  // The value `attribute` of `entity` has for value number `number`.
  SqlValue render(const std::string& entity, const std::string& attribute,
                  std::int64_t number) const;

  // The values of row `row` of `table`, in its column order (link tables too).
  void rowValues(const model::SqlTable& table, std::int64_t row, std::vector<SqlValue>& out) const;

  // How many distinct combinations the equality attributes of `parameters` take, and the value
  // number of `attribute` for key number `key` (mixed radix over the attributes' domains,
  // in order of appearance; an attribute named by several entities is one digit).
  std::int64_t keyCount(const std::vector<model::SqlParameter>& parameters) const;
  std::int64_t keyDigit(const std::vector<model::SqlParameter>& parameters,
                        const std::string& attribute, std::int64_t key) const;

  // The values of `parameters` (one statement's) for a request with key number `key` (its digits
  // over `keyParameters`, every statement of the pattern) whose writes make row `newRow` of the
  // entities they write (counting from rows()): equalities from the key, ranges from the lowest
  // to the highest value, a prefix that every value has, new values of row rows() + newRow.
  void bind(const std::vector<model::SqlParameter>& parameters,
            const std::vector<model::SqlParameter>& keyParameters, std::int64_t key,
            std::int64_t newRow, std::vector<SqlValue>& out) const;

  // The project's rows per key of `pattern` over the loaded rows per key, at least 1: what the
  // work measured on the loaded data is multiplied by.
  double workFactor(const model::Project& project, const model::AccessPattern& pattern) const;

 private:
  struct Column {
    std::int64_t domain = 1;
    std::int64_t radix = 0;  // identifier parts: row / radix % domain; otherwise 0
    bool foreignKey = false;
    bool hashed = false;  // the number is a hash of the row, not the row itself
    const model::Attribute* definition = nullptr;  // how it renders
    std::uint64_t salt = 0;
  };
  const Column* find(const std::string& entity, const std::string& attribute) const;

  const model::Project& project_;
  double scale_ = 1;
  std::map<std::string, std::int64_t> rows_;
  std::map<std::string, std::map<std::string, Column>> columns_;  // entity -> attribute -> column
};

}  // namespace kvlab::sim
