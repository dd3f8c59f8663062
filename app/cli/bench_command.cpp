// kvlab bench [--json] [--quick]: the speed of the simulator and the modeler, each case measured
// beside a baseline in the same process. The wall clock (std::chrono::steady_clock) is read here
// only, around whole runs; it never enters a simulation's result. See docs/performance.md.
#include <algorithm>
#include <chrono>
#include <exception>
#include <functional>
#include <iomanip>
#include <iostream>
#include <thread>
#include <vector>

#include <sstream>
#include "app/cli/bench_cases.h"
#include "app/cli/commands.h"
#include "model/design/planner.h"
#include "simulator/engines/engine_registry.h"

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

// Measures a case and its baseline in turns, each call of one followed by calls of the other
// until it has had as much wall time, until each has had `seconds`: on a shared machine both
// sides then see the same load, and the ratio means more than either rate. {rate, baselineRate}.
template <typename Case, typename Baseline>
std::pair<double, double> ratesInTurns(double seconds, Case once, Baseline baselineOnce) {
  double units[2] = {0, 0};
  double elapsed[2] = {0, 0};
  while (elapsed[0] < seconds || elapsed[1] < seconds) {
    const int side = elapsed[0] <= elapsed[1] ? 0 : 1;
    const auto start = Clock::now();
    units[side] += static_cast<double>(side == 0 ? once() : baselineOnce());
    elapsed[side] += secondsSince(start);
  }
  return {units[0] / std::max(elapsed[0], 1e-9), units[1] / std::max(elapsed[1], 1e-9)};
}

constexpr std::int64_t kItems = 1000000;
constexpr double kRequestsPerSecond = 100000;  // simulated, per virtual second

// Virtual seconds per run of the dynamodb and cache cases (100,000 requests each): 10 (a million
// requests, a fraction of a wall second, so that what a run sets up once, the dataset above all,
// weighs as it does in a user's run); 2 for --quick.
double runSeconds(double wallSecondsPerSide) { return wallSecondsPerSide >= 0.5 ? 10 : 2; }

// The baseline of the dynamodb and cache cases: zipfian keys looked up in a hash map, 100,000 a
// call. run() lives in another translation unit, so its lookups cannot be optimized away.
struct Lookups {
  bench::LookupBaseline table{kItems};
  std::uint64_t seed = 1000;
  std::uint64_t checksum = 0;
  std::int64_t operator()() {
    constexpr std::int64_t kBatch = 100000;
    checksum += table.run(kBatch, seed++);
    return kBatch;
  }
};

// A case and its baseline measured in turns.
BenchCase measured(const std::string& name, const std::string& unit,
                   std::pair<double, double> rates) {
  return BenchCase{name, unit, rates.first, rates.second, rates.first / rates.second};
}

// dynamodb-read-heavy and -write-heavy run on bench::warmTable(); dynamodb-throttle-storm keeps a
// new table's 12,000 read units and spends its first seconds throttling and retrying.
BenchCase dynamoCase(const std::string& name, int readPercent, double seconds,
                     const model::capacity::PriceSheet& prices,
                     const sim::EngineSettings& settings) {
  const model::Project project = bench::dynamoProject(kItems, readPercent, kRequestsPerSecond);
  const double virtualSeconds = runSeconds(seconds);
  std::uint64_t seed = 1;
  Lookups lookups;
  return measured(name, "simulated requests/s",
                  ratesInTurns(
                      seconds,
                      [&] {
                        return bench::simulateRequests(project, prices, virtualSeconds, seed++,
                                                       "dynamodb", settings);
                      },
                      std::ref(lookups)));
}

// The cache engine (Redis model) on the same 95/5 workload, beside the same lookups.
BenchCase cacheCase(double seconds, const model::capacity::PriceSheet& prices) {
  const model::Project project = bench::dynamoProject(kItems, 95, kRequestsPerSecond);
  const double virtualSeconds = runSeconds(seconds);
  std::uint64_t seed = 1;
  Lookups lookups;
  return measured(
      "cache-read-heavy", "simulated requests/s",
      ratesInTurns(
          seconds,
          [&] { return bench::simulateRequests(project, prices, virtualSeconds, seed++, "cache"); },
          std::ref(lookups)));
}

// The relational engine at a rate its modeled server serves (2,000 requests a second, 95/5),
// beside the same statements run on its SQLite database directly. Both sides load the database
// once per run or once in all, so long runs keep the load's share small.
BenchCase relationalCase(double seconds, const model::capacity::PriceSheet& prices) {
  const model::Project project = bench::dynamoProject(kItems, 95, 2000);
  const double virtualSeconds = seconds >= 0.5 ? 60 : 10;
  std::uint64_t seed = 1;
  bench::RelationalBaseline baseline(project, prices);
  return measured("relational-read-heavy", "simulated requests/s",
                  ratesInTurns(
                      seconds,
                      [&] {
                        return bench::simulateRequests(project, prices, virtualSeconds, seed++,
                                                       "relational");
                      },
                      [&] { return baseline.run(10000, seed++); }));
}

