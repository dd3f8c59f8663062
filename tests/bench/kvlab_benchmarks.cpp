// The cases of `kvlab bench` (app/cli/bench_command.cpp) as Google Benchmark functions; each
// baseline is a benchmark of its own, so compare BM_X with BM_X_Baseline. docs/performance.md.
#include <benchmark/benchmark.h>

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

void simulate(benchmark::State& state, int readPercent) {
  const kvlab::model::Project project = dynamoProject(kItems, readPercent, kRequestsPerSecond);
  std::uint64_t seed = 1;
  std::int64_t requests = 0;
  for (auto _ : state) requests += simulateRequests(project, prices(), kVirtualSeconds, seed++);
  state.counters["requests/s"] =
      benchmark::Counter(static_cast<double>(requests), benchmark::Counter::kIsRate);
}

void BM_DynamodbReadHeavy(benchmark::State& state) { simulate(state, 95); }
void BM_DynamodbWriteHeavy(benchmark::State& state) { simulate(state, 50); }

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
BENCHMARK(BM_DynamodbLookup_Baseline)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ModelerGenerated)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ModelerGenerated_Baseline)->Unit(benchmark::kMillisecond);
// Wall time, not the main thread's CPU time: the point is the second thread.
BENCHMARK(BM_ParallelDynamodb)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ParallelDynamodb_Baseline)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
