#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kvlab::sim {

// How the relational engine models its server. Unset values come from the profile
// (data/engines/postgresql.json). A value type.
struct RelationalOptions {
  std::string profilePath;  // empty: data/engines/postgresql.json
  std::string instance;     // empty: the profile's default instance
  int cores = 0;            // 0: the instance's vCPUs
  int connections = 0;      // 0: the profile's pool size
  // Tables hold each entity's count scaled so that the largest has at most this many rows.
  std::int64_t maxRowsPerTable = 50000;
  // Service times drawn exponential around the work a statement measured (the M/M/c textbook
  // case), or exactly that work.
  bool exponentialService = true;
  // A what-if and test hook: every request takes this much core time on average, whatever its
  // work.
  std::optional<double> serviceTimeMillis;
  std::optional<double> roundTripMillis;
  std::optional<double> connectionTimeoutMillis;
};

// Reads options given as KEY=VALUE text (--engine-option):
//   instance=NAME   cores=N   connections=N   rows=N   service=exponential|fixed
//   service-time-ms=MS   rtt-ms=MS   connection-timeout-ms=MS   profile=PATH
// Applies them to `options`. On a bad key or value returns the message.
std::optional<std::string> applyRelationalOptions(
    const std::vector<std::pair<std::string, std::string>>& settings, RelationalOptions& options);

}  // namespace kvlab::sim
