#include "simulator/engines/cache/cache_options.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace kvlab::sim {
namespace {

std::optional<double> parseNumber(const std::string& text) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

std::optional<double> parseMemorySize(const std::string& text) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Redis's memtoull: k, m, g multiply by 1000s; kb, mb, gb by 1024s.
  const std::pair<const char*, double> units[] = {{"gb", 1024.0 * 1024 * 1024},
                                                  {"mb", 1024.0 * 1024},
                                                  {"kb", 1024.0},
                                                  {"g", 1e9},
                                                  {"m", 1e6},
                                                  {"k", 1e3},
                                                  {"b", 1.0}};
  double factor = 1;
  std::string digits = lower;
  for (const auto& [suffix, f] : units) {
    const std::string s(suffix);
    if (lower.size() > s.size() && lower.compare(lower.size() - s.size(), s.size(), s) == 0) {
      digits = lower.substr(0, lower.size() - s.size());
      factor = f;
      break;
    }
  }
  auto n = parseNumber(digits);
  if (!n || *n < 0) return std::nullopt;
  return std::floor(*n * factor);
}

std::optional<std::string> applyCacheOptions(
    const std::vector<std::pair<std::string, std::string>>& settings, CacheOptions& options) {
  for (const auto& setting : settings) {
    // Named copies, not structured bindings: lambdas below capture them (Clang 14 refuses
    // to capture a binding).
    const std::string& key = setting.first;
    const std::string& value = setting.second;
    auto bad = [&](const std::string& expected) {
      return "engine option " + key + "=" + value + ": expected " + expected;
    };
    if (key == "maxmemory") {
      auto size = parseMemorySize(value);
      if (!size || *size <= 0) return bad("a memory size > 0 such as 64mb, 1gb or 1000000");
      options.maxMemoryBytes = *size;
    } else if (key == "policy") {
      auto policy = parseEvictionPolicy(value);
      if (!policy) return bad("allkeys-lru, allkeys-lfu, volatile-ttl or noeviction");
      options.policy = *policy;
    } else if (key == "ttl") {
      auto seconds = parseNumber(value);
      if (!seconds || *seconds <= 0) return bad("a number of seconds > 0");
      options.defaultTtlSeconds = *seconds;
    } else if (key == "node") {
      if (value.empty()) return bad("a node type such as cache.r7g.large");
      options.node = value;
    } else if (key == "samples") {
      auto n = parseNumber(value);
      if (!n || *n < 1 || *n > 64 || *n != std::floor(*n)) return bad("a whole number 1-64");
      options.samples = static_cast<int>(*n);
    } else if (key == "cold") {
      if (value == "on" || value == "true" || value == "1") {
        options.cold = true;
      } else if (value == "off" || value == "false" || value == "0") {
        options.cold = false;
      } else {
        return bad("on or off");
      }
    } else if (key == "data") {
      if (value.empty()) return bad("the path of a kvlab-redis/1 file");
      options.dataFile = value;
    } else {
      return "unknown engine option '" + key +
             "'; expected maxmemory, policy, ttl, node, samples, cold or data";
    }
  }
  return std::nullopt;
}

}  // namespace kvlab::sim
