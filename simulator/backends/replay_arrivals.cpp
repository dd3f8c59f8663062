#include "simulator/backends/replay_arrivals.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "simulator/workload/constant_rate.h"
#include "simulator/workload/poisson_arrivals.h"
#include "simulator/workload/random.h"

namespace kvlab::sim {

ReplayArrivals openLoopArrivals(const std::vector<ReplayPattern>& patterns, std::uint64_t seed,
                                double durationSeconds, std::int64_t maxRequests) {
  ReplayArrivals out;
  double totalRate = 0;
  for (const ReplayPattern& p : patterns) totalRate += std::max(0.0, p.rate);
  for (std::uint32_t i = 0; i < patterns.size(); ++i) {
    const ReplayPattern& p = patterns[i];
    if (p.rate <= 0) continue;
    std::unique_ptr<KeyGenerator> keys = makeKeyGenerator(p.keys, p.keyCount);
    if (!keys) keys = makeKeyGenerator(KeyDistribution{}, std::max<std::int64_t>(1, p.keyCount));
    const ConstantRate curve(p.rate);
    PoissonArrivals times(curve, Random::forStream(seed, Random::streamIdOf("arrivals:" + p.id)), 0,
                          durationSeconds);
    Random keyRandom = Random::forStream(seed, Random::streamIdOf("keys:" + p.id));
    const double share = std::ceil(static_cast<double>(maxRequests) * p.rate / totalRate);
    std::int64_t drawn = 0;
    while (auto t = times.next()) {
      if (static_cast<double>(++drawn) > share) {
        out.capped = true;
        break;
      }
      out.arrivals.push_back(
          ReplayArrival{static_cast<std::int64_t>(*t * 1e6), i, keys->next(keyRandom)});
    }
  }
  std::stable_sort(out.arrivals.begin(), out.arrivals.end(),
                   [](const ReplayArrival& a, const ReplayArrival& b) { return a.time < b.time; });
  return out;
}

}  // namespace kvlab::sim
