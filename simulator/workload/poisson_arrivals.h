#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "simulator/workload/random.h"
#include "simulator/workload/rate_curve.h"

namespace kvlab::sim {

// Open-loop request arrivals: a Poisson process whose rate follows a RateCurve, between two
// virtual times. Requests arrive whether or not earlier ones have been served, as with real users.
//
// Method: thinning (Lewis and Shedler, 1979) window by window. Time is cut into windows of
// `windowSeconds` from the start; in each, candidates come at the constant rate bound =
// curve.maxRateBetween(window), with exponential gaps, and a candidate at t is kept with
// probability rateAt(t) / bound (without a draw when the two are equal, as for a constant rate).
// A candidate past the window's end is dropped and the next window starts afresh, which is exact
// because exponential gaps have no memory. The result is exact for any curve whose bound holds;
// the window only affects speed (and which numbers are drawn). Windows with a zero bound are
// skipped without drawing.
//
// Deterministic: the same curve, times, window and Random give the same arrivals (the random
// numbers are the same on every platform; the times also go through the C library's log1p, so
// another C library could differ in the last digit). Not thread-safe; holds a reference to
// `curve`, which must outlive it.
class PoissonArrivals {
 public:
  static constexpr double kDefaultWindowSeconds = 1.0;

  // Why the parameters cannot make arrivals, or empty: needs finite times with start <= end and a
  // finite window > 0.
  static std::string check(double startSeconds, double endSeconds, double windowSeconds);

  // Arrivals in [startSeconds, endSeconds). Requires `check(...)` to be empty (throws
  // std::invalid_argument otherwise).
  PoissonArrivals(const RateCurve& curve, Random random, double startSeconds, double endSeconds,
                  double windowSeconds = kDefaultWindowSeconds);
  // A temporary curve would be gone before the first arrival.
  PoissonArrivals(const RateCurve&& curve, Random random, double startSeconds, double endSeconds,
                  double windowSeconds = kDefaultWindowSeconds) = delete;

  // The next arrival time, after the previous one and before the end; nothing once the end is
  // reached (and from then on).
  std::optional<double> next();

  // How many candidates were drawn and how many kept so far: their ratio shows how tight the
  // bounds are.
  std::int64_t candidates() const { return candidates_; }
  std::int64_t arrivals() const { return arrivals_; }

 private:
  // Moves to the next window; false when it starts at or after the end.
  bool nextWindow();

  const RateCurve& curve_;
  Random random_;
  double start_;
  double end_;
  double window_;
  std::int64_t windowIndex_ = 0;
  double windowEnd_ = 0.0;
  double bound_ = 0.0;
  double now_;
  std::int64_t candidates_ = 0;
  std::int64_t arrivals_ = 0;
};

}  // namespace kvlab::sim
