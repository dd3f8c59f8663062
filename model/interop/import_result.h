#pragma once

#include <string>
#include <vector>

#include "model/schema/project.h"
#include "model/status.h"

namespace kvlab::model::interop {

// What an import gave: a kvlab/1 project, or the first error (naming the file, the JSON path or
// line and column, and what was expected there). An importer never throws for bad input.
struct ImportResult {
  Project project;  // meaningful only when status.ok()
  Status status = Status::Ok();
  std::vector<std::string> notes;  // what was inferred or could not be carried, for the user

  bool ok() const { return status.ok(); }
};

}  // namespace kvlab::model::interop
