#include "simulator/workload/uniform_generator.h"

#include <stdexcept>

namespace kvlab::sim {

std::string UniformGenerator::check(std::int64_t min, std::int64_t max) {
  if (min > max) {
    return "uniform: min " + std::to_string(min) + " is above max " + std::to_string(max);
  }
  if (static_cast<std::uint64_t>(max) - static_cast<std::uint64_t>(min) >=
      static_cast<std::uint64_t>(INT64_MAX)) {
    return "uniform: the item count does not fit in 64 bits";
  }
  return {};
}

UniformGenerator::UniformGenerator(std::int64_t min, std::int64_t max)
    : min_(min), itemCount_(max - min + 1), count_(static_cast<double>(itemCount_)) {
  if (std::string error = check(min, max); !error.empty()) throw std::invalid_argument(error);
}

}  // namespace kvlab::sim
