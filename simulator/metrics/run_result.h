#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kvlab::sim {

// Latency percentiles of completed requests, in milliseconds of virtual time.
struct LatencySummary {
  std::int64_t count = 0;
  double p50 = 0;
  double p95 = 0;
  double p99 = 0;
  double p999 = 0;
  double max = 0;
  double mean = 0;
};

// One pattern over one time bucket. A request counts where it arrives (`requests`) and where it
// completes (`succeeded`, `failed`, its latency), so a slow request can arrive in one bucket and
// complete in a later one.
struct TimeBucket {
  double startSeconds = 0;
  std::int64_t requests = 0;
  std::int64_t succeeded = 0;
  std::int64_t failed = 0;
  std::int64_t throttled = 0;  // throttled attempts
  double readUnits = 0;
  double writeUnits = 0;
  LatencySummary latency;  // of the requests that succeeded in the bucket
};

struct PatternResult {
  std::string id;
  std::int64_t requests = 0;   // arrived
  std::int64_t succeeded = 0;  // completed without error (possibly after retries)
  std::int64_t failed = 0;     // gave up after the last attempt, or still retrying at the end
  std::int64_t throttled = 0;  // throttled attempts
  std::int64_t throttledRequests = 0;  // requests throttled at least once
  std::int64_t retries = 0;
  double readUnits = 0;  // consumed within the duration, every capacity owner
  double writeUnits = 0;
  std::vector<std::pair<std::string, std::int64_t>> throttlesByReason;  // non-zero ones, by name
  LatencySummary latency;  // of the requests that succeeded
  std::vector<TimeBucket> timeline;
};

// One partition of one capacity owner over its life: the units it served each second.
struct PartitionHeat {
  std::string owner;          // "table" or a GSI's name
  int id = 0;                 // unique within the owner
  int parent = -1;            // the partition it was split from
  std::uint64_t hashLow = 0;  // the key hashes it holds, inclusive
  std::uint64_t hashHigh = 0;
  std::int64_t fromSecond = 0;              // its first second
  std::optional<std::int64_t> untilSecond;  // the second it was split, when it was
  std::vector<double> readUnits;            // one per second from fromSecond, drain included
  std::vector<double> writeUnits;
  std::int64_t throttles = 0;
};

// A table or a GSI: what it was given and what it did.
// A change of provisioned capacity made by auto scaling, in force from `second`.
struct ScalingEvent {
  std::int64_t second = 0;
  double read = 0;
  double write = 0;
};

struct CapacityOwnerReport {
  std::string name;
  std::string mode;  // "on-demand" or "provisioned"
  double provisionedRead = 0;
  double provisionedWrite = 0;
  int initialPartitions = 0;
  int partitions = 0;
  int splits = 0;
  int storageSplits = 0;  // of `splits`, those for size (a partition over 10 GB)
  std::int64_t throttles = 0;
  // The items' bytes at the end of the run (the store's, scaled when it kept a sample).
  double storedBytes = 0;
  // Auto scaling: the changes it made, and the capacity over the run (what a month would bill).
  std::vector<ScalingEvent> scaling;
  double meanProvisionedRead = 0;
  double meanProvisionedWrite = 0;
  // Consumed within the run's duration (not in the drain), in all and in its busiest second.
  double readUnits = 0;
  double writeUnits = 0;
  double peakReadUnitsPerSecond = 0;
  double peakWriteUnitsPerSecond = 0;
};

struct PartitionReport {
  int count = 0;                       // partitions at the end, every owner
  std::int64_t throttledRequests = 0;  // attempts throttled by a partition's own limit
  std::vector<CapacityOwnerReport> owners;
  std::vector<PartitionHeat> heat;
};

// A partition key value that drew many units or throttles.
struct HotKey {
  std::string owner;
  std::string key;  // for reading: the template with the key number
  std::int64_t keyId = 0;
  double value = 0;  // consumed units (Contributor Insights' 3 x write + read) or throttles
  double error = 0;  // value - error is a lower bound (the summary is approximate)
};

// The run's consumption scaled to a month under a price sheet (US dollars).
struct CostReport {
  std::string capacityMode;
  std::string priceSheet;
  double onDemand = 0;     // the consumed request units per second for a month
  double provisioned = 0;  // the capacity the run was given, for a month
  double storage = 0;
  double instances = 0;  // servers and cache nodes billed by the hour (relational, cache)
  double total = 0;      // under the run's capacity mode, with storage and instances
};

// A cache's hits and misses (the cache and cache-aside engines).
struct CacheReport {
  std::string evictionPolicy;  // "allkeys-lru", "allkeys-lfu", "volatile-ttl", "noeviction"
  double maxMemoryBytes = 0;
  double usedMemoryBytes = 0;  // at the end of the run
  std::int64_t hits = 0;
  std::int64_t misses = 0;
  double hitRatio = 0;  // hits / (hits + misses); 0 when nothing was read
  std::int64_t evictions = 0;
  std::int64_t expirations = 0;          // keys removed because their TTL passed
  std::int64_t rejectedWrites = 0;       // OOM errors under noeviction
  std::vector<double> hitRatioByBucket;  // one per timeline bucket (0 where nothing was read)
  // Cache-aside: the latency of reads the cache answered, and of those that went to the database.
  LatencySummary hitLatency;
  LatencySummary missLatency;
};

// A server with cores that requests queue for (the relational engine; a cache node's one thread).
struct ServerReport {
  std::string name;      // "relational" or "cache"
  std::string instance;  // the instance type it models ("db.r6g.large")
  int cores = 0;
  int connections = 0;                      // the pool: requests beyond it wait for a connection
  double utilization = 0;                   // busy core-seconds / (cores x duration)
  double peakQueueLength = 0;               // requests waiting for a core, at most
  double busyCoreSeconds = 0;               // over the whole run, drain included
  std::vector<double> utilizationByBucket;  // one per timeline bucket
};

// Everything a run yields. A value; deterministic for the same inputs and seed (no wall-clock
// time enters it).
struct RunResult {
  std::string engine;
  std::string design;
  std::uint64_t seed = 0;
  double durationSeconds = 0;   // arrivals were generated over this time
  double simulatedSeconds = 0;  // until the last retry or index write, at most duration + drain
  double bucketSeconds = 1;
  std::string rate;  // "mean", "peak" or "spike"
  bool cancelled = false;
  std::int64_t requests = 0;
  std::int64_t succeeded = 0;
  std::int64_t failed = 0;
  std::int64_t throttled = 0;
  std::int64_t retries = 0;
  std::int64_t events = 0;
  LatencySummary latency;  // of every request that succeeded
  std::vector<PatternResult> patterns;
  PartitionReport partitions;
  std::vector<HotKey> hotKeysByUnits;
  std::vector<HotKey> hotKeysByThrottles;
  CostReport monthlyCost;
  std::optional<CacheReport> cache;   // where the engine has a cache
  std::vector<ServerReport> servers;  // where the engine models servers
  std::vector<std::string> notes;     // what the model left out for this run
};

}  // namespace kvlab::sim
