#include "simulator/workload/zipfian_generator.h"

#include <cmath>
#include <stdexcept>

#include "simulator/workload/number_text.h"
#include "simulator/workload/zeta.h"

namespace kvlab::sim {

namespace {
// Past this many new terms, `growTo` recomputes zeta with the fast accurate method instead of
// looping term by term (which would take seconds).
constexpr std::int64_t kMaxIncrementalTerms = 1'000'000;

double etaFor(std::int64_t items, double theta, double zeta2theta, double zetan) {
  return (1 - std::pow(2.0 / static_cast<double>(items), 1 - theta)) / (1 - zeta2theta / zetan);
}
}  // namespace

std::string ZipfianGenerator::check(std::int64_t min, std::int64_t max, double theta) {
  if (min > max) {
    return "zipfian: min " + std::to_string(min) + " is above max " + std::to_string(max);
  }
  if (static_cast<std::uint64_t>(max) - static_cast<std::uint64_t>(min) >=
      static_cast<std::uint64_t>(INT64_MAX)) {
    return "zipfian: the item count does not fit in 64 bits";
  }
  if (!(theta > 0.0 && theta < 1.0)) {
    return "zipfian: theta " + numberText(theta) + " is outside (0, 1)";
  }
  return {};
}

ZipfianGenerator::ZipfianGenerator(std::int64_t min, std::int64_t max, double theta)
    : ZipfianGenerator(min, max, theta,
                       check(min, max, theta).empty() ? zeta(max - min + 1, theta) : 1.0) {}

ZipfianGenerator::ZipfianGenerator(std::int64_t min, std::int64_t max, double theta, double zetan)
    : base_(min),
      constructorItems_(max - min + 1),
      itemCount_(max - min + 1),
      theta_(theta),
      zetan_(zetan) {
  if (std::string error = check(min, max, theta); !error.empty()) {
    throw std::invalid_argument(error);
  }
  if (!(zetan >= 1.0)) throw std::invalid_argument("zipfian: zetan must be at least 1");
  zeta2theta_ = zetaYcsb(2, theta_);
  alpha_ = 1.0 / (1.0 - theta_);
  eta_ = etaFor(constructorItems_, theta_, zeta2theta_, zetan_);
  oneThreshold_ = 1.0 + std::pow(0.5, theta_);
}

std::int64_t ZipfianGenerator::rankAbove(double u, std::int64_t itemCount) const {
  const double scaled = static_cast<double>(itemCount) * std::pow(eta_ * u - eta_ + 1, alpha_);
  // Also catches NaN (eta is 0/0 for two items, where this path is unreachable but for rounding).
  if (!(scaled < static_cast<double>(itemCount))) return itemCount - 1;
  return static_cast<std::int64_t>(scaled);
}

void ZipfianGenerator::growTo(std::int64_t itemCount) {
  if (itemCount <= itemCount_) return;
  if (itemCount - itemCount_ > kMaxIncrementalTerms) {
    zetan_ = zeta(itemCount, theta_);
  } else {
    zetan_ = zetaYcsb(itemCount_, itemCount, theta_, zetan_);
  }
  itemCount_ = itemCount;
  eta_ = etaFor(constructorItems_, theta_, zeta2theta_, zetan_);
}

double ZipfianGenerator::probability(std::int64_t rank) const {
  if (rank < 0 || rank >= itemCount_) return 0.0;
  if (rank < 2 || rank == itemCount_ - 1) return headMass(rank + 1) - headMass(rank);
  // (((r+1)/n)^(1-theta) - (r/n)^(1-theta)) / eta, written so that nothing cancels: the mass of a
  // deep rank is around 1e-10 and a difference of two numbers near 1 would keep 6 digits of it.
  const double r = static_cast<double>(rank);
  const double n = static_cast<double>(itemCount_);
  const double e = 1 - theta_;
  return std::pow(r / n, e) * std::expm1(e * std::log1p(1.0 / r)) / eta_;
}

double ZipfianGenerator::headMass(std::int64_t k) const {
  if (k <= 0) return 0.0;
  if (k >= itemCount_) return 1.0;
  if (k == 1) return 1.0 / zetan_;
  if (k == 2) return oneThreshold_ / zetan_;
  // valueAt(u) < min + k  <=>  n * (eta*u - eta + 1)^alpha < k  <=>  u < 1 - (1 - (k/n)^(1-theta))
  // / eta. -expm1(log(k/n) * (1-theta)) is 1 - (k/n)^(1-theta) without cancellation.
  const double ratio = static_cast<double>(k) / static_cast<double>(itemCount_);
  const double tail = -std::expm1((1 - theta_) * std::log(ratio)) / eta_;
  return 1.0 - tail;
}

}  // namespace kvlab::sim
