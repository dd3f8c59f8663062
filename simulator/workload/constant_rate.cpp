#include "simulator/workload/constant_rate.h"

#include <cmath>
#include <stdexcept>

#include "simulator/workload/number_text.h"

namespace kvlab::sim {

std::string ConstantRate::check(double rate) {
  if (!std::isfinite(rate) || rate < 0.0) {
    return "constant: rate " + numberText(rate) + " is not a finite number >= 0";
  }
  return {};
}

ConstantRate::ConstantRate(double rate) : rate_(rate) {
  if (std::string error = check(rate); !error.empty()) throw std::invalid_argument(error);
}

}  // namespace kvlab::sim
