#include "simulator/engines/relational/relational_options.h"

#include <charconv>
#include <cmath>

namespace kvlab::sim {
namespace {

std::optional<double> parseNumber(const std::string& text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::optional<std::string> applyRelationalOptions(
    const std::vector<std::pair<std::string, std::string>>& settings, RelationalOptions& options) {
  for (const auto& setting : settings) {
    // Named copies, not structured bindings: lambdas below capture them (Clang 14 refuses
    // to capture a binding).
    const std::string& key = setting.first;
    const std::string& value = setting.second;
    const std::optional<double> number = parseNumber(value);
    auto needs = [&](double minimum, double maximum) -> std::optional<std::string> {
      if (!number || *number < minimum || *number > maximum) {
        return "relational option " + key + "=" + value + ": expected a number from " +
               std::to_string(minimum) + " to " + std::to_string(maximum);
      }
      return std::nullopt;
    };
    if (key == "instance") {
      options.instance = value;
    } else if (key == "profile") {
      options.profilePath = value;
    } else if (key == "service") {
      if (value != "exponential" && value != "fixed") {
        return "relational option service=" + value + ": expected exponential or fixed";
      }
      options.exponentialService = value == "exponential";
    } else if (key == "cores") {
      if (auto e = needs(1, 1024)) return e;
      options.cores = static_cast<int>(*number);
    } else if (key == "connections") {
      if (auto e = needs(1, 100000)) return e;
      options.connections = static_cast<int>(*number);
    } else if (key == "rows") {
      if (auto e = needs(1, 10000000)) return e;
      options.maxRowsPerTable = static_cast<std::int64_t>(*number);
    } else if (key == "service-time-ms") {
      if (auto e = needs(0.001, 60000)) return e;
      options.serviceTimeMillis = *number;
    } else if (key == "rtt-ms") {
      if (auto e = needs(0, 60000)) return e;
      options.roundTripMillis = *number;
    } else if (key == "connection-timeout-ms") {
      if (auto e = needs(0, 3600000)) return e;
      options.connectionTimeoutMillis = *number;
    } else {
      return "unknown relational option '" + key +
             "'; expected instance, cores, connections, rows, service, service-time-ms, rtt-ms, "
             "connection-timeout-ms or profile";
    }
  }
  return std::nullopt;
}

}  // namespace kvlab::sim
