#pragma once

#include <string>
#include <string_view>

#include "model/interop/import_result.h"

namespace kvlab::model::interop {

// Reads a NoSQL Workbench data model (versions 1.0, 2.0 and 3.0) into a kvlab/1 project: one
// design per table (`DataModel[]`), named after the table, with its keys, GSIs and projections;
// one entity per facet (`TableFacets[]`), or, for a table without facets, one per value of a type
// attribute of its items (`EntityType`, `type`, `_type`, ...), or one named after the table.
// Key templates are taken from a OneTable `ModelSchema` where it states them and are otherwise
// inferred from the sample items (see key_inference.h). Sample items, billing, capacity and
// every key KV Lab does not model are kept in the extra field `nosqlWorkbench` (of the project
// and of each design), so that writeNoSqlWorkbenchModel writes them back. `file` labels errors.
ImportResult readNoSqlWorkbenchModel(std::string_view text, const std::string& file);

}  // namespace kvlab::model::interop
