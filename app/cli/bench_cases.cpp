#include "app/cli/bench_cases.h"

#include <malloc.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "model/capacity/price_sheet.h"
#include "model/design/planner.h"
#include "model/io/project_json.h"
#include "model/modeler/modeler.h"
#include "model/schema/project_validator.h"
#include "simulator/core/parallel_runs.h"
#include "simulator/core/runner.h"
#include "simulator/engines/dynamodb/dynamodb_engine.h"
#include "simulator/engines/engine_registry.h"
#include "simulator/engines/relational/relational_engine.h"
#include "simulator/workload/key_distribution.h"
#include "simulator/workload/random.h"

namespace kvlab::cli::bench {
namespace {

model::Project readValid(const std::string& text) {
  model::ProjectReadResult read = model::readProjectJson(text, "<bench>");
  model::Diagnostics diagnostics = read.diagnostics;
  if (read.parsed) model::validateProject(read.project, "<bench>", diagnostics);
  if (!read.parsed || diagnostics.hasErrors()) {
    std::string messages;
    for (const auto& d : diagnostics.items()) messages += "\n" + d.message;
    throw std::runtime_error("bench: the generated project is invalid:" + messages);
  }
  return std::move(read.project);
}

// The process's resident set in bytes (Linux: /proc/self/statm's second field, in pages).
double residentBytes() {
  std::ifstream statm("/proc/self/statm");
  double size = 0;
  double resident = 0;
  statm >> size >> resident;
  return resident * static_cast<double>(sysconf(_SC_PAGESIZE));
}

}  // namespace

model::Project dynamoProject(std::int64_t items, int readPercent, double requestsPerSecond) {
  const double reads = requestsPerSecond * readPercent / 100.0;
  const double writes = requestsPerSecond - reads;
  std::ostringstream json;
  json << R"({"format": "kvlab/1", "name": "bench", "entities": [)"
       << R"({"name": "Item", "identifier": ["itemId"], "count": )" << items
       << R"(, "attributes": [{"name": "itemId", "type": "S", "size": 12},)"
       << R"({"name": "payload", "type": "S", "size": 200}]}],)"
       << R"("accessPatterns": [)"
       << R"({"id": "GET", "name": "Get an item", "action": "get", "entities": ["Item"],)"
       << R"( "equals": ["itemId"], "rate": {"mean": )" << reads << R"(, "peak": )" << reads
       << R"(}, "keyDistribution": {"kind": "zipfian", "theta": 0.99}},)"
       << R"({"id": "PUT", "name": "Put an item", "action": "put", "entities": ["Item"],)"
       << R"( "rate": {"mean": )" << writes << R"(, "peak": )" << writes
       << R"(}, "keyDistribution": {"kind": "zipfian", "theta": 0.99}}],)"
       << R"("designs": [{"name": "bench", "table": {"name": "Bench", "pk": "PK", "sk": "SK"},)"
       << R"( "entityKeys": {"Item": {"PK": "ITEM#{itemId}", "SK": "ITEM"}}, "gsis": []}]})";
  return readValid(json.str());
}

model::Project modelerProject(int entities, int patterns) {
  std::ostringstream json;
  json << R"({"format": "kvlab/1", "name": "bench-modeler", "entities": [)";
  for (int e = 0; e < entities; ++e) {
    json << (e ? "," : "") << R"({"name": "E)" << e << R"(", "identifier": ["id)" << e
         << R"("], "count": )" << 1000 * (e + 1) << R"(, "attributes": [{"name": "id)" << e
         << R"(", "type": "S", "size": 12}, {"name": "group)" << e
         << R"(", "type": "S", "size": 10, "distinct": 50}, {"name": "at)" << e
         << R"(", "type": "S", "format": "iso8601"}, {"name": "body)" << e
         << R"(", "type": "S", "size": 100}]})";
  }
  json << R"(], "accessPatterns": [)";
  for (int p = 0; p < patterns; ++p) {
    const int e = p % entities;
    const int kind = (p / entities) % 3;
    json << (p ? "," : "") << R"({"id": "AP)" << p << R"(", "name": "pattern )" << p
         << R"(", "entities": ["E)" << e << R"("], )";
    if (kind == 0) {
      json << R"("action": "get", "equals": ["id)" << e << R"("])";
    } else if (kind == 1) {
      json << R"("action": "query", "equals": ["group)" << e << R"("], "sortBy": "at)" << e
           << R"(", "order": "desc", "limit": 20)";
    } else {
      json << R"("action": "put")";
    }
    json << R"(, "rate": {"mean": )" << 10 + p << R"(, "peak": )" << 20 + 2 * p << "}}";
  }
  json << "]}";
  return readValid(json.str());
}

