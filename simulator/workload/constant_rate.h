#pragma once

#include <string>
#include <string_view>

#include "simulator/workload/rate_curve.h"

namespace kvlab::sim {

// The same rate at every instant.
class ConstantRate final : public RateCurve {
 public:
  // Why `rate` cannot make a curve, or empty: needs a finite rate >= 0.
  static std::string check(double rate);

  // Requires `check(rate)` to be empty (throws std::invalid_argument otherwise).
  explicit ConstantRate(double rate);

  std::string_view kind() const override { return "constant"; }
  double rateAt(double) const override { return rate_; }
  double maxRateBetween(double, double) const override { return rate_; }

 private:
  double rate_;
};

}  // namespace kvlab::sim
