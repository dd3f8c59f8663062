#include "simulator/engines/relational/relational_engine.h"

#include <algorithm>
#include <cmath>

#include "model/design/item_estimate.h"
#include "simulator/core/workload_setup.h"

namespace kvlab::sim {
namespace {

constexpr std::uint32_t kServiceEndEvent = kFirstEngineEventKind;
constexpr std::uint32_t kReleaseEvent = kFirstEngineEventKind + 1;
constexpr std::uint32_t kConnectionTimeoutEvent = kFirstEngineEventKind + 2;
constexpr int kConnectionTimeoutReason = 0;

}  // namespace

RelationalEngine::RelationalEngine(RelationalOptions options) : options_(std::move(options)) {}
RelationalEngine::~RelationalEngine() = default;

std::vector<std::string> RelationalEngine::throttleReasons() const { return {"ConnectionTimeout"}; }

Status RelationalEngine::prepare(const EngineInput& input, std::vector<PatternLoad>& loads) {
  input_ = &input;
  const std::filesystem::path profilePath = options_.profilePath.empty()
                                                ? RelationalProfile::defaultPath()
                                                : std::filesystem::path(options_.profilePath);
  if (Status s = RelationalProfile::load(profilePath, profile_); !s.ok()) return s;
  const std::string instanceName =
      options_.instance.empty() ? profile_.defaultInstance : options_.instance;
  instance_ = profile_.findInstance(instanceName);
  if (!instance_) {
    std::string known;
    for (const DatabaseInstance& i : profile_.instances)
      known += (known.empty() ? "" : ", ") + i.name;
    return Status::Error("relational: unknown instance '" + instanceName + "' (" + profile_.file +
                         " has " + known + ")");
  }
  const int cores = options_.cores > 0 ? options_.cores : instance_->vcpus;
  const int connections =
      options_.connections > 0 ? options_.connections : profile_.poolConnections;
  server_ = std::make_unique<ServerQueue>(cores, connections);
  roundTrip_ = fromMillis(options_.roundTripMillis.value_or(profile_.networkRoundTripMillis));
  connectionTimeout_ =
      fromMillis(options_.connectionTimeoutMillis.value_or(profile_.connectionTimeoutMillis));
  serviceRandom_ = Random::forStream(input.seed, Random::streamIdOf("relational:service"));

  const model::Project& project = input.project;
  schema_ = model::deriveRelationalSchema(project);
  for (const std::string& note : schema_.notes) notes_.push_back("schema: " + note);
  dataset_ = std::make_unique<RelationalDataset>(project, schema_, options_.maxRowsPerTable);
  if (dataset_->scale() < 1) {
    notes_.push_back("tables hold " + std::to_string(dataset_->scale() * 100).substr(0, 6) +
                     "% of the project's rows (rows=" + std::to_string(options_.maxRowsPerTable) +
                     "); the work of reads that touch many rows per key is scaled up to full size");
  }

  std::string error;
  database_ = SqliteDatabase::open(&error);
  if (!database_) return Status::Error("relational: " + error);
  if (Status s = database_->execute(model::tablesDdl(schema_, model::SqlDialect::SQLite));
      !s.ok()) {
    return Status::Error("relational: creating the schema: " + s.message());
  }
  for (const model::SqlTable& table : schema_.tables) {
    if (Status s = database_->load(table, *dataset_, dataset_->rows(table.name)); !s.ok()) {
      return Status::Error("relational: " + s.message());
    }
  }
  // Indexes after the rows, as a bulk load does; then the query planner's statistics.
  if (Status s = database_->execute(model::indexesDdl(schema_)); !s.ok()) {
    return Status::Error("relational: creating the indexes: " + s.message());
  }
  database_->execute("ANALYZE");

  for (const model::AccessPattern& pattern : project.accessPatterns) {
    const double mean = pattern.rate ? pattern.rate->mean : 0;
    const double peak = pattern.rate ? pattern.rate->peakOrMean() : 0;
    if (mean <= 0 && peak <= 0) {
      notes_.push_back("pattern " + pattern.id + " has no rate: not simulated");
      continue;
    }
    const model::PatternSql sql =
        model::patternSql(project, schema_, pattern, model::SqlDialect::SQLite);
    if (sql.unsupported) {
      notes_.push_back("pattern " + pattern.id + " cannot run on the relational schema: " +
                       *sql.unsupported + "; not simulated");
      continue;
    }
    Route route;
    route.patternId = pattern.id;
    route.write = pattern.isWrite();
    route.transaction = sql.transaction;
    route.workFactor = dataset_->workFactor(project, pattern);
    std::vector<model::SqlParameter> keyParameters;
    for (const model::SqlStatement& statement : sql.statements) {
      PreparedStatement prepared;
      prepared.id = database_->prepare(statement.text, &error);
      if (prepared.id < 0) return Status::Error("relational: pattern " + pattern.id + ": " + error);
      prepared.parameters = statement.parameters;
      prepared.write = statement.write;
      route.statements.push_back(std::move(prepared));
      keyParameters.insert(keyParameters.end(), statement.parameters.begin(),
                           statement.parameters.end());
    }
    PatternLoad load;
    load.patternId = pattern.id;
    load.keyCount = std::max<std::int64_t>(1, dataset_->keyCount(keyParameters));
    route.keyParameters = std::move(keyParameters);
    load.keys = keyDistributionOf(pattern.keyDistribution);
    load.meanRate = mean;
    load.peakRate = std::max(mean, peak);
    if (!makeKeyGenerator(load.keys, load.keyCount, &error)) {
      notes_.push_back("pattern " + pattern.id + ": the " + load.keys.kind +
                       " distribution cannot draw from " + std::to_string(load.keyCount) +
                       " key(s) (" + error + "); uniform used");
      load.keys = KeyDistribution{};
    }
    patternIds_.push_back(pattern.id);
    routes_.push_back(std::move(route));
    loads.push_back(std::move(load));
  }
  return Status::Ok();
}

void RelationalEngine::onRequest(const Request& request, EngineContext& context) {
  submit(request, request.pattern, *this, context);
}

void RelationalEngine::submit(const Request& request, std::uint64_t tag,
                              RelationalCompletion& completion, EngineContext& context) {
  std::uint32_t slot;
  if (!freeSlots_.empty()) {
    slot = freeSlots_.back();
    freeSlots_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(inFlight_.size());
    inFlight_.emplace_back();
  }
  InFlight& f = inFlight_[slot];
  f = InFlight{};
  f.active = true;
  f.pattern = request.pattern;
  f.key = request.key;
  f.arrival = context.now();
  f.tag = tag;
  f.completion = &completion;
  if (server_->acquireConnection(slot)) {
    toCore(slot, context);
  } else {
    f.waitingForConnection = true;
    context.schedule(context.now() + connectionTimeout_, kConnectionTimeoutEvent, slot,
                     static_cast<std::uint64_t>(f.arrival));
  }
}

VirtualTime RelationalEngine::runStatements(InFlight& request) {
  Route& route = routes_[request.pattern];
  StatementWork work;
  int writes = 0;
  if (route.transaction) database_->execute("BEGIN");
  for (const PreparedStatement& statement : route.statements) {
    dataset_->bind(statement.parameters, route.keyParameters, request.key, route.newRows, values_);
    if (statement.write) ++route.newRows;
    if (statement.write) ++writes;
    if (Status s = database_->run(statement.id, values_, work); !s.ok()) {
      if (failedStatements_++ == 0) firstStatementError_ = route.patternId + ": " + s.message();
    }
  }
  if (route.transaction) database_->execute("COMMIT");

  const double statements =
      static_cast<double>(route.statements.size()) + (route.transaction ? 2.0 : 0.0);
  double micros =
      options_.serviceTimeMillis
          ? *options_.serviceTimeMillis * 1e3
          : profile_.statementMicros * statements + profile_.writeStatementMicros * writes +
                profile_.perVmStepMicros * static_cast<double>(work.vmSteps) * route.workFactor;
  if (options_.exponentialService) micros *= -std::log1p(-serviceRandom_.nextDouble());
  request.afterService = (writes > 0 ? fromMillis(profile_.commitFlushMillis) : 0) +
                         roundTrip_ * static_cast<VirtualTime>(statements - 1);
  return std::max<VirtualTime>(1, static_cast<VirtualTime>(std::llround(micros)));
}

void RelationalEngine::runStatementsDirectly(std::uint32_t pattern, std::int64_t key) {
  InFlight request;
  request.pattern = pattern;
  request.key = key;
  runStatements(request);
}

void RelationalEngine::toCore(std::uint32_t slot, EngineContext& context) {
  InFlight& f = inFlight_[slot];
  f.waitingForConnection = false;
  f.service = runStatements(f);
  if (server_->acquireCore(slot, context.now())) startService(slot, context);
}

void RelationalEngine::startService(std::uint32_t slot, EngineContext& context) {
  context.schedule(context.now() + inFlight_[slot].service, kServiceEndEvent, slot, 0);
}

void RelationalEngine::onEvent(const Event& event, EngineContext& context) {
  const auto slot = static_cast<std::uint32_t>(event.a);
  switch (event.kind) {
    case kServiceEndEvent: {
      if (auto next = server_->releaseCore(context.now())) startService(*next, context);
      const VirtualTime after = inFlight_[slot].afterService;
      if (after > 0) {
        context.schedule(context.now() + after, kReleaseEvent, slot, 0);
      } else {
        end(slot, true, context);
      }
      break;
    }
    case kReleaseEvent:
      end(slot, true, context);
      break;
    case kConnectionTimeoutEvent: {
      InFlight& f = inFlight_[slot];
      if (!f.active || !f.waitingForConnection ||
          static_cast<std::uint64_t>(f.arrival) != event.b) {
        break;
      }
      server_->abandonConnectionWait(slot);
      if (f.completion == this) {
        context.metrics().recordThrottle(f.pattern, kConnectionTimeoutReason, true);
      }
      f.active = false;
      RelationalCompletion* completion = f.completion;
      const std::uint64_t tag = f.tag;
      const VirtualTime latency = context.now() - f.arrival + roundTrip_;
      freeSlots_.push_back(slot);
      completion->relationalDone(tag, latency, false, context);
      break;
    }
    default:
      break;
  }
}

void RelationalEngine::end(std::uint32_t slot, bool succeeded, EngineContext& context) {
  InFlight& f = inFlight_[slot];
  f.active = false;
  RelationalCompletion* completion = f.completion;
  const std::uint64_t tag = f.tag;
  const VirtualTime latency = context.now() - f.arrival + roundTrip_;
  freeSlots_.push_back(slot);
  if (auto next = server_->releaseConnection()) toCore(*next, context);
  completion->relationalDone(tag, latency, succeeded, context);
}

void RelationalEngine::relationalDone(std::uint64_t pattern, VirtualTime latency, bool succeeded,
                                      EngineContext& context) {
  const auto p = static_cast<std::uint32_t>(pattern);
  if (succeeded) {
    context.metrics().recordSuccess(p, latency, 0);
  } else {
    context.metrics().recordFailure(p, latency, 0);
  }
}

void RelationalEngine::onSecond(std::int64_t second, EngineContext& context) {
  (void)second;
  (void)context;
}

ServerReport RelationalEngine::serverReport(VirtualTime now, double bucketSeconds,
                                            double durationSeconds) {
  ServerReport report;
  report.name = "relational";
  report.instance = instance_ ? instance_->name : "";
  report.cores = server_->cores();
  report.connections = server_->connections();
  report.peakQueueLength = static_cast<double>(server_->peakWaitingForCore());
  const std::vector<double> busy = server_->busyCoreSecondsBySecond(now);
  const auto perBucket =
      std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(bucketSeconds)));
  double withinDuration = 0;
  for (std::size_t s = 0; s < busy.size(); ++s) {
    report.busyCoreSeconds += busy[s];
    if (static_cast<double>(s) < durationSeconds) withinDuration += busy[s];
    if (s % perBucket == 0) report.utilizationByBucket.push_back(0);
    report.utilizationByBucket.back() += busy[s] / (report.cores * static_cast<double>(perBucket));
  }
  report.utilization = withinDuration / (report.cores * std::max(1e-9, durationSeconds));
  return report;
}

