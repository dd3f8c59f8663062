#include "simulator/backends/calibration.h"

#include <hiredis/hiredis.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "model/design/planner.h"
#include "simulator/backends/postgres_replay.h"
#include "simulator/backends/redis_replay.h"
#include "simulator/core/runner.h"
#include "simulator/engines/cache/cache_engine.h"
#include "simulator/engines/cache/redis_parameters.h"
#include "simulator/engines/relational/relational_engine.h"
#include "simulator/engines/relational/relational_profile.h"

namespace kvlab::sim {
namespace {

using Json = nlohmann::ordered_json;
constexpr int kRoundTrips = 50;

double totalMeanRate(const model::Project& project) {
  double total = 0;
  for (const model::AccessPattern& p : project.accessPatterns) {
    if (p.rate) total += p.rate->mean;
  }
  return total;
}

// The project with every rate times `scale`.
model::Project scaled(const model::Project& project, double scale) {
  model::Project out = project;
  for (model::AccessPattern& p : out.accessPatterns) {
    if (!p.rate) continue;
    p.rate->mean *= scale;
    if (p.rate->peak) *p.rate->peak *= scale;
  }
  return out;
}

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

double elapsedMillis(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since)
      .count();
}

// The median round trip of a trivial request, ms; negative when the server cannot be reached.
double postgresRoundTrip(const std::string& connection, std::string* error) {
  PGconn* c = PQconnectdb(connection.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    *error = PQerrorMessage(c);
    PQfinish(c);
    return -1;
  }
  std::vector<double> times;
  for (int i = 0; i < kRoundTrips; ++i) {
    const auto start = std::chrono::steady_clock::now();
    PQclear(PQexec(c, "SELECT 1"));
    times.push_back(elapsedMillis(start));
  }
  PQfinish(c);
  return median(times);
}

double redisRoundTrip(const std::string& connection, std::string* error) {
  const std::optional<RedisAddress> address = parseRedisUrl(connection, error);
  if (!address) return -1;
  redisContext* c = redisConnect(address->host.c_str(), address->port);
  if (c == nullptr || c->err) {
    *error = c ? c->errstr : "out of memory";
    redisFree(c);
    return -1;
  }
  std::vector<double> times;
  for (int i = 0; i < kRoundTrips; ++i) {
    const auto start = std::chrono::steady_clock::now();
    freeReplyObject(redisCommand(c, "PING"));
    times.push_back(elapsedMillis(start));
  }
  redisFree(c);
  return median(times);
}

RunOutcome realRun(const model::Project& project, const model::capacity::PriceSheet& prices,
                   const CalibrationRun& run, double scale) {
  if (run.engine == "relational") {
    PostgresReplayOptions o;
    o.connection = run.connection;
    o.durationSeconds = run.seconds;
    o.rateScale = scale;
    o.seed = run.seed;
    o.drainSeconds = 2;
    o.maxRowsPerTable = 2000;
    o.maxRequests = 1000000;
    return replayOnPostgres(project, o);
  }
  RedisReplayOptions o;
  o.connection = run.connection;
  o.durationSeconds = run.seconds;
  o.rateScale = scale;
  o.seed = run.seed;
  o.drainSeconds = 2;
  o.maxRequests = 8000000;
  return replayOnRedis(project, prices, o);
}

RunOutcome modelRun(const model::Project& project, const model::capacity::PriceSheet& prices,
                    const CalibrationRun& run, double scale, const std::string& dataFile) {
  const model::Project p = scaled(project, scale);
  static const model::Design kNoDesign;
  const model::Design& design = p.designs.empty() ? kNoDesign : p.designs.front();
  const model::DesignPlan plan = model::planDesign(p, design, prices);
  RunOptions options;
  options.durationSeconds = run.seconds;
  options.seed = run.seed;
  Runner runner(options);
  const EngineInput input{p, design, plan, prices, run.seed, run.seconds};
  if (run.engine == "relational") {
    RelationalOptions o;
    o.profilePath = dataFile;
    o.maxRowsPerTable = 2000;  // as the replay loads
    RelationalEngine engine(o);
    return runner.run(engine, input);
  }
  CacheOptions o;
  if (!dataFile.empty()) o.dataFile = dataFile;
  CacheEngine engine(o);
  return runner.run(engine, input);
}

// `a`'s median latencies less `roundTripA`, weighted by its requests, over the patterns both
// runs served.
double weightedService(const RunResult& a, const RunResult& b, double roundTripA) {
  double sum = 0;
  double weight = 0;
  for (const PatternResult& p : a.patterns) {
    const auto other = std::find_if(b.patterns.begin(), b.patterns.end(),
                                    [&](const PatternResult& q) { return q.id == p.id; });
    if (other == b.patterns.end() || p.succeeded == 0 || other->succeeded == 0) continue;
    const auto w = static_cast<double>(p.succeeded);
    sum += w * std::max(0.001, p.latency.p50 - roundTripA);
    weight += w;
  }
  return weight > 0 ? sum / weight : 0;
}

// Requests answered a second while the run was under load: completions in the timeline's buckets
// before the last one of its duration (the last holds the boundary, the drain after it), served
// or, with `refusalsAnswer`, refused by a rate limit (the cache's only throttles: an answer too).
double answeredPerSecond(const RunResult& r, bool refusalsAnswer) {
  double answered = 0;
  for (const PatternResult& p : r.patterns) {
    for (const TimeBucket& b : p.timeline) {
      if (b.startSeconds + r.bucketSeconds >= r.durationSeconds) continue;
      answered += static_cast<double>(b.succeeded + (refusalsAnswer ? b.throttled : 0));
    }
  }
  return answered / std::max(r.bucketSeconds, r.durationSeconds - r.bucketSeconds);
}

std::string today() {
  const std::time_t now = std::time(nullptr);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d", std::gmtime(&now));
  return text;
}

// The connection without a password, for the file.
std::string redacted(const std::string& connection) {
  const auto at = connection.find('@');
  const auto scheme = connection.find("://");
  if (at == std::string::npos || scheme == std::string::npos) {
    const auto password = connection.find("password=");
    return password == std::string::npos ? connection : connection.substr(0, password) + "...";
  }
  return connection.substr(0, scheme + 3) + "..." + connection.substr(at);
}

std::string fixed(double value, int decimals) {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(decimals);
  out << value;
  return out.str();
}

}  // namespace

