#include "simulator/core/runner.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

#include "simulator/workload/constant_rate.h"
#include "simulator/workload/key_generator.h"
#include "simulator/workload/poisson_arrivals.h"
#include "simulator/workload/random.h"
#include "simulator/workload/rate_curve.h"
#include "simulator/workload/spike_rate.h"

namespace kvlab::sim {
namespace {

// A pattern's next arrival, with the sequence number the event queue reserved for it.
struct PendingArrival {
  VirtualTime time;
  std::uint64_t sequence;
  std::uint32_t pattern;
};

// The heap order of pending arrivals: the earliest (time, then sequence) on top.
bool laterArrival(const PendingArrival& x, const PendingArrival& y) {
  return x.time != y.time ? x.time > y.time : x.sequence > y.sequence;
}

// One pattern's workload for the run.
struct PatternDriver {
  std::shared_ptr<const RateCurve> curve;
  std::unique_ptr<KeyGenerator> keys;
  std::unique_ptr<PoissonArrivals> arrivals;
  Random keyRandom{0};
};

std::string checkOptions(const RunOptions& o) {
  if (!std::isfinite(o.durationSeconds) || o.durationSeconds <= 0) {
    return "the duration must be a number of seconds > 0";
  }
  if (!std::isfinite(o.bucketSeconds) || o.bucketSeconds < 1 ||
      o.bucketSeconds != std::floor(o.bucketSeconds)) {
    return "the time bucket must be a whole number of seconds >= 1";
  }
  if (!std::isfinite(o.drainSeconds) || o.drainSeconds < 0) {
    return "the drain time must be a number of seconds >= 0";
  }
  if (o.rate == RateChoice::Spike &&
      (!std::isfinite(o.spikeStartSeconds) || !std::isfinite(o.spikeLengthSeconds) ||
       o.spikeStartSeconds < 0 || o.spikeLengthSeconds < 0)) {
    return "the spike needs a start and a length in seconds >= 0";
  }
  return {};
}

// Empty when the run holds no more than `budget` bytes; otherwise the error that stops it, naming
// the budget and what holds the memory.
std::string overBudget(const Engine& engine, const EventQueue& queue,
                       const std::vector<PendingArrival>& arrivals, std::uint64_t budget,
                       VirtualTime now) {
  if (budget == 0) return {};
  const std::uint64_t engineBytes = engine.memoryBytes();
  const std::uint64_t queueBytes =
      queue.memoryBytes() + arrivals.capacity() * sizeof(PendingArrival);
  const std::uint64_t total = engineBytes + queueBytes;
  if (total <= budget) return {};
  return "simulate: the run went over its memory budget of " + memorySizeText(budget) + " at " +
         std::to_string(now / kMicrosPerSecond) + " s of virtual time and was stopped: it held " +
         memorySizeText(total) + ", of which the " + std::string(engine.name()) +
         " engine's state " + memorySizeText(engineBytes) + " and " +
         std::to_string(queue.size() + arrivals.size()) + " pending events " +
         memorySizeText(queueBytes) +
         "; give it a larger budget (kvlab simulate --memory-budget SIZE), or a shorter run, a "
         "lower rate or a smaller dataset";
}

}  // namespace

std::uint64_t defaultMemoryBudgetBytes() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long pageSize = ::sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || pageSize <= 0) return 0;
  return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(pageSize) / 2;
}

std::string memorySizeText(std::uint64_t bytes) {
  static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  double value = static_cast<double>(bytes) / 1024;
  int unit = 0;
  while (value >= 1024 && unit < 5) {
    value /= 1024;
    ++unit;
  }
  char text[32];
  const bool whole = value == std::floor(value) || value >= 100;
  std::snprintf(text, sizeof text, whole ? "%.0f %s" : "%.1f %s", value, kUnits[unit]);
  return text;
}

