#include "simulator/workload/ramp_rate.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "simulator/workload/number_text.h"

namespace kvlab::sim {

std::string RampRate::check(double from, double to, double startSeconds, double durationSeconds) {
  if (!std::isfinite(from) || from < 0.0) {
    return "ramp: start rate " + numberText(from) + " is not a finite number >= 0";
  }
  if (!std::isfinite(to) || to < 0.0) {
    return "ramp: end rate " + numberText(to) + " is not a finite number >= 0";
  }
  if (!std::isfinite(startSeconds)) return "ramp: the start time is not finite";
  if (!std::isfinite(durationSeconds) || durationSeconds < 0.0) {
    return "ramp: duration " + numberText(durationSeconds) + " s is not a finite number >= 0";
  }
  return {};
}

RampRate::RampRate(double from, double to, double startSeconds, double durationSeconds)
    : from_(from), to_(to), start_(startSeconds), duration_(durationSeconds) {
  if (std::string error = check(from, to, startSeconds, durationSeconds); !error.empty()) {
    throw std::invalid_argument(error);
  }
}

double RampRate::rateAt(double seconds) const {
  if (seconds < start_) return from_;
  if (seconds >= start_ + duration_) return to_;
  const double progress = (seconds - start_) / duration_;
  return from_ + (to_ - from_) * progress;
}

double RampRate::maxRateBetween(double from, double to) const {
  return std::max(rateAt(from), rateAt(to));
}

}  // namespace kvlab::sim