CalibrationOutcome calibrate(const model::Project& project,
                             const model::capacity::PriceSheet& prices, const CalibrationRun& run) {
  CalibrationOutcome out;
  auto fail = [&](const std::string& message) {
    out.status =
        Status::Error("calibrate (" + run.engine + ", " + run.connection + "): " + message);
    return out;
  };
  if (run.engine != "relational" && run.engine != "cache") {
    return fail("the engine must be relational or cache");
  }
  const double total = totalMeanRate(project);
  if (!(total > 0)) return fail("the project's patterns state no rates");
  const bool relational = run.engine == "relational";
  std::string error;
  const double roundTrip = relational ? postgresRoundTrip(run.connection, &error)
                                      : redisRoundTrip(run.connection, &error);
  if (roundTrip < 0) return fail("cannot connect: " + error);
  out.lines.push_back("round trip (median of " + std::to_string(kRoundTrips) + " " +
                      (relational ? "SELECT 1" : "PING") + "s): " + fixed(roundTrip, 3) + " ms");

  // Overload: what the server sustains, in requests answered a second (a request a rate limit
  // refused was answered). A Redis client pipelines; a closed loop of a few clients would
  // measure their round trips instead.
  // Doubled until the server answers less than 90% of what is offered.
  for (double offered = relational ? 5000 : 200000; offered <= 2e6; offered *= 2) {
    const RunOutcome realHigh = realRun(project, prices, run, offered / total);
    if (!realHigh.status.ok()) return fail(realHigh.status.message());
    const double answered = answeredPerSecond(realHigh.result, !relational);
    out.maxThroughput = std::max(out.maxThroughput, answered);
    out.lines.push_back("offered " + fixed(offered, 0) + " req/s: " + fixed(answered, 0) +
                        " req/s answered");
    if (answered < 0.9 * offered) break;
  }

  // At a tenth of that: each pattern's median latency, real and modelled (no queueing, and a
  // client busy enough not to sleep between requests).
  const double low = 0.1 * out.maxThroughput / total;
  const RunOutcome realLow = realRun(project, prices, run, low);
  if (!realLow.status.ok()) return fail(realLow.status.message());
  const RunOutcome modelLow = modelRun(project, prices, run, low, "");
  if (!modelLow.status.ok()) return fail(modelLow.status.message());
  if (modelLow.result.servers.empty()) return fail("the model reports no server");
  const double modelServiceMs = modelLow.result.servers.front().busyCoreSeconds * 1e3 /
                                std::max(1.0, answeredPerSecond(modelLow.result, !relational) *
                                                  modelLow.result.durationSeconds);

  Json data;
  {
    const std::filesystem::path path =
        relational ? RelationalProfile::defaultPath() : defaultRedisParametersPath();
    std::ifstream in(path);
    try {
      data = Json::parse(in);
    } catch (const std::exception& e) {
      return fail("cannot read " + path.string() + ": " + e.what());
    }
  }
  Json calibration{{"measuredOn", redacted(run.connection)},
                   {"date", today()},
                   {"engine", run.engine},
                   {"roundTripMillis", roundTrip}};
  Json patterns = Json::array();
  for (const PatternResult& p : realLow.result.patterns) {
    for (const PatternResult& m : modelLow.result.patterns) {
      if (m.id != p.id || p.succeeded == 0) continue;
      patterns.push_back(Json{
          {"id", p.id}, {"measuredP50Millis", p.latency.p50}, {"modelP50Millis", m.latency.p50}});
    }
  }
  calibration["lowLoad"] = patterns;
  const std::string at = " at " + fixed(0.1 * out.maxThroughput, 0) + " req/s";

  double scale = 1;
  if (relational) {
    RelationalProfile defaults;
    if (Status s = RelationalProfile::load(RelationalProfile::defaultPath(), defaults); !s.ok()) {
      return fail(s.message());
    }
    // One factor on every core-time figure. A first guess: the model's median latencies beyond
    // its round trip, weighted by the mix, become the measured ones. But a median is not all
    // core time (commit flushes, round trips between statements, and the median of exponential
    // service is 0.69 of its mean), so the factor is then searched for (bisection on its
    // logarithm) until the calibrated model's median at this load is the server's.
    const double measured = weightedService(realLow.result, modelLow.result, roundTrip);
    const double modelled =
        weightedService(modelLow.result, realLow.result, defaults.networkRoundTripMillis);
    const double guess = std::clamp(measured / std::max(modelled, 1e-6), 0.05, 100.0);
    const Json base = data;
    auto calibratedWith = [&](double factor) {
      Json d = base;
      Json& service = d["serviceModel"];
      for (const char* key : {"statementMicros", "writeStatementMicros", "perVmStepMicros"}) {
        service[key] = service[key].get<double>() * factor;
      }
      service["networkRoundTripMillis"] = roundTrip;
      const std::string baseInstance = d["defaultInstance"].get<std::string>();
      double hourly = 0;
      for (const Json& i : d["instances"]) {
        if (i["name"] == baseInstance) hourly = i["hourly"].get<double>();
      }
      const double cores =
          std::max(1.0, std::round(out.maxThroughput * modelServiceMs * factor / 1e3));
      d["instances"].push_back(Json{{"name", "calibrated"},
                                    {"vcpus", static_cast<int>(cores)},
                                    {"memoryGiB", 1},
                                    {"hourly", hourly}});
      d["defaultInstance"] = "calibrated";
      return d;
    };
    const std::filesystem::path trial = std::filesystem::temp_directory_path() /
                                        ("kvlab-calibrate-" + std::to_string(::getpid()) + ".json");
    auto modelP50With = [&](double factor, double& p50) -> Status {
      {
        std::ofstream file(trial);
        file << calibratedWith(factor).dump(2) << "\n";
        if (!file) return Status::Error("cannot write " + trial.string());
      }
      const RunOutcome m = modelRun(project, prices, run, low, trial.string());
      if (!m.status.ok()) return m.status;
      p50 = m.result.latency.p50;
      return Status::Ok();
    };
    const double target = realLow.result.latency.p50;
    double lo = std::log(std::max(0.05, guess / 8));
    double hi = std::log(std::min(100.0, guess * 8));
    for (int step = 0; step < 14; ++step) {
      const double mid = 0.5 * (lo + hi);
      double p50 = 0;
      if (Status st = modelP50With(std::exp(mid), p50); !st.ok()) {
        std::filesystem::remove(trial);
        return fail(st.message());
      }
      (p50 < target ? lo : hi) = mid;
    }
    std::filesystem::remove(trial);
    scale = std::exp(0.5 * (lo + hi));
    const double coreMs = modelServiceMs * scale;
    const double cores = std::max(1.0, std::round(out.maxThroughput * coreMs / 1e3));
    out.lines.push_back("time per request beyond the round trip" + at + ": measured " +
                        fixed(measured, 3) + " ms, model " + fixed(modelled, 3) +
                        " ms: first guess " + fixed(guess, 2) + "; the model's median matches " +
                        fixed(target, 3) + " ms at scale " + fixed(scale, 2));
    out.lines.push_back(fixed(out.maxThroughput, 0) + " req/s at " + fixed(coreMs, 3) +
                        " ms of core time each: " + fixed(cores, 0) + " effective core(s)");
    data = calibratedWith(scale);
    calibration["effectiveCores"] = cores;
  } else {
    // One factor on every service time: the thread's time per request is 1 / what it sustained;
    // the network (and client) is what the median latency leaves.
    const double serviceMs = 1e3 / std::max(1.0, out.maxThroughput);
    scale = std::clamp(serviceMs / std::max(modelServiceMs, 1e-9), 0.05, 1000.0);
    const double measuredLow = weightedService(realLow.result, modelLow.result, 0);
    const double network = std::max(0.0, measuredLow - serviceMs);
    out.lines.push_back(fixed(serviceMs * 1e3, 1) + " us a request on the thread (model " +
                        fixed(modelServiceMs * 1e3, 1) + " us): scale " + fixed(scale, 2));
    out.lines.push_back("median latency" + at + ": " + fixed(measuredLow, 3) +
                        " ms: network and client " + fixed(network * 1e3, 0) + " us");
    Json& s = data["service"];
    for (const char* key : {"roundTripCpuMicros", "protocolMicrosPerCommand", "perByteNanos"}) {
      s[key] = s[key].get<double>() * scale;
    }
    for (auto& [name, command] : s["commands"].items()) {
      for (const char* key : {"processingMicros", "perElementMicros"}) {
        if (command.contains(key)) command[key] = command[key].get<double>() * scale;
      }
    }
    s["networkRoundTripMicros"] = network * 1e3;
  }
  calibration["serviceScale"] = scale;
  calibration["maxThroughput"] = out.maxThroughput;
  calibration["note"] =
      "Measured by kvlab calibrate: service times scaled by serviceScale to what the server "
      "did; valid for this server, this client machine and this project's mix.";
  data["calibration"] = calibration;
  data["effective"] = today();
  out.dataFile = data.dump(2) + "\n";
  return out;
}

