// kvlab bench [--json] [--quick]: the speed of the simulator and the modeler, each case measured
// beside a baseline in the same process. The wall clock (std::chrono::steady_clock) is read here
// only, around whole runs; it never enters a simulation's result. See docs/performance.md.
#include <algorithm>
#include <chrono>
#include <exception>
#include <iomanip>
#include <iostream>
#include <thread>
#include <vector>

#include <sstream>
#include "app/cli/bench_cases.h"
#include "app/cli/commands.h"
#include "model/design/planner.h"

namespace kvlab::cli {
namespace {

struct BenchCase {
  std::string name;
  std::string unit;
  double rate = 0;
  double baselineRate = 0;
  double ratio = 0;  // rate / baselineRate
};

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Repeats `once` (which returns how many units it did) until `seconds` of wall time have passed;
// units per second.
template <typename Once>
double ratePer(double seconds, Once once) {
  const auto start = Clock::now();
  double units = 0;
  double elapsed = 0;
  do {
    units += static_cast<double>(once());
    elapsed = secondsSince(start);
  } while (elapsed < seconds);
  return units / std::max(elapsed, 1e-9);
}

constexpr std::int64_t kItems = 1000000;
constexpr double kRequestsPerSecond = 100000;  // simulated, per virtual second

BenchCase dynamoCase(const std::string& name, int readPercent, double seconds,
                     const model::capacity::PriceSheet& prices) {
  const model::Project project = bench::dynamoProject(kItems, readPercent, kRequestsPerSecond);
  // A run of this many virtual seconds (100,000 requests each) takes a fraction of a second.
  const double virtualSeconds = seconds >= 0.5 ? 2 : 1;
  std::uint64_t seed = 1;
  BenchCase c{name, "simulated requests/s"};
  c.rate = ratePer(
      seconds, [&] { return bench::simulateRequests(project, prices, virtualSeconds, seed++); });
  bench::LookupBaseline baseline(kItems);
  std::uint64_t checksum = 0;
  c.baselineRate = ratePer(seconds, [&] {
    constexpr std::int64_t kBatch = 100000;
    checksum += baseline.run(kBatch, seed++);
    return kBatch;
  });
  // run() lives in another translation unit, so its lookups cannot be optimized away.
  (void)checksum;
  c.ratio = c.rate / c.baselineRate;
  return c;
}

BenchCase modelerCase(double seconds, const model::capacity::PriceSheet& prices) {
  const model::Project project = bench::modelerProject(40, 120);
  BenchCase c{"modeler-generated", "proposals/s"};
  // At least one modeler run, however long it takes.
  c.rate = ratePer(seconds, [&] { return bench::proposeCount(project, prices); });
  const model::Design first = bench::firstProposal(project, prices);
  c.baselineRate = ratePer(seconds, [&] {
    bench::planOnce(project, first, prices);
    return 1;
  });
  c.ratio = c.rate / c.baselineRate;
  return c;
}

BenchCase parallelCase(double seconds, const model::capacity::PriceSheet& prices) {
  const model::Project project = bench::dynamoProject(kItems, 95, kRequestsPerSecond);
  const double virtualSeconds = seconds >= 0.5 ? 2 : 1;
  // Sequential: two runs one after the other; parallel: the same two runs on two threads.
  std::uint64_t seed = 1;
  BenchCase c{"parallel-dynamodb", "simulated requests/s"};
  c.baselineRate = ratePer(seconds, [&] {
    const std::int64_t a = bench::simulateRequests(project, prices, virtualSeconds, seed);
    const std::int64_t b = bench::simulateRequests(project, prices, virtualSeconds, seed + 1);
    seed += 2;
    return a + b;
  });
  c.rate = ratePer(seconds, [&] {
    std::int64_t a = 0;
    std::exception_ptr failure;
    std::thread other([&] {
      try {
        a = bench::simulateRequests(project, prices, virtualSeconds, seed);
      } catch (...) {
        failure = std::current_exception();
      }
    });
    const std::int64_t b = bench::simulateRequests(project, prices, virtualSeconds, seed + 1);
    other.join();
    if (failure) std::rethrow_exception(failure);
    seed += 2;
    return a + b;
  });
  c.ratio = c.rate / c.baselineRate;
  return c;
}

// For the table: whole numbers from 100 up, two decimals below.
std::string readable(double value) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(value >= 100 ? 0 : 2) << value;
  return out.str();
}

std::string jsonNumber(double value) {
  std::ostringstream out;
  out << std::setprecision(6) << value;
  return out.str();
}

int runBench(bool json, bool quick) {
  // Wall time per measured side: a case is a run and its baseline.
  const double seconds = quick ? 0.1 : 0.75;
  std::vector<BenchCase> cases;
  try {
    const model::capacity::PriceSheet prices = bench::defaultPrices();
    cases.push_back(dynamoCase("dynamodb-read-heavy", 95, seconds, prices));
    cases.push_back(dynamoCase("dynamodb-write-heavy", 50, seconds, prices));
    cases.push_back(modelerCase(seconds, prices));
    cases.push_back(parallelCase(seconds, prices));
  } catch (const std::exception& e) {
    std::cerr << "kvlab bench: " << e.what() << "\n";
    return kExitInvalid;
  }
  if (json) {
    std::cout << "{\"cases\": [";
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const BenchCase& c = cases[i];
      std::cout << (i ? ", " : "") << "{\"name\": \"" << c.name << "\", \"unit\": \"" << c.unit
                << "\", \"rate\": " << jsonNumber(c.rate)
                << ", \"baselineRate\": " << jsonNumber(c.baselineRate)
                << ", \"ratio\": " << jsonNumber(c.ratio) << "}";
    }
    std::cout << "]}\n";
    return kExitOk;
  }
  std::cout << std::left << std::setw(22) << "case" << std::setw(22) << "unit" << std::right
            << std::setw(14) << "rate" << std::setw(14) << "baseline" << std::setw(10) << "ratio"
            << "\n";
  for (const BenchCase& c : cases) {
    std::cout << std::left << std::setw(22) << c.name << std::setw(22) << c.unit << std::right
              << std::setw(14) << readable(c.rate) << std::setw(14) << readable(c.baselineRate)
              << std::setw(10) << readable(c.ratio) << "\n";
  }
  std::cout << "\nBaselines: dynamodb-*: zipfian keys looked up in a hash map; "
               "modeler-generated: planDesign of the first proposal (the ratio is 1 / how many "
               "plans one proposal costs); parallel-dynamodb: the same two runs one after the "
               "other (the ratio is the speed-up).\n";
  return kExitOk;
}

}  // namespace

void addBenchCommand(CLI::App& app, int& exitCode) {
  auto json = std::make_shared<bool>(false);
  auto quick = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand(
      "bench",
      "Measure the simulator and the modeler in wall time, each beside a baseline "
      "(docs/performance.md)");
  command->add_flag("--json", *json, "Print {\"cases\": [...]} as JSON");
  command->add_flag("--quick", *quick, "Shrink every case to about 0.2 s");
  command->callback([json, quick, &exitCode] { exitCode = runBench(*json, *quick); });
}

}  // namespace kvlab::cli
