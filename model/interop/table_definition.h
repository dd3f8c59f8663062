#pragma once
// Private to model/interop's .cpp files (it uses nlohmann/json through json_support.h).

#include "model/interop/json_support.h"
#include "model/interop/table_spec.h"

namespace kvlab::model::interop {

// The DynamoDB CreateTable shape of `spec`, shared by CloudFormation's table properties and the
// AWS CLI's input: TableName, AttributeDefinitions, KeySchema, GlobalSecondaryIndexes,
// LocalSecondaryIndexes, BillingMode (PAY_PER_REQUEST when not stated) and, for a provisioned
// table, ProvisionedThroughput on the table and each GSI (the table's when a GSI states none).
Json tableDefinitionJson(const TableSpec& spec);

}  // namespace kvlab::model::interop
