#include "simulator/workload/key_distribution.h"

#include "simulator/workload/exponential_generator.h"
#include "simulator/workload/hotspot_generator.h"
#include "simulator/workload/number_text.h"
#include "simulator/workload/scrambled_zipfian_generator.h"
#include "simulator/workload/skewed_latest_generator.h"
#include "simulator/workload/uniform_generator.h"
#include "simulator/workload/zipfian_generator.h"

namespace kvlab::sim {

namespace {
std::unique_ptr<KeyGenerator> fail(std::string* error, std::string message) {
  if (error != nullptr) *error = std::move(message);
  return nullptr;
}
}  // namespace

const std::vector<KeyDistributionKind>& keyDistributionKinds() {
  static const std::vector<KeyDistributionKind> kinds = {
      {"uniform", "every key equally likely",
       "core/src/main/java/site/ycsb/generator/UniformLongGenerator.java"},
      {"zipfian", "Zipf over the keys by Gray's method, key 0 the hottest, skew theta",
       "core/src/main/java/site/ycsb/generator/ZipfianGenerator.java"},
      {"ycsb-scrambled",
       "what YCSB's requestdistribution=zipfian does: a Zipfian over 10^10 ranks hashed onto the "
       "keys; hot keys scattered, much flatter than zipfian",
       "core/src/main/java/site/ycsb/generator/ScrambledZipfianGenerator.java"},
      {"hotspot", "a hot share of the keys (the lowest numbers) gets a share of the requests",
       "core/src/main/java/site/ycsb/generator/HotspotIntegerGenerator.java"},
      {"latest", "the newest keys the most popular, Zipfian by age",
       "core/src/main/java/site/ycsb/generator/SkewedLatestGenerator.java"},
      {"exponential", "the age of the key read is exponential: percentile% within the newest share",
       "core/src/main/java/site/ycsb/generator/ExponentialGenerator.java"},
  };
  return kinds;
}

std::unique_ptr<KeyGenerator> makeKeyGenerator(const KeyDistribution& distribution,
                                               std::int64_t itemCount, std::string* error) {
  const std::string& kind = distribution.kind;
  if (itemCount < 1) {
    return fail(error, kind + ": the item count " + std::to_string(itemCount) +
                           " is below 1; expected at least one key");
  }
  const std::int64_t last = itemCount - 1;
  std::string problem;
  if (kind == "uniform") {
    return std::make_unique<UniformGenerator>(0, last);
  }
  if (kind == "zipfian") {
    problem = ZipfianGenerator::check(0, last, distribution.theta);
    if (problem.empty()) return std::make_unique<ZipfianGenerator>(0, last, distribution.theta);
  } else if (kind == "ycsb-scrambled") {
    problem = ScrambledZipfianGenerator::check(0, last, distribution.theta);
    if (problem.empty()) {
      return std::make_unique<ScrambledZipfianGenerator>(0, last, distribution.theta);
    }
  } else if (kind == "hotspot") {
    problem =
        HotspotGenerator::check(0, last, distribution.hotFraction, distribution.hotOpFraction);
    if (problem.empty()) {
      return std::make_unique<HotspotGenerator>(0, last, distribution.hotFraction,
                                                distribution.hotOpFraction);
    }
  } else if (kind == "latest") {
    problem = SkewedLatestGenerator::check(last);
    if (problem.empty()) return std::make_unique<SkewedLatestGenerator>(last);
  } else if (kind == "exponential") {
    if (!(distribution.recentFraction > 0.0)) {
      return fail(error, "exponential: recent fraction " + numberText(distribution.recentFraction) +
                             " is not above 0");
    }
    const double range = static_cast<double>(itemCount) * distribution.recentFraction;
    problem = ExponentialGenerator::check(last, distribution.percentile, range);
    if (problem.empty()) {
      return std::make_unique<ExponentialGenerator>(last, distribution.percentile, range);
    }
  } else {
    std::string names;
    for (const KeyDistributionKind& known : keyDistributionKinds()) {
      names += names.empty() ? "" : ", ";
      names += known.name;
    }
    problem = "unknown key distribution '" + kind + "'; expected one of " + names;
  }
  return fail(error, std::move(problem));
}

}  // namespace kvlab::sim
