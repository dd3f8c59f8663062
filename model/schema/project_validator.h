#pragma once

#include <string>

#include "model/io/diagnostic.h"
#include "model/schema/project.h"

namespace kvlab::model {

// Checks what the shape of a document cannot: that every name refers to something (entities,
// attributes, access patterns, indexes), that names and ids are unique, that key templates parse
// and name attributes their entity has, that a design gives every key it needs, and DynamoDB's
// fixed limits (5 LSIs, table and index names, key attribute names). Appends its findings, each
// with the JSON path of the fault, to `diagnostics`; `file` labels them.
void validateProject(const Project& project, const std::string& file, Diagnostics& diagnostics);

// DynamoDB's rule for table and index names: 3 to 255 letters, digits, '_', '-' or '.'.
bool isValidTableName(const std::string& name);

}  // namespace kvlab::model
