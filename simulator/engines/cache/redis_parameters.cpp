#include "simulator/engines/cache/redis_parameters.h"

#include <cctype>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

#include "model/capacity/price_sheet.h"

namespace kvlab::sim {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kFormat = "kvlab-redis/1";
constexpr double kBytesPerGiB = 1024.0 * 1024.0 * 1024.0;

std::string describe(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "the number " + value.dump();
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    default:
      return "another value";
  }
}

std::string join(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

// Reads the parsed document, recording every fault with its JSON path.
class ParametersReader {
 public:
  explicit ParametersReader(std::string file) : file_(std::move(file)) {}

  void fail(std::string path, std::string problem) {
    errors_.push_back(RedisParametersError{file_, std::move(path), std::move(problem)});
  }

  const Json* object(const Json& parent, std::string_view key, const std::string& parentPath) {
    auto it = parent.find(std::string(key));
    if (it == parent.end()) {
      fail(join(parentPath, key), "missing; expected an object");
      return nullptr;
    }
    if (!it->is_object()) {
      fail(join(parentPath, key), "expected an object, found " + describe(*it));
      return nullptr;
    }
    return &*it;
  }

  std::string text(const Json& parent, std::string_view key, const std::string& parentPath,
                   bool isRequired) {
    const std::string path = join(parentPath, key);
    auto it = parent.find(std::string(key));
    if (it == parent.end()) {
      if (isRequired) fail(path, "missing; expected a non-empty string");
      return {};
    }
    if (!it->is_string() || (isRequired && it->get<std::string>().empty())) {
      fail(path, "expected a non-empty string, found " + describe(*it));
      return {};
    }
    return it->get<std::string>();
  }

  // A number >= 0 (> 0 when `positive`), or `fallback` after recording a fault. An absent
  // optional number is `fallback` without a fault.
  double number(const Json& parent, std::string_view key, const std::string& parentPath,
                std::string_view meaning, bool positive = false, bool isRequired = true,
                double fallback = 0) {
    const std::string path = join(parentPath, key);
    const std::string expected =
        std::string(positive ? "a number > 0 (" : "a number >= 0 (") + std::string(meaning) + ")";
    auto it = parent.find(std::string(key));
    if (it == parent.end()) {
      if (isRequired) fail(path, "missing; expected " + expected);
      return fallback;
    }
    if (!it->is_number()) {
      fail(path, "expected " + expected + ", found " + describe(*it));
      return fallback;
    }
    const double value = it->get<double>();
    if (!std::isfinite(value) || value < 0 || (positive && value == 0)) {
      fail(path, "expected " + expected + ", found " + it->dump());
      return fallback;
    }
    return value;
  }

  // A whole number in [min, max].
  int whole(const Json& parent, std::string_view key, const std::string& parentPath,
            std::string_view meaning, int min, int max) {
    const std::string path = join(parentPath, key);
    const std::string expected = "a whole number from " + std::to_string(min) + " to " +
                                 std::to_string(max) + " (" + std::string(meaning) + ")";
    auto it = parent.find(std::string(key));
    if (it == parent.end()) {
      fail(path, "missing; expected " + expected);
      return min;
    }
    if (!it->is_number()) {
      fail(path, "expected " + expected + ", found " + describe(*it));
      return min;
    }
    const double value = it->get<double>();
    if (value != std::floor(value) || value < min || value > max) {
      fail(path, "expected " + expected + ", found " + it->dump());
      return min;
    }
    return static_cast<int>(value);
  }

  RedisParametersLoad read(const Json& root) {
    RedisParameters p;
    p.file = file_;
    if (!root.is_object()) {
      fail("", "expected a Redis parameters object, found " + describe(root));
      return finish(std::move(p));
    }
    const std::string format = text(root, "format", "", true);
    if (!format.empty() && format != kFormat) {
      fail("format", "expected \"" + std::string(kFormat) + "\", found \"" + format + "\"");
    }
    p.effective = text(root, "effective", "", true);
    if (!p.effective.empty() && !isDate(p.effective)) {
      fail("effective", "expected a date as YYYY-MM-DD, found \"" + p.effective + "\"");
    }
    p.region = text(root, "region", "", true);
    p.currency = text(root, "currency", "", true);
    p.hoursPerMonth = number(root, "hoursPerMonth", "", "hours billed per month", true);
    readSources(root, p);
    readNotes(root, p);

    if (const Json* m = object(root, "memory", "")) {
      const std::string at = "memory";
      p.stringOverheadBytes = number(*m, "stringOverheadBytes", at, "bytes per string key");
      p.integerOverheadBytes = number(*m, "integerOverheadBytes", at, "bytes per integer key");
      p.hashOverheadBytes = number(*m, "hashOverheadBytes", at, "bytes per hash key");
      p.hashFieldOverheadBytes = number(*m, "hashFieldOverheadBytes", at, "bytes per hash field");
      p.sortedSetOverheadBytes = number(*m, "sortedSetOverheadBytes", at, "bytes per sorted set");
      p.sortedSetMemberOverheadBytes =
          number(*m, "sortedSetMemberOverheadBytes", at, "bytes per sorted-set member");
      p.expireOverheadBytes = number(*m, "expireOverheadBytes", at, "bytes per key with a TTL");
      p.reservedMemoryFraction = number(*m, "reservedMemoryFraction", at,
                                        "share of a node's memory kept out of maxmemory");
      if (p.reservedMemoryFraction >= 1) {
        fail("memory.reservedMemoryFraction", "expected a share below 1");
      }
    }
    if (const Json* e = object(root, "eviction", "")) {
      const std::string at = "eviction";
      p.maxmemorySamples = whole(*e, "maxmemorySamples", at, "keys sampled per eviction", 1, 64);
      p.evictionPoolSize = whole(*e, "evictionPoolSize", at, "eviction pool entries", 1, 1024);
      p.lfuLogFactor = whole(*e, "lfuLogFactor", at, "lfu-log-factor", 0, 1000000);
      p.lfuDecayTimeMinutes = whole(*e, "lfuDecayTimeMinutes", at, "lfu-decay-time", 0, 65535);
      p.lfuInitValue = whole(*e, "lfuInitValue", at, "a new key's LFU counter", 0, 255);
      p.lruClockResolutionMillis =
          number(*e, "lruClockResolutionMillis", at, "the LRU clock's tick", true);
    }
    if (const Json* x = object(root, "expiry", "")) {
      const std::string at = "expiry";
      p.hz = whole(*x, "hz", at, "active expiry cycles a second", 1, 500);
      p.keysPerLoop = whole(*x, "keysPerLoop", at, "keys sampled per loop", 1, 100000);
      p.acceptableStalePercent =
          whole(*x, "acceptableStalePercent", at, "expired share that ends a cycle", 0, 100);
      p.cycleTimePercent = number(*x, "cycleTimePercent", at, "share of a cycle's time", true);
      p.keyMicros = number(*x, "keyMicros", at, "time to check one key", true);
    }
    if (const Json* s = object(root, "service", "")) {
      const std::string at = "service";
      p.roundTripCpuMicros = number(*s, "roundTripCpuMicros", at, "main-thread I/O per request");
      p.protocolMicrosPerCommand =
          number(*s, "protocolMicrosPerCommand", at, "parsing and reply per command");
      p.perByteNanos = number(*s, "perByteNanos", at, "main-thread time per value byte");
      p.networkRoundTripMicros = number(*s, "networkRoundTripMicros", at, "network round trip");
      if (const Json* commands = object(*s, "commands", at)) {
        const std::string cat = join(at, "commands");
        for (auto it = commands->begin(); it != commands->end(); ++it) {
          if (!parseRedisCommand(it.key())) {
            fail(join(cat, it.key()), "unknown command; expected one of " + commandList());
          }
        }
        for (std::size_t i = 0; i < kRedisCommandCount; ++i) {
          const std::string name(kRedisCommandNames[i]);
          if (const Json* c = object(*commands, name, cat)) {
            const std::string cp = join(cat, name);
            p.commands[i].processingMicros =
                number(*c, "processingMicros", cp, "main-thread time of the command");
            p.commands[i].perElementMicros =
                number(*c, "perElementMicros", cp, "time per element", false, false, 0);
          }
        }
      }
    }
    p.defaultNode = text(root, "defaultNode", "", true);
    readNodes(root, p);
    if (!p.defaultNode.empty() && !p.nodes.empty() && p.findNode(p.defaultNode) == nullptr) {
      fail("defaultNode", "\"" + p.defaultNode + "\" is not one of the nodes listed");
    }
    return finish(std::move(p));
  }

  RedisParametersLoad finish(RedisParameters p) {
    RedisParametersLoad load;
    load.errors = std::move(errors_);
    if (load.errors.empty()) load.parameters = std::move(p);
    return load;
  }

 private:
  static bool isDate(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (i == 4 || i == 7) continue;
      if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    }
    return true;
  }

  static std::string commandList() {
    std::string out;
    for (std::string_view name : kRedisCommandNames) {
      out += (out.empty() ? "" : ", ") + std::string(name);
    }
    return out;
  }

  void readSources(const Json& root, RedisParameters& p) {
    auto it = root.find("sources");
    if (it == root.end() || !it->is_array() || it->empty()) {
      fail("sources", "expected a non-empty array of sources");
      return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const Json& source = (*it)[i];
      const std::string path = "sources[" + std::to_string(i) + "]";
      if (!source.is_object()) {
        fail(path, "expected an object with a title, found " + describe(source));
        continue;
      }
      p.sources.push_back(RedisSource{text(source, "title", path, true),
                                      text(source, "url", path, false),
                                      text(source, "note", path, false)});
    }
  }

  void readNotes(const Json& root, RedisParameters& p) {
    auto it = root.find("notes");
    if (it == root.end()) return;
    if (!it->is_array()) {
      fail("notes", "expected an array of strings, found " + describe(*it));
      return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      if (!(*it)[i].is_string()) {
        fail("notes[" + std::to_string(i) + "]", "expected a string");
        continue;
      }
      p.notes.push_back((*it)[i].get<std::string>());
    }
  }

  void readNodes(const Json& root, RedisParameters& p) {
    auto it = root.find("nodes");
    if (it == root.end() || !it->is_array() || it->empty()) {
      fail("nodes", "expected a non-empty array of node types");
      return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const Json& node = (*it)[i];
      const std::string path = "nodes[" + std::to_string(i) + "]";
      if (!node.is_object()) {
        fail(path, "expected an object, found " + describe(node));
        continue;
      }
      RedisNodeType n;
      n.name = text(node, "name", path, true);
      n.memoryBytes = number(node, "memoryGiB", path, "memory in GiB", true) * kBytesPerGiB;
      if (!std::isfinite(n.memoryBytes)) {  // finite in GiB, beyond a double in bytes
        fail(join(path, "memoryGiB"),
             "expected memory whose bytes a double can count (at most 1e299 GiB), found " +
                 node.at("memoryGiB").dump());
      }
      n.vcpus = whole(node, "vcpus", path, "vCPUs", 1, 1024);
      n.pricePerHour = number(node, "pricePerHour", path, "on-demand price per hour");
      if (!n.name.empty() && p.findNode(n.name) != nullptr) {
        fail(join(path, "name"), "node type \"" + n.name + "\" is listed twice");
      }
      p.nodes.push_back(std::move(n));
    }
  }

  std::string file_;
  std::vector<RedisParametersError> errors_;
};

}  // namespace

