#pragma once

#include <cstdint>
#include <limits>
#include <string_view>

namespace kvlab::sim {

// One step of SplitMix64 (Steele, Lea, Flood 2014; Vigna's reference code): advances `state` by
// the golden-ratio increment and returns the mixed output. Used to seed xoshiro256** and to derive
// stream states; the same on every platform.
std::uint64_t splitMix64(std::uint64_t& state);

// A seeded stream of pseudo-random numbers: xoshiro256** 1.0 (Blackman and Vigna, 2018), its
// 256-bit state filled by SplitMix64. Deterministic across platforms and compilers (only 64-bit
// integer arithmetic; `nextDouble` is an exact conversion). About 1.5 ns a draw.
//
// Each access pattern gets a stream of its own, `Random::forStream(seed, streamId)`, so adding a
// pattern does not change the numbers another pattern sees. Not thread-safe: one stream per thread.
// Satisfies UniformRandomBitGenerator, so it can drive <random> distributions.
class Random {
 public:
  using result_type = std::uint64_t;

  // A stream whose state is the first four SplitMix64 outputs from `seed`.
  explicit Random(std::uint64_t seed);

  // The stream `streamId` of the run seeded with `seed`. Different (seed, streamId) pairs give
  // unrelated streams: both numbers go through SplitMix64's mixer before seeding, so neighbouring
  // seeds or ids do not give overlapping or correlated sequences in practice.
  static Random forStream(std::uint64_t seed, std::uint64_t streamId);

  // A stream id for a name such as an access pattern id ("AP1"): FNV-1a 64 of its UTF-8 bytes.
  // Stable across runs and platforms, unlike std::hash.
  static std::uint64_t streamIdOf(std::string_view name);

  // The next 64 random bits.
  std::uint64_t nextU64() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // A double in [0, 1): the top 53 bits of `nextU64()` times 2^-53, so every value is a multiple
  // of 2^-53 and 0 is possible but 1 is not (the same grid as Java's Random.nextDouble).
  double nextDouble() { return static_cast<double>(nextU64() >> 11) * 0x1.0p-53; }

  // The next 64 bits as a signed number, like Java's Random.nextLong().
  std::int64_t nextLong() { return static_cast<std::int64_t>(nextU64()); }

  // A number in [0, bound) without modulo bias (Lemire's multiply-shift with rejection).
  // Requires bound > 0.
  std::uint64_t nextBelow(std::uint64_t bound);

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  result_type operator()() { return nextU64(); }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  std::uint64_t s_[4];
};

}  // namespace kvlab::sim