double RelationalEngine::monthlyInstanceCost() const {
  return instance_ ? instance_->hourly * input_->prices.hoursPerMonth : 0;
}

double RelationalEngine::monthlyStorageCost() const {
  double bytes = 0;
  for (const model::SqlTable& table : schema_.tables) {
    const model::Entity* entity = input_->project.findEntity(table.entity);
    const double rows = entity
                            ? model::entityCount(*entity)
                            : static_cast<double>(dataset_->rows(table.name)) / dataset_->scale();
    auto columnBytes = [&](const std::string& column) -> double {
      const model::SqlColumn* c = table.findColumn(column);
      const model::Entity* source = c ? input_->project.findEntity(c->sourceEntity) : nullptr;
      const model::Attribute* a = source ? source->findAttribute(c->sourceAttribute) : nullptr;
      return a ? static_cast<double>(model::valueBytes(*a)) : 16.0;
    };
    double row = profile_.rowOverheadBytes;
    for (const model::SqlColumn& c : table.columns) row += columnBytes(c.name);
    bytes += rows * row;
    double key = profile_.indexEntryOverheadBytes;
    for (const std::string& k : table.primaryKey) key += columnBytes(k);
    bytes += rows * key;
    for (const model::SqlIndex& index : schema_.indexes) {
      if (index.table != table.name) continue;
      double entry = profile_.indexEntryOverheadBytes;
      for (const std::string& c : index.columns) entry += columnBytes(c);
      bytes += rows * entry;
    }
  }
  return std::max(profile_.minimumStorageGb, bytes / 1e9) * profile_.storageGbMonth;
}

