#pragma once

#include <string>
#include <vector>

#include "model/interop/export_options.h"
#include "model/schema/project.h"
#include "model/status.h"

namespace kvlab::model::interop {

// The relational side of a project as one PostgreSQL script (`kvlab export --to sql`): the
// normalized schema's CREATE TABLE and CREATE INDEX statements (model/relational/
// relational_schema.h), then each access pattern's SQL as a PREPARE statement named after the
// pattern ("AP1", or "AP5_2" for the second statement of a pattern), with comments saying what
// each placeholder is bound to and how the pattern runs. The whole file runs in psql. The
// schema comes from the entities, not from `designs` (a key-value design has no bearing on it).
Status writePostgresSql(const Project& project, const std::vector<const Design*>& designs,
                        const ExportOptions& options, std::string& out);

}  // namespace kvlab::model::interop
