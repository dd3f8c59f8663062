#pragma once

#include <string>
#include <string_view>

#include "simulator/workload/rate_curve.h"

namespace kvlab::sim {

// A rate that moves in a straight line from `from` to `to` over `durationSeconds`, starting at
// `startSeconds`: `from` before the start, `to` after the end. A zero duration is a step.
class RampRate final : public RateCurve {
 public:
  // Why the parameters cannot make a curve, or empty: needs finite rates >= 0, a finite start and
  // a finite duration >= 0.
  static std::string check(double from, double to, double startSeconds, double durationSeconds);

  // Requires `check(...)` to be empty (throws std::invalid_argument otherwise).
  RampRate(double from, double to, double startSeconds, double durationSeconds);

  std::string_view kind() const override { return "ramp"; }
  double rateAt(double seconds) const override;
  // The larger of the rates at the two ends (the rate is monotonic).
  double maxRateBetween(double from, double to) const override;

 private:
  double from_;
  double to_;
  double start_;
  double duration_;
};

}  // namespace kvlab::sim
