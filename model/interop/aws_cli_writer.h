#pragma once

#include <string>

#include "model/schema/project.h"
#include "model/status.h"

namespace kvlab::model::interop {

// Writes the table of `design` as the input of `aws dynamodb create-table --cli-input-json`:
// TableName, AttributeDefinitions, KeySchema, GSIs, LSIs, BillingMode and, for a provisioned
// table, ProvisionedThroughput. One JSON document for one table. Sets `out`; does not fail today
// (a Status so that every exporter has the same shape).
Status writeAwsCliCreateTable(const Project& project, const Design& design, std::string& out);

}  // namespace kvlab::model::interop