std::size_t RelationalEngine::memoryBytes() const {
  std::size_t bytes = inFlight_.capacity() * sizeof(InFlight) +
                      freeSlots_.capacity() * sizeof(std::uint32_t) +
                      values_.capacity() * sizeof(SqlValue);
  if (database_) bytes += database_->memoryBytes();
  return bytes;
}

void RelationalEngine::finish(EngineContext& context, RunResult& result) {
  std::int64_t unfinished = 0;
  for (std::uint32_t slot = 0; slot < inFlight_.size(); ++slot) {
    InFlight& f = inFlight_[slot];
    if (!f.active) continue;
    ++unfinished;
    f.active = false;
    f.completion->relationalDone(f.tag, context.now() - f.arrival, false, context);
  }
  if (unfinished > 0) {
    result.notes.push_back(std::to_string(unfinished) +
                           " request(s) were still queued or running when the run ended: counted "
                           "as failed");
  }
  if (failedStatements_ > 0) {
    result.notes.push_back(std::to_string(failedStatements_) +
                           " statement(s) failed in SQLite; the first: " + firstStatementError_);
  }
  for (const std::string& note : notes_) result.notes.push_back(note);
  result.servers.push_back(
      serverReport(context.now(), result.bucketSeconds, input_->durationSeconds));
  CostReport& cost = result.monthlyCost;
  cost.capacityMode = "instance";
  cost.priceSheet =
      std::filesystem::path(profile_.file).filename().string() + " (" + profile_.effective + ")";
  cost.instances = monthlyInstanceCost();
  cost.storage = monthlyStorageCost();
  cost.total = cost.instances + cost.storage;
}

}  // namespace kvlab::sim