Status checkAgreement(const model::Project& project, const model::capacity::PriceSheet& prices,
                      const CalibrationRun& run, const std::string& calibrationFile,
                      double maxThroughput, const std::vector<double>& fractions,
                      std::vector<AgreementRow>& rows) {
  const double total = totalMeanRate(project);
  if (!(total > 0)) return Status::Error("the project's patterns state no rates");
  for (double fraction : fractions) {
    AgreementRow row;
    row.offered = fraction * maxThroughput;
    const double scale = row.offered / total;
    const RunOutcome real = realRun(project, prices, run, scale);
    if (!real.status.ok()) return real.status;
    const RunOutcome model = modelRun(project, prices, run, scale, calibrationFile);
    if (!model.status.ok()) return model.status;
    row.realP50 = real.result.latency.p50;
    row.realP99 = real.result.latency.p99;
    row.realThroughput = answeredPerSecond(real.result, run.engine == "cache");
    row.modelP50 = model.result.latency.p50;
    row.modelP99 = model.result.latency.p99;
    row.modelThroughput = answeredPerSecond(model.result, run.engine == "cache");
    rows.push_back(row);
  }
  return Status::Ok();
}

Status readCalibrationHeader(const std::string& path, std::string& engine, double& maxThroughput) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": cannot open");
  try {
    const Json data = Json::parse(in);
    const Json& c = data.at("calibration");
    engine = c.at("engine").get<std::string>();
    maxThroughput = c.at("maxThroughput").get<double>();
  } catch (const std::exception& e) {
    return Status::Error(path + ": not a calibration file written by kvlab calibrate (" +
                         std::string(e.what()) + ")");
  }
  if (engine != "relational" && engine != "cache") {
    return Status::Error(path + ": calibration.engine: expected relational or cache");
  }
  return Status::Ok();
}

}  // namespace kvlab::sim
