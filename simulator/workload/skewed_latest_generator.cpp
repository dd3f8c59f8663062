#include "simulator/workload/skewed_latest_generator.h"

#include <stdexcept>

namespace kvlab::sim {

std::string SkewedLatestGenerator::check(std::int64_t latest) {
  if (latest < 1) {
    return "latest: the newest key number " + std::to_string(latest) +
           " is below 1; it needs at least two keys (0 and 1)";
  }
  return {};
}

SkewedLatestGenerator::SkewedLatestGenerator(std::int64_t latest)
    : latest_(latest), zipfian_(0, latest >= 1 ? latest - 1 : 0, ZipfianGenerator::kYcsbTheta) {
  if (std::string error = check(latest); !error.empty()) throw std::invalid_argument(error);
}

void SkewedLatestGenerator::advanceLatest(std::int64_t newestKey) {
  if (newestKey <= latest_) return;
  zipfian_.growTo(newestKey);
  latest_ = newestKey;
}

}  // namespace kvlab::sim
