#pragma once

#include <cstdint>

namespace kvlab::sim {

// YCSB's `Utils.fnvhash64` (core/src/main/java/site/ycsb/Utils.java), bit for bit: FNV-1 over the
// eight bytes of `value`, low byte first, in wrapping 64-bit arithmetic, then Java's Math.abs.
// Returns a value in [0, 2^63 - 1], except for the one hash equal to INT64_MIN, which Math.abs
// leaves negative; it is returned unchanged, as YCSB does. Callers that reduce the hash modulo a
// count should use `fnvHashModulo`, which handles that case.
// fnvhash64(0) == 6284781860667377211.
std::int64_t fnvhash64(std::int64_t value);

// `fnvhash64(value) % modulus` as a key number in [0, modulus). Where YCSB's hash is INT64_MIN
// (a negative remainder in Java) this uses the magnitude 2^63 instead. Requires modulus > 0.
std::int64_t fnvHashModulo(std::int64_t value, std::int64_t modulus);

}  // namespace kvlab::sim
