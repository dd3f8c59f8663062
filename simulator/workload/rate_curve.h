#pragma once

#include <string_view>

namespace kvlab::sim {

// An access pattern's request rate over virtual time: requests per second at each instant, in
// seconds since the run started. Open-loop: the rate does not slow down when the system does.
// Implementations are immutable after construction, so one curve may be read from many threads.
class RateCurve {
 public:
  virtual ~RateCurve() = default;

  // The shape's registered name ("constant", "ramp", "spike", "daily", "csv").
  virtual std::string_view kind() const = 0;

  // Requests per second at `seconds`; never negative, finite.
  virtual double rateAt(double seconds) const = 0;

  // An upper bound of rateAt over [from, to] (requires from <= to). The built-in shapes return
  // the least one, the maximum. PoissonArrivals thins against it, so it must never be below the
  // rate and should not be far above it.
  virtual double maxRateBetween(double from, double to) const = 0;
};

}  // namespace kvlab::sim
