#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "simulator/engines/cache/redis_command.h"

namespace kvlab::sim {

// What one command costs Redis's main thread: its processing plus, for commands that return or
// remove many elements, a cost per element.
struct RedisCommandCost {
  double processingMicros = 0;
  double perElementMicros = 0;
};

// A node type a cache can run on, with its memory and its on-demand price.
struct RedisNodeType {
  std::string name;  // "cache.r7g.large"
  double memoryBytes = 0;
  int vcpus = 0;
  double pricePerHour = 0;
};

struct RedisSource {
  std::string title;
  std::string url;
  std::string note;
};

// Facts about Redis and ElastiCache that the cache engine uses, read from data/engines/redis.json
// (format "kvlab-redis/1"): memory overheads, eviction and expiry constants, command service
// times, the network round trip, and node types with prices. Each figure has its source in the
// file; none is a literal in code (STYLE.md rule 12). A plain value; safe to share across threads.
struct RedisParameters {
  std::string file;       // where it was read from
  std::string effective;  // YYYY-MM-DD
  std::string region;
  std::string currency;
  double hoursPerMonth = 0;
  std::vector<RedisSource> sources;
  std::vector<std::string> notes;

  // memory
  double stringOverheadBytes = 0;
  double integerOverheadBytes = 0;
  double hashOverheadBytes = 0;
  double hashFieldOverheadBytes = 0;
  double sortedSetOverheadBytes = 0;
  double sortedSetMemberOverheadBytes = 0;
  double expireOverheadBytes = 0;
  double reservedMemoryFraction = 0;

  // eviction
  int maxmemorySamples = 0;
  int evictionPoolSize = 0;
  int lfuLogFactor = 0;
  int lfuDecayTimeMinutes = 0;
  int lfuInitValue = 0;
  double lruClockResolutionMillis = 0;

  // active expiry
  int hz = 0;
  int keysPerLoop = 0;
  int acceptableStalePercent = 0;
  double cycleTimePercent = 0;
  double keyMicros = 0;

  // service
  double roundTripCpuMicros = 0;
  double protocolMicrosPerCommand = 0;
  double perByteNanos = 0;
  double networkRoundTripMicros = 0;
  std::array<RedisCommandCost, kRedisCommandCount> commands{};

  std::string defaultNode;
  std::vector<RedisNodeType> nodes;

  // The node type called `name`, or null.
  const RedisNodeType* findNode(std::string_view name) const;
  // Main-thread time of one command that touches `elements` elements (fields returned, members
  // returned or removed): protocol + processing + per element. Excludes the round trip's I/O.
  double commandMicros(RedisCommand command, std::int64_t elements = 0) const;
};

// One fault in the file: the file, the JSON path ("service.commands.GET.processingMicros") and
// what was expected.
struct RedisParametersError {
  std::string file;
  std::string path;
  std::string problem;

  // "FILE: error: PATH: PROBLEM", leaving out an empty path.
  std::string message() const;
};

struct RedisParametersLoad {
  std::optional<RedisParameters> parameters;
  std::vector<RedisParametersError> errors;

  bool ok() const { return parameters.has_value(); }
};

// Reads the file at `path`. On success holds the parameters and no error; otherwise no
// parameters and every fault found (a missing or mistyped field, a negative number, an unknown
// command, a default node that is not listed, a file that cannot be read or is not JSON).
RedisParametersLoad loadRedisParameters(const std::filesystem::path& path);
// As loadRedisParameters, from text; `fileName` names it in the errors.
RedisParametersLoad parseRedisParameters(std::string_view jsonText, std::string_view fileName);

// "engines/redis.json" under the data folder: the folder of the default price sheet's folder
// ($KVLAB_DATA_DIR when set, otherwise the source tree's data/). Not checked to exist.
std::filesystem::path defaultRedisParametersPath();

}  // namespace kvlab::sim