model::capacity::PriceSheet defaultPrices() {
  auto load = model::capacity::PriceSheet::load(model::capacity::defaultPriceSheetPath());
  if (!load.ok()) throw std::runtime_error("bench: cannot read the default price sheet");
  return std::move(*load.sheet);
}

sim::EngineSettings warmTable() { return {{"warm-read", "60000"}, {"warm-write", "60000"}}; }

model::Project rubisProject() {
  const std::filesystem::path path = model::capacity::dataDirectory() / "models/rubis.kvlab.json";
  std::ifstream file(path);
  if (!file) throw std::runtime_error("bench: cannot read " + path.string());
  std::ostringstream text;
  text << file.rdbuf();
  return readValid(text.str());
}

std::int64_t simulateRequests(const model::Project& project,
                              const model::capacity::PriceSheet& prices, double virtualSeconds,
                              std::uint64_t seed, const std::string& engineName,
                              const sim::EngineSettings& settings) {
  const model::Design& design = project.designs.front();
  const model::DesignPlan plan = model::planDesign(project, design, prices);
  std::string error;
  std::unique_ptr<sim::Engine> engine = sim::createEngine(engineName, settings, &error);
  if (!engine) throw std::runtime_error("bench: " + error);
  sim::RunOptions options;
  options.seed = seed;
  options.durationSeconds = virtualSeconds;
  sim::Runner runner(options);
  const sim::EngineInput input{project, design, plan, prices, seed, virtualSeconds};
  sim::RunOutcome outcome = runner.run(*engine, input);
  if (!outcome.status.ok()) throw std::runtime_error("bench: " + outcome.status.message());
  return outcome.result.requests;
}

struct LookupBaseline::State {
  std::unordered_map<std::int64_t, std::uint64_t> table;
  std::unique_ptr<sim::KeyGenerator> keys;
};

LookupBaseline::LookupBaseline(std::int64_t items) : state_(std::make_unique<State>()) {
  state_->table.reserve(static_cast<std::size_t>(items));
  for (std::int64_t i = 0; i < items; ++i)
    state_->table.emplace(i, static_cast<std::uint64_t>(i) * 0x9E3779B97F4A7C15ull);
  sim::KeyDistribution zipfian;
  zipfian.kind = "zipfian";
  zipfian.theta = 0.99;
  std::string error;
  state_->keys = sim::makeKeyGenerator(zipfian, items, &error);
  if (!state_->keys) throw std::runtime_error("bench: " + error);
}

LookupBaseline::~LookupBaseline() = default;

std::uint64_t LookupBaseline::run(std::int64_t count, std::uint64_t seed) {
  sim::Random random = sim::Random::forStream(seed, sim::Random::streamIdOf("keys:GET"));
  std::uint64_t sum = 0;
  for (std::int64_t i = 0; i < count; ++i) {
    const auto found = state_->table.find(state_->keys->next(random));
    if (found != state_->table.end()) sum += found->second;
  }
  return sum;
}

std::int64_t simulateEveryEngine(const model::Project& project,
                                 const model::capacity::PriceSheet& prices, double virtualSeconds,
                                 std::uint64_t seed, unsigned threads) {
  const std::vector<sim::EngineInfo>& engines = sim::registeredEngines();
  std::vector<std::int64_t> requests(engines.size(), 0);
  sim::runJobs(engines.size(), threads, [&](std::size_t e) {
    requests[e] =
        simulateRequests(project, prices, virtualSeconds, seed, std::string(engines[e].name));
  });
  std::int64_t total = 0;
  for (const std::int64_t n : requests) total += n;
  return total;
}

struct RelationalBaseline::State {
  model::Project project;
  model::DesignPlan plan;
  std::unique_ptr<sim::RelationalEngine> engine;
  std::unique_ptr<sim::EngineInput> input;
  std::vector<sim::PatternLoad> loads;
  std::vector<std::unique_ptr<sim::KeyGenerator>> keys;  // per load
  std::vector<double> cumulativeShare;                   // of the mean rates, per load
};

