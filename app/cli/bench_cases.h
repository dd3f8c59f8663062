#pragma once
// The cases of `kvlab bench` and of tests/bench/kvlab_benchmarks: generated projects and one
// timed unit of work per case and per baseline. No wall clock here: callers time the calls.

#include <cstdint>
#include <memory>
#include <string>

#include "model/capacity/price_sheet.h"
#include "model/design/plan.h"
#include "model/schema/project.h"
#include "simulator/engines/engine_registry.h"

namespace kvlab::cli::bench {

// A single-entity project (`items` items, one GetItem and one PutItem pattern on zipfian keys,
// theta 0.99, on-demand) whose reads are `readPercent` % of `requestsPerSecond`.
model::Project dynamoProject(std::int64_t items, int readPercent, double requestsPerSecond);

// A validating project of `entities` entities and `patterns` access patterns (gets by
// identifier, queries by a secondary attribute, puts), for the modeler.
model::Project modelerProject(int entities, int patterns);

// The default price sheet; throws std::runtime_error when it cannot be read.
model::capacity::PriceSheet defaultPrices();

// The RUBiS auction workload as NoSE models it (data/models/rubis.kvlab.json, which cites its
// source); throws std::runtime_error when it cannot be read.
model::Project rubisProject();

// The dynamodb cases' engine settings: the table pre-warmed to the load (warm throughput, as
// for a launch), so that they measure serving rather than a new table's retry storm.
sim::EngineSettings warmTable();

// One simulation of the project's first design on engine `engine` (with `settings`) for
// `virtualSeconds` (seed `seed`); returns the number of simulated requests. Throws
// std::runtime_error on failure.
std::int64_t simulateRequests(const model::Project& project,
                              const model::capacity::PriceSheet& prices, double virtualSeconds,
                              std::uint64_t seed, const std::string& engine = "dynamodb",
                              const sim::EngineSettings& settings = {});

// Every registered engine on the project (one run each, the same seed) on up to `threads`
// threads at once; returns the requests simulated in all. Throws std::runtime_error on failure.
std::int64_t simulateEveryEngine(const model::Project& project,
                                 const model::capacity::PriceSheet& prices, double virtualSeconds,
                                 std::uint64_t seed, unsigned threads);

// The baseline of the relational cases: the relational engine's database loaded once, and each
// request's statements run on it directly, with no queue and no virtual time.
class RelationalBaseline {
 public:
  RelationalBaseline(const model::Project& project, const model::capacity::PriceSheet& prices);
  ~RelationalBaseline();
  // Runs `count` requests: a pattern drawn by the patterns' mean rates, a key from the pattern's
  // distribution, its statements on SQLite. Returns `count`.
  std::int64_t run(std::int64_t count, std::uint64_t seed);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// What a dataset of the project's items costs in memory once the dynamodb engine has loaded it
// (every item stored: max-items raised to the count).
struct MemoryUse {
  std::int64_t items = 0;
  double engineBytes = 0;    // the engine's own estimate (Engine::memoryBytes)
  double residentBytes = 0;  // the growth of the process's resident set while it loaded
  double payloadBytes = 0;   // the items' own size: the planner's average item size x items
};
MemoryUse measureDynamoMemory(const model::Project& project,
                              const model::capacity::PriceSheet& prices);

// The baseline of the dynamodb cases: a flat table of `items` keys, filled once.
class LookupBaseline {
 public:
  explicit LookupBaseline(std::int64_t items);
  ~LookupBaseline();
  // Draws `count` zipfian keys (theta 0.99) with kvlab_workload's generator and looks each up;
  // 95/5 or 50/50 reads/writes do not matter to a hash map, so every draw is one lookup. Returns
  // a checksum so the work cannot be optimized away.
  std::uint64_t run(std::int64_t count, std::uint64_t seed);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The modeler's proposals for `project` (ModelerOptions defaults); returns how many came back.
// Throws std::runtime_error when the modeler reports an error or proposes nothing.
int proposeCount(const model::Project& project, const model::capacity::PriceSheet& prices);

// The modeler's first proposal for `project`: the design the baseline of modeler-generated plans.
model::Design firstProposal(const model::Project& project,
                            const model::capacity::PriceSheet& prices);

// One planDesign of `design` (the baseline of modeler-generated); returns its pattern count.
std::size_t planOnce(const model::Project& project, const model::Design& design,
                     const model::capacity::PriceSheet& prices);

}  // namespace kvlab::cli::bench
