#include "report/run_result_reader.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "model/io/json_path.h"

namespace kvlab::report {
namespace {

using Json = nlohmann::json;

// Reads fields of a JSON document, remembering the first fault (its path and what was expected)
// and giving defaults after it.
class Reader {
 public:
  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }

  void fail(const std::string& path, const std::string& message) {
    if (error_.empty()) error_ = (path.empty() ? "" : path + ": ") + message;
  }

  // The member `key` of `object`, or null when absent (a fault when `required`).
  const Json* member(const Json& object, const std::string& path, const char* key, bool required) {
    auto it = object.find(key);
    if (it == object.end() || (it->is_null() && !required)) {
      if (required) fail(path, std::string("missing required field \"") + key + "\"");
      return nullptr;
    }
    return &*it;
  }

  bool isObject(const Json& value, const std::string& path) {
    if (value.is_object()) return true;
    fail(path, "expected an object");
    return false;
  }

  double number(const Json& object, const std::string& path, const char* key, bool required = false,
                double fallback = 0) {
    const Json* v = member(object, path, key, required);
    if (v == nullptr) return fallback;
    if (!v->is_number()) {
      fail(model::jsonPathMember(path, key), "expected a number");
      return fallback;
    }
    return v->get<double>();
  }

  std::int64_t integer(const Json& object, const std::string& path, const char* key,
                       bool required = false) {
    const Json* v = member(object, path, key, required);
    if (v == nullptr) return 0;
    if (!v->is_number_integer() && !v->is_number_unsigned()) {
      fail(model::jsonPathMember(path, key), "expected a whole number");
      return 0;
    }
    return v->get<std::int64_t>();
  }

  std::string text(const Json& object, const std::string& path, const char* key,
                   bool required = false) {
    const Json* v = member(object, path, key, required);
    if (v == nullptr) return "";
    if (!v->is_string()) {
      fail(model::jsonPathMember(path, key), "expected a string");
      return "";
    }
    return v->get<std::string>();
  }

  bool boolean(const Json& object, const std::string& path, const char* key) {
    const Json* v = member(object, path, key, false);
    if (v == nullptr) return false;
    if (!v->is_boolean()) {
      fail(model::jsonPathMember(path, key), "expected true or false");
      return false;
    }
    return v->get<bool>();
  }

  // The array `key` of `object` (empty when absent).
  const Json* array(const Json& object, const std::string& path, const char* key,
                    bool required = false) {
    const Json* v = member(object, path, key, required);
    if (v == nullptr) return nullptr;
    if (!v->is_array()) {
      fail(model::jsonPathMember(path, key), "expected an array");
      return nullptr;
    }
    return v;
  }

  std::vector<double> numbers(const Json& object, const std::string& path, const char* key) {
    std::vector<double> out;
    const Json* a = array(object, path, key);
    if (a == nullptr) return out;
    const std::string at = model::jsonPathMember(path, key);
    for (std::size_t i = 0; i < a->size(); ++i) {
      if (!(*a)[i].is_number()) {
        fail(model::jsonPathIndex(at, i), "expected a number");
        return out;
      }
      out.push_back((*a)[i].get<double>());
    }
    return out;
  }

  std::uint64_t hex(const Json& object, const std::string& path, const char* key) {
    const std::string value = text(object, path, key);
    if (value.empty()) return 0;
    char* end = nullptr;
    const unsigned long long parsed = std::strtoull(value.c_str(), &end, 16);
    if (end == nullptr || *end != '\0') {
      fail(model::jsonPathMember(path, key),
           "expected a hexadecimal number, got \"" + value + "\"");
      return 0;
    }
    return parsed;
  }

  sim::LatencySummary latency(const Json& object, const std::string& path, const char* key) {
    sim::LatencySummary l;
    const Json* v = member(object, path, key, false);
    if (v == nullptr) return l;
    const std::string at = model::jsonPathMember(path, key);
    if (!isObject(*v, at)) return l;
    l.count = integer(*v, at, "count");
    l.p50 = number(*v, at, "p50");
    l.p95 = number(*v, at, "p95");
    l.p99 = number(*v, at, "p99");
    l.p999 = number(*v, at, "p999");
    l.max = number(*v, at, "max");
    l.mean = number(*v, at, "mean");
    return l;
  }

