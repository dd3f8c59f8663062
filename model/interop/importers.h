#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/interop/import_result.h"

namespace kvlab::model::interop {

// One import format, registered by name in importers(): what `kvlab import --from NAME` runs.
// `read` turns the file's text into a project, or an error naming `file` and the place.
struct Importer {
  std::string_view name;         // the --from value: "nosql-workbench"
  std::string_view description;  // one line for --help
  ImportResult (*read)(std::string_view text, const std::string& file);
};

// Every import format, in the order help lists them.
const std::vector<Importer>& importers();
// The importer called `name`, or null.
const Importer* findImporter(std::string_view name);

}  // namespace kvlab::model::interop
