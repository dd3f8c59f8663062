#pragma once

#include <cstdint>

namespace kvlab::sim {

// The generalised harmonic number zeta(n, theta) = sum over i = 1..n of 1 / i^theta: the
// normalising constant of a Zipf distribution over n keys. Two ways to compute it:
//
// `zeta` is accurate and fast at any n: the first 1,024 terms summed with compensation, the rest
// by the Euler-Maclaurin formula (integral, end corrections and three Bernoulli terms), so it
// agrees with 30-digit arithmetic to within a few units in the last place and costs about a
// thousand `pow` calls even for n = 10^10.
//
// `zetaYcsb` is YCSB's `ZipfianGenerator.zetastatic`: a naive forward loop in double precision,
// O(n), with its rounding error (15.391849746037371 for n = 10^6 where the exact value is
// 15.391849746036803). Use it only to reproduce YCSB's numbers.
//
// Both require n >= 0 and theta > 0; zeta(0, theta) is 0. Pure functions; thread-safe.
double zeta(std::int64_t n, double theta);
double zetaYcsb(std::int64_t n, double theta);

// YCSB's incremental form: `initialSum` (zeta over the first `from` terms) plus the terms
// from + 1 .. n, added one by one in a forward loop. Returns `initialSum` when n <= from.
double zetaYcsb(std::int64_t from, std::int64_t n, double theta, double initialSum);

}  // namespace kvlab::sim
