#include "simulator/workload/exponential_generator.h"

#include <cmath>
#include <stdexcept>

#include "simulator/workload/number_text.h"

namespace kvlab::sim {

std::string ExponentialGenerator::check(std::int64_t latest, double percentile, double range) {
  if (latest < 0) {
    return "exponential: the newest key number " + std::to_string(latest) + " is negative";
  }
  if (!(percentile > 0.0 && percentile < 100.0)) {
    return "exponential: percentile " + numberText(percentile) + " is outside (0, 100)";
  }
  if (!(range > 0.0) || !std::isfinite(range)) {
    return "exponential: range " + numberText(range) + " is not a positive number of keys";
  }
  return {};
}

ExponentialGenerator::ExponentialGenerator(std::int64_t latest, double percentile, double range)
    : latest_(latest), gamma_(0.0), acceptedMass_(0.0) {
  if (std::string error = check(latest, percentile, range); !error.empty()) {
    throw std::invalid_argument(error);
  }
  gamma_ = -std::log(1.0 - percentile / 100.0) / range;
  acceptedMass_ = offsetBelowProbability(static_cast<double>(latest_) + 1.0);
}

std::int64_t ExponentialGenerator::valueAt(double u) const {
  const double offset = -std::log1p(-u * acceptedMass_) / gamma_;
  if (!(offset < static_cast<double>(latest_) + 1.0)) return 0;
  const auto whole = static_cast<std::int64_t>(offset);
  return whole <= latest_ ? latest_ - whole : 0;
}

void ExponentialGenerator::advanceLatest(std::int64_t newestKey) {
  if (newestKey <= latest_) return;
  latest_ = newestKey;
  acceptedMass_ = offsetBelowProbability(static_cast<double>(latest_) + 1.0);
}

double ExponentialGenerator::ycsbOffsetAt(double u) const { return -std::log(u) / gamma_; }

double ExponentialGenerator::offsetBelowProbability(double x) const {
  if (x <= 0.0) return 0.0;
  return -std::expm1(-gamma_ * x);
}

double ExponentialGenerator::newestKeysMass(double x) const {
  const double mass = offsetBelowProbability(x) / acceptedMass_;
  return mass < 1.0 ? mass : 1.0;
}

}  // namespace kvlab::sim
