// kvlab convert IN OUT: between the text form (.kvlab.json) and the native file (.kvlab).
#include <filesystem>
#include <iostream>

#include "app/cli/commands.h"
#include "model/io/project_file.h"

namespace kvlab::cli {
namespace {

struct ConvertOptions {
  std::string input;
  std::string output;
};

int runConvert(const ConvertOptions& options) {
  model::ProjectLoadResult result = model::loadProjectFile(options.input);
  for (const model::Diagnostic& d : result.diagnostics.items()) {
    std::cerr << model::formatDiagnostic(d) << "\n";
  }
  if (!result.ok()) {
    std::cerr << "kvlab convert: " << options.input << " is not valid; nothing was written\n";
    return kExitInvalid;
  }
  if (Status saved = model::saveProjectFile(*result.project, options.output); !saved.ok()) {
    std::cerr << "kvlab convert: " << saved.message() << "\n";
    return kExitInvalid;
  }
  const bool native = model::projectFileFormFor(options.output) == model::ProjectFileForm::Native;
  if (!native && !result.project->runs.empty()) {
    std::cerr << "kvlab convert: note: the " << result.project->runs.size() << " saved run(s) of "
              << options.input << " are not written: only the native file (.kvlab) keeps runs\n";
  }
  std::cout << "wrote " << options.output << " (" << (native ? "native .kvlab" : "kvlab/1 JSON")
            << ")\n";
  return kExitOk;
}

}  // namespace

void addConvertCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<ConvertOptions>();
  CLI::App* command = app.add_subcommand(
      "convert",
      "Convert a project between the text form (NAME.kvlab.json) and the native file "
      "(NAME.kvlab), either way; the form is chosen by OUT's extension. The input must be valid; "
      "the output is written atomically.");
  command->add_option("IN", options->input, "The project to read")->required();
  command->add_option("OUT", options->output, "The file to write (.kvlab or .kvlab.json)")
      ->required();
  command->callback([options, &exitCode] { exitCode = runConvert(*options); });
}

}  // namespace kvlab::cli