const RedisNodeType* RedisParameters::findNode(std::string_view name) const {
  for (const RedisNodeType& n : nodes) {
    if (n.name == name) return &n;
  }
  return nullptr;
}

double RedisParameters::commandMicros(RedisCommand command, std::int64_t elements) const {
  const RedisCommandCost& c = commands[static_cast<std::size_t>(command)];
  return protocolMicrosPerCommand + c.processingMicros +
         c.perElementMicros * static_cast<double>(elements);
}

std::string RedisParametersError::message() const {
  std::string text = file + ": error: ";
  if (!path.empty()) text += path + ": ";
  return text + problem;
}

RedisParametersLoad loadRedisParameters(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ParametersReader reader(path.string());
    reader.fail("", "cannot be read; expected the Redis parameters file (kvlab-redis/1)");
    return reader.finish(RedisParameters{});
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parseRedisParameters(text.str(), path.string());
}

RedisParametersLoad parseRedisParameters(std::string_view jsonText, std::string_view fileName) {
  ParametersReader reader{std::string(fileName)};
  Json root;
  try {
    root = Json::parse(jsonText);
  } catch (const Json::exception& error) {
    // nlohmann reports bad text (and numbers beyond a double) by exception; a value here.
    std::string what = error.what();
    const std::size_t bracket = what.find("] ");
    if (bracket != std::string::npos) what = what.substr(bracket + 2);
    reader.fail("", "is not valid JSON: " + what);
    return reader.finish(RedisParameters{});
  }
  return reader.read(root);
}

std::filesystem::path defaultRedisParametersPath() {
  // The price sheet sits in DATA/prices/; this file in DATA/engines/.
  return model::capacity::defaultPriceSheetPath().parent_path().parent_path() / "engines" /
         "redis.json";
}

}  // namespace kvlab::sim
