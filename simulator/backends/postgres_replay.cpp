#include "simulator/backends/postgres_replay.h"

#include <libpq-fe.h>
#include <sys/select.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "model/relational/relational_schema.h"
#include "simulator/backends/replay_arrivals.h"
#include "simulator/core/workload_setup.h"
#include "simulator/engines/relational/relational_dataset.h"
#include "simulator/metrics/run_metrics.h"

namespace kvlab::sim {
namespace {

struct ConnectionCloser {
  void operator()(PGconn* c) const { PQfinish(c); }
};
using Connection = std::unique_ptr<PGconn, ConnectionCloser>;

// One step of a request: a prepared statement (with its values) or plain text (BEGIN, COMMIT).
struct Step {
  std::string preparedName;
  std::string text;
  std::vector<model::SqlParameter> parameters;
  bool write = false;
};

struct Route {
  std::string patternId;
  std::vector<Step> steps;
  std::vector<model::SqlParameter> keyParameters;
  std::int64_t newRows = 0;
};

using Arrival = ReplayArrival;

struct Busy {
  bool active = false;
  Arrival request;
  std::size_t step = 0;
  std::int64_t newRow = 0;
  bool failed = false;
};

std::string messageOf(PGconn* c) {
  std::string m = PQerrorMessage(c);
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m;
}

// Runs `sql` (no parameters, maybe several statements) to the end; the server's error if any.
std::string run(PGconn* c, const std::string& sql) {
  PGresult* r = PQexec(c, sql.c_str());
  const ExecStatusType status = PQresultStatus(r);
  std::string error;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    error = PQresultErrorMessage(r);
    while (!error.empty() && error.back() == '\n') error.pop_back();
  }
  PQclear(r);
  return error;
}

std::vector<const char*> pointersOf(const std::vector<SqlValue>& values,
                                    std::vector<std::string>& texts) {
  texts.clear();
  for (const SqlValue& v : values) texts.push_back(v.asText());
  std::vector<const char*> pointers;
  for (std::size_t i = 0; i < values.size(); ++i) {
    pointers.push_back(values[i].type == SqlValue::Type::Null ? nullptr : texts[i].c_str());
  }
  return pointers;
}

}  // namespace

