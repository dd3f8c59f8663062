// kvlab: the command line of KV Lab. Thin: each subcommand lives in its own file.
#include <iostream>

#include "app/cli/commands.h"

int main(int argc, char** argv) {
  using namespace kvlab::cli;
  CLI::App app{
      "KV Lab: design key-value schemas (above all DynamoDB single-table designs), and see what "
      "they cost and where they run hot.",
      "kvlab"};
  app.set_version_flag("--version", std::string("kvlab ") + KVLAB_VERSION);
  app.require_subcommand(1);
  app.footer("Run 'kvlab help COMMAND' (or 'kvlab COMMAND --help') for a command's options.");

  int exitCode = kExitOk;
  addValidateCommand(app, exitCode);
  addConvertCommand(app, exitCode);
  addSummaryCommand(app, exitCode);
  addPlanCommand(app, exitCode);
  addSimulateCommand(app, exitCode);
  addProposeCommand(app, exitCode);
  addCompareCommand(app, exitCode);
  addBenchCommand(app, exitCode);
  addImportCommand(app, exitCode);
  addExportCommand(app, exitCode);
  addReportCommand(app, exitCode);
  addCheckModelCommand(app, exitCode);
  addCalibrateCommand(app, exitCode);

  std::string helpTopic;
  CLI::App* help = app.add_subcommand("help", "Show the help of a command");
  help->add_option("COMMAND", helpTopic, "The command to explain");
  help->callback([&] {
    if (helpTopic.empty()) {
      std::cout << app.help();
      return;
    }
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
      if (sub->get_name() == helpTopic && sub != help) {
        std::cout << sub->help();
        return;
      }
    }
    std::cerr << "kvlab: unknown command '" << helpTopic << "'\n"
              << "Run 'kvlab --help' for the list of commands.\n";
    exitCode = kExitUsage;
  });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::cerr << "kvlab: " << e.what() << "\n"
              << "Run 'kvlab --help' for usage.\n";
    return kExitUsage;
  }
  return exitCode;
}
