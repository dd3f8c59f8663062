// Fuzzes the reader of data/engines/redis.json (kvlab-redis/1): parseRedisParameters on any
// text. Parameters come with no error, finite and not negative, with a default node that is
// listed; a refusal has at least one error and every error names the file.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "simulator/engines/cache/redis_parameters.h"
#include "tests/fuzz/fuzz_check.h"

using namespace kvlab::sim;

namespace {

const std::string kFile = "fuzz-redis.json";

void checkAmount(double value, const char* what) {
  kvlab::fuzz::check(std::isfinite(value) && value >= 0, what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const RedisParametersLoad load = parseRedisParameters(text, kFile);
  if (!load.ok()) {
    kvlab::fuzz::check(!load.errors.empty(), "refused without an error", text);
    for (const RedisParametersError& error : load.errors) {
      kvlab::fuzz::check(error.message().rfind(kFile + ": error: ", 0) == 0,
                         "an error that does not name the file", error.message());
    }
    return 0;
  }
  kvlab::fuzz::check(load.errors.empty(), "parameters with errors", text);
  const RedisParameters& p = *load.parameters;
  kvlab::fuzz::check(p.findNode(p.defaultNode) != nullptr, "the default node is not listed", text);
  for (const double value :
       {p.hoursPerMonth, p.stringOverheadBytes, p.integerOverheadBytes, p.hashOverheadBytes,
        p.hashFieldOverheadBytes, p.sortedSetOverheadBytes, p.sortedSetMemberOverheadBytes,
        p.expireOverheadBytes, p.reservedMemoryFraction, p.lruClockResolutionMillis,
        p.cycleTimePercent, p.keyMicros, p.roundTripCpuMicros, p.protocolMicrosPerCommand,
        p.perByteNanos, p.networkRoundTripMicros}) {
    checkAmount(value, "a figure that is negative or not finite");
  }
  kvlab::fuzz::check(p.reservedMemoryFraction < 1, "all of a node's memory reserved", text);
  for (const RedisNodeType& node : p.nodes) {
    checkAmount(node.memoryBytes, "a node's memory is negative or not finite");
    checkAmount(node.pricePerHour, "a node's price is negative or not finite");
    kvlab::fuzz::check(node.vcpus >= 1, "a node without a vCPU", text);
  }
  for (std::size_t i = 0; i < kRedisCommandCount; ++i) {
    checkAmount(p.commandMicros(static_cast<RedisCommand>(i), 1000),
                "a command's time is negative or not finite");
  }
  return 0;
}
