#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/interop/export_options.h"
#include "model/schema/project.h"
#include "model/status.h"

namespace kvlab::model::interop {

// One export format, registered by name in exporters(): what `kvlab export --to NAME` runs.
// `write` sets `out` to the file's text for `designs` (between 1 and `maxDesigns` of them; 0 for
// no limit) or returns an error saying why it cannot.
struct Exporter {
  std::string_view name;         // the --to value: "nosql-workbench"
  std::string_view description;  // one line for --help
  std::size_t maxDesigns;        // how many designs one file can hold; 0: any number
  Status (*write)(const Project& project, const std::vector<const Design*>& designs,
                  const ExportOptions& options, std::string& out);
};

// Every export format, in the order help lists them. A new format is one more row in
// exporters.cpp.
const std::vector<Exporter>& exporters();
// The exporter called `name`, or null.
const Exporter* findExporter(std::string_view name);

}  // namespace kvlab::model::interop
