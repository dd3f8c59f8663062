#include "simulator/workload/random.h"

namespace kvlab::sim {
namespace {
// GCC and Clang have a 128-bit integer; __extension__ keeps -Wpedantic quiet about it.
__extension__ using Uint128 = unsigned __int128;
}  // namespace

std::uint64_t splitMix64(std::uint64_t& state) {
  state += 0x9E3779B97F4A7C15ULL;
  std::uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

Random::Random(std::uint64_t seed) {
  std::uint64_t state = seed;
  for (std::uint64_t& word : s_) word = splitMix64(state);
  // SplitMix64 outputs are a bijection of distinct states, so four of them are never all zero,
  // the one state xoshiro cannot leave.
}

Random Random::forStream(std::uint64_t seed, std::uint64_t streamId) {
  std::uint64_t seedState = seed;
  const std::uint64_t mixedSeed = splitMix64(seedState);
  // A second, different constant keeps (seed, id) and (id, seed) apart.
  std::uint64_t idState = streamId ^ 0x6A09E667F3BCC909ULL;
  const std::uint64_t mixedId = splitMix64(idState);
  return Random(mixedSeed ^ (mixedId * 0xD1342543DE82EF95ULL));
}

std::uint64_t Random::streamIdOf(std::string_view name) {
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  for (const char c : name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001B3ULL;
  }
  return hash;
}

std::uint64_t Random::nextBelow(std::uint64_t bound) {
  Uint128 product = static_cast<Uint128>(nextU64()) * bound;
  auto low = static_cast<std::uint64_t>(product);
  if (low < bound) {
    const std::uint64_t threshold = (0 - bound) % bound;
    while (low < threshold) {
      product = static_cast<Uint128>(nextU64()) * bound;
      low = static_cast<std::uint64_t>(product);
    }
  }
  return static_cast<std::uint64_t>(product >> 64);
}

}  // namespace kvlab::sim