RunOutcome replayOnPostgres(const model::Project& project, const PostgresReplayOptions& options,
                            const std::function<void(const RunProgress&)>& progress,
                            const std::atomic<bool>* cancel) {
  RunOutcome outcome;
  RunResult& result = outcome.result;
  auto fail = [&](const std::string& message) {
    outcome.status = Status::Error("postgres (" + options.connection + "): " + message);
    outcome.result = RunResult{};
    return outcome;
  };
  if (options.connections < 1 || options.connections > 1000) {
    return fail("the pool needs 1 to 1000 connections");
  }
  if (!(options.durationSeconds > 0)) return fail("the duration must be positive");

  // The pool; the first connection also sets up the schema and the rows.
  std::vector<Connection> pool;
  for (int i = 0; i < options.connections; ++i) {
    Connection c(PQconnectdb(options.connection.c_str()));
    if (PQstatus(c.get()) != CONNECTION_OK) return fail("cannot connect: " + messageOf(c.get()));
    // The server's notices (DROP ... CASCADE lists what it drops) are not the user's business.
    PQsetNoticeProcessor(
        c.get(), [](void*, const char*) {}, nullptr);
    pool.push_back(std::move(c));
  }
  PGconn* admin = pool.front().get();
  const std::string schemaName = "kvlab_replay_" + std::to_string(options.seed);
  const model::RelationalSchema schema = model::deriveRelationalSchema(project);
  const RelationalDataset dataset(project, schema, options.maxRowsPerTable);
  if (std::string e = run(
          admin, "DROP SCHEMA IF EXISTS " + schemaName + " CASCADE; CREATE SCHEMA " + schemaName);
      !e.empty()) {
    return fail("cannot create schema " + schemaName + ": " + e);
  }
  for (auto& c : pool) {
    if (std::string e = run(c.get(), "SET search_path TO " + schemaName); !e.empty())
      return fail(e);
  }
  auto dropSchema = [&] {
    if (!options.keepSchema) run(admin, "DROP SCHEMA IF EXISTS " + schemaName + " CASCADE");
  };
  if (std::string e = run(admin, model::tablesDdl(schema, model::SqlDialect::PostgreSQL));
      !e.empty()) {
    dropSchema();
    return fail("creating the tables: " + e);
  }
  // The dataset, parents or not in any order: foreign keys are checked from the first request on.
  run(admin, "BEGIN; SET LOCAL session_replication_role = replica");
  std::vector<SqlValue> values;
  std::vector<std::string> texts;
  // Parents before children, so that a server that checks foreign keys at once (a role that may
  // not turn the checks off) takes the rows.
  std::vector<const model::SqlTable*> order;
  {
    std::vector<const model::SqlTable*> pending;
    for (const model::SqlTable& t : schema.tables) pending.push_back(&t);
    while (!pending.empty()) {
      auto ready = std::find_if(pending.begin(), pending.end(), [&](const model::SqlTable* t) {
        return std::all_of(t->foreignKeys.begin(), t->foreignKeys.end(), [&](const auto& fk) {
          return fk.referencedTable == t->name ||
                 std::any_of(order.begin(), order.end(), [&](const model::SqlTable* o) {
                   return o->name == fk.referencedTable;
                 });
        });
      });
      if (ready == pending.end()) ready = pending.begin();  // a cycle: its checks are off
      order.push_back(*ready);
      pending.erase(ready);
    }
  }
  for (const model::SqlTable* tablePointer : order) {
    const model::SqlTable& table = *tablePointer;
    std::string names;
    std::string marks;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      names += (i ? ", " : "") + model::quoteIdentifier(table.columns[i].name);
      marks += (i ? ", $" : "$") + std::to_string(i + 1);
    }
    const std::string insert = "INSERT INTO " + model::quoteIdentifier(table.name) + " (" + names +
                               ") VALUES (" + marks + ") ON CONFLICT DO NOTHING";
    for (std::int64_t row = 0; row < dataset.rows(table.name); ++row) {
      dataset.rowValues(table, row, values);
      const auto pointers = pointersOf(values, texts);
      PGresult* r = PQexecParams(admin, insert.c_str(), static_cast<int>(pointers.size()), nullptr,
                                 pointers.data(), nullptr, nullptr, 0);
      const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
      const std::string error = ok ? "" : PQresultErrorMessage(r);
      PQclear(r);
      if (!ok) {
        run(admin, "ROLLBACK");
        dropSchema();
        return fail("loading " + table.name + " row " + std::to_string(row) + ": " + error);
      }
    }
  }
  run(admin, "COMMIT");
  if (std::string e = run(admin, model::indexesDdl(schema) + "ANALYZE;"); !e.empty()) {
    dropSchema();
    return fail("creating the indexes: " + e);
  }

  // Each pattern's statements, prepared on every connection.
  std::vector<Route> routes;
  std::vector<std::string> ids;
  std::vector<ReplayPattern> mix;  // per route
  for (const model::AccessPattern& pattern : project.accessPatterns) {
    const double rate = (pattern.rate ? pattern.rate->mean : 0) * options.rateScale;
    if (rate <= 0) {
      result.notes.push_back("pattern " + pattern.id + " has no rate: not replayed");
      continue;
    }
    const model::PatternSql sql =
        model::patternSql(project, schema, pattern, model::SqlDialect::PostgreSQL);
    if (sql.unsupported) {
      result.notes.push_back("pattern " + pattern.id + ": " + *sql.unsupported + "; not replayed");
      continue;
    }
    Route route;
    route.patternId = pattern.id;
    if (sql.transaction) route.steps.push_back(Step{"", "BEGIN", {}, false});
    for (std::size_t i = 0; i < sql.statements.size(); ++i) {
      const std::string name = "kvlab_" + pattern.id + "_" + std::to_string(i + 1);
      for (auto& c : pool) {
        PGresult* r = PQprepare(c.get(), name.c_str(), sql.statements[i].text.c_str(), 0, nullptr);
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        const std::string error = ok ? "" : PQresultErrorMessage(r);
        PQclear(r);
        if (!ok) {
          dropSchema();
          return fail("pattern " + pattern.id + ": cannot prepare " + sql.statements[i].text +
                      ": " + error);
        }
      }
      route.steps.push_back(Step{name, sql.statements[i].text, sql.statements[i].parameters,
                                 sql.statements[i].write});
      route.keyParameters.insert(route.keyParameters.end(), sql.statements[i].parameters.begin(),
                                 sql.statements[i].parameters.end());
    }
    if (sql.transaction) route.steps.push_back(Step{"", "COMMIT", {}, false});

    mix.push_back(ReplayPattern{pattern.id, rate, keyDistributionOf(pattern.keyDistribution),
                                std::max<std::int64_t>(1, dataset.keyCount(route.keyParameters))});
    ids.push_back(pattern.id);
    routes.push_back(std::move(route));
  }
  // Arrivals and keys from streams of their own, as the simulator draws them.
  const ReplayArrivals drawn =
      openLoopArrivals(mix, options.seed, options.durationSeconds, options.maxRequests);
  const std::vector<Arrival>& arrivals = drawn.arrivals;
  if (drawn.capped) {
    result.notes.push_back("arrivals capped at " + std::to_string(options.maxRequests) +
                           " requests (max-requests), each pattern its share of the mix");
  }

  RunMetrics metrics;
  metrics.setup(ids, {}, kMicrosPerSecond);
  std::vector<Busy> busy(pool.size());
  std::deque<Arrival> waiting;
  std::size_t nextArrival = 0;
  std::int64_t inFlight = 0;
  std::int64_t statementErrors = 0;
  std::string firstError;
  std::int64_t bucketStart = 0;
  std::int64_t lastProgress = 0;
  const auto start = std::chrono::steady_clock::now();
  auto nowMicros = [&] {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                                 start)
        .count();
  };
  const std::int64_t end = static_cast<std::int64_t>(options.durationSeconds * 1e6);
  const std::int64_t deadline = end + static_cast<std::int64_t>(options.drainSeconds * 1e6);

  // Sends step `b.step` of its request on connection `c`.
  auto send = [&](std::size_t c, Busy& b) {
    Route& route = routes[b.request.pattern];
    const Step& step = route.steps[b.step];
    int ok;
    if (step.preparedName.empty()) {
      ok = PQsendQuery(pool[c].get(), step.text.c_str());
    } else {
      dataset.bind(step.parameters, route.keyParameters, b.request.key, b.newRow, values);
      if (step.write) ++b.newRow;
      const auto pointers = pointersOf(values, texts);
      ok = PQsendQueryPrepared(pool[c].get(), step.preparedName.c_str(),
                               static_cast<int>(pointers.size()), pointers.data(), nullptr, nullptr,
                               0);
    }
    if (!ok) {
      b.failed = true;
      if (statementErrors++ == 0) firstError = route.patternId + ": " + messageOf(pool[c].get());
    }
    return ok != 0;
  };
  auto finish = [&](std::size_t c, std::int64_t now) {
    Busy& b = busy[c];
    const VirtualTime latency = now - b.request.time;
    if (b.failed) {
      metrics.recordFailure(b.request.pattern, latency, 0);
    } else {
      metrics.recordSuccess(b.request.pattern, latency, 0);
    }
    b.active = false;
    --inFlight;
  };
  auto startOn = [&](std::size_t c, const Arrival& a) {
    Busy& b = busy[c];
    b = Busy{true, a, 0, routes[a.pattern].newRows, false};
    // New rows of writes get numbers of their own: a request takes as many as it has writes.
    for (const Step& s : routes[a.pattern].steps) routes[a.pattern].newRows += s.write ? 1 : 0;
    ++inFlight;
    if (!send(c, b)) finish(c, nowMicros());
  };

  bool cancelled = false;
  bool ranOut = false;
  while (true) {
    std::int64_t now = nowMicros();
    while (bucketStart + kMicrosPerSecond <= now && bucketStart < deadline) {
      metrics.closeBucket(bucketStart);
      bucketStart += kMicrosPerSecond;
    }
    if (now - lastProgress >= kMicrosPerSecond) {
      lastProgress = now;
      if (progress) progress(RunProgress{now / 1e6, options.durationSeconds, metrics.requests()});
      if (cancel && cancel->load()) {
        cancelled = true;
        break;
      }
    }
    if (options.closedLoop) {
      // Every free connection takes the next request of the mix now, until the duration ends.
      for (std::size_t c = 0; c < pool.size() && now < end && nextArrival < arrivals.size(); ++c) {
        if (busy[c].active) continue;
        Arrival a = arrivals[nextArrival++];
        a.time = now;  // its latency is its own round trip
        metrics.recordArrival(a.pattern);
        startOn(c, a);
      }
      if (now >= end) nextArrival = arrivals.size();  // the rest never arrive
      if (nextArrival == arrivals.size() && now < end && !ranOut) {
        ranOut = true;
        result.notes.push_back("closed loop: the generated requests ran out after " +
                               std::to_string(now / 1000) +
                               " ms; raise rate-scale= to keep the clients busy longer");
      }
    }
    while (!options.closedLoop && nextArrival < arrivals.size() &&
           arrivals[nextArrival].time <= now) {
      metrics.recordArrival(arrivals[nextArrival].pattern);
      waiting.push_back(arrivals[nextArrival++]);
    }
    for (std::size_t c = 0; c < pool.size() && !waiting.empty(); ++c) {
      if (busy[c].active) continue;
      const Arrival a = waiting.front();
      waiting.pop_front();
      startOn(c, a);
    }
    if (nextArrival == arrivals.size() && waiting.empty() && inFlight == 0) break;
    if (now > deadline) break;

    // Wait for a reply, or until the next arrival is due.
    fd_set readable;
    FD_ZERO(&readable);
    int highest = -1;
    for (std::size_t c = 0; c < pool.size(); ++c) {
      if (!busy[c].active) continue;
      const int fd = PQsocket(pool[c].get());
      FD_SET(fd, &readable);
      highest = std::max(highest, fd);
    }
    std::int64_t wait = 10000;
    if (nextArrival < arrivals.size() && !options.closedLoop) {
      wait = std::clamp<std::int64_t>(arrivals[nextArrival].time - now, 0, wait);
    }
    timeval timeout{static_cast<time_t>(wait / 1000000), static_cast<suseconds_t>(wait % 1000000)};
    select(highest + 1, highest >= 0 ? &readable : nullptr, nullptr, nullptr, &timeout);
    now = nowMicros();
    for (std::size_t c = 0; c < pool.size(); ++c) {
      Busy& b = busy[c];
      if (!b.active || !FD_ISSET(PQsocket(pool[c].get()), &readable)) continue;
      PGconn* conn = pool[c].get();
      if (!PQconsumeInput(conn)) {
        b.failed = true;
        if (statementErrors++ == 0)
          firstError = routes[b.request.pattern].patternId + ": " + messageOf(conn);
        finish(c, now);
        continue;
      }
      bool stepDone = false;
      while (!PQisBusy(conn)) {
        PGresult* r = PQgetResult(conn);
        if (!r) {
          stepDone = true;
          break;
        }
        const ExecStatusType status = PQresultStatus(r);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
          b.failed = true;
          if (statementErrors++ == 0) {
            firstError = routes[b.request.pattern].patternId + ": " + PQresultErrorMessage(r);
          }
        }
        PQclear(r);
      }
      if (!stepDone) continue;
      ++b.step;
      const bool more = b.step < routes[b.request.pattern].steps.size();
      if (more && !b.failed) {
        if (!send(c, b)) finish(c, now);
      } else {
        // A failed transaction is rolled back before the connection serves anyone else.
        if (b.failed && routes[b.request.pattern].steps.front().text == "BEGIN") {
          run(conn, "ROLLBACK");
        }
        finish(c, now);
      }
    }
  }

  // What is left has not finished in time.
  const std::int64_t now = nowMicros();
  std::int64_t unfinished = 0;
  for (std::size_t c = 0; c < pool.size(); ++c) {
    if (!busy[c].active) continue;
    PQrequestCancel(pool[c].get());
    metrics.recordFailure(busy[c].request.pattern, now - busy[c].request.time, 0);
    ++unfinished;
  }
  for (const Arrival& a : waiting) {
    metrics.recordFailure(a.pattern, now - a.time, 0);
    ++unfinished;
  }
  if (bucketStart < now) metrics.closeBucket(bucketStart);
  // Drain what the server still sends before the schema goes, and end the transactions the
  // drain cut short: a connection left inside one holds its locks, and DROP SCHEMA would wait
  // for them for ever.
  for (auto& c : pool) {
    while (PGresult* r = PQgetResult(c.get())) PQclear(r);
    if (PQtransactionStatus(c.get()) != PQTRANS_IDLE) run(c.get(), "ROLLBACK");
  }
  dropSchema();

  result.engine = "postgres";
  result.design = project.designs.empty() ? "" : project.designs.front().name;
  result.seed = options.seed;
  result.durationSeconds = options.durationSeconds;
  result.simulatedSeconds = static_cast<double>(now) / 1e6;
  result.bucketSeconds = 1;
  result.rate = options.closedLoop ? "closed loop" : "mean";
  result.cancelled = cancelled;
  result.patterns = metrics.results();
  result.latency = metrics.overallLatency();
  for (const PatternResult& p : result.patterns) {
    result.requests += p.requests;
    result.succeeded += p.succeeded;
    result.failed += p.failed;
  }
  result.monthlyCost.capacityMode = "your server";
  result.notes.insert(result.notes.begin(),
                      "replayed in wall-clock time on " + options.connection + " with " +
                          std::to_string(pool.size()) + " connections" +
                          (options.closedLoop ? " in closed loop" : "") + "; " +
                          std::to_string(options.maxRowsPerTable) +
                          " rows at most per table (schema " + schemaName +
                          (options.keepSchema ? ", kept)" : ", dropped at the end)"));
  if (unfinished > 0) {
    result.notes.push_back(std::to_string(unfinished) +
                           " request(s) had not finished when the drain ended: counted as failed");
  }
  if (statementErrors > 0) {
    result.notes.push_back(std::to_string(statementErrors) +
                           " statement error(s); the first: " + firstError);
  }
  return outcome;
}

}  // namespace kvlab::sim
