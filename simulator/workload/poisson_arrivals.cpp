#include "simulator/workload/poisson_arrivals.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "simulator/workload/number_text.h"

namespace kvlab::sim {

std::string PoissonArrivals::check(double startSeconds, double endSeconds, double windowSeconds) {
  if (!std::isfinite(startSeconds) || !std::isfinite(endSeconds) || startSeconds > endSeconds) {
    return "arrivals: the interval [" + numberText(startSeconds) + ", " + numberText(endSeconds) +
           ") s is not a finite interval with start <= end";
  }
  if (!std::isfinite(windowSeconds) || windowSeconds <= 0.0) {
    return "arrivals: window " + numberText(windowSeconds) + " s is not above 0";
  }
  return {};
}

PoissonArrivals::PoissonArrivals(const RateCurve& curve, Random random, double startSeconds,
                                 double endSeconds, double windowSeconds)
    : curve_(curve),
      random_(random),
      start_(startSeconds),
      end_(endSeconds),
      window_(windowSeconds),
      now_(startSeconds) {
  if (std::string error = check(startSeconds, endSeconds, windowSeconds); !error.empty()) {
    throw std::invalid_argument(error);
  }
  windowIndex_ = -1;
  windowEnd_ = start_;
  nextWindow();
}

bool PoissonArrivals::nextWindow() {
  now_ = windowEnd_;
  if (now_ >= end_) return false;
  ++windowIndex_;
  // From the index rather than by adding, so that long runs do not drift.
  windowEnd_ = std::min(end_, start_ + static_cast<double>(windowIndex_ + 1) * window_);
  bound_ = curve_.maxRateBetween(now_, windowEnd_);
  return true;
}

std::optional<double> PoissonArrivals::next() {
  while (now_ < end_) {
    if (!(bound_ > 0.0)) {
      if (!nextWindow()) break;
      continue;
    }
    const double gap = -std::log1p(-random_.nextDouble()) / bound_;
    const double candidate = now_ + gap;
    if (candidate >= windowEnd_) {
      if (!nextWindow()) break;
      continue;
    }
    now_ = candidate;
    ++candidates_;
    const double rate = curve_.rateAt(candidate);
    if (rate >= bound_ || random_.nextDouble() * bound_ < rate) {
      ++arrivals_;
      return candidate;
    }
  }
  now_ = end_;
  return std::nullopt;
}

}  // namespace kvlab::sim
