// kvlab simulate FILE --design NAME: runs a design's access patterns in virtual time on an engine
// and reports latencies, throttles, partitions, hot keys and the month's cost.
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "app/cli/commands.h"
#include "app/cli/number_format.h"
#include "app/cli/project_loading.h"
#include "model/design/planner.h"
#include "simulator/backends/calibration.h"
#include "simulator/backends/dynamodb_api_replay.h"
#include "simulator/backends/postgres_replay.h"
#include "simulator/backends/redis_replay.h"
#include "simulator/core/parallel_runs.h"
#include "simulator/core/runner.h"
#include "simulator/core/workload_setup.h"
#include "simulator/engines/engine_registry.h"
#include "simulator/metrics/run_comparison.h"
#include "simulator/metrics/run_result_json.h"

namespace kvlab::cli {
namespace {

struct SimulateOptions {
  std::string file;
  std::string design;
  std::string engine = "dynamodb";
  std::string duration = "60s";
  std::uint64_t seed = 1;
  std::string json;
  std::string rate = "mean";
  std::string spike;
  std::string capacity;
  std::vector<std::string> engineOptions;
  std::string prices;
  double headroom = 0.2;
  double bucket = 1;
  bool quiet = false;
  unsigned jobs = 0;  // --jobs: runs at once with --engine all; 0 for every core
  std::string workload;
  std::string connection;    // --engine postgres: the server to replay on
  std::string endpoint;      // --engine dynamodb-api: the server to replay on
  int clients = 0;           // --engine dynamodb-api: a closed loop of N clients
  bool keep = false;         // --engine dynamodb-api: keep the table
  std::string memoryBudget;  // --memory-budget: empty for the default
  std::string calibration;   // --calibration: a file from kvlab calibrate
  bool durationGiven = false;
  bool seedGiven = false;
};

std::atomic<bool> interrupted{false};

extern "C" void onInterrupt(int) { interrupted.store(true); }

// "90", "90s", "10m", "1h", "1.5m" as seconds; nothing when it is not a duration.
std::optional<double> parseDuration(const std::string& text) {
  if (text.empty()) return std::nullopt;
  double factor = 1;
  std::string number = text;
  switch (text.back()) {
    case 's':
      number.pop_back();
      break;
    case 'm':
      factor = 60;
      number.pop_back();
      break;
    case 'h':
      factor = 3600;
      number.pop_back();
      break;
    default:
      break;
  }
  try {
    std::size_t used = 0;
    const double value = std::stod(number, &used);
    if (used != number.size() || !std::isfinite(value) || value <= 0) return std::nullopt;
    return value * factor;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// "512M", "2G", "1.5GiB", "800K", "1048576" (bytes; K, M, G, T are powers of 1024, with or
// without B or iB) as bytes, "off" as 0; nothing when it is not a size.
std::optional<std::uint64_t> parseMemorySize(std::string text) {
  if (text == "off") return 0;
  for (const char* suffix : {"iB", "B"}) {
    if (text.size() > std::strlen(suffix) && text.ends_with(suffix)) {
      text.resize(text.size() - std::strlen(suffix));
      break;
    }
  }
  if (text.empty()) return std::nullopt;
  double factor = 1;
  switch (text.back()) {
    case 'K':
    case 'k':
      factor = 1024.0;
      break;
    case 'M':
    case 'm':
      factor = 1024.0 * 1024;
      break;
    case 'G':
    case 'g':
      factor = 1024.0 * 1024 * 1024;
      break;
    case 'T':
    case 't':
      factor = 1024.0 * 1024 * 1024 * 1024;
      break;
    default:
      break;
  }
  if (factor != 1) text.pop_back();
  if (text.empty() ||
      !(std::isdigit(static_cast<unsigned char>(text.front())) || text.front() == '.')) {
    return std::nullopt;
  }
  try {
    std::size_t used = 0;
    const double value = std::stod(text, &used);
    const double bytes = std::floor(value * factor);
    if (used != text.size() || !std::isfinite(bytes) || bytes < 1 || bytes > 9.0e18) {
      return std::nullopt;
    }
    return static_cast<std::uint64_t>(bytes);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string grouped(std::int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ",");
  return (value < 0 ? "-" : "") + digits;
}

void printSummary(const sim::RunResult& r, std::ostream& out) {
  out << "Simulated " << fixedDecimals(r.durationSeconds, 0) << " s of design " << r.design
      << " on " << r.engine << " (" << r.monthlyCost.capacityMode << ", "
      << (r.rate.starts_with("workload:") ? "workload " + r.rate.substr(9) : r.rate + " rates")
      << ", seed " << r.seed << ")" << (r.cancelled ? " - CANCELLED, partial results" : "") << ": "
      << grouped(r.requests) << " requests, " << grouped(r.succeeded) << " succeeded, "
      << grouped(r.throttled) << " throttled attempts, " << grouped(r.failed) << " failed.\n\n";
  // Request units are DynamoDB's: other engines leave their columns out.
  const bool units = !r.partitions.owners.empty();
  int idWidth = 7;  // one wider than the longest id
  for (const sim::PatternResult& p : r.patterns) {
    idWidth = std::max(idWidth, static_cast<int>(p.id.size()) + 1);
  }
  out << std::left << std::setw(idWidth) << "ID" << std::right << std::setw(10) << "requests"
      << std::setw(10) << "req/s" << std::setw(10) << "throttled" << std::setw(9) << "retries"
      << std::setw(8) << "failed" << std::setw(8) << "p50 ms" << std::setw(8) << "p95"
      << std::setw(8) << "p99" << std::setw(9) << "p99.9";
  if (units) out << std::setw(10) << "RU/s" << std::setw(10) << "WU/s";
  out << "\n";
  const double seconds = std::max(1e-9, r.durationSeconds);
  for (const sim::PatternResult& p : r.patterns) {
    // No latency without a request that succeeded.
    auto ms = [&](double value) {
      return p.latency.count == 0 ? std::string("-") : fixedDecimals(value, 1);
    };
    out << std::left << std::setw(idWidth) << p.id << std::right << std::setw(10)
        << grouped(p.requests) << std::setw(10)
        << fixedDecimals(static_cast<double>(p.requests) / seconds, 1) << std::setw(10)
        << grouped(p.throttled) << std::setw(9) << grouped(p.retries) << std::setw(8)
        << grouped(p.failed) << std::setw(8) << ms(p.latency.p50) << std::setw(8)
        << ms(p.latency.p95) << std::setw(8) << ms(p.latency.p99) << std::setw(9)
        << ms(p.latency.p999);
    if (units) {
      out << std::setw(10) << fixedDecimals(p.readUnits / seconds, 1) << std::setw(10)
          << fixedDecimals(p.writeUnits / seconds, 1);
    }
    out << "\n";
    for (const auto& [reason, count] : p.throttlesByReason) {
      out << "       throttled " << grouped(count) << " x " << reason << "\n";
    }
  }
  if (units) {
    out << "\nCapacity     mode             partitions  splits  throttles      RU/s mean/peak"
           "      WU/s mean/peak\n";
  }
  for (const sim::CapacityOwnerReport& o : r.partitions.owners) {
    std::string partitions = std::to_string(o.initialPartitions);
    if (o.partitions != o.initialPartitions) partitions += " -> " + std::to_string(o.partitions);
    out << std::left << std::setw(13) << o.name << std::setw(17)
        << (o.mode == "provisioned" ? "prov " + fixedDecimals(o.provisionedRead, 0) + "/" +
                                          fixedDecimals(o.provisionedWrite, 0)
                                    : o.mode)
        << std::right << std::setw(10) << partitions << std::setw(8) << o.splits << std::setw(11)
        << grouped(o.throttles) << std::setw(20)
        << (fixedDecimals(o.readUnits / seconds, 1) + "/" +
            fixedDecimals(o.peakReadUnitsPerSecond, 1))
        << std::setw(20)
        << (fixedDecimals(o.writeUnits / seconds, 1) + "/" +
            fixedDecimals(o.peakWriteUnitsPerSecond, 1))
        << "\n";
    if (o.storageSplits > 0) {
      out << "             " << o.storageSplits
          << " of the splits for size: " << fixedDecimals(o.storedBytes / 1e9, 1)
          << " GB stored at the end\n";
    }
    if (!o.scaling.empty()) {
      out << "             auto scaling:";
      for (std::size_t i = 0; i < o.scaling.size() && i < 6; ++i) {
        const sim::ScalingEvent& e = o.scaling[i];
        out << (i == 0 ? " " : ", ") << e.second / 60 << ":" << std::setfill('0') << std::setw(2)
            << e.second % 60 << std::setfill(' ') << " -> " << fixedDecimals(e.read, 0) << "/"
            << fixedDecimals(e.write, 0);
      }
      if (o.scaling.size() > 6) out << ", ... (" << o.scaling.size() << " changes)";
      out << "; mean " << fixedDecimals(o.meanProvisionedRead, 0) << "/"
          << fixedDecimals(o.meanProvisionedWrite, 0) << "\n";
    }
  }
  auto hot = [&](const std::vector<sim::HotKey>& keys, const char* title, const char* unit) {
    if (keys.empty()) return;
    out << "\n" << title << "\n";
    for (std::size_t i = 0; i < keys.size() && i < 5; ++i) {
      const sim::HotKey& k = keys[i];
      out << "  " << std::left << std::setw(8) << k.owner << std::setw(32) << k.key << std::right
          << std::setw(14) << fixedDecimals(k.value, 0) << " " << unit << "\n";
    }
  };
  hot(r.hotKeysByUnits, "Hottest keys (consumed units, 3 x write + read):", "units");
  hot(r.hotKeysByThrottles, "Most throttled keys:", "throttles");
  for (const sim::ServerReport& s : r.servers) {
    out << "\nServer " << s.name << " (" << (s.instance.empty() ? "" : s.instance + ", ") << s.cores
        << (s.cores == 1 ? " core" : " cores");
    if (s.connections > 0) out << ", " << s.connections << " connections";
    out << "): utilization " << fixedDecimals(s.utilization * 100, 1) << "%, at most "
        << fixedDecimals(s.peakQueueLength, 0) << " waiting for a core\n";
  }
  if (r.cache) {
    const sim::CacheReport& c = *r.cache;
    out << "\nCache (" << c.evictionPolicy << ", " << fixedDecimals(c.maxMemoryBytes / 1048576.0, 0)
        << " MiB): hit ratio " << fixedDecimals(c.hitRatio * 100, 1) << "% (" << grouped(c.hits)
        << " hits, " << grouped(c.misses) << " misses), " << grouped(c.evictions) << " evictions, "
        << grouped(c.expirations) << " expirations";
    if (c.rejectedWrites > 0) out << ", " << grouped(c.rejectedWrites) << " writes refused (OOM)";
    out << "\n";
  }
  const sim::CostReport& c = r.monthlyCost;
  if (units) {
    out << "\nThis load for a month (USD, " << c.priceSheet << "): on-demand "
        << fixedDecimals(c.onDemand, 2) << ", provisioned " << fixedDecimals(c.provisioned, 2)
        << ", storage " << fixedDecimals(c.storage, 2) << "; " << c.capacityMode << " total "
        << fixedDecimals(c.total, 2) << ".\n";
  } else if (!c.priceSheet.empty()) {  // a replay on the user's own server is not priced
    out << "\nA month (USD, " << c.priceSheet << "): instances " << fixedDecimals(c.instances, 2)
        << ", storage " << fixedDecimals(c.storage, 2) << "; total " << fixedDecimals(c.total, 2)
        << ".\n";
  }
  for (const std::string& note : r.notes) out << "note: " << note << "\n";
}

// The settings for `engine`: --capacity (dynamodb's), and each --engine-option KEY=VALUE, or
// ENGINE.KEY=VALUE for one engine only (required with --engine all, where engines differ).
std::optional<sim::EngineSettings> settingsFor(const std::string& engine,
                                               const SimulateOptions& options, bool all,
                                               std::string& error) {
  sim::EngineSettings settings;
  if (!options.capacity.empty() && engine == "dynamodb") {
    settings.emplace_back("capacity", options.capacity);
  }
  for (const std::string& option : options.engineOptions) {
    const auto equals = option.find('=');
    if (equals == std::string::npos) {
      error = "--engine-option " + option + ": expected KEY=VALUE or ENGINE.KEY=VALUE";
      return std::nullopt;
    }
    std::string key = option.substr(0, equals);
    const auto dot = key.find('.');
    bool known = false;
    if (dot != std::string::npos) {
      for (const sim::EngineInfo& e : sim::registeredEngines())
        known |= key.substr(0, dot) == e.name;
    }
    if (known) {
      if (key.substr(0, dot) != engine) continue;
      key = key.substr(dot + 1);
    } else if (all) {
      error = "--engine-option " + option +
              ": with --engine all, name the engine it is for (relational.cores=4)";
      return std::nullopt;
    }
    settings.emplace_back(key, option.substr(equals + 1));
  }
  return settings;
}

void printComparison(const std::vector<sim::RunResult>& results, std::ostream& out) {
  out << "Side by side (same project, workload and seed):\n";
  out << std::left << std::setw(13) << "engine" << std::right << std::setw(11) << "offered/s"
      << std::setw(10) << "done/s" << std::setw(9) << "failed" << std::setw(11) << "throttled"
      << std::setw(8) << "p50 ms" << std::setw(8) << "p95" << std::setw(9) << "p99" << std::setw(8)
      << "busy" << std::setw(14) << "saturates at" << std::setw(12) << "USD/month"
      << "\n";
  for (const sim::ComparisonRow& row : sim::compareRuns(results)) {
    auto ms = [&](double v) {
      return row.latency.count == 0 ? std::string("-") : fixedDecimals(v, 1);
    };
    const std::string busy =
        row.busiestUtilization ? fixedDecimals(*row.busiestUtilization * 100, 0) + "%" : "-";
    out << std::left << std::setw(13) << row.engine << std::right << std::setw(11)
        << fixedDecimals(row.offeredPerSecond, 1) << std::setw(10)
        << fixedDecimals(row.completedPerSecond, 1) << std::setw(9) << grouped(row.failed)
        << std::setw(11) << grouped(row.throttled) << std::setw(8) << ms(row.latency.p50)
        << std::setw(8) << ms(row.latency.p95) << std::setw(9) << ms(row.latency.p99)
        << std::setw(8) << busy << std::setw(14)
        << (row.saturationRate
                ? "~" + grouped(static_cast<std::int64_t>(*row.saturationRate)) + "/s"
                : "-")
        << std::setw(12) << fixedDecimals(row.monthlyCost, 2) << "\n";
  }
  out << "(busy: the busiest server's utilization; saturates at: the rate its servers would "
         "complete at 100%, from the work the requests took)\n";
  // Where each engine wins or loses is pattern by pattern: p99 per pattern, side by side.
  out << "\np99 ms by pattern:\n" << std::left << std::setw(10) << "pattern" << std::right;
  for (const sim::RunResult& r : results) out << std::setw(20) << r.engine;
  out << "\n";
  for (const sim::PatternComparisonRow& row : sim::comparePatternLatency(results)) {
    out << std::left << std::setw(10) << row.id << std::right;
    for (const sim::PatternComparisonCell& c : row.cells) {
      std::string cell = "-";
      if (c.present) {
        cell = c.latencyKnown ? fixedDecimals(c.p99, 1) : "failed";
        if (c.failed > 0 && c.latencyKnown) cell += " (" + grouped(c.failed) + " failed)";
      }
      out << std::setw(20) << cell;
    }
    out << "\n";
  }
}

int printReplay(const sim::RunOutcome& outcome, const SimulateOptions& options);

// A replay's --engine-option KEY=VALUE as its key and value (empty without "=").
std::pair<std::string, std::string> keyAndValue(const std::string& option) {
  const auto equals = option.find('=');
  return {option.substr(0, equals),
          equals == std::string::npos ? std::string() : option.substr(equals + 1)};
}

// --engine postgres: the workload replayed for real on a server, in wall-clock time.
int runPostgresReplay(const SimulateOptions& options, double duration) {
  if (options.connection.empty()) {
    std::cerr << "kvlab simulate: --engine postgres needs --connection (a libpq URL such as "
                 "postgresql://user@127.0.0.1:5432/db)\n";
    return kExitUsage;
  }
  sim::PostgresReplayOptions replay;
  replay.connection = options.connection;
  replay.durationSeconds = duration;
  replay.seed = options.seed;
  for (const std::string& option : options.engineOptions) {
    const auto [key, value] = keyAndValue(option);
    try {
      if (key == "connections") {
        replay.connections = std::stoi(value);
      } else if (key == "clients") {
        replay.connections = std::stoi(value);  // closed loop: one client per connection
        replay.closedLoop = true;
      } else if (key == "rows") {
        replay.maxRowsPerTable = std::stoll(value);
      } else if (key == "rate-scale") {
        replay.rateScale = std::stod(value);
      } else if (key == "max-requests") {
        replay.maxRequests = std::stoll(value);
      } else if (key == "keep-schema") {
        replay.keepSchema = value == "on";
      } else {
        throw std::invalid_argument(key);
      }
    } catch (const std::exception&) {
      std::cerr << "kvlab simulate: --engine-option " << option
                << ": postgres takes connections=N, clients=N (closed loop), rows=N, "
                   "rate-scale=X, max-requests=N, "
                   "keep-schema=on|off\n";
      return kExitUsage;
    }
  }
  auto project = loadValidProject(options.file);
  if (!project) return kExitInvalid;
  return printReplay(sim::replayOnPostgres(*project, replay), options);
}

// --engine redis: the cache engine's workload replayed for real on a Redis server.
int runRedisReplay(const SimulateOptions& options, double duration) {
  if (options.connection.empty()) {
    std::cerr << "kvlab simulate: --engine redis needs --connection (a URL such as "
                 "redis://127.0.0.1:6379/0)\n";
    return kExitUsage;
  }
  sim::RedisReplayOptions replay;
  replay.connection = options.connection;
  replay.durationSeconds = duration;
  replay.seed = options.seed;
  std::vector<std::pair<std::string, std::string>> cacheSettings;
  for (const std::string& option : options.engineOptions) {
    const auto [key, value] = keyAndValue(option);
    try {
      if (key == "clients") {
        replay.clients = std::stoi(value);
      } else if (key == "preload") {
        replay.maxPreloadKeys = std::stoll(value);
      } else if (key == "rate-scale") {
        replay.rateScale = std::stod(value);
      } else if (key == "max-requests") {
        replay.maxRequests = std::stoll(value);
      } else if (key == "keep-keys") {
        replay.keepKeys = value == "on";
      } else {
        cacheSettings.emplace_back(key, value);  // the cache engine's own (ttl=, cold=, ...)
      }
    } catch (const std::exception&) {
      std::cerr << "kvlab simulate: --engine-option " << option
                << ": redis takes clients=N, preload=N, rate-scale=X, max-requests=N, "
                   "keep-keys=on|off and the cache engine's options\n";
      return kExitUsage;
    }
  }
  if (auto error = sim::applyCacheOptions(cacheSettings, replay.cache)) {
    std::cerr << "kvlab simulate: " << *error << "\n";
    return kExitUsage;
  }
  auto project = loadValidProject(options.file);
  if (!project) return kExitInvalid;
  auto prices = model::capacity::PriceSheet::load(options.prices.empty()
                                                      ? model::capacity::defaultPriceSheetPath()
                                                      : std::filesystem::path(options.prices));
  if (!prices.ok()) {
    std::cerr << "kvlab simulate: cannot read the price sheet\n";
    return kExitInvalid;
  }
  return printReplay(sim::replayOnRedis(*project, *prices.sheet, replay), options);
}

// Prints (and writes) a replay's result as a simulation's.
int printReplay(const sim::RunOutcome& outcome, const SimulateOptions& options) {
  if (!outcome.status.ok()) {
    std::cerr << "kvlab simulate: " << outcome.status.message() << "\n";
    return kExitInvalid;
  }
  if (options.json == "-") {
    std::cout << sim::runResultJson(outcome.result);
    return kExitOk;
  }
  printSummary(outcome.result, std::cout);
  if (!options.json.empty()) {
    std::ofstream out(options.json, std::ios::binary);
    out << sim::runResultJson(outcome.result);
    if (!out) {
      std::cerr << "kvlab simulate: cannot write " << options.json << "\n";
      return kExitInvalid;
    }
  }
  return kExitOk;
}

// --engine dynamodb-api: the workload replayed for real on a DynamoDB API server.
int runDynamoDbApiReplay(const SimulateOptions& options, double duration) {
  if (options.endpoint.empty()) {
    std::cerr << "kvlab simulate: --engine dynamodb-api needs --endpoint (a URL such as "
                 "http://127.0.0.1:8000 or https://dynamodb.us-east-1.amazonaws.com)\n";
    return kExitUsage;
  }
  sim::DynamoDbApiOptions replay;
  replay.endpoint = options.endpoint;
  replay.durationSeconds = duration;
  replay.seed = options.seed;
  replay.clients = options.clients;
  replay.keepTable = options.keep;
  for (const std::string& option : options.engineOptions) {
    const auto [key, value] = keyAndValue(option);
    try {
      if (key == "items") {
        replay.maxItems = std::stoll(value);
      } else if (key == "rate-scale") {
        replay.rateScale = std::stod(value);
      } else if (key == "max-requests") {
        replay.maxRequests = std::stoll(value);
      } else if (key == "concurrency") {
        replay.concurrency = std::stoi(value);
      } else if (key == "scan-limit") {
        replay.scanLimit = std::stoll(value);
      } else if (key == "max-attempts") {
        replay.maxAttempts = std::stoi(value);
      } else if (key == "table") {
        replay.tableName = value;
      } else {
        throw std::invalid_argument(key);
      }
    } catch (const std::exception&) {
      std::cerr << "kvlab simulate: --engine-option " << option
                << ": dynamodb-api takes items=N, rate-scale=X, max-requests=N, concurrency=N, "
                   "scan-limit=N, max-attempts=N, table=NAME\n";
      return kExitUsage;
    }
  }
  auto project = loadValidProject(options.file);
  if (!project) return kExitInvalid;
  const model::Design* design = chooseDesign(*project, options.design, options.file);
  if (design == nullptr) return kExitInvalid;
  replay.design = design->name;
  return printReplay(sim::replayOnDynamoDbApi(*project, replay), options);
}

int runSimulate(const SimulateOptions& options) {
  const std::optional<double> duration = parseDuration(options.duration);
  if (!duration) {
    std::cerr << "kvlab simulate: --duration " << options.duration
              << ": expected a time such as 90s, 10m or 1h\n";
    return kExitUsage;
  }
  if (options.engine == "postgres") return runPostgresReplay(options, *duration);
  if (options.engine == "dynamodb-api") return runDynamoDbApiReplay(options, *duration);
  if (options.engine == "redis") return runRedisReplay(options, *duration);
  if (!options.calibration.empty()) {
    // A calibration is the engine's data file, fitted: run the engine it is for with it.
    std::string engine;
    double maxThroughput = 0;
    if (Status s = sim::readCalibrationHeader(options.calibration, engine, maxThroughput);
        !s.ok()) {
      std::cerr << "kvlab simulate: --calibration " << s.message() << "\n";
      return kExitInvalid;
    }
    if (options.engine != engine && options.engine != "cache-aside" && options.engine != "all") {
      std::cerr << "kvlab simulate: --calibration " << options.calibration << " is for the "
                << engine << " engine, not " << options.engine << "\n";
      return kExitUsage;
    }
    SimulateOptions calibrated = options;
    calibrated.calibration.clear();
    calibrated.engineOptions.push_back((options.engine == engine ? "" : engine + ".") +
                                       (engine == "relational" ? "profile=" : "data=") +
                                       options.calibration);
    return runSimulate(calibrated);
  }
  sim::RunOptions run;
  if (!options.memoryBudget.empty()) {
    const std::optional<std::uint64_t> budget = parseMemorySize(options.memoryBudget);
    if (!budget) {
      std::cerr << "kvlab simulate: --memory-budget " << options.memoryBudget
                << ": expected a size such as 512M or 2G (K, M, G, T: powers of 1024), or off\n";
      return kExitUsage;
    }
    run.memoryBudgetBytes = *budget;
  }
  run.seed = options.seed;
  run.durationSeconds = *duration;
  run.bucketSeconds = options.bucket;
  if (options.rate == "mean") {
    run.rate = sim::RateChoice::Mean;
  } else if (options.rate == "peak") {
    run.rate = sim::RateChoice::Peak;
  } else {
    std::cerr << "kvlab simulate: --rate " << options.rate << ": expected mean or peak\n";
    return kExitUsage;
  }
  if (!options.spike.empty()) {
    const auto colon = options.spike.find(':');
    const auto start = parseDuration(options.spike.substr(0, colon));
    const auto length =
        colon == std::string::npos ? std::nullopt : parseDuration(options.spike.substr(colon + 1));
    if (!start || !length) {
      std::cerr << "kvlab simulate: --spike " << options.spike
                << ": expected START:LENGTH such as 20s:10s\n";
      return kExitUsage;
    }
    run.rate = sim::RateChoice::Spike;
    run.spikeStartSeconds = *start;
    run.spikeLengthSeconds = *length;
  }

  // One engine, or every registered one on the same dataset, workload and seed.
  const bool all = options.engine == "all";
  std::vector<std::string> engineNames;
  if (all) {
    for (const sim::EngineInfo& e : sim::registeredEngines()) engineNames.emplace_back(e.name);
  } else {
    engineNames.push_back(options.engine);
  }
  std::vector<sim::EngineSettings> engineSettings;
  for (const std::string& name : engineNames) {
    std::string error;
    auto settings = settingsFor(name, options, all, error);
    if (!settings) {
      std::cerr << "kvlab simulate: " << error << "\n";
      return kExitUsage;
    }
    if (!sim::createEngine(name, *settings, &error)) {
      std::cerr << "kvlab simulate: " << error << "\n";
      return kExitUsage;
    }
    engineSettings.push_back(std::move(*settings));
  }

  auto project = loadValidProject(options.file);
  if (!project) return kExitInvalid;
  const model::Design* design = chooseDesign(*project, options.design, options.file);
  if (design == nullptr) return kExitUsage;
  if (!options.workload.empty()) {
    const model::Workload* workload = project->findWorkload(options.workload);
    if (workload == nullptr) {
      std::string names;
      for (const model::Workload& w : project->workloads)
        names += (names.empty() ? "" : ", ") + w.name;
      std::cerr << options.file << ": no workload named '" << options.workload
                << "'; the workloads are: " << (names.empty() ? "none" : names) << "\n";
      return kExitUsage;
    }
    const model::Workload chosen = *workload;
    const std::filesystem::path folder = std::filesystem::path(options.file).parent_path();
    if (Status applied = sim::applyWorkload(chosen, folder, *project, run); !applied.ok()) {
      std::cerr << "kvlab simulate: " << options.file << ": " << applied.message() << "\n";
      return kExitInvalid;
    }
    // What the command line says wins over the workload.
    if (options.durationGiven) run.durationSeconds = *duration;
    if (options.seedGiven) run.seed = options.seed;
  }
  auto prices = loadPrices(options.prices);
  if (!prices) return kExitInvalid;
  model::PlannerOptions plannerOptions;
  plannerOptions.provisionedHeadroom = options.headroom;
  const model::DesignPlan plan = model::planDesign(*project, *design, *prices, plannerOptions);

  const bool terminal = !options.quiet && isatty(STDERR_FILENO) != 0;
  // The engines of --engine all run side by side, up to --jobs at once; each gets its share of
  // the memory budget. Results are printed in the engines' order, so the bytes do not depend on
  // the number of jobs.
  const unsigned jobs = static_cast<unsigned>(std::min<std::size_t>(
      engineNames.size(), options.jobs > 0 ? options.jobs : sim::availableThreads()));
  if (jobs > 1 && run.memoryBudgetBytes > 0) run.memoryBudgetBytes /= jobs;
  std::vector<sim::RunOutcome> outcomes(engineNames.size());
  std::vector<double> wallSeconds(engineNames.size(), 0);
  // What the progress bar shows: each run's share done and requests so far.
  std::vector<std::atomic<double>> fractionDone(engineNames.size());
  std::vector<std::atomic<std::int64_t>> requestsSoFar(engineNames.size());
  std::mutex progressMutex;
  auto lastDraw = std::chrono::steady_clock::now();
  const auto drawProgress = [&](bool force) {
    std::lock_guard<std::mutex> lock(progressMutex);
    // The wall clock only paces the progress bar; it never enters a result.
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - lastDraw < std::chrono::milliseconds(100)) return;
    lastDraw = now;
    double fraction = 0;
    std::int64_t requests = 0;
    for (std::size_t e = 0; e < engineNames.size(); ++e) {
      fraction += fractionDone[e].load() / static_cast<double>(engineNames.size());
      requests += requestsSoFar[e].load();
    }
    const int filled = static_cast<int>(std::min(1.0, fraction) * 30);
    std::cerr << "\r" << (all ? "all engines " : "") << "[" << std::string(filled, '#')
              << std::string(30 - filled, ' ') << "] "
              << fixedDecimals(std::min(1.0, fraction) * run.durationSeconds, 0) << "/"
              << fixedDecimals(run.durationSeconds, 0) << " s, " << grouped(requests) << " requests"
              << std::flush;
  };
  std::signal(SIGINT, onInterrupt);
  const sim::EngineInput input{*project, *design, plan, *prices, run.seed, run.durationSeconds};
  sim::runJobs(engineNames.size(), jobs, [&](std::size_t e) {
    std::unique_ptr<sim::Engine> engine = sim::createEngine(engineNames[e], engineSettings[e]);
    sim::Runner runner(run);
    const auto wallStart = std::chrono::steady_clock::now();
    if (terminal) {
      runner.setProgressCallback([&, e](const sim::RunProgress& p) {
        fractionDone[e].store(std::min(1.0, p.virtualSeconds / p.durationSeconds));
        requestsSoFar[e].store(p.requests);
        drawProgress(false);
      });
    }
    runner.setCancelFlag(&interrupted);
    outcomes[e] = runner.run(*engine, input);
    wallSeconds[e] =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
  });
  std::signal(SIGINT, SIG_DFL);
  if (terminal) std::cerr << "\r" << std::string(80, ' ') << "\r";
  std::vector<sim::RunResult> results;
  for (std::size_t e = 0; e < engineNames.size(); ++e) {
    sim::RunOutcome& outcome = outcomes[e];
    if (!outcome.status.ok()) {
      std::cerr << "kvlab simulate: " << options.file << ": " << outcome.status.message() << "\n";
      return kExitInvalid;
    }
    if (terminal) {
      std::cerr << (all ? engineNames[e] + " " : "") << grouped(outcome.result.requests)
                << " requests simulated in " << fixedDecimals(wallSeconds[e], 2)
                << " s of wall time ("
                << grouped(static_cast<std::int64_t>(static_cast<double>(outcome.result.requests) /
                                                     std::max(wallSeconds[e], 1e-9)))
                << " requests/s)\n";
    }
    results.push_back(std::move(outcome.result));
  }

  std::string json;
  if (all) {
    json = "{\n\"format\": \"kvlab-comparison/1\",\n\"runs\": [\n";
    for (std::size_t i = 0; i < results.size(); ++i) {
      json += (i ? ",\n" : "") + sim::runResultJson(results[i]);
    }
    json += "]\n}\n";
  } else {
    json = sim::runResultJson(results.front());
  }
  if (options.json == "-") {
    std::cout << json;
  } else {
    for (const sim::RunResult& result : results) {
      if (all) std::cout << "== " << result.engine << " ==\n";
      printSummary(result, std::cout);
      if (all) std::cout << "\n";
    }
    if (all) printComparison(results, std::cout);
    if (!options.json.empty()) {
      std::ofstream out(options.json, std::ios::binary);
      out << json;
      if (!out) {
        std::cerr << "kvlab simulate: cannot write " << options.json << "\n";
        return kExitInvalid;
      }
    }
  }
  return kExitOk;
}

}  // namespace

void addSimulateCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<SimulateOptions>();
  std::string engines;
  for (const sim::EngineInfo& e : sim::registeredEngines()) {
    engines += "\n  " + std::string(e.name) + ": " + std::string(e.description);
  }
  CLI::App* command = app.add_subcommand(
      "simulate",
      "Run a design's access patterns in virtual time on an engine: latency percentiles, "
      "throttles, partitions and their heat, hot keys, the month's cost");
  command->add_option("FILE", options->file, "The project")->required();
  command->add_option("--design", options->design,
                      "The design to run (may be left out when the project has one)");
  command->add_option("--engine", options->engine,
                      "The engine (default dynamodb), or all: one run per engine on the same "
                      "dataset, workload and seed, then a side-by-side summary:" +
                          engines +
                          "\n  postgres: the workload replayed for real on the server --connection "
                          "names (wall-clock time; docs/engines.md)"
                          "\n  dynamodb-api: the workload replayed for real on the DynamoDB API "
                          "server --endpoint names (docs/engines.md)"
                          "\n  redis: the cache engine's workload replayed for real on the Redis "
                          "server --connection names");
  command->add_option("--duration", options->duration,
                      "Virtual time to generate requests for: 90s, 10m, 1h (default 60s)");
  command->add_option("--seed", options->seed, "The random seed (default 1)");
  command->add_option("--json", options->json,
                      "Also write the result as JSON to this file ('-': only JSON, on stdout)");
  command->add_option("--rate", options->rate, "Each pattern's rate: mean or peak (default mean)");
  command->add_option("--spike", options->spike,
                      "Mean rates with each pattern's peak during START:LENGTH (e.g. 20s:10s)");
  command->add_option("--capacity", options->capacity,
                      "dynamodb: on-demand (default) or provisioned (sized by the planner to "
                      "the peak with --headroom)");
  command->add_option("--engine-option", options->engineOptions,
                      "KEY=VALUE for the engine, or ENGINE.KEY=VALUE for one engine (repeatable; "
                      "see docs/simulator.md and docs/engines.md)");
  command->add_option("--prices", options->prices,
                      "A price sheet (default: data/prices/us-east-1-2024-11.json)");
  command
      ->add_option("--headroom", options->headroom,
                   "Provisioned capacity above the peak, as a fraction (default 0.2)")
      ->check(CLI::Range(0.0, 10.0));
  command->add_option("--bucket", options->bucket, "Timeline bucket in whole seconds (default 1)")
      ->check(CLI::Range(1.0, 86400.0));
  command->add_option("--memory-budget", options->memoryBudget,
                      "The most memory a run may hold (its engine's state and pending events), "
                      "checked every virtual second: 512M, 2G, or off (default: half of physical "
                      "memory, " +
                          sim::memorySizeText(sim::defaultMemoryBudgetBytes()) +
                          " here); a run over it stops with exit status 1");
  command->add_flag("-q,--quiet", options->quiet, "No progress bar");
  command
      ->add_option("-j,--jobs", options->jobs,
                   "With --engine all: how many engines run at once (default: one per core, " +
                       std::to_string(sim::availableThreads()) +
                       " here); the results are the same for any number")
      ->check(CLI::Range(1u, 256u));
  command->add_option("--connection", options->connection,
                      "--engine postgres or redis: replay the workload for real, in wall-clock "
                      "time, on this server (a libpq URL, or redis://HOST:PORT/DB); nothing else "
                      "is contacted");
  command->add_option("--endpoint", options->endpoint,
                      "--engine dynamodb-api: replay the workload for real, in wall-clock time, "
                      "on this DynamoDB API server (a URL); nothing else is contacted");
  command
      ->add_option("--clients", options->clients,
                   "--engine dynamodb-api: a closed loop of N clients, each sending its next "
                   "request when the last ends (default: open loop at the patterns' rates)")
      ->check(CLI::Range(0, 1000));
  command->add_flag("--keep", options->keep,
                    "--engine dynamodb-api: keep the table and its items at the end");
  command->add_option("--calibration", options->calibration,
                      "A file from kvlab calibrate: the relational or cache engine with the "
                      "service times fitted to a real server (docs/calibration.md)");
  command->add_option("--workload", options->workload,
                      "A workload of the project (its duration, seed and each pattern's rate over "
                      "time, key popularity and consistency); --duration and --seed still win");
  command->callback([options, command, &exitCode] {
    options->durationGiven = command->count("--duration") > 0;
    options->seedGiven = command->count("--seed") > 0;
    exitCode = runSimulate(*options);
  });
}

}  // namespace kvlab::cli
