#pragma once

#include <string>
#include <string_view>

#include "simulator/workload/rate_curve.h"

namespace kvlab::sim {

// A base rate with one burst: `peak` during [startSeconds, startSeconds + lengthSeconds), `base`
// at every other instant. The change is instantaneous (a flash crowd, a retry storm); combine
// ramps for a gradual one. `peak` may be below `base` (an outage of traffic).
class SpikeRate final : public RateCurve {
 public:
  // Why the parameters cannot make a curve, or empty: needs finite rates >= 0, a finite start and
  // a finite length >= 0.
  static std::string check(double base, double peak, double startSeconds, double lengthSeconds);

  // Requires `check(...)` to be empty (throws std::invalid_argument otherwise).
  SpikeRate(double base, double peak, double startSeconds, double lengthSeconds);

  std::string_view kind() const override { return "spike"; }
  double rateAt(double seconds) const override;
  double maxRateBetween(double from, double to) const override;

 private:
  double base_;
  double peak_;
  double start_;
  double end_;
};

}  // namespace kvlab::sim
