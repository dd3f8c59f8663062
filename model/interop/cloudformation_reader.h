#pragma once

#include <string>
#include <string_view>

#include "model/interop/import_result.h"

namespace kvlab::model::interop {

// Reads a CloudFormation template, JSON or YAML (chosen by content; YAML short forms such as
// `!Ref` and `!Sub` are read as their long forms), into a kvlab/1 project: one design per
// `AWS::DynamoDB::Table` (or `GlobalTable`) resource, named after the table, with its keys, GSIs,
// LSIs, projections and billing; and one entity per table, named after it, whose attributes are
// the table's AttributeDefinitions and whose templates are those attributes (`{PK}`), since a
// template says nothing about the items. Properties KV Lab does not model (streams, TTL, tags,
// an intrinsic TableName...) are kept in the design's extra field `cloudFormation`, and the rest
// of the template (other resources, parameters, outputs) in the project's, so that
// writeCloudFormationTemplate writes them back. `file` labels errors and names the project.
ImportResult readCloudFormationTemplate(std::string_view text, const std::string& file);

}  // namespace kvlab::model::interop
