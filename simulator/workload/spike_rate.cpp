#include "simulator/workload/spike_rate.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "simulator/workload/number_text.h"

namespace kvlab::sim {

std::string SpikeRate::check(double base, double peak, double startSeconds, double lengthSeconds) {
  if (!std::isfinite(base) || base < 0.0) {
    return "spike: base rate " + numberText(base) + " is not a finite number >= 0";
  }
  if (!std::isfinite(peak) || peak < 0.0) {
    return "spike: peak rate " + numberText(peak) + " is not a finite number >= 0";
  }
  if (!std::isfinite(startSeconds)) return "spike: the start time is not finite";
  if (!std::isfinite(lengthSeconds) || lengthSeconds < 0.0) {
    return "spike: length " + numberText(lengthSeconds) + " s is not a finite number >= 0";
  }
  return {};
}

SpikeRate::SpikeRate(double base, double peak, double startSeconds, double lengthSeconds)
    : base_(base), peak_(peak), start_(startSeconds), end_(startSeconds + lengthSeconds) {
  if (std::string error = check(base, peak, startSeconds, lengthSeconds); !error.empty()) {
    throw std::invalid_argument(error);
  }
}

double SpikeRate::rateAt(double seconds) const {
  return seconds >= start_ && seconds < end_ ? peak_ : base_;
}

double SpikeRate::maxRateBetween(double from, double to) const {
  const bool overlapsSpike = from < end_ && to >= start_ && end_ > start_;
  const bool touchesBase = from < start_ || to >= end_ || end_ <= start_;
  double bound = 0.0;
  if (overlapsSpike) bound = std::max(bound, peak_);
  if (touchesBase) bound = std::max(bound, base_);
  return bound;
}

}  // namespace kvlab::sim
