#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "simulator/core/virtual_clock.h"
#include "simulator/engines/cache/redis_parameters.h"
#include "simulator/metrics/run_result.h"

namespace kvlab::sim {

// What a cache node's main thread costs per request, from data/engines/redis.json.
struct CacheNodeConfig {
  std::string instance;               // "cache.r7g.large", for the report
  double roundTripCpuMicros = 0;      // reading a request and writing its reply (system calls)
  double perByteNanos = 0;            // per byte of values read or written
  double networkRoundTripMicros = 0;  // added to latency, not to the thread's busy time
  VirtualTime bucketMicros = kMicrosPerSecond;  // the timeline's bucket
};

// The node config of `parameters` for `instance` and timeline buckets of `bucketMicros`.
CacheNodeConfig cacheNodeConfig(const RedisParameters& parameters, const std::string& instance,
                                VirtualTime bucketMicros);

// One Redis node as a single-threaded server in virtual time: each request (one round trip,
// possibly several pipelined commands) holds the main thread for the round trip's I/O + its
// commands' time + its bytes; requests wait first-in first-out while the thread is busy, so
// latency climbs steeply as utilization nears 1 (an M/G/1 queue for Poisson arrivals). Latency =
// the wait + the service time + the network round trip. Times are kept in fractions of a
// microsecond, since one request takes ~10 us. Not thread-safe.
class CacheNodeModel {
 public:
  // When a request starts and ends on the thread, and the latency the client sees.
  struct Service {
    VirtualTime start = 0;    // when the thread takes it (>= arrival): when its commands run
    VirtualTime done = 0;     // when the thread is done with it
    VirtualTime latency = 0;  // from arrival to the reply reaching the client
    double serviceMicros = 0;
  };

  explicit CacheNodeModel(CacheNodeConfig config);

  // Serves a request arriving at `arrival` (arrivals in order) whose commands take
  // `commandMicros` of the thread and move `valueBytes` bytes.
  Service serve(VirtualTime arrival, double commandMicros, std::int64_t valueBytes);

  // When a request arriving at `arrival` would start on the thread (its commands run then).
  VirtualTime startFor(VirtualTime arrival) const;

  // The thread's time for a request: the round trip's I/O + commands + bytes.
  double serviceMicros(double commandMicros, std::int64_t valueBytes) const;

  // The report for a run of `durationSeconds` whose timeline has `buckets` buckets: utilization
  // (busy time within the duration / the duration), per bucket, the longest queue.
  ServerReport report(double durationSeconds, std::size_t buckets) const;

  double busyMicros() const { return busyTotal_; }
  std::int64_t peakQueueLength() const { return peakQueue_; }

 private:
  void addBusy(double from, double to);

  CacheNodeConfig config_;
  double busyUntil_ = 0;  // microseconds
  double busyTotal_ = 0;
  std::vector<double> busyByBucket_;
  std::deque<double> waiting_;  // start times of requests queued behind the one running
  std::int64_t peakQueue_ = 0;
};

}  // namespace kvlab::sim