std::string rateChoiceName(RateChoice rate) {
  switch (rate) {
    case RateChoice::Mean:
      return "mean";
    case RateChoice::Peak:
      return "peak";
    case RateChoice::Spike:
      return "spike";
  }
  return "mean";
}

RunOutcome Runner::run(Engine& engine, const EngineInput& input) {
  RunOutcome outcome;
  if (std::string problem = checkOptions(options_); !problem.empty()) {
    outcome.status = Status::Error("simulate: " + problem);
    return outcome;
  }
  // The run's options decide the seed and the duration the engine sees.
  const EngineInput effective{input.project, input.design,  input.plan,
                              input.prices,  options_.seed, options_.durationSeconds};
  std::vector<PatternLoad> loads;
  if (Status prepared = engine.prepare(effective, loads); !prepared.ok()) {
    outcome.status = prepared;
    return outcome;
  }

  const double duration = options_.durationSeconds;
  std::vector<PatternDriver> drivers(loads.size());
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < loads.size(); ++i) {
    const PatternLoad& load = loads[i];
    PatternDriver& d = drivers[i];
    ids.push_back(load.patternId);
    auto given = options_.rateCurves.find(load.patternId);
    if (given != options_.rateCurves.end()) {
      d.curve = given->second;
    } else {
      switch (options_.rate) {
        case RateChoice::Mean:
          d.curve = std::make_unique<ConstantRate>(load.meanRate);
          break;
        case RateChoice::Peak:
          d.curve = std::make_unique<ConstantRate>(load.peakRate);
          break;
        case RateChoice::Spike:
          d.curve =
              std::make_unique<SpikeRate>(load.meanRate, load.peakRate, options_.spikeStartSeconds,
                                          options_.spikeLengthSeconds);
          break;
      }
    }
    std::string error;
    d.keys = makeKeyGenerator(load.keys, load.keyCount, &error);
    if (!d.keys) {
      outcome.status =
          Status::Error("simulate: pattern " + load.patternId + ": key distribution over " +
                        std::to_string(load.keyCount) + " keys: " + error);
      return outcome;
    }
    d.arrivals = std::make_unique<PoissonArrivals>(
        *d.curve,
        Random::forStream(effective.seed, Random::streamIdOf("arrivals:" + load.patternId)), 0.0,
        duration);
    d.keyRandom = Random::forStream(effective.seed, Random::streamIdOf("keys:" + load.patternId));
  }

  VirtualClock clock;
  EventQueue queue;
  RunMetrics metrics;
  metrics.setup(ids, engine.throttleReasons(), fromSeconds(options_.bucketSeconds));
  EngineContext context(clock, queue, metrics);

  // Each pattern's next arrival waits here rather than in the event queue (a push and a pop
  // fewer per request), with the sequence number the queue would have given it, so that events
  // and arrivals at one microsecond come out in exactly the order they would from the queue.
  std::vector<PendingArrival> arrivals;
  arrivals.reserve(drivers.size());
  for (std::size_t i = 0; i < drivers.size(); ++i) {
    if (std::optional<double> t = drivers[i].arrivals->next()) {
      arrivals.push_back(
          PendingArrival{fromSeconds(*t), queue.takeSequence(), static_cast<std::uint32_t>(i)});
    }
  }
  std::make_heap(arrivals.begin(), arrivals.end(), laterArrival);

  const VirtualTime end = fromSeconds(duration + options_.drainSeconds);
  const VirtualTime bucket = metrics.bucketLength();
  VirtualTime nextSecond = kMicrosPerSecond;
  VirtualTime bucketStart = 0;
  std::int64_t events = 0;
  bool cancelled = false;
  // Set when the run goes over its memory budget: the error that stopped it.
  std::string overBudgetError = overBudget(engine, queue, arrivals, options_.memoryBudgetBytes, 0);
  if (!overBudgetError.empty()) cancelled = true;

  // Moves the ticks and buckets up to `time` (inclusive of ticks at `time`).
  auto tickTo = [&](VirtualTime time) {
    while (nextSecond <= time) {
      clock.advanceTo(nextSecond);
      engine.onSecond(nextSecond / kMicrosPerSecond, context);
      if (nextSecond - bucketStart >= bucket) {
        metrics.closeBucket(bucketStart);
        bucketStart += bucket;
      }
      if (progress_) {
        progress_(RunProgress{toSeconds(nextSecond), duration, metrics.requests()});
      }
      overBudgetError = overBudget(engine, queue, arrivals, options_.memoryBudgetBytes, nextSecond);
      nextSecond += kMicrosPerSecond;
      if (!overBudgetError.empty() ||
          (cancel_ != nullptr && cancel_->load(std::memory_order_relaxed))) {
        cancelled = true;
        return;
      }
    }
  };

  while ((!queue.empty() || !arrivals.empty()) && !cancelled) {
    // The earlier of the next engine event and the next arrival, by (time, sequence).
    bool arrivalFirst = !arrivals.empty();
    VirtualTime time = arrivalFirst ? arrivals.front().time : 0;
    if (!queue.empty()) {
      const Event top = queue.top();
      if (!arrivalFirst || top.time < time ||
          (top.time == time && top.sequence < arrivals.front().sequence)) {
        arrivalFirst = false;
        time = top.time;
      }
    }
    if (time >= end) break;
    if (nextSecond <= time) {
      // The seconds' ticks first; an engine may schedule events at a tick, before `time`.
      tickTo(time);
      if (cancelled) break;
      continue;
    }
    clock.advanceTo(time);
    ++events;
    if (arrivalFirst) {
      std::pop_heap(arrivals.begin(), arrivals.end(), laterArrival);
      const std::uint32_t pattern = arrivals.back().pattern;
      arrivals.pop_back();
      PatternDriver& d = drivers[pattern];
      metrics.recordArrival(pattern);
      engine.onRequest(Request{pattern, d.keys->next(d.keyRandom), time}, context);
      if (std::optional<double> t = d.arrivals->next()) {
        arrivals.push_back(
            PendingArrival{std::max(fromSeconds(*t), time), queue.takeSequence(), pattern});
        std::push_heap(arrivals.begin(), arrivals.end(), laterArrival);
      }
    } else {
      engine.onEvent(queue.pop(), context);
    }
  }
  // Close the seconds (and buckets) the run covered: at least the whole duration.
  if (!cancelled) {
    const VirtualTime last = std::max(clock.now(), fromSeconds(duration));
    const VirtualTime lastSecond =
        (last + kMicrosPerSecond - 1) / kMicrosPerSecond * kMicrosPerSecond;
    tickTo(std::min(lastSecond, std::max(end, fromSeconds(duration))));
  }
  if (bucketStart < clock.now()) metrics.closeBucket(bucketStart);

  RunResult& result = outcome.result;
  result.engine = std::string(engine.name());
  result.design = input.design.name;
  result.seed = effective.seed;
  result.durationSeconds = duration;
  result.bucketSeconds = options_.bucketSeconds;
  result.rate = options_.workloadName.empty() ? rateChoiceName(options_.rate)
                                              : "workload:" + options_.workloadName;
  result.cancelled = cancelled;
  result.events = events;
  engine.finish(context, result);
  result.simulatedSeconds = toSeconds(clock.now());
  result.patterns = metrics.results();
  result.latency = metrics.overallLatency();
  for (const PatternResult& p : result.patterns) {
    result.requests += p.requests;
    result.succeeded += p.succeeded;
    result.failed += p.failed;
    result.throttled += p.throttled;
    result.retries += p.retries;
  }
  // The partial result stays with the error, for a caller that wants to show how far it got.
  if (!overBudgetError.empty()) outcome.status = Status::Error(overBudgetError);
  return outcome;
}

}  // namespace kvlab::sim
