#pragma once

#include <string>

#include "model/schema/project.h"
#include "model/status.h"

namespace kvlab::model::interop {

// Writes `design` as a schema of the dynamodb-onetable library (`format: onetable:1.1.0`):
// `indexes` (`primary` {hash, sort}, each GSI {hash, sort, project}, each LSI {type: local,
// sort}), `params` {typeField: _type} and `models`: one per entity the design keys, each key
// attribute a string field whose `value` is its template in OneTable's form (`c#${customerId}`),
// then the entity's attributes with their OneTable types (the identifier `required`). A key
// attribute that is also an attribute of the entity with the template `{name}` is one plain
// field. Sets `out`; does not fail today.
Status writeOneTableSchema(const Project& project, const Design& design, std::string& out);

}  // namespace kvlab::model::interop