// Bytes of memory per stored item (the resident set's growth while the dynamodb engine loads
// `items` items) beside the items' own size; the ratio is memory over payload (lower is better).
BenchCase memoryCase(const std::string& name, std::int64_t items,
                     const model::capacity::PriceSheet& prices, std::string& detail) {
  const model::Project project = bench::dynamoProject(items, 95, kRequestsPerSecond);
  const auto start = Clock::now();
  const bench::MemoryUse use = bench::measureDynamoMemory(project, prices);
  const double loadSeconds = secondsSince(start);
  BenchCase c{name, "bytes/item"};
  c.rate = use.residentBytes / static_cast<double>(use.items);
  c.baselineRate = use.payloadBytes / static_cast<double>(use.items);
  c.ratio = c.rate / c.baselineRate;
  std::ostringstream text;
  text << name << ": " << use.items << " items loaded in " << std::setprecision(3) << loadSeconds
       << " s; the engine's own estimate " << use.engineBytes / static_cast<double>(use.items)
       << " bytes/item\n";
  detail += text.str();
  return c;
}

BenchCase modelerCase(const std::string& name, const model::Project& project, double seconds,
                      const model::capacity::PriceSheet& prices) {
  const model::Design first = bench::firstProposal(project, prices);
  // At least one modeler run, however long it takes.
  return measured(name, "proposals/s",
                  ratesInTurns(
                      seconds, [&] { return bench::proposeCount(project, prices); },
                      [&] {
                        bench::planOnce(project, first, prices);
                        return 1;
                      }));
}

BenchCase parallelCase(double seconds, const model::capacity::PriceSheet& prices) {
  const model::Project project = bench::dynamoProject(kItems, 95, kRequestsPerSecond);
  const double virtualSeconds = runSeconds(seconds);
  // Sequential: two runs one after the other; parallel: the same two runs on two threads.
  std::uint64_t seed = 1;
  const auto sequential = [&] {
    const std::int64_t a = bench::simulateRequests(project, prices, virtualSeconds, seed);
    const std::int64_t b = bench::simulateRequests(project, prices, virtualSeconds, seed + 1);
    seed += 2;
    return a + b;
  };
  const auto parallel = [&] {
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
  };
  return measured("parallel-dynamodb", "simulated requests/s",
                  ratesInTurns(seconds, parallel, sequential));
}

// The four engines of `kvlab simulate --engine all` on two threads, beside the same runs one
// after the other: the speed-up of a comparison run.
BenchCase parallelEnginesCase(double seconds, const model::capacity::PriceSheet& prices) {
  const model::Project project = bench::dynamoProject(kItems, 95, 2000);
  const double virtualSeconds = seconds >= 0.5 ? 30 : 5;
  std::uint64_t seed = 1;
  return measured(
      "parallel-engines", "simulated requests/s",
      ratesInTurns(
          seconds,
          [&] { return bench::simulateEveryEngine(project, prices, virtualSeconds, seed++, 2); },
          [&] { return bench::simulateEveryEngine(project, prices, virtualSeconds, seed++, 1); }));
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
  std::string detail;  // printed under the table
  try {
    const model::capacity::PriceSheet prices = bench::defaultPrices();
    cases.push_back(dynamoCase("dynamodb-read-heavy", 95, seconds, prices, bench::warmTable()));
    cases.push_back(dynamoCase("dynamodb-write-heavy", 50, seconds, prices, bench::warmTable()));
    cases.push_back(dynamoCase("dynamodb-throttle-storm", 95, seconds, prices, {}));
    cases.push_back(relationalCase(seconds, prices));
    cases.push_back(cacheCase(seconds, prices));
    cases.push_back(memoryCase("memory-dynamodb-1e6", 1000000, prices, detail));
    if (!quick) cases.push_back(memoryCase("memory-dynamodb-1e7", 10000000, prices, detail));
    cases.push_back(modelerCase("modeler-rubis", bench::rubisProject(), seconds, prices));
    cases.push_back(
        modelerCase("modeler-generated", bench::modelerProject(40, 120), seconds, prices));
    cases.push_back(parallelCase(seconds, prices));
    cases.push_back(parallelEnginesCase(seconds, prices));
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
  std::cout << std::left << std::setw(25) << "case" << std::setw(22) << "unit" << std::right
            << std::setw(14) << "rate" << std::setw(14) << "baseline" << std::setw(10) << "ratio"
            << "\n";
  for (const BenchCase& c : cases) {
    std::cout << std::left << std::setw(25) << c.name << std::setw(22) << c.unit << std::right
              << std::setw(14) << readable(c.rate) << std::setw(14) << readable(c.baselineRate)
              << std::setw(10) << readable(c.ratio) << "\n";
  }
  std::cout << "\n"
            << detail
            << "\nBaselines: dynamodb-*, cache-*: zipfian keys looked up in a hash map (the "
               "dynamodb table pre-warmed to the load, but for throttle-storm); relational-*: "
               "the same SQL statements run on the engine's SQLite database directly; memory-*: "
               "the items' own size (the ratio is memory over payload); modeler-*: planDesign "
               "of the first proposal (the ratio is 1 / how many plans one proposal costs); "
               "parallel-*: the same runs one after the other on one thread (the ratio is the "
               "speed-up on two).\n";
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
