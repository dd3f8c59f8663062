#include "app/cli/bench_cases.h"

#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "model/design/planner.h"
#include "model/io/project_json.h"
#include "model/modeler/modeler.h"
#include "model/schema/project_validator.h"
#include "simulator/core/runner.h"
#include "simulator/engines/engine_registry.h"
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

std::int64_t simulateRequests(const model::Project& project,
                              const model::capacity::PriceSheet& prices, double virtualSeconds,
                              std::uint64_t seed) {
  const model::Design& design = project.designs.front();
  const model::DesignPlan plan = model::planDesign(project, design, prices);
  std::string error;
  std::unique_ptr<sim::Engine> engine = sim::createEngine("dynamodb", {}, &error);
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
