#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/schema/design.h"
#include "model/schema/project.h"

namespace kvlab::model::interop {

// A DynamoDB table as CloudFormation, the AWS CLI and NoSQL Workbench describe it: key
// attributes with their types, indexes, billing. The common ground of the interop formats.
struct KeyAttributeSpec {
  std::string name;
  std::string type = "S";  // S, N or B
};

struct ThroughputSpec {
  long long read = 0;
  long long write = 0;
};

struct IndexSpec {
  std::string name;
  KeyAttributeSpec pk;
  std::optional<KeyAttributeSpec> sk;
  Projection projection = Projection::All;
  std::vector<std::string> include;  // for Projection::Include
  std::optional<ThroughputSpec> throughput;
};

struct TableSpec {
  std::string name;
  KeyAttributeSpec pk;
  std::optional<KeyAttributeSpec> sk;
  std::vector<IndexSpec> gsis;
  std::vector<IndexSpec> lsis;
  std::optional<std::string> billingMode;  // PROVISIONED or PAY_PER_REQUEST
  std::optional<ThroughputSpec> throughput;

  // Every key attribute of the table and its indexes, once, in order of first use: what
  // AttributeDefinitions lists.
  std::vector<KeyAttributeSpec> attributeDefinitions() const;
};

// The table of `design`. A key attribute's type is the one the design records (the extra field
// `keyAttributeTypes`, kept by imports), else N or B when every entity's template for it is a
// single attribute of that type, else S. Billing comes from the table's extra fields
// `billingMode` and `provisionedThroughput` {readCapacityUnits, writeCapacityUnits}.
TableSpec tableSpecOf(const Project& project, const Design& design);

// Sets the table, indexes and billing of `design` from `spec` (entity templates are left to the
// caller) and records key types other than S in `keyAttributeTypes`.
void applyTableSpec(const TableSpec& spec, Design& design);

}  // namespace kvlab::model::interop
