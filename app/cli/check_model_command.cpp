// kvlab check-model FILE --design NAME --engine dynamodb-api --endpoint URL: the model's figures
// beside a real server's. For DynamoDB: each pattern's planned read and write units per request
// beside the ConsumedCapacity the server returns for the same items. Other engines (latency
// agreement for the relational and cache engines) may add their rows here.
#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "app/cli/commands.h"
#include "app/cli/project_loading.h"
#include "simulator/backends/dynamodb_api_replay.h"

namespace kvlab::cli {
namespace {

struct CheckModelOptions {
  std::string file;
  std::string design;
  std::string engine;
  std::string endpoint;
  std::string connection;   // relational, cache: the real server
  std::string calibration;  // relational, cache: the file kvlab calibrate wrote
  double seconds = 3;       // relational, cache: per load level
  double tolerance = 0.01;
  std::int64_t items = 3000;
  bool keep = false;
};

std::string units(double value) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(value == std::floor(value) ? 0 : 2) << value;
  return out.str();
}

int runDynamoDbCheck(const CheckModelOptions& options) {
  if (options.endpoint.empty()) {
    std::cerr << "kvlab check-model: --engine dynamodb-api needs --endpoint (a URL such as "
                 "http://127.0.0.1:8000)\n";
    return kExitUsage;
  }
  auto project = loadValidProject(options.file);
  if (!project) return kExitInvalid;
  const model::Design* design = chooseDesign(*project, options.design, options.file);
  if (design == nullptr) return kExitInvalid;
  sim::DynamoDbApiOptions api;
  api.endpoint = options.endpoint;
  api.design = design->name;
  api.maxItems = options.items;
  api.keepTable = options.keep;
  const sim::UnitsAgreement check = sim::checkUnitsAgreement(*project, api, options.tolerance);
  if (!check.status.ok()) {
    std::cerr << "kvlab check-model: " << check.status.message() << "\n";
    return kExitInvalid;
  }
  std::cout << "Units agreement: design " << check.design << " on " << check.endpoint << " (table "
            << check.table << ")\n";
  for (const std::string& note : check.notes) std::cout << "  " << note << "\n";
  std::cout << "\n"
            << std::left << std::setw(12) << "pattern" << std::setw(20) << "operation"
            << std::setw(8) << "index" << std::right << std::setw(11) << "planned RU"
            << std::setw(12) << "measured RU" << std::setw(11) << "planned WU" << std::setw(12)
            << "measured WU" << std::setw(8) << "ratio"
            << "  agrees\n";
  int disagreements = 0;
  int unmeasured = 0;
  std::vector<std::string> footnotes;
  for (const sim::UnitsAgreementRow& row : check.rows) {
    std::cout << std::left << std::setw(12) << row.patternId << std::setw(20) << row.operation
              << std::setw(8) << row.index << std::right << std::setw(11) << units(row.plannedRead);
    if (!row.measured) {
      ++unmeasured;
      std::cout << std::setw(12) << "-" << std::setw(11) << units(row.plannedWrite) << std::setw(12)
                << "-" << std::setw(8) << "-"
                << "  not run [" << footnotes.size() + 1 << "]\n";
      footnotes.push_back(row.patternId + ": " + row.note);
      continue;
    }
    std::ostringstream ratio;
    ratio << std::fixed << std::setprecision(2) << row.ratio();
    std::cout << std::setw(12) << units(row.measuredRead) << std::setw(11)
              << units(row.plannedWrite) << std::setw(12) << units(row.measuredWrite)
              << std::setw(8) << ratio.str() << "  " << (row.agrees ? "yes" : "NO");
    if (!row.agrees) ++disagreements;
    if (row.relation != "equal") {
      std::cout << " [" << footnotes.size() + 1 << "]";
      footnotes.push_back(row.patternId + ": expected RU " + units(row.expectedRead) + ", WU " +
                          units(row.expectedWrite) + " (within " + units(row.tolerance) +
                          "): " + row.relation);
    }
    std::cout << "\n";
  }
  if (!footnotes.empty()) std::cout << "\n";
  for (std::size_t i = 0; i < footnotes.size(); ++i) {
    std::cout << "[" << i + 1 << "] " << footnotes[i] << "\n";
  }
  std::cout << "\nratio = measured / expected (expected = planned unless a note says otherwise); "
               "tolerance "
            << options.tolerance << " units.\n";
  if (disagreements > 0 || unmeasured > 0) {
    std::cout << disagreements << " pattern(s) differ beyond the tolerance, " << unmeasured
              << " not run.\n";
    return kExitInvalid;
  }
  std::cout << "Every pattern agrees.\n";
  return kExitOk;
}

}  // namespace

void addCheckModelCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<CheckModelOptions>();
  CLI::App* command = app.add_subcommand(
      "check-model",
      "Check the model against a real server: for --engine dynamodb-api, each pattern's planned "
      "read and write units per request beside the ConsumedCapacity the server returns for the "
      "same items (exit 1 when any differs beyond the tolerance)");
  command->add_option("FILE", options->file, "The project")->required();
  command->add_option("--design", options->design,
                      "The design (may be left out when the project has one)");
  command
      ->add_option("--engine", options->engine,
                   "The engine to check: dynamodb-api (units), relational or cache (latency and "
                   "throughput at several loads)")
      ->required();
  command->add_option("--endpoint", options->endpoint,
                      "dynamodb-api: the server's URL (http://127.0.0.1:8000 for a local one); "
                      "nothing else is contacted. A table of its own is created and deleted");
  command
      ->add_option("--tolerance", options->tolerance,
                   "Units a measured figure may differ from the expected one (default 0.01)")
      ->check(CLI::Range(0.0, 1000.0));
  command
      ->add_option("--items", options->items,
                   "Items loaded, every entity together, about (default 3000)")
      ->check(CLI::Range(10, 1000000));
  command->add_flag("--keep", options->keep, "Keep the table and its items afterwards");
  command->add_option("--connection", options->connection,
                      "relational, cache: the real server (a libpq URL or redis://HOST:PORT/DB)");
  command->add_option("--calibration", options->calibration,
                      "relational, cache: the calibration file from kvlab calibrate (its "
                      "measured throughput sets the load levels)");
  command->add_option("--seconds", options->seconds, "relational, cache: seconds per load level")
      ->check(CLI::Range(0.5, 600.0));
  command->callback([options, &exitCode] {
    if (options->engine == "relational" || options->engine == "cache") {
      if (options->connection.empty() || options->calibration.empty()) {
        std::cerr << "kvlab check-model: --engine " << options->engine
                  << " needs --connection and --calibration (run kvlab calibrate first)\n";
        exitCode = kExitUsage;
        return;
      }
      exitCode = runLatencyCheck(options->file, options->engine, options->connection,
                                 options->calibration, options->seconds);
      return;
    }
    if (options->engine != "dynamodb-api") {
      std::cerr << "kvlab check-model: --engine " << options->engine
                << ": expected dynamodb-api, relational or cache\n";
      exitCode = kExitUsage;
      return;
    }
    exitCode = runDynamoDbCheck(*options);
  });
}

}  // namespace kvlab::cli
