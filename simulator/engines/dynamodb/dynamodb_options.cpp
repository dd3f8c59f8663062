#include "simulator/engines/dynamodb/dynamodb_options.h"

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

std::optional<bool> parseSwitch(const std::string& text) {
  if (text == "on" || text == "true" || text == "1") return true;
  if (text == "off" || text == "false" || text == "0") return false;
  return std::nullopt;
}

}  // namespace

const ProvisionedThroughput* DynamoDbOptions::findProvisioned(const std::string& owner) const {
  for (const ProvisionedThroughput& p : provisioned) {
    if (p.owner == owner) return &p;
  }
  return nullptr;
}

std::optional<std::string> applyDynamoDbOptions(
    const std::vector<std::pair<std::string, std::string>>& settings, DynamoDbOptions& options) {
  for (const auto& setting : settings) {
    // Named references, not structured bindings: the lambda below captures them (Clang 14
    // refuses to capture a binding).
    const std::string& key = setting.first;
    const std::string& value = setting.second;
    auto bad = [&](const std::string& expected) {
      return "engine option " + key + "=" + value + ": expected " + expected;
    };
    if (key == "capacity") {
      if (value == "on-demand") {
        options.mode = CapacityMode::OnDemand;
      } else if (value == "provisioned") {
        options.mode = CapacityMode::Provisioned;
      } else {
        return bad("on-demand or provisioned");
      }
    } else if (key == "provisioned") {
      const auto first = value.find(':');
      const auto second = first == std::string::npos ? first : value.find(':', first + 1);
      if (second == std::string::npos) return bad("OWNER:RCU:WCU");
      auto rcu = parseNumber(value.substr(first + 1, second - first - 1));
      auto wcu = parseNumber(value.substr(second + 1));
      if (first == 0 || !rcu || !wcu || *rcu < 0 || *wcu < 0) return bad("OWNER:RCU:WCU");
      options.provisioned.push_back({value.substr(0, first), *rcu, *wcu});
    } else if (key == "burst" || key == "adaptive" || key == "split") {
      auto on = parseSwitch(value);
      if (!on) return bad("on or off");
      (key == "burst"      ? options.burst
       : key == "adaptive" ? options.adaptiveCapacity
                           : options.splitForHeat) = *on;
    } else if (key == "split-after" || key == "max-attempts" || key == "partitions") {
      auto n = parseNumber(value);
      if (!n || *n < 1 || *n > 1000 || *n != std::floor(*n)) return bad("a whole number 1-1000");
      (key == "split-after"    ? options.splitAfterSeconds
       : key == "max-attempts" ? options.retry.maxAttempts
                               : options.initialPartitions) = static_cast<int>(*n);
    } else if (key == "base-delay-ms" || key == "initial-burst-seconds") {
      auto n = parseNumber(value);
      if (!n || *n < 0) return bad("a number >= 0");
      (key == "base-delay-ms" ? options.retry.baseDelayMillis : options.initialBurstSeconds) = *n;
    } else if (key == "autoscaling") {
      auto on = parseSwitch(value);
      if (!on) return bad("on or off");
      options.autoScaling.enabled = *on;
    } else if (key == "autoscaling-target") {
      auto n = parseNumber(value);
      if (!n || *n < 20 || *n > 90) return bad("a percentage from 20 to 90");
      options.autoScaling.targetUtilization = *n / 100.0;
    } else if (key == "autoscaling-min" || key == "autoscaling-max") {
      auto n = parseNumber(value);
      if (!n || *n < 1 || *n > 1e9) return bad("a number of units from 1 to 10^9");
      (key == "autoscaling-min" ? options.autoScaling.minCapacity
                                : options.autoScaling.maxCapacity) = *n;
    } else if (key == "autoscaling-delay") {
      auto n = parseNumber(value);
      if (!n || *n < 0 || *n > 86400) return bad("seconds from 0 to 86400");
      options.autoScaling.delaySeconds = *n;
    } else if (key == "max-items") {
      auto n = parseNumber(value);
      if (!n || *n < 1 || *n > 1e9 || *n != std::floor(*n)) return bad("a whole number 1-10^9");
      options.maxStoredItems = static_cast<std::int64_t>(*n);
    } else if (key == "warm-read" || key == "warm-write") {
      // A pre-warmed on-demand table (warm throughput, §4.5): serves this much at once.
      auto n = parseNumber(value);
      if (!n || *n < 1 || *n > 1e9) return bad("units per second from 1 to 10^9");
      (key == "warm-read" ? options.onDemandInitialReadUnits : options.onDemandInitialWriteUnits) =
          *n;
    } else if (key == "partition-gb") {
      auto n = parseNumber(value);
      if (!n || *n < 1e-6 || *n > 1e6) return bad("a size in GB from 0.000001 to 10^6");
      options.partitionBytes = *n * 1024.0 * 1024.0 * 1024.0;  // binary, as the default
    } else {
      return "unknown engine option '" + key +
             "'; expected capacity, provisioned, burst, adaptive, split, split-after, "
             "max-attempts, base-delay-ms, initial-burst-seconds, partitions, autoscaling, "
             "autoscaling-target, autoscaling-min, autoscaling-max, autoscaling-delay, max-items, "
             "warm-read, warm-write or partition-gb";
    }
  }
  return std::nullopt;
}

}  // namespace kvlab::sim
