#include "simulator/workload/scrambled_zipfian_generator.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "simulator/workload/number_text.h"

namespace kvlab::sim {

namespace {
ZipfianGenerator makeInner(double theta) {
  // YCSB's `zipfianconstant == USED_ZIPFIAN_CONSTANT` is an exact comparison too.
  if (theta == ScrambledZipfianGenerator::kUsedTheta) {
    return ZipfianGenerator(0, ScrambledZipfianGenerator::kInnerItemCount, theta,
                            ScrambledZipfianGenerator::kZetan);
  }
  return ZipfianGenerator(0, ScrambledZipfianGenerator::kInnerItemCount, theta);
}
}  // namespace

std::string ScrambledZipfianGenerator::check(std::int64_t min, std::int64_t max, double theta) {
  if (min > max) {
    return "ycsb-scrambled: min " + std::to_string(min) + " is above max " + std::to_string(max);
  }
  if (static_cast<std::uint64_t>(max) - static_cast<std::uint64_t>(min) >=
      static_cast<std::uint64_t>(INT64_MAX)) {
    return "ycsb-scrambled: the item count does not fit in 64 bits";
  }
  if (!(theta > 0.0 && theta < 1.0)) {
    return "ycsb-scrambled: theta " + numberText(theta) + " is outside (0, 1)";
  }
  return {};
}

ScrambledZipfianGenerator::ScrambledZipfianGenerator(std::int64_t min, std::int64_t max,
                                                     double theta)
    : min_(min),
      itemCount_(max - min + 1),
      inner_(check(min, max, theta).empty() ? makeInner(theta) : makeInner(kUsedTheta)) {
  if (std::string error = check(min, max, theta); !error.empty()) {
    throw std::invalid_argument(error);
  }
}

std::vector<double> ScrambledZipfianGenerator::keyMasses(std::int64_t exactRanks) const {
  std::vector<double> masses(static_cast<std::size_t>(itemCount_), 0.0);
  const std::int64_t ranks = std::clamp<std::int64_t>(exactRanks, 0, inner_.itemCount() - 1);
  const auto add = [&](std::int64_t rank, double mass) {
    masses[static_cast<std::size_t>(keyForRank(rank) - min_)] += mass;
  };
  for (std::int64_t rank = 0; rank < std::min<std::int64_t>(ranks, 2); ++rank) {
    add(rank, inner_.probability(rank));
  }
  // From rank 2 on, P(rank) = (x(rank + 1) - x(rank)) / eta with x(k) = (k/n)^(1-theta): one pow
  // a rank instead of the three `probability` needs. The differences telescope, so the rounding
  // of each x does not add up.
  const double n = static_cast<double>(inner_.itemCount());
  const double exponent = 1.0 - inner_.theta();
  double x = std::pow(2.0 / n, exponent);
  for (std::int64_t rank = 2; rank < ranks; ++rank) {
    const double nextX = std::pow(static_cast<double>(rank + 1) / n, exponent);
    add(rank, (nextX - x) / inner_.eta());
    x = nextX;
  }
  const double rest = 1.0 - inner_.headMass(ranks);
  const double share = rest / static_cast<double>(itemCount_);
  for (double& mass : masses) mass += share;
  return masses;
}

}  // namespace kvlab::sim
