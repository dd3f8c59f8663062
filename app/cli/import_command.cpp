// kvlab import FILE --from FORMAT [-o OUT]: a NoSQL Workbench model or a CloudFormation template
// as a kvlab/1 project.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/cli/commands.h"
#include "model/interop/importers.h"
#include "model/io/project_file.h"
#include "model/io/project_json.h"
#include "model/schema/project_validator.h"

namespace kvlab::cli {
namespace {

struct ImportOptions {
  std::string input;
  std::string from;
  std::string output;
};

// FILE's stem + ".kvlab.json", in the current directory: "models/Shop.json" -> "Shop.kvlab.json".
std::string defaultOutput(const std::string& input) {
  std::string stem = std::filesystem::path(input).filename().string();
  for (const char* extension : {".json", ".yaml", ".yml", ".template"}) {
    const std::string ext = extension;
    if (stem.size() > ext.size() && stem.compare(stem.size() - ext.size(), ext.size(), ext) == 0) {
      stem.resize(stem.size() - ext.size());
      break;
    }
  }
  return stem + ".kvlab.json";
}

int runImport(const ImportOptions& options) {
  const model::interop::Importer* importer = model::interop::findImporter(options.from);
  if (importer == nullptr) {
    std::cerr << "kvlab import: unknown format '" << options.from << "'\n";
    return kExitUsage;
  }
  std::ifstream in(options.input, std::ios::binary);
  if (!in) {
    std::cerr << "kvlab import: cannot read " << options.input << "; nothing was written\n";
    return kExitInvalid;
  }
  std::ostringstream text;
  text << in.rdbuf();
  model::interop::ImportResult result = importer->read(text.str(), options.input);
  if (!result.ok()) {
    std::cerr << result.status.message() << "\n"
              << "kvlab import: " << options.input << " is not a " << importer->description
              << "; nothing was written\n";
    return kExitInvalid;
  }
  model::Diagnostics diagnostics;
  model::validateProject(result.project, options.input, diagnostics);
  if (diagnostics.hasErrors()) {
    for (const model::Diagnostic& d : diagnostics.items()) {
      if (d.severity == model::Severity::Error) std::cerr << model::formatDiagnostic(d) << "\n";
    }
    std::cerr << "kvlab import: the project made from " << options.input
              << " does not validate; nothing was written\n";
    return kExitInvalid;
  }
  for (const std::string& note : result.notes) std::cerr << options.input << ": " << note << "\n";

  const std::string output = options.output.empty() ? defaultOutput(options.input) : options.output;
  if (output == "-") {
    std::cout << model::writeProjectJson(result.project);
    return kExitOk;
  }
  if (Status saved = model::saveProjectFile(result.project, output); !saved.ok()) {
    std::cerr << "kvlab import: " << saved.message() << "\n";
    return kExitInvalid;
  }
  std::cout << "wrote " << output << " (" << result.project.entities.size() << " entities, "
            << result.project.designs.size() << " designs)\n";
  return kExitOk;
}

}  // namespace

void addImportCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<ImportOptions>();
  std::vector<std::string> formats;
  std::string formatHelp = "The format of FILE:";
  for (const auto& importer : model::interop::importers()) {
    formats.emplace_back(importer.name);
    formatHelp += "\n  " + std::string(importer.name) + ": " + std::string(importer.description);
  }
  CLI::App* command = app.add_subcommand(
      "import",
      "Make a kvlab/1 project from a NoSQL Workbench model or a CloudFormation template: one "
      "design per table. The project must validate; a failed import writes nothing.");
  command->add_option("FILE", options->input, "The file to read")->required();
  command->add_option("--from", options->from, formatHelp)
      ->required()
      ->check(CLI::IsMember(formats));
  command->add_option("-o,--output", options->output,
                      "The project to write (.kvlab.json, or .kvlab for the native file; - for "
                      "standard output). Default: FILE's name without its extension + "
                      ".kvlab.json, in the current directory");
  command->callback([options, &exitCode] { exitCode = runImport(*options); });
}

}  // namespace kvlab::cli
