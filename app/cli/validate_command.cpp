// kvlab validate FILE...: read and check project files; exit 0 when all are valid, 1 otherwise.
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "model/io/project_file.h"

namespace kvlab::cli {
namespace {

struct ValidateOptions {
  std::vector<std::string> files;
  bool json = false;
  bool quiet = false;
};

nlohmann::ordered_json diagnosticJson(const model::Diagnostic& d) {
  nlohmann::ordered_json out = {
      {"severity", d.severity == model::Severity::Error ? "error" : "warning"},
      {"file", d.file},
      {"path", d.path}};
  if (d.line) out["line"] = *d.line;
  if (d.column) out["column"] = *d.column;
  out["message"] = d.message;
  return out;
}

int runValidate(const ValidateOptions& options) {
  bool allValid = true;
  nlohmann::ordered_json report = {{"files", nlohmann::ordered_json::array()}};
  for (const std::string& file : options.files) {
    model::ProjectLoadResult result = model::loadProjectFile(file);
    const bool valid = result.ok();
    allValid = allValid && valid;
    if (options.json) {
      nlohmann::ordered_json entry = {{"file", file},
                                      {"valid", valid},
                                      {"errors", result.diagnostics.errorCount()},
                                      {"warnings", result.diagnostics.warningCount()},
                                      {"diagnostics", nlohmann::ordered_json::array()}};
      for (const model::Diagnostic& d : result.diagnostics.items()) {
        if (options.quiet && d.severity == model::Severity::Warning) continue;
        entry["diagnostics"].push_back(diagnosticJson(d));
      }
      report["files"].push_back(std::move(entry));
      continue;
    }
    for (const model::Diagnostic& d : result.diagnostics.items()) {
      if (options.quiet && d.severity == model::Severity::Warning) continue;
      std::cerr << model::formatDiagnostic(d) << "\n";
    }
    if (valid) {
      const model::Project& p = *result.project;
      std::cout << file << ": valid (" << p.entities.size() << " entities, "
                << p.accessPatterns.size() << " access patterns, " << p.designs.size()
                << " designs";
      if (result.diagnostics.warningCount() > 0) {
        std::cout << ", " << result.diagnostics.warningCount() << " warnings";
      }
      std::cout << ")\n";
    } else {
      std::cerr << file << ": invalid (" << result.diagnostics.errorCount() << " errors)\n";
    }
  }
  if (options.json)
    std::cout << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return allValid ? kExitOk : kExitInvalid;
}

}  // namespace

void addValidateCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* command = app.add_subcommand(
      "validate",
      "Check project files (.kvlab.json or .kvlab): every field, every reference, every key "
      "template. Exit 0 when all are valid, 1 when any is not.");
  command->add_option("FILE", options->files, "Project files to check")->required();
  command->add_flag("--json", options->json,
                    "Print machine-readable diagnostics on standard output");
  command->add_flag("-q,--quiet", options->quiet, "Leave out warnings");
  command->callback([options, &exitCode] { exitCode = runValidate(*options); });
}

}  // namespace kvlab::cli
