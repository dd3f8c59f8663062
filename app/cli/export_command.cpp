// kvlab export FILE --design NAME --to FORMAT -o OUT: a design in another tool's format.
#include <iostream>

#include "app/cli/commands.h"
#include "app/cli/project_loading.h"
#include "model/interop/exporters.h"
#include "model/io/atomic_file.h"

namespace kvlab::cli {
namespace {

struct ExportCommandOptions {
  std::string input;
  std::vector<std::string> designs;
  std::string to;
  std::string output;
  bool yaml = false;
};

bool endsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int runExport(const ExportCommandOptions& options) {
  const model::interop::Exporter* exporter = model::interop::findExporter(options.to);
  if (exporter == nullptr) {
    std::cerr << "kvlab export: unknown format '" << options.to << "'\n";
    return kExitUsage;
  }
  std::optional<model::Project> project = loadValidProject(options.input);
  if (!project) return kExitInvalid;

  std::vector<const model::Design*> designs;
  if (options.designs.empty()) {
    const model::Design* design = chooseDesign(*project, "", options.input);
    if (design == nullptr) return kExitUsage;
    designs.push_back(design);
  }
  for (const std::string& name : options.designs) {
    const model::Design* design = chooseDesign(*project, name, options.input);
    if (design == nullptr) return kExitUsage;
    designs.push_back(design);
  }
  if (exporter->maxDesigns != 0 && designs.size() > exporter->maxDesigns) {
    std::cerr << "kvlab export: --to " << exporter->name << " writes " << exporter->maxDesigns
              << " design per file; give one --design\n";
    return kExitUsage;
  }

  model::interop::ExportOptions exportOptions;
  exportOptions.yaml =
      options.yaml || endsWith(options.output, ".yaml") || endsWith(options.output, ".yml");
  std::string text;
  if (Status written = exporter->write(*project, designs, exportOptions, text); !written.ok()) {
    std::cerr << "kvlab export: " << options.input << ": " << written.message()
              << "; nothing was written\n";
    return kExitInvalid;
  }
  if (options.output == "-") {
    std::cout << text;
    return kExitOk;
  }
  if (Status saved = model::writeFileAtomically(options.output, text); !saved.ok()) {
    std::cerr << "kvlab export: " << saved.message() << "\n";
    return kExitInvalid;
  }
  std::cout << "wrote " << options.output << " (" << exporter->name << ", " << designs.size()
            << (designs.size() == 1 ? " design" : " designs") << ")\n";
  return kExitOk;
}

}  // namespace

void addExportCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<ExportCommandOptions>();
  std::vector<std::string> formats;
  std::string formatHelp = "The format to write:";
  for (const auto& exporter : model::interop::exporters()) {
    formats.emplace_back(exporter.name);
    formatHelp += "\n  " + std::string(exporter.name) + ": " + std::string(exporter.description);
  }
  CLI::App* command = app.add_subcommand(
      "export",
      "Write a design of a project in another tool's format: a NoSQL Workbench model, a "
      "CloudFormation template, the AWS CLI's create-table input or a OneTable schema. The "
      "project must be valid; OUT is written atomically.");
  command->add_option("FILE", options->input, "The project to read")->required();
  command->add_option("--design", options->designs,
                      "The design to export (may be left out when the project has one; "
                      "nosql-workbench and cloudformation take several, one table each)");
  command->add_option("--to", options->to, formatHelp)->required()->check(CLI::IsMember(formats));
  command->add_option("-o,--output", options->output, "The file to write (- for standard output)")
      ->required();
  command->add_flag("--yaml", options->yaml,
                    "cloudformation: write YAML (also chosen by an OUT ending in .yaml or .yml)");
  command->callback([options, &exitCode] { exitCode = runExport(*options); });
}

}  // namespace kvlab::cli
