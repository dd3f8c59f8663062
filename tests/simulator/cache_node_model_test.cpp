#include "simulator/engines/cache/cache_node_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "simulator/engines/cache/redis_parameters.h"
#include "simulator/workload/random.h"
#include "tests/support/test_files.h"

namespace kvlab::sim {
namespace {

const RedisParameters& parameters() {
  static const RedisParameters p = [] {
    RedisParametersLoad load = loadRedisParameters(test::sourceDir() / "data/engines/redis.json");
    for (const RedisParametersError& e : load.errors) ADD_FAILURE() << e.message();
    return load.ok() ? *load.parameters : RedisParameters{};
  }();
  return p;
}

struct Load {
  double meanWaitMicros = 0;  // latency less service and network
  double p99Micros = 0;
  double utilization = 0;
};

// Poisson arrivals of GETs at `utilization` of the node's capacity for `seconds`.
Load run(double utilization, double seconds) {
  CacheNodeModel node(cacheNodeConfig(parameters(), "cache.r7g.large", kMicrosPerSecond));
  const double commandMicros = parameters().commandMicros(RedisCommand::Get);
  const double service = node.serviceMicros(commandMicros, 100);
  const double rate = utilization / service;  // per microsecond
  Random random(17);
  double t = 0;
  std::vector<double> latencies;
  double wait = 0;
  while (true) {
    t += -std::log(1.0 - random.nextDouble()) / rate;
    if (t >= seconds * 1e6) break;
    const CacheNodeModel::Service s = node.serve(static_cast<VirtualTime>(t), commandMicros, 100);
    const double latency = static_cast<double>(s.latency);
    latencies.push_back(latency);
    wait += latency - parameters().networkRoundTripMicros - service;
  }
  std::sort(latencies.begin(), latencies.end());
  Load load;
  load.meanWaitMicros = wait / static_cast<double>(latencies.size());
  load.p99Micros = latencies[latencies.size() * 99 / 100];
  load.utilization = node.report(seconds, static_cast<std::size_t>(seconds)).utilization;
  return load;
}

TEST(CacheNodeModel, latencyAtNinetyPercentUtilizationIsFarAboveLatencyAtHalf) {
  const Load half = run(0.5, 20);
  const Load busy = run(0.9, 20);
  EXPECT_NEAR(half.utilization, 0.5, 0.02);
  EXPECT_NEAR(busy.utilization, 0.9, 0.02);
  // Queueing (M/D/1): the mean wait is rho / (2 (1 - rho)) service times: 0.5 at half load, 4.5
  // at 90%; the wait, not the service or the network, makes the difference.
  EXPECT_GT(busy.meanWaitMicros, 6 * half.meanWaitMicros);
  EXPECT_GT(busy.p99Micros - parameters().networkRoundTripMicros,
            3 * (half.p99Micros - parameters().networkRoundTripMicros));
}

TEST(CacheNodeModel, theMeanWaitFollowsTheQueueingFormula) {
  const double service = CacheNodeModel(cacheNodeConfig(parameters(), "n", kMicrosPerSecond))
                             .serviceMicros(parameters().commandMicros(RedisCommand::Get), 100);
  const Load load = run(0.8, 30);
  const double expected = 0.8 / (2 * (1 - 0.8)) * service;  // Pollaczek-Khinchine, M/D/1
  EXPECT_NEAR(load.meanWaitMicros, expected, 0.15 * expected);
}

TEST(CacheNodeModel, requestsWaitTheirTurnAndTheNetworkIsNotBusyTime) {
  CacheNodeConfig config = cacheNodeConfig(parameters(), "cache.r7g.large", kMicrosPerSecond);
  CacheNodeModel node(config);
  const double service = node.serviceMicros(10, 0);
  const CacheNodeModel::Service first = node.serve(1000, 10, 0);
  const CacheNodeModel::Service second = node.serve(1000, 10, 0);
  EXPECT_EQ(first.start, 1000);
  EXPECT_EQ(first.latency, std::llround(service + config.networkRoundTripMicros));
  EXPECT_EQ(second.start, static_cast<VirtualTime>(std::floor(1000 + service)));
  EXPECT_EQ(second.latency, std::llround(2 * service + config.networkRoundTripMicros));
  EXPECT_EQ(node.peakQueueLength(), 1);
  EXPECT_NEAR(node.busyMicros(), 2 * service, 1e-9);
}

TEST(CacheNodeModel, utilizationIsReportedPerBucket) {
  CacheNodeModel node(cacheNodeConfig(parameters(), "cache.r7g.large", kMicrosPerSecond));
  // 20,000 requests of 10 us in the first second, none in the second.
  for (int i = 0; i < 20000; ++i) node.serve(i * 50, 10 - node.serviceMicros(0, 0), 0);
  const ServerReport r = node.report(2, 2);
  EXPECT_EQ(r.name, "cache");
  EXPECT_EQ(r.instance, "cache.r7g.large");
  EXPECT_EQ(r.cores, 1);
  ASSERT_EQ(r.utilizationByBucket.size(), 2u);
  EXPECT_NEAR(r.utilizationByBucket[0], 0.2, 1e-9);
  EXPECT_NEAR(r.utilizationByBucket[1], 0.0, 1e-9);
  EXPECT_NEAR(r.utilization, 0.1, 1e-9);
}

}  // namespace
}  // namespace kvlab::sim
