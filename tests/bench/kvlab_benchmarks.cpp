// The cases of `kvlab bench` (app/cli/bench_command.cpp) as Google Benchmark functions; each
// baseline is a benchmark of its own, so compare BM_X with BM_X_Baseline. docs/performance.md.
#include <benchmark/benchmark.h>

#include <string>
#include <thread>

#include "app/cli/bench_cases.h"

namespace {

using namespace kvlab::cli::bench;

constexpr std::int64_t kItems = 1000000;
constexpr double kRequestsPerSecond = 100000;
constexpr double kVirtualSeconds = 1;

const kvlab::model::capacity::PriceSheet& prices() {
  static const kvlab::model::capacity::PriceSheet sheet = defaultPrices();
  return sheet;
}

void simulate(benchmark::State& state, int readPercent, const std::string& engine,
              const kvlab::sim::EngineSettings& settings) {
  const kvlab::model::Project project = dynamoProject(kItems, readPercent, kRequestsPerSecond);
  std::uint64_t seed = 1;
  std::int64_t requests = 0;
  for (auto _ : state)
    requests += simulateRequests(project, prices(), kVirtualSeconds, seed++, engine, settings);
  state.counters["requests/s"] =
      benchmark::Counter(static_cast<double>(requests), benchmark::Counter::kIsRate);
}

void BM_DynamodbReadHeavy(benchmark::State& state) { simulate(state, 95, "dynamodb", warmTable()); }
void BM_DynamodbWriteHeavy(benchmark::State& state) {
  simulate(state, 50, "dynamodb", warmTable());
}
void BM_DynamodbThrottleStorm(benchmark::State& state) { simulate(state, 95, "dynamodb", {}); }
// Compare with BM_DynamodbLookup_Baseline too.
void BM_CacheReadHeavy(benchmark::State& state) { simulate(state, 95, "cache", {}); }

// The relational engine at 2,000 requests a second for 10 virtual seconds; its baseline runs the
// same statements on the engine's SQLite database directly.
void BM_RelationalReadHeavy(benchmark::State& state) {
  const kvlab::model::Project project = dynamoProject(kItems, 95, 2000);
  std::uint64_t seed = 1;
  std::int64_t requests = 0;
  for (auto _ : state) requests += simulateRequests(project, prices(), 10, seed++, "relational");
  state.counters["requests/s"] =
      benchmark::Counter(static_cast<double>(requests), benchmark::Counter::kIsRate);
}

void BM_RelationalReadHeavy_Baseline(benchmark::State& state) {
  const kvlab::model::Project project = dynamoProject(kItems, 95, 2000);
  RelationalBaseline baseline(project, prices());
  std::uint64_t seed = 1;
  std::int64_t requests = 0;
  for (auto _ : state) requests += baseline.run(10000, seed++);
  state.counters["requests/s"] =
      benchmark::Counter(static_cast<double>(requests), benchmark::Counter::kIsRate);
}

// The baseline of both dynamodb cases: zipfian keys looked up in a hash map.
void BM_DynamodbLookup_Baseline(benchmark::State& state) {
  static LookupBaseline baseline(kItems);
  constexpr std::int64_t kBatch = 100000;
  std::uint64_t seed = 1;
  std::int64_t lookups = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(baseline.run(kBatch, seed++));
    lookups += kBatch;
  }
  state.counters["requests/s"] =
      benchmark::Counter(static_cast<double>(lookups), benchmark::Counter::kIsRate);
}

void BM_ModelerGenerated(benchmark::State& state) {
  const kvlab::model::Project project = modelerProject(40, 120);
  std::int64_t proposals = 0;
  for (auto _ : state) proposals += proposeCount(project, prices());
  state.counters["proposals/s"] =
      benchmark::Counter(static_cast<double>(proposals), benchmark::Counter::kIsRate);
}

// The baseline of modeler-generated: one planDesign of the modeler's first proposal.
void BM_ModelerGenerated_Baseline(benchmark::State& state) {
  const kvlab::model::Project project = modelerProject(40, 120);
  const kvlab::model::Design first = firstProposal(project, prices());
  for (auto _ : state) benchmark::DoNotOptimize(planOnce(project, first, prices()));
  state.counters["plans/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_ModelerRubis(benchmark::State& state) {
  const kvlab::model::Project project = rubisProject();
  std::int64_t proposals = 0;
  for (auto _ : state) proposals += proposeCount(project, prices());
  state.counters["proposals/s"] =
      benchmark::Counter(static_cast<double>(proposals), benchmark::Counter::kIsRate);
}

void BM_ModelerRubis_Baseline(benchmark::State& state) {
  const kvlab::model::Project project = rubisProject();
  const kvlab::model::Design first = firstProposal(project, prices());
  for (auto _ : state) benchmark::DoNotOptimize(planOnce(project, first, prices()));
  state.counters["plans/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// The four engines of --engine all, on two threads and (the baseline) on one.
void parallelEngines(benchmark::State& state, unsigned threads) {
  const kvlab::model::Project project = dynamoProject(kItems, 95, 2000);
  std::uint64_t seed = 1;
  std::int64_t requests = 0;
  for (auto _ : state) requests += simulateEveryEngine(project, prices(), 5, seed++, threads);
  state.counters["requests/s"] =
      benchmark::Counter(static_cast<double>(requests), benchmark::Counter::kIsRate);
}
void BM_ParallelEngines(benchmark::State& state) { parallelEngines(state, 2); }
void BM_ParallelEngines_Baseline(benchmark::State& state) { parallelEngines(state, 1); }

// Two independent runs on two threads; the baseline runs the same two one after the other.
void BM_ParallelDynamodb(benchmark::State& state) {
  const kvlab::model::Project project = dynamoProject(kItems, 95, kRequestsPerSecond);
  std::uint64_t seed = 1;
  std::int64_t requests = 0;
  for (auto _ : state) {
    std::int64_t a = 0;
    std::thread other([&] { a = simulateRequests(project, prices(), kVirtualSeconds, seed); });
    const std::int64_t b = simulateRequests(project, prices(), kVirtualSeconds, seed + 1);
    other.join();
    requests += a + b;
    seed += 2;
  }
  state.counters["requests/s"] =
      benchmark::Counter(static_cast<double>(requests), benchmark::Counter::kIsRate);
}

void BM_ParallelDynamodb_Baseline(benchmark::State& state) {
  const kvlab::model::Project project = dynamoProject(kItems, 95, kRequestsPerSecond);
  std::uint64_t seed = 1;
  std::int64_t requests = 0;
  for (auto _ : state) {
    requests += simulateRequests(project, prices(), kVirtualSeconds, seed);
    requests += simulateRequests(project, prices(), kVirtualSeconds, seed + 1);
    seed += 2;
  }
  state.counters["requests/s"] =
      benchmark::Counter(static_cast<double>(requests), benchmark::Counter::kIsRate);
}

}  // namespace

BENCHMARK(BM_DynamodbReadHeavy)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DynamodbWriteHeavy)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DynamodbThrottleStorm)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DynamodbLookup_Baseline)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CacheReadHeavy)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RelationalReadHeavy)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RelationalReadHeavy_Baseline)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ModelerRubis)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ModelerRubis_Baseline)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ModelerGenerated)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ModelerGenerated_Baseline)->Unit(benchmark::kMillisecond);
// Wall time, not the main thread's CPU time: the point is the second thread.
BENCHMARK(BM_ParallelDynamodb)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ParallelDynamodb_Baseline)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ParallelEngines)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ParallelEngines_Baseline)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
