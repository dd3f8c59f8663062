#pragma once
// What the import targets (nosql_workbench_fuzzer, cloudformation_fuzzer) check of every import:
// an error names the file and leaves no project; a project comes without an error and validates
// without an error; and a reader never falls back to its last-resort catch ("cannot read: ..."),
// which would mean a shape went unchecked and a library threw.
#include <string>

#include "model/interop/import_result.h"
#include "model/io/diagnostic.h"
#include "model/schema/project_validator.h"
#include "tests/fuzz/fuzz_check.h"

namespace kvlab::fuzz {

// Checks `result`, read from `text` under the name `file`; true when it holds a project.
inline bool checkImport(const model::interop::ImportResult& result, const std::string& file,
                        std::string_view text) {
  if (!result.ok()) {
    const std::string& message = result.status.message();
    check(message.rfind(file, 0) == 0, "an import error that does not name the file",
          message + "\n" + std::string(text));
    check(message.rfind(file + ": error: cannot read: ", 0) != 0,
          "an exception escaped the reader's checks", message + "\n" + std::string(text));
    check(result.project.designs.empty() && result.project.entities.empty(),
          "a failed import left a project", message);
    return false;
  }
  model::Diagnostics diagnostics;
  model::validateProject(result.project, file, diagnostics);
  if (diagnostics.hasErrors()) {
    std::string found;
    for (const model::Diagnostic& d : diagnostics.items()) {
      found += model::formatDiagnostic(d) + "\n";
    }
    fail("an import succeeded with a project that does not validate",
         found + "----\n" + std::string(text));
  }
  return true;
}

}  // namespace kvlab::fuzz
