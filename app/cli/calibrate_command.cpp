// kvlab calibrate FILE --engine relational|cache --connection URL [-o OUT] [--seconds S]
// [--no-check]: fits the engine's service model to a real server (simulator/backends/
// calibration.h), writes the calibrated data file, then sets the model beside the server at
// several loads (the agreement report; docs/calibration.md).
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/cli/commands.h"
#include "app/cli/number_format.h"
#include "app/cli/project_loading.h"
#include "model/capacity/price_sheet.h"
#include "model/io/atomic_file.h"
#include "simulator/backends/calibration.h"

namespace kvlab::cli {
namespace {

struct CalibrateOptions {
  std::string file;
  std::string engine;
  std::string connection;
  std::string output;
  double seconds = 3;
  bool noCheck = false;
};

void printAgreement(const std::vector<sim::AgreementRow>& rows, double maxThroughput,
                    std::ostream& out) {
  out << "\nThe model beside the server (latency in ms; throughput in requests a second):\n"
      << "  load   offered   real p50   model p50  ratio   real p99   model p99  ratio"
         "   real tput  model tput\n";
  for (const sim::AgreementRow& r : rows) {
    auto ratio = [](double model, double real) {
      return real > 0 ? fixedDecimals(model / real, 2) : std::string("-");
    };
    out << std::setw(5) << fixedDecimals(100 * r.offered / std::max(1.0, maxThroughput), 0) << "%"
        << std::setw(10) << fixedDecimals(r.offered, 0) << std::setw(11)
        << fixedDecimals(r.realP50, 3) << std::setw(12) << fixedDecimals(r.modelP50, 3)
        << std::setw(7) << ratio(r.modelP50, r.realP50) << std::setw(11)
        << fixedDecimals(r.realP99, 3) << std::setw(12) << fixedDecimals(r.modelP99, 3)
        << std::setw(7) << ratio(r.modelP99, r.realP99) << std::setw(12)
        << fixedDecimals(r.realThroughput, 0) << std::setw(12)
        << fixedDecimals(r.modelThroughput, 0) << "\n";
  }
}

int runCalibrate(const CalibrateOptions& options) {
  if (options.engine != "relational" && options.engine != "cache") {
    std::cerr << "kvlab calibrate: --engine " << options.engine
              << ": expected relational (a PostgreSQL server) or cache (a Redis server)\n";
    return kExitUsage;
  }
  auto project = loadValidProject(options.file);
  if (!project) return kExitInvalid;
  auto prices = model::capacity::PriceSheet::load(model::capacity::defaultPriceSheetPath());
  if (!prices.ok()) {
    std::cerr << "kvlab calibrate: cannot read the default price sheet\n";
    return kExitInvalid;
  }
  sim::CalibrationRun run;
  run.engine = options.engine;
  run.connection = options.connection;
  run.seconds = options.seconds;
  const sim::CalibrationOutcome outcome = sim::calibrate(*project, *prices.sheet, run);
  if (!outcome.status.ok()) {
    std::cerr << "kvlab calibrate: " << outcome.status.message() << "\n";
    return kExitInvalid;
  }
  for (const std::string& line : outcome.lines) std::cout << line << "\n";
  const std::string output =
      options.output.empty() ? "calibration-" + options.engine + ".json" : options.output;
  if (Status written = model::writeFileAtomically(output, outcome.dataFile); !written.ok()) {
    std::cerr << "kvlab calibrate: " << written.message() << "\n";
    return kExitInvalid;
  }
  std::cout << "Wrote " << output << ": simulate with it: kvlab simulate " << options.file
            << " --engine " << options.engine << " --calibration " << output << "\n";
  if (options.noCheck) return kExitOk;
  std::vector<sim::AgreementRow> rows;
  if (Status s = sim::checkAgreement(*project, *prices.sheet, run, output, outcome.maxThroughput,
                                     {0.1, 0.5, 0.8, 1.5}, rows);
      !s.ok()) {
    std::cerr << "kvlab calibrate: checking the model: " << s.message() << "\n";
    return kExitInvalid;
  }
  printAgreement(rows, outcome.maxThroughput, std::cout);
  return kExitOk;
}

}  // namespace

int runLatencyCheck(const std::string& file, const std::string& engine,
                    const std::string& connection, const std::string& calibrationFile,
                    double seconds) {
  std::string calibratedEngine;
  double maxThroughput = 0;
  if (Status s = sim::readCalibrationHeader(calibrationFile, calibratedEngine, maxThroughput);
      !s.ok()) {
    std::cerr << "kvlab check-model: --calibration " << s.message() << "\n";
    return kExitInvalid;
  }
  if (calibratedEngine != engine) {
    std::cerr << "kvlab check-model: " << calibrationFile << " calibrates the " << calibratedEngine
              << " engine, not " << engine << "\n";
    return kExitUsage;
  }
  auto project = loadValidProject(file);
  if (!project) return kExitInvalid;
  auto prices = model::capacity::PriceSheet::load(model::capacity::defaultPriceSheetPath());
  if (!prices.ok()) {
    std::cerr << "kvlab check-model: cannot read the default price sheet\n";
    return kExitInvalid;
  }
  sim::CalibrationRun run;
  run.engine = engine;
  run.connection = connection;
  run.seconds = seconds;
  std::vector<sim::AgreementRow> rows;
  if (Status s = sim::checkAgreement(*project, *prices.sheet, run, calibrationFile, maxThroughput,
                                     {0.1, 0.5, 0.8, 1.5}, rows);
      !s.ok()) {
    std::cerr << "kvlab check-model: " << s.message() << "\n";
    return kExitInvalid;
  }
  printAgreement(rows, maxThroughput, std::cout);
  // The bar: within a factor of 1.5 at low and moderate load (up to 80% of what the
  // server sustained), in median latency and in throughput.
  int outside = 0;
  for (const sim::AgreementRow& r : rows) {
    if (r.offered > 0.85 * maxThroughput) continue;
    auto within = [](double model, double real) {
      return real > 0 && model / real <= 1.5 && real / model <= 1.5;
    };
    if (!within(r.modelP50, r.realP50) || !within(r.modelThroughput, r.realThroughput)) ++outside;
  }
  if (outside > 0) {
    std::cout << outside << " load level(s) up to 80% differ by more than a factor of 1.5\n";
    return kExitInvalid;
  }
  std::cout << "Within a factor of 1.5 up to 80% of the throughput the server sustained.\n";
  return kExitOk;
}

void addCalibrateCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<CalibrateOptions>();
  CLI::App* command = app.add_subcommand(
      "calibrate",
      "Fit the relational or cache engine's service times to a real PostgreSQL or Redis server, "
      "write them as a data file for --calibration, and show the model beside the server at "
      "several loads");
  command->add_option("FILE", options->file, "The project whose workload is measured")->required();
  command->add_option("--engine", options->engine, "relational or cache")->required();
  command
      ->add_option("--connection", options->connection,
                   "The server: a libpq URL (relational) or redis://HOST:PORT/DB (cache); "
                   "nothing else is contacted")
      ->required();
  command->add_option("-o,--output", options->output,
                      "The calibration file (default calibration-ENGINE.json)");
  command->add_option("--seconds", options->seconds, "Seconds per measurement (default 3)")
      ->check(CLI::Range(0.5, 600.0));
  command->add_flag("--no-check", options->noCheck, "Skip the agreement report");
  command->callback([options, &exitCode] { exitCode = runCalibrate(*options); });
}

}  // namespace kvlab::cli
