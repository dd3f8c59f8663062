#include "app/cli/project_loading.h"

#include <iostream>

#include "model/io/project_file.h"

namespace kvlab::cli {

std::optional<model::Project> loadValidProject(const std::string& file) {
  model::ProjectLoadResult result = model::loadProjectFile(file);
  for (const model::Diagnostic& d : result.diagnostics.items()) {
    if (d.severity == model::Severity::Error) std::cerr << model::formatDiagnostic(d) << "\n";
  }
  if (!result.ok()) {
    std::cerr << file << ": invalid; run 'kvlab validate " << file << "' for every finding\n";
    return std::nullopt;
  }
  return std::move(result.project);
}

const model::Design* chooseDesign(const model::Project& project, const std::string& name,
                                  const std::string& file) {
  if (name.empty() && project.designs.size() == 1) return &project.designs.front();
  if (const model::Design* design = project.findDesign(name)) return design;
  std::string names;
  for (const model::Design& design : project.designs) {
    names += (names.empty() ? "" : ", ") + design.name;
  }
  if (name.empty()) {
    std::cerr << file << ": choose a design with --design NAME ("
              << (names.empty() ? "none" : names) << ")\n";
  } else {
    std::cerr << file << ": no design named '" << name
              << "'; the designs are: " << (names.empty() ? "none" : names) << "\n";
  }
  return nullptr;
}

std::optional<model::capacity::PriceSheet> loadPrices(const std::string& path) {
  const auto file =
      path.empty() ? model::capacity::defaultPriceSheetPath() : std::filesystem::path(path);
  auto load = model::capacity::PriceSheet::load(file);
  for (const auto& error : load.errors) std::cerr << error.message() << "\n";
  if (!load.ok()) return std::nullopt;
  return std::move(load.sheet);
}

}  // namespace kvlab::cli
