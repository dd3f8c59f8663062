#include "simulator/workload/hotspot_generator.h"

#include <stdexcept>

#include "simulator/workload/number_text.h"

namespace kvlab::sim {

namespace {
std::int64_t hotIntervalOf(std::int64_t lowerBound, std::int64_t upperBound,
                           double hotsetFraction) {
  const std::int64_t interval = upperBound - lowerBound + 1;
  return static_cast<std::int64_t>(static_cast<double>(interval) * hotsetFraction);
}

// floor(fraction * size), kept below size when rounding reaches it.
std::int64_t scaledIndex(double fraction, std::int64_t size) {
  const auto index = static_cast<std::int64_t>(fraction * static_cast<double>(size));
  return index < size ? index : size - 1;
}
}  // namespace

std::string HotspotGenerator::check(std::int64_t lowerBound, std::int64_t upperBound,
                                    double hotsetFraction, double hotOpnFraction) {
  if (lowerBound > upperBound) {
    return "hotspot: lower bound " + std::to_string(lowerBound) + " is above upper bound " +
           std::to_string(upperBound);
  }
  if (static_cast<std::uint64_t>(upperBound) - static_cast<std::uint64_t>(lowerBound) >=
      static_cast<std::uint64_t>(INT64_MAX)) {
    return "hotspot: the item count does not fit in 64 bits";
  }
  if (!(hotsetFraction >= 0.0 && hotsetFraction <= 1.0)) {
    return "hotspot: hot set fraction " + numberText(hotsetFraction) + " is outside [0, 1]";
  }
  if (!(hotOpnFraction >= 0.0 && hotOpnFraction <= 1.0)) {
    return "hotspot: hot operation fraction " + numberText(hotOpnFraction) + " is outside [0, 1]";
  }
  const std::int64_t hot = hotIntervalOf(lowerBound, upperBound, hotsetFraction);
  const std::int64_t cold = upperBound - lowerBound + 1 - hot;
  if (hot == 0 && hotOpnFraction > 0.0) {
    return "hotspot: the hot set is empty (" + std::to_string(upperBound - lowerBound + 1) +
           " items x " + numberText(hotsetFraction) + " < 1) but a fraction of requests goes to it";
  }
  if (cold == 0 && hotOpnFraction < 1.0) {
    return "hotspot: the cold set is empty but a fraction of requests goes to it";
  }
  return {};
}

HotspotGenerator::HotspotGenerator(std::int64_t lowerBound, std::int64_t upperBound,
                                   double hotsetFraction, double hotOpnFraction)
    : lowerBound_(lowerBound),
      hotInterval_(hotIntervalOf(lowerBound, upperBound, hotsetFraction)),
      coldInterval_(upperBound - lowerBound + 1 - hotInterval_),
      hotOpnFraction_(hotOpnFraction) {
  if (std::string error = check(lowerBound, upperBound, hotsetFraction, hotOpnFraction);
      !error.empty()) {
    throw std::invalid_argument(error);
  }
}

std::int64_t HotspotGenerator::valueAt(double u) const {
  if (u < hotOpnFraction_) {
    return lowerBound_ + scaledIndex(u / hotOpnFraction_, hotInterval_);
  }
  return lowerBound_ + hotInterval_ +
         scaledIndex((u - hotOpnFraction_) / (1.0 - hotOpnFraction_), coldInterval_);
}

double HotspotGenerator::probability(std::int64_t key) const {
  const std::int64_t offset = key - lowerBound_;
  if (offset < 0 || offset >= hotInterval_ + coldInterval_) return 0.0;
  if (offset < hotInterval_) return hotOpnFraction_ / static_cast<double>(hotInterval_);
  return (1.0 - hotOpnFraction_) / static_cast<double>(coldInterval_);
}

}  // namespace kvlab::sim
