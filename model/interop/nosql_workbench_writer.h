#pragma once

#include <string>
#include <vector>

#include "model/interop/export_options.h"
#include "model/schema/project.h"
#include "model/status.h"

namespace kvlab::model::interop {

// Writes `designs` of `project` as a NoSQL Workbench data model of version 3.0: one table per
// design, one facet per entity the design keys, its GSIs (Workbench has no LSIs: an LSI's sort
// key is written as an attribute of the items, the index itself is left out), billing from the
// table's `billingMode` and `provisionedThroughput` (on demand when not stated), and sample items:
// those kept by an import, else two generated items per entity, the same for the same project.
// Everything an import kept in the extra field `nosqlWorkbench` is written back. On success sets
// `out` to the JSON text; fails when two designs name the same table.
Status writeNoSqlWorkbenchModel(const Project& project, const std::vector<const Design*>& designs,
                                const ExportOptions& options, std::string& out);

}  // namespace kvlab::model::interop
