#include "model/schema/cache_spec.h"

#include <algorithm>

#include "model/schema/enum_names.h"

namespace kvlab::model {
namespace {

constexpr auto kAlgorithms = detail::makeEnumNames<CacheRateLimitAlgorithm>(
    std::pair{CacheRateLimitAlgorithm::FixedWindow, "fixed-window"},
    std::pair{CacheRateLimitAlgorithm::SlidingWindow, "sliding-window"},
    std::pair{CacheRateLimitAlgorithm::TokenBucket, "token-bucket"});

}  // namespace

std::string_view cacheRateLimitAlgorithmName(CacheRateLimitAlgorithm algorithm) {
  return kAlgorithms.name(algorithm);
}

std::optional<CacheRateLimitAlgorithm> parseCacheRateLimitAlgorithm(std::string_view name) {
  return kAlgorithms.parse(name);
}

const std::vector<std::string_view>& cacheCommands() {
  static const std::vector<std::string_view> commands{"GET",     "SET",       "DEL",  "INCR",
                                                      "HGETALL", "HSET",      "ZADD", "ZINCRBY",
                                                      "ZRANGE",  "ZREVRANGE", "ZCARD"};
  return commands;
}

bool isCacheCommand(std::string_view name) {
  const auto& commands = cacheCommands();
  return std::find(commands.begin(), commands.end(), name) != commands.end();
}

}  // namespace kvlab::model
