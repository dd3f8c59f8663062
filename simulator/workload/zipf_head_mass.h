#pragma once

#include <cstdint>

namespace kvlab::sim {

// How much of the traffic the most popular keys get, computed rather than sampled: what a cache
// of the k hottest keys would hit, and the reference statistics of workloads.md section 2.2.
// Ranks count from 0 (the hottest key). Pure functions; thread-safe.

// Exact Zipf over n keys: P(rank) = (rank + 1)^-theta / zeta(n, theta). Zero outside [0, n).
// Requires n >= 1, theta > 0.
double exactZipfProbability(std::int64_t rank, std::int64_t n, double theta);

// Exact Zipf: the mass of the k hottest keys, zeta(k, theta) / zeta(n, theta), clamped to [0, 1].
double exactZipfHeadMass(std::int64_t k, std::int64_t n, double theta);

// YCSB's ZipfianGenerator (Gray's method) over n keys: the mass of the k hottest keys,
// 1 - (1 - (k/n)^(1-theta)) / eta for k >= 2, with zeta computed accurately. Requires n >= 1 and
// 0 < theta < 1.
double grayZipfHeadMass(std::int64_t k, std::int64_t n, double theta);

// Gray's method: P(rank).
double grayZipfProbability(std::int64_t rank, std::int64_t n, double theta);

}  // namespace kvlab::sim
