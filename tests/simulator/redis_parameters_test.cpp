// The cache engine's data file (data/engines/redis.json, kvlab-redis/1): a catalogue of malformed
// files, each refused with every fault, each naming the file, the JSON path and what was expected.
#include "simulator/engines/cache/redis_parameters.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/test_files.h"

namespace kvlab::sim {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

// The shipped file with `from` replaced by `to`.
std::string shippedWith(const std::string& from, const std::string& to) {
  std::string text = test::readFile(test::sourceDir() / "data" / "engines" / "redis.json");
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::vector<std::string> messages(const RedisParametersLoad& load) {
  std::vector<std::string> out;
  for (const RedisParametersError& e : load.errors) out.push_back(e.message());
  return out;
}

// redis_parameters_fuzzer: memory in GiB within a double's range (1e300) became infinite bytes,
// and the cache engine would have been given an infinite maxmemory.
TEST(RedisParameters, shouldRefuseANodeWhoseMemoryInBytesIsBeyondADouble) {
  const RedisParametersLoad load =
      parseRedisParameters(shippedWith("\"memoryGiB\": 0.5", "\"memoryGiB\": 1e300"), "redis.json");
  EXPECT_FALSE(load.ok());
  EXPECT_THAT(messages(load),
              Contains("redis.json: error: nodes[0].memoryGiB: expected memory whose bytes a "
                       "double can count (at most 1e299 GiB), found 1e+300"));
}

struct Malformed {
  const char* label;
  std::string text;
  std::string message;  // one of the errors
};

TEST(RedisParameters, shouldNameTheFileThePlaceAndWhatWasExpectedForEveryMalformedFile) {
  const std::vector<Malformed> cases = {
      {"not JSON", "{\"format\": [}",
       "r.json: error: is not valid JSON: parse error at line 1, column 13: syntax error while "
       "parsing value - unexpected '}'; expected '[', '{', or a literal"},
      {"beyond a double", "{\"hoursPerMonth\": 1e400}",
       "r.json: error: is not valid JSON: number overflow parsing '1e400'"},
      {"not an object", "[1]", "r.json: error: expected a Redis parameters object, found an array"},
      {"another format", shippedWith("kvlab-redis/1", "kvlab-engine/1"),
       "r.json: error: format: expected \"kvlab-redis/1\", found \"kvlab-engine/1\""},
      {"a date that is not one", shippedWith("\"effective\": \"", "\"effective\": \"May "),
       "r.json: error: effective: expected a date as YYYY-MM-DD, found \"May 20"},
      {"all memory reserved",
       shippedWith("\"reservedMemoryFraction\": 0.25", "\"reservedMemoryFraction\": 1"),
       "r.json: error: memory.reservedMemoryFraction: expected a share below 1"},
      {"a fraction of a sample",
       shippedWith("\"maxmemorySamples\": 5", "\"maxmemorySamples\": 5.5"),
       "r.json: error: eviction.maxmemorySamples: expected a whole number from 1 to 64 (keys "
       "sampled per eviction), found 5.5"},
      {"an unknown command",
       shippedWith("\"GET\": { \"processingMicros\": 0.5 }",
                   "\"GET\": { \"processingMicros\": 0.5 }, \"FLUSHALL\": {}"),
       "r.json: error: service.commands.FLUSHALL: unknown command; expected one of GET, SET, DEL, "
       "INCR, EXPIRE, HGETALL, HSET, ZADD, ZINCRBY, ZRANGE, ZREVRANGE, ZREMRANGEBYSCORE, ZCARD, "
       "EVAL"},
      {"a command's time as text",
       shippedWith("\"GET\": { \"processingMicros\": 0.5 }",
                   "\"GET\": { \"processingMicros\": \"0.5\" }"),
       "r.json: error: service.commands.GET.processingMicros: expected a number >= 0 (main-thread "
       "time of the command), found a string"},
      {"a default node not listed",
       shippedWith("\"defaultNode\": \"cache.r7g.large\"", "\"defaultNode\": \"cache.x\""),
       "r.json: error: defaultNode: \"cache.x\" is not one of the nodes listed"},
  };
  for (const Malformed& c : cases) {
    const RedisParametersLoad load = parseRedisParameters(c.text, "r.json");
    EXPECT_FALSE(load.ok()) << c.label;
    EXPECT_THAT(messages(load), Contains(HasSubstr(c.message))) << c.label;
  }
}

}  // namespace
}  // namespace kvlab::sim
