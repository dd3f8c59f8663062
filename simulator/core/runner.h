#pragma once

#include <map>
#include <memory>

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "model/status.h"
#include "simulator/core/engine.h"
#include "simulator/metrics/run_result.h"
#include "simulator/workload/rate_curve.h"

namespace kvlab::sim {

// Half of the machine's physical memory (sysconf), or 0 (no budget) when it cannot be known.
std::uint64_t defaultMemoryBudgetBytes();

// "512 MiB", "1.5 GiB", "800 bytes": a size in bytes for people, with binary units.
std::string memorySizeText(std::uint64_t bytes);

// Which rate each pattern runs at.
enum class RateChoice {
  Mean,   // the pattern's mean rate throughout
  Peak,   // its peak rate throughout
  Spike,  // its mean rate, and its peak during [spikeStartSeconds, + spikeLengthSeconds)
};

struct RunOptions {
  std::uint64_t seed = 1;
  double durationSeconds = 60;  // arrivals are generated in [0, duration)
  double bucketSeconds = 1;     // the timeline's bucket, a whole number of seconds >= 1
  RateChoice rate = RateChoice::Mean;
  // A pattern's rate over time (a workload's ramp, spike, daily curve or CSV), by pattern id:
  // replaces `rate` for that pattern.
  std::map<std::string, std::shared_ptr<const RateCurve>> rateCurves;
  std::string workloadName;  // the workload the curves come from, for the result
  double spikeStartSeconds = 0;
  double spikeLengthSeconds = 0;
  // After the last arrival, retries and index writes still pending may run this long; what is
  // still in flight then counts as failed.
  double drainSeconds = 60;
  // The most memory the run may hold, in bytes: the engine's estimate of its own state
  // (Engine::memoryBytes) and the pending events. Checked once the engine is prepared and then
  // once per virtual second; a run over it stops with an error naming the budget and what used
  // it. 0: no budget. By default half of the machine's physical memory.
  std::uint64_t memoryBudgetBytes = defaultMemoryBudgetBytes();
};

// Where a run stands, for a progress bar.
struct RunProgress {
  double virtualSeconds = 0;
  double durationSeconds = 0;
  std::int64_t requests = 0;
};

// What Runner::run returns: the result (partial when cancelled), or the error that stopped the
// run: before it started, or (with the partial result) when it went over its memory budget.
struct RunOutcome {
  Status status = Status::Ok();
  RunResult result;
};

// Drives an engine in virtual time: open-loop Poisson arrivals per access pattern at its rate
// (PoissonArrivals over a ConstantRate or SpikeRate), key numbers from the pattern's key
// distribution, each pattern with seeded random streams of its own ("arrivals:ID" and "keys:ID"
// under the run's seed), so that adding a pattern does not change another's requests. Events are
// taken in (time, sequence) order; the engine's second ticks and the timeline's bucket ends come
// before any event at or after their instant. The same engine, input and options give a
// byte-identical result. Not thread-safe, except `cancel`, which another thread may set.
class Runner {
 public:
  using ProgressCallback = std::function<void(const RunProgress&)>;

  explicit Runner(RunOptions options) : options_(std::move(options)) {}

  // Called once per virtual second from the thread that runs.
  void setProgressCallback(ProgressCallback callback) { progress_ = std::move(callback); }
  // When `*flag` becomes true the run stops at the next virtual second and returns what it has,
  // with result.cancelled set. The flag must outlive run().
  void setCancelFlag(const std::atomic<bool>* flag) { cancel_ = flag; }

  // Runs `engine` (fresh) on `input`, with the seed and duration of the options (those of
  // `input` are ignored). Fails (status) on options that make no sense or when the engine cannot
  // prepare; the result is then empty.
  RunOutcome run(Engine& engine, const EngineInput& input);

 private:
  RunOptions options_;
  ProgressCallback progress_;
  const std::atomic<bool>* cancel_ = nullptr;
};

// "mean", "peak", "spike".
std::string rateChoiceName(RateChoice rate);

}  // namespace kvlab::sim
