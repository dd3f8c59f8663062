#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/relational/relational_schema.h"
#include "simulator/core/engine.h"
#include "simulator/engines/relational/relational_dataset.h"
#include "simulator/engines/relational/relational_options.h"
#include "simulator/engines/relational/relational_profile.h"
#include "simulator/engines/relational/server_queue.h"
#include "simulator/engines/relational/sqlite_database.h"
#include "simulator/workload/random.h"

namespace kvlab::sim {

// Who hears of a relational request's end: the engine itself (it records the request's
// metrics), or an engine in front of it (cache-aside) that adds its own part.
class RelationalCompletion {
 public:
  virtual ~RelationalCompletion() = default;
  // Request `tag` ended at context.now(), successfully or not, `latency` after it reached the
  // relational engine.
  virtual void relationalDone(std::uint64_t tag, VirtualTime latency, bool succeeded,
                              EngineContext& context) = 0;
};

// A PostgreSQL-like server as a model (docs/engines.md): the project's entities as normalized
// tables with the indexes the access patterns need (model::deriveRelationalSchema), loaded with a
// generated dataset into an in-memory SQLite database; every request runs its pattern's SQL for
// real there, and the work SQLite counts (virtual-machine steps) becomes core time on a server of
// N cores behind a pool of connections (ServerQueue): requests wait when the pool or the cores
// are busy, so latency climbs as load nears saturation. Costs and latencies come from the
// profile (data/engines/postgresql.json). One run per object; not thread-safe.
class RelationalEngine final : public Engine, private RelationalCompletion {
 public:
  explicit RelationalEngine(RelationalOptions options = {});
  ~RelationalEngine() override;

  std::string_view name() const override { return "relational"; }
  std::vector<std::string> throttleReasons() const override;
  Status prepare(const EngineInput& input, std::vector<PatternLoad>& loads) override;
  void onRequest(const Request& request, EngineContext& context) override;
  void onEvent(const Event& event, EngineContext& context) override;
  void onSecond(std::int64_t second, EngineContext& context) override;
  void finish(EngineContext& context, RunResult& result) override;
  // The in-memory database (its pages, schema and statements) and the requests in flight.
  std::size_t memoryBytes() const override;

  // For an engine in front of this one. Serves `request` as a request of pattern
  // `request.pattern` (an index into the loads prepare() returned) and tells `completion`
  // (instead of recording metrics) with `tag` when it ends.
  void submit(const Request& request, std::uint64_t tag, RelationalCompletion& completion,
              EngineContext& context);
  // Event kinds this engine schedules: [kFirstEngineEventKind, kFirstEngineEventKind + 3).
  static constexpr std::uint32_t kEventKinds = 3;
  // Runs load `pattern`'s statements for key number `key` on the database as a request would,
  // outside any queue and any virtual time: kvlab bench's relational baseline, which measures
  // what the statements cost on SQLite alone. After prepare().
  void runStatementsDirectly(std::uint32_t pattern, std::int64_t key);

  // The pattern ids of the loads prepare() returned, in order.
  const std::vector<std::string>& patternIds() const { return patternIds_; }
  // Whether load `pattern` writes.
  bool writes(std::uint32_t pattern) const { return routes_[pattern].write; }
  // The server's utilization so far, per bucket of `bucketSeconds`, and overall.
  ServerReport serverReport(VirtualTime now, double bucketSeconds, double durationSeconds);
  // The instance's month, and the storage of the full-size data.
  double monthlyInstanceCost() const;
  double monthlyStorageCost() const;
  const model::RelationalSchema& schema() const { return schema_; }

 private:
  struct PreparedStatement {
    int id = -1;
    std::vector<model::SqlParameter> parameters;
    bool write = false;
  };
  struct Route {
    std::string patternId;
    bool write = false;
    bool transaction = false;
    double workFactor = 1;
    std::vector<PreparedStatement> statements;
    std::vector<model::SqlParameter> keyParameters;  // every statement's, in order
    std::int64_t newRows = 0;                        // rows its writes added so far
  };
  struct InFlight {
    bool active = false;
    bool waitingForConnection = false;
    std::uint32_t pattern = 0;
    std::int64_t key = 0;
    VirtualTime arrival = 0;
    VirtualTime service = 0;
    VirtualTime afterService = 0;  // commit flush and round trips, holding the connection
    std::uint64_t tag = 0;
    RelationalCompletion* completion = nullptr;
  };

  void relationalDone(std::uint64_t tag, VirtualTime latency, bool succeeded,
                      EngineContext& context) override;
  void toCore(std::uint32_t slot, EngineContext& context);
  void startService(std::uint32_t slot, EngineContext& context);
  VirtualTime runStatements(InFlight& request);
  void end(std::uint32_t slot, bool succeeded, EngineContext& context);

  RelationalOptions options_;
  RelationalProfile profile_;
  const EngineInput* input_ = nullptr;
  model::RelationalSchema schema_;
  std::unique_ptr<RelationalDataset> dataset_;
  std::unique_ptr<SqliteDatabase> database_;
  std::unique_ptr<ServerQueue> server_;
  const DatabaseInstance* instance_ = nullptr;
  std::vector<Route> routes_;
  std::vector<std::string> patternIds_;
  std::vector<InFlight> inFlight_;
  std::vector<std::uint32_t> freeSlots_;
  std::vector<SqlValue> values_;  // reused for binding
  Random serviceRandom_{0};
  VirtualTime roundTrip_ = 0;
  VirtualTime connectionTimeout_ = 0;
  std::int64_t failedStatements_ = 0;
  std::string firstStatementError_;
  std::vector<std::string> notes_;
};

}  // namespace kvlab::sim
