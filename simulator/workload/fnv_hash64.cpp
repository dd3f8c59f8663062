#include "simulator/workload/fnv_hash64.h"

#include <limits>

namespace kvlab::sim {

namespace {
constexpr std::uint64_t kFnvOffsetBasis64 = 0xCBF29CE484222325ULL;
constexpr std::uint64_t kFnvPrime64 = 1099511628211ULL;
}  // namespace

std::int64_t fnvhash64(std::int64_t value) {
  // Java's signed multiply wraps exactly like unsigned arithmetic; only the final abs is signed.
  auto bits = static_cast<std::uint64_t>(value);
  std::uint64_t hash = kFnvOffsetBasis64;
  for (int i = 0; i < 8; ++i) {
    hash ^= bits & 0xFF;
    hash *= kFnvPrime64;
    bits >>= 8;
  }
  const auto signedHash = static_cast<std::int64_t>(hash);
  if (signedHash == std::numeric_limits<std::int64_t>::min()) return signedHash;
  return signedHash < 0 ? -signedHash : signedHash;
}

std::int64_t fnvHashModulo(std::int64_t value, std::int64_t modulus) {
  const std::int64_t hash = fnvhash64(value);
  if (hash >= 0) return hash % modulus;
  return static_cast<std::int64_t>((std::uint64_t{1} << 63) % static_cast<std::uint64_t>(modulus));
}

}  // namespace kvlab::sim
