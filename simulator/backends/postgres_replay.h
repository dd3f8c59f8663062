#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "model/schema/project.h"
#include "simulator/core/runner.h"

namespace kvlab::sim {

// How a workload is replayed on a real PostgreSQL server.
struct PostgresReplayOptions {
  std::string connection;             // a libpq connection string or URL; traffic goes there only
  double durationSeconds = 10;        // arrivals are generated in [0, duration)
  std::int64_t maxRequests = 200000;  // a bound on the arrivals, whatever the rates
  double drainSeconds = 10;           // after the last arrival, requests in flight may finish
  int connections = 8;                // the client's pool: requests wait for a free one
  // Closed loop: every connection of the pool sends its next request as soon as the last is
  // answered, whatever the arrival times (the rates set only the mix), until the duration ends;
  // latency is the request's own round trip. What the server sustains with that many clients.
  bool closedLoop = false;
  std::int64_t maxRowsPerTable = 2000;  // the dataset loaded first (scaled as the engine does)
  double rateScale = 1;                 // every pattern's mean rate times this
  std::uint64_t seed = 1;
  bool keepSchema = false;  // leave the schema and its rows for a look afterwards
};

// Replays the project's access patterns, for real and in wall-clock time, on the PostgreSQL
// server `options.connection` names (`kvlab simulate --engine postgres --connection URL`): creates
// a schema of its own (kvlab_replay_SEED) with the relational engine's tables and indexes
// (model::deriveRelationalSchema), loads the same generated dataset (RelationalDataset), prepares
// each pattern's SQL, then sends requests open-loop: arrivals are Poisson at each pattern's mean
// rate, keys from its key distribution, seeded as the simulator's; a request waits for a free
// connection of the pool and its latency is measured from its scheduled arrival, so a slow
// server shows as latency, not as fewer requests (no coordinated omission). One thread; the
// connections are driven with libpq's asynchronous calls. The result has the simulated engines'
// shape (engine "postgres"): per-pattern latency percentiles from the client, requests, failures
// (a statement error, or unfinished after the drain), the timeline. The schema is dropped at the
// end unless `keepSchema`. Fails (status) when the server cannot be reached or the schema cannot
// be created, naming the connection and the server's message.
RunOutcome replayOnPostgres(const model::Project& project, const PostgresReplayOptions& options,
                            const std::function<void(const RunProgress&)>& progress = {},
                            const std::atomic<bool>* cancel = nullptr);

}  // namespace kvlab::sim
