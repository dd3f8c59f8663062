#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/capacity/price_sheet.h"
#include "model/design/plan.h"
#include "model/schema/project.h"
#include "model/status.h"
#include "simulator/core/event_queue.h"
#include "simulator/core/virtual_clock.h"
#include "simulator/metrics/run_metrics.h"
#include "simulator/metrics/run_result.h"
#include "simulator/workload/key_distribution.h"

namespace kvlab::sim {

// What an engine runs: one design of one project, as the planner decided it runs. The references
// must outlive the run.
struct EngineInput {
  const model::Project& project;
  const model::Design& design;
  const model::DesignPlan& plan;  // planDesign(project, design, prices)
  const model::capacity::PriceSheet& prices;
  std::uint64_t seed = 1;
  double durationSeconds = 60;
};

// The load one access pattern puts on an engine, as the engine sees it: requests draw key numbers
// 0 .. keyCount - 1 with `keys`; the runner turns the rates into arrivals.
struct PatternLoad {
  std::string patternId;
  std::int64_t keyCount = 1;
  KeyDistribution keys;
  double meanRate = 0;  // requests per second
  double peakRate = 0;
};

// One request as it arrives: the index of its pattern in the engine's loads, its key number and
// its arrival time.
struct Request {
  std::uint32_t pattern = 0;
  std::int64_t key = 0;
  VirtualTime arrival = 0;
};

// What an engine may do while it serves: read the clock, schedule events of its own (kinds from
// kFirstEngineEventKind), and record metrics. Owned by the runner; valid during one run.
class EngineContext {
 public:
  EngineContext(const VirtualClock& clock, EventQueue& queue, RunMetrics& metrics)
      : clock_(clock), queue_(queue), metrics_(metrics) {}

  VirtualTime now() const { return clock_.now(); }
  // Schedules an engine event at `time` (>= now()); it comes back through Engine::onEvent.
  void schedule(VirtualTime time, std::uint32_t kind, std::uint64_t a, std::uint64_t b,
                std::uint64_t c = 0) {
    queue_.push(time, kind, a, b, c);
  }
  RunMetrics& metrics() { return metrics_; }

 private:
  const VirtualClock& clock_;
  EventQueue& queue_;
  RunMetrics& metrics_;
};

// A model of a data store that serves access patterns in virtual time (DynamoDB, a relational
// server, a cache). Engines are made by name through the registry (simulator/engines/
// engine_registry.h) and driven by the Runner: prepare once, then requests, events and second
// ticks in time order, then finish. An engine decides what a request costs and how long it takes;
// it never reads the wall clock, and draws its random numbers only from streams derived from the
// input's seed, so a run is the same every time. One run per engine object; not thread-safe.
class Engine {
 public:
  virtual ~Engine() = default;

  // The registered name ("dynamodb").
  virtual std::string_view name() const = 0;

  // The names of the reasons a request can be throttled for; RunMetrics counts them by index.
  virtual std::vector<std::string> throttleReasons() const = 0;

  // Builds the engine's state for `input` and says, per access pattern that has a rate, what
  // load it draws (in the project's order; patterns without a rate or that the engine cannot
  // serve are left out with a note in finish()). On failure returns the error and leaves `loads`
  // unspecified.
  virtual Status prepare(const EngineInput& input, std::vector<PatternLoad>& loads) = 0;

  // A request arrives at context.now() == request.arrival.
  virtual void onRequest(const Request& request, EngineContext& context) = 0;

  // An event the engine scheduled comes due at context.now() == event.time.
  virtual void onEvent(const Event& event, EngineContext& context) = 0;

  // Virtual time reaches `second` x 1 s: called before any event at or after that instant, once
  // per second, in order, from 1. Engines roll their per-second state here.
  virtual void onSecond(std::int64_t second, EngineContext& context) = 0;

  // The run is over at context.now(): counts requests still in flight as failed and fills the
  // engine's parts of `result` (partitions, hot keys, cost, notes).
  virtual void finish(EngineContext& context, RunResult& result) = 0;

  // An estimate of the memory the engine's own state holds now, in bytes (tables, keyspaces,
  // databases, requests in flight; not the memory of the system it models). The runner checks
  // it against the run's memory budget once per virtual second. 0 when the engine does not say.
  virtual std::size_t memoryBytes() const { return 0; }
};

}  // namespace kvlab::sim