RelationalBaseline::RelationalBaseline(const model::Project& project,
                                       const model::capacity::PriceSheet& prices)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.project = project;
  const model::Design& design = s.project.designs.front();
  s.plan = model::planDesign(s.project, design, prices);
  s.engine = std::make_unique<sim::RelationalEngine>();
  s.input = std::make_unique<sim::EngineInput>(
      sim::EngineInput{s.project, design, s.plan, prices, 1, 1.0});
  if (Status status = s.engine->prepare(*s.input, s.loads); !status.ok())
    throw std::runtime_error("bench: relational: " + status.message());
  double total = 0;
  for (const sim::PatternLoad& load : s.loads) total += load.meanRate;
  double sum = 0;
  for (const sim::PatternLoad& load : s.loads) {
    std::string error;
    s.keys.push_back(sim::makeKeyGenerator(load.keys, load.keyCount, &error));
    if (!s.keys.back()) throw std::runtime_error("bench: " + error);
    sum += load.meanRate;
    s.cumulativeShare.push_back(sum / total);
  }
  if (s.loads.empty()) throw std::runtime_error("bench: relational: no pattern to run");
}

RelationalBaseline::~RelationalBaseline() = default;

std::int64_t RelationalBaseline::run(std::int64_t count, std::uint64_t seed) {
  State& s = *state_;
  sim::Random random = sim::Random::forStream(seed, sim::Random::streamIdOf("bench:relational"));
  for (std::int64_t i = 0; i < count; ++i) {
    const double u = random.nextDouble();
    std::uint32_t pattern = 0;
    while (pattern + 1 < s.cumulativeShare.size() && u >= s.cumulativeShare[pattern]) ++pattern;
    s.engine->runStatementsDirectly(pattern, s.keys[pattern]->next(random));
  }
  return count;
}

MemoryUse measureDynamoMemory(const model::Project& project,
                              const model::capacity::PriceSheet& prices) {
  const model::Design& design = project.designs.front();
  const model::DesignPlan plan = model::planDesign(project, design, prices);
  MemoryUse use;
  for (const model::Entity& entity : project.entities) use.items += entity.count.value_or(0);
  for (const model::ItemEstimate& item : plan.items) {
    for (const model::Entity& entity : project.entities) {
      if (entity.name == item.entity)
        use.payloadBytes +=
            static_cast<double>(item.averageBytes) * static_cast<double>(entity.count.value_or(0));
    }
  }
  sim::DynamoDbOptions options;
  options.maxStoredItems = std::max<std::int64_t>(options.maxStoredItems, use.items);
  malloc_trim(0);
  const double before = residentBytes();
  {
    sim::DynamoDbEngine engine(options);
    const sim::EngineInput input{project, design, plan, prices, 1, 1.0};
    std::vector<sim::PatternLoad> loads;
    if (Status status = engine.prepare(input, loads); !status.ok())
      throw std::runtime_error("bench: dynamodb: " + status.message());
    use.residentBytes = residentBytes() - before;
    use.engineBytes = static_cast<double>(engine.memoryBytes());
  }
  malloc_trim(0);
  return use;
}

int proposeCount(const model::Project& project, const model::capacity::PriceSheet& prices) {
  const model::ModelerResult result = model::proposeDesigns(project, prices);
  if (!result.error.empty()) throw std::runtime_error("bench: modeler: " + result.error);
  if (result.proposals.empty()) throw std::runtime_error("bench: the modeler proposed nothing");
  return static_cast<int>(result.proposals.size());
}

model::Design firstProposal(const model::Project& project,
                            const model::capacity::PriceSheet& prices) {
  const model::ModelerResult result = model::proposeDesigns(project, prices);
  if (!result.error.empty()) throw std::runtime_error("bench: modeler: " + result.error);
  if (result.proposals.empty()) throw std::runtime_error("bench: the modeler proposed nothing");
  return result.proposals.front().design;
}

std::size_t planOnce(const model::Project& project, const model::Design& design,
                     const model::capacity::PriceSheet& prices) {
  return model::planDesign(project, design, prices).patterns.size();
}

}  // namespace kvlab::cli::bench
