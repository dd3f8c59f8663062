#include "simulator/workload/zipf_head_mass.h"

#include <cmath>

#include "simulator/workload/zeta.h"
#include "simulator/workload/zipfian_generator.h"

namespace kvlab::sim {

double exactZipfProbability(std::int64_t rank, std::int64_t n, double theta) {
  if (rank < 0 || rank >= n) return 0.0;
  return std::pow(static_cast<double>(rank + 1), -theta) / zeta(n, theta);
}

double exactZipfHeadMass(std::int64_t k, std::int64_t n, double theta) {
  if (k <= 0) return 0.0;
  if (k >= n) return 1.0;
  return zeta(k, theta) / zeta(n, theta);
}

double grayZipfHeadMass(std::int64_t k, std::int64_t n, double theta) {
  return ZipfianGenerator(0, n - 1, theta).headMass(k);
}

double grayZipfProbability(std::int64_t rank, std::int64_t n, double theta) {
  return ZipfianGenerator(0, n - 1, theta).probability(rank);
}

}  // namespace kvlab::sim