  std::vector<sim::HotKey> hotKeys(const Json& object, const std::string& path, const char* key,
                                   const char* valueName) {
    std::vector<sim::HotKey> out;
    const Json* a = array(object, path, key);
    if (a == nullptr) return out;
    const std::string at = model::jsonPathMember(path, key);
    for (std::size_t i = 0; i < a->size() && !failed(); ++i) {
      const std::string p = model::jsonPathIndex(at, i);
      if (!isObject((*a)[i], p)) break;
      sim::HotKey k;
      k.owner = text((*a)[i], p, "owner");
      k.key = text((*a)[i], p, "key");
      k.keyId = integer((*a)[i], p, "keyId");
      k.value = number((*a)[i], p, valueName);
      k.error = number((*a)[i], p, "error");
      out.push_back(std::move(k));
    }
    return out;
  }

  sim::RunResult run(const Json& doc, const std::string& path);

 private:
  std::string error_;
};

sim::RunResult Reader::run(const Json& doc, const std::string& path) {
  sim::RunResult r;
  if (!isObject(doc, path)) return r;
  const std::string format = text(doc, path, "format", true);
  if (!failed() && format != "kvlab-run/1") {
    fail(model::jsonPathMember(path, "format"),
         "expected \"kvlab-run/1\" or \"kvlab-comparison/1\", got \"" + format + "\"");
    return r;
  }
  r.engine = text(doc, path, "engine", true);
  r.design = text(doc, path, "design");
  r.seed = static_cast<std::uint64_t>(integer(doc, path, "seed"));
  r.durationSeconds = number(doc, path, "durationSeconds", true);
  r.simulatedSeconds = number(doc, path, "simulatedSeconds");
  r.bucketSeconds = number(doc, path, "bucketSeconds", false, 1);
  r.rate = text(doc, path, "rate");
  r.cancelled = boolean(doc, path, "cancelled");
  r.requests = integer(doc, path, "requests");
  r.succeeded = integer(doc, path, "succeeded");
  r.failed = integer(doc, path, "failed");
  r.throttled = integer(doc, path, "throttled");
  r.retries = integer(doc, path, "retries");
  r.events = integer(doc, path, "events");
  r.latency = latency(doc, path, "latencyMs");

  if (const Json* patterns = array(doc, path, "patterns", true)) {
    const std::string at = model::jsonPathMember(path, "patterns");
    for (std::size_t i = 0; i < patterns->size() && !failed(); ++i) {
      const Json& pj = (*patterns)[i];
      const std::string p = model::jsonPathIndex(at, i);
      if (!isObject(pj, p)) break;
      sim::PatternResult pr;
      pr.id = text(pj, p, "id", true);
      pr.requests = integer(pj, p, "requests");
      pr.succeeded = integer(pj, p, "succeeded");
      pr.failed = integer(pj, p, "failed");
      pr.throttled = integer(pj, p, "throttled");
      pr.throttledRequests = integer(pj, p, "throttledRequests");
      pr.retries = integer(pj, p, "retries");
      pr.readUnits = number(pj, p, "readUnits");
      pr.writeUnits = number(pj, p, "writeUnits");
      pr.latency = latency(pj, p, "latencyMs");
      if (const Json* reasons = member(pj, p, "throttlesByReason", false)) {
        const std::string rp = model::jsonPathMember(p, "throttlesByReason");
        if (isObject(*reasons, rp)) {
          for (const auto& [name, count] : reasons->items()) {
            if (!count.is_number_integer()) {
              fail(model::jsonPathMember(rp, name), "expected a whole number");
              break;
            }
            pr.throttlesByReason.emplace_back(name, count.get<std::int64_t>());
          }
        }
      }
      if (const Json* timeline = array(pj, p, "timeline")) {
        const std::string tp = model::jsonPathMember(p, "timeline");
        for (std::size_t b = 0; b < timeline->size() && !failed(); ++b) {
          const Json& bj = (*timeline)[b];
          const std::string bp = model::jsonPathIndex(tp, b);
          if (!isObject(bj, bp)) break;
          sim::TimeBucket bucket;
          bucket.startSeconds = number(bj, bp, "second", true);
          bucket.requests = integer(bj, bp, "requests");
          bucket.succeeded = integer(bj, bp, "succeeded");
          bucket.failed = integer(bj, bp, "failed");
          bucket.throttled = integer(bj, bp, "throttled");
          bucket.readUnits = number(bj, bp, "readUnits");
          bucket.writeUnits = number(bj, bp, "writeUnits");
          bucket.latency = latency(bj, bp, "latencyMs");
          pr.timeline.push_back(std::move(bucket));
        }
      }
      r.patterns.push_back(std::move(pr));
    }
  }

  if (const Json* partitions = member(doc, path, "partitions", false)) {
    const std::string pp = model::jsonPathMember(path, "partitions");
    if (isObject(*partitions, pp)) {
      r.partitions.count = static_cast<int>(integer(*partitions, pp, "count"));
      r.partitions.throttledRequests = integer(*partitions, pp, "throttledRequests");
      if (const Json* owners = array(*partitions, pp, "owners")) {
        const std::string op = model::jsonPathMember(pp, "owners");
        for (std::size_t i = 0; i < owners->size() && !failed(); ++i) {
          const Json& oj = (*owners)[i];
          const std::string o = model::jsonPathIndex(op, i);
          if (!isObject(oj, o)) break;
          sim::CapacityOwnerReport owner;
          owner.name = text(oj, o, "name", true);
          owner.mode = text(oj, o, "mode");
          owner.provisionedRead = number(oj, o, "provisionedRead");
          owner.provisionedWrite = number(oj, o, "provisionedWrite");
          owner.initialPartitions = static_cast<int>(integer(oj, o, "initialPartitions"));
          owner.partitions = static_cast<int>(integer(oj, o, "partitions"));
          owner.splits = static_cast<int>(integer(oj, o, "splits"));
          owner.storageSplits = static_cast<int>(integer(oj, o, "storageSplits"));
          owner.storedBytes = number(oj, o, "storedBytes");
          owner.meanProvisionedRead = number(oj, o, "meanProvisionedRead");
          owner.meanProvisionedWrite = number(oj, o, "meanProvisionedWrite");
          owner.throttles = integer(oj, o, "throttles");
          owner.readUnits = number(oj, o, "readUnits");
          owner.writeUnits = number(oj, o, "writeUnits");
          owner.peakReadUnitsPerSecond = number(oj, o, "peakReadUnitsPerSecond");
          owner.peakWriteUnitsPerSecond = number(oj, o, "peakWriteUnitsPerSecond");
          r.partitions.owners.push_back(std::move(owner));
        }
      }
      if (const Json* heat = array(*partitions, pp, "heat")) {
        const std::string hp = model::jsonPathMember(pp, "heat");
        for (std::size_t i = 0; i < heat->size() && !failed(); ++i) {
          const Json& hj = (*heat)[i];
          const std::string h = model::jsonPathIndex(hp, i);
          if (!isObject(hj, h)) break;
          sim::PartitionHeat part;
          part.owner = text(hj, h, "owner", true);
          part.id = static_cast<int>(integer(hj, h, "partition", true));
          const Json* parent = member(hj, h, "parent", false);
          part.parent = parent == nullptr ? -1 : static_cast<int>(integer(hj, h, "parent"));
          part.hashLow = hex(hj, h, "hashLow");
          part.hashHigh = hex(hj, h, "hashHigh");
          part.fromSecond = integer(hj, h, "fromSecond");
          if (member(hj, h, "untilSecond", false) != nullptr) {
            part.untilSecond = integer(hj, h, "untilSecond");
          }
          part.throttles = integer(hj, h, "throttles");
          part.readUnits = numbers(hj, h, "readUnits");
          part.writeUnits = numbers(hj, h, "writeUnits");
          r.partitions.heat.push_back(std::move(part));
        }
      }
    }
  }

  if (const Json* hot = member(doc, path, "hotKeys", false)) {
    const std::string hp = model::jsonPathMember(path, "hotKeys");
    if (isObject(*hot, hp)) {
      r.hotKeysByUnits = hotKeys(*hot, hp, "byUnits", "units");
      r.hotKeysByThrottles = hotKeys(*hot, hp, "byThrottles", "throttles");
    }
  }

  if (const Json* cost = member(doc, path, "monthlyCost", false)) {
    const std::string cp = model::jsonPathMember(path, "monthlyCost");
    if (isObject(*cost, cp)) {
      r.monthlyCost.capacityMode = text(*cost, cp, "capacityMode");
      r.monthlyCost.priceSheet = text(*cost, cp, "priceSheet");
      r.monthlyCost.onDemand = number(*cost, cp, "onDemand");
      r.monthlyCost.provisioned = number(*cost, cp, "provisioned");
      r.monthlyCost.storage = number(*cost, cp, "storage");
      r.monthlyCost.instances = number(*cost, cp, "instances");
      r.monthlyCost.total = number(*cost, cp, "total");
    }
  }

  if (const Json* cache = member(doc, path, "cache", false)) {
    const std::string cp = model::jsonPathMember(path, "cache");
    if (isObject(*cache, cp)) {
      sim::CacheReport c;
      c.evictionPolicy = text(*cache, cp, "evictionPolicy");
      c.maxMemoryBytes = number(*cache, cp, "maxMemoryBytes");
      c.usedMemoryBytes = number(*cache, cp, "usedMemoryBytes");
      c.hits = integer(*cache, cp, "hits");
      c.misses = integer(*cache, cp, "misses");
      c.hitRatio = number(*cache, cp, "hitRatio");
      c.evictions = integer(*cache, cp, "evictions");
      c.expirations = integer(*cache, cp, "expirations");
      c.rejectedWrites = integer(*cache, cp, "rejectedWrites");
      c.hitRatioByBucket = numbers(*cache, cp, "hitRatioByBucket");
      c.hitLatency = latency(*cache, cp, "hitLatencyMs");
      c.missLatency = latency(*cache, cp, "missLatencyMs");
      r.cache = std::move(c);
    }
  }

  if (const Json* servers = array(doc, path, "servers")) {
    const std::string sp = model::jsonPathMember(path, "servers");
    for (std::size_t i = 0; i < servers->size() && !failed(); ++i) {
      const Json& sj = (*servers)[i];
      const std::string s = model::jsonPathIndex(sp, i);
      if (!isObject(sj, s)) break;
      sim::ServerReport server;
      server.name = text(sj, s, "name");
      server.instance = text(sj, s, "instance");
      server.cores = static_cast<int>(integer(sj, s, "cores"));
      server.connections = static_cast<int>(integer(sj, s, "connections"));
      server.utilization = number(sj, s, "utilization");
      server.peakQueueLength = number(sj, s, "peakQueueLength");
      server.busyCoreSeconds = number(sj, s, "busyCoreSeconds");
      server.utilizationByBucket = numbers(sj, s, "utilizationByBucket");
      r.servers.push_back(std::move(server));
    }
  }

  if (const Json* notes = array(doc, path, "notes")) {
    const std::string np = model::jsonPathMember(path, "notes");
    for (std::size_t i = 0; i < notes->size(); ++i) {
      if (!(*notes)[i].is_string()) {
        fail(model::jsonPathIndex(np, i), "expected a string");
        break;
      }
      r.notes.push_back((*notes)[i].get<std::string>());
    }
  }
  return r;
}

// The line and column (1-based) of byte `offset` in `text`.
std::pair<std::size_t, std::size_t> lineColumn(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

Status parseRunResults(std::string_view text, const std::string& fileName,
                       std::vector<sim::RunResult>& runs) {
  Json doc;
  try {
    doc = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    const auto [line, column] = lineColumn(text, e.byte > 0 ? e.byte - 1 : 0);
    return Status::Error(fileName + ":" + std::to_string(line) + ":" + std::to_string(column) +
                         ": malformed JSON: " + e.what());
  } catch (const Json::exception& e) {
    // A number beyond a double's range: nlohmann reports it as out_of_range ("[json.exception.
    // out_of_range.406] number overflow parsing '1e400'"), even when asked not to throw, and
    // without a place.
    std::string what = e.what();
    const std::size_t bracket = what.find("] ");
    if (bracket != std::string::npos) what = what.substr(bracket + 2);
    return Status::Error(fileName + ": malformed JSON: " + what +
                         "; expected a number of magnitude at most 1.8e308");
  }
  Reader reader;
  std::vector<sim::RunResult> read;
  if (!doc.is_object()) {
    reader.fail("", "expected a kvlab-run/1 or kvlab-comparison/1 object");
  } else if (const auto format = doc.find("format");
             format != doc.end() && *format == "kvlab-comparison/1") {
    if (const Json* list = reader.array(doc, "", "runs", true)) {
      if (list->empty()) reader.fail("runs", "expected at least one run");
      for (std::size_t i = 0; i < list->size() && !reader.failed(); ++i) {
        read.push_back(reader.run((*list)[i], model::jsonPathIndex("runs", i)));
      }
    }
  } else {
    read.push_back(reader.run(doc, ""));
  }
  if (reader.failed()) return Status::Error(fileName + ": " + reader.error());
  for (sim::RunResult& r : read) runs.push_back(std::move(r));
  return Status::Ok();
}

Status readRunResults(const std::filesystem::path& file, std::vector<sim::RunResult>& runs) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::Error(file.string() + ": cannot open");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return Status::Error(file.string() + ": cannot read");
  return parseRunResults(content.str(), file.string(), runs);
}

}  // namespace kvlab::report
