#pragma once

#include <string>
#include <vector>

#include "model/interop/export_options.h"
#include "model/schema/project.h"
#include "model/status.h"

namespace kvlab::model::interop {

// Writes `designs` of `project` as a CloudFormation template, JSON or (options.yaml) YAML: one
// `AWS::DynamoDB::Table` resource per design with its key attributes, GSIs, LSIs, projections
// and billing (on demand unless the table's `billingMode` says PROVISIONED). A key attribute's
// type is the one an import recorded, else inferred from the templates (see table_spec.h).
// What an import from CloudFormation kept (logical ids, other properties and resources,
// parameters, outputs) is written back. On success sets `out`; fails when two designs name the
// same table.
Status writeCloudFormationTemplate(const Project& project,
                                   const std::vector<const Design*>& designs,
                                   const ExportOptions& options, std::string& out);

}  // namespace kvlab::model::interop
