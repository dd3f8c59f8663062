#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/schema/project.h"
#include "model/status.h"
#include "simulator/core/runner.h"

namespace kvlab::sim {

class DynamoDbApiClient;

// How a design is run on a server that speaks the DynamoDB HTTP API (AWS, or a local one such
// as dynalite).
struct DynamoDbApiOptions {
  std::string endpoint;  // "http://127.0.0.1:8000" or "https://dynamodb.us-east-1.amazonaws.com"
  std::string design;    // empty: the project's first design
  double durationSeconds = 10;       // requests start in [0, duration)
  std::int64_t maxRequests = 20000;  // a bound on the requests, whatever the rates
  double drainSeconds = 10;          // after the duration, requests in flight may finish
  int clients = 0;       // 0: open loop at the patterns' rates; N: N clients, each one at a time
  int concurrency = 16;  // open loop: calls in flight at most (the client's connections)
  std::int64_t maxItems = 3000;  // the generated dataset, every entity together (about)
  double rateScale = 1;          // open loop: every pattern's mean rate times this
  std::int64_t scanLimit = 100;  // a Scan's Limit in a replay
  int maxAttempts = 3;           // attempts per call when the server throttles
  std::uint64_t seed = 1;
  bool keepTable = false;  // leave the table and its items for a look afterwards
  std::string tableName;   // empty: kvlab-<design>-<seed>-<time>, unique per run
};

// Replays the design's access patterns for real, in wall-clock time, on `options.endpoint`
// (`kvlab simulate --engine dynamodb-api --endpoint URL`) and nowhere else: creates a table of its
// own with the design's key schema and GSIs (PAY_PER_REQUEST), loads a generated dataset (each
// entity's items, at most about `maxItems` in all, counts scaled together, every parent with its
// mean fan-out of children, values of the sizes the project states, keys filled from the design's
// templates; BatchWriteItem, UnprocessedItems retried), then sends each pattern's requests as
// the planner planned them (GetItem, Query with its key condition and limit, PutItem,
// UpdateItem, DeleteItem, BatchGetItem of the items a KEYS_ONLY index does not hold,
// TransactWriteItems, Scan with a Limit), with ReturnConsumedCapacity INDEXES. Open loop
// (Poisson arrivals at each pattern's rate, keys from its key distribution, the simulator's
// seeded streams; latency counts from the scheduled arrival) or closed loop with `clients`.
// The result has the simulated engines' shape (engine "dynamodb-api"): per pattern requests,
// latency from the client, the units the server reported, failures and throttles by the
// server's exception name. The table is deleted at the end unless `keepTable`. Fails (status)
// when the endpoint cannot be reached or the table cannot be created, naming the endpoint.
RunOutcome replayOnDynamoDbApi(const model::Project& project, const DynamoDbApiOptions& options,
                               const std::function<void(const RunProgress&)>& progress = {},
                               const std::atomic<bool>* cancel = nullptr);

// One pattern's planned units per request beside what the server reported for the same items.
struct UnitsAgreementRow {
  std::string patternId;
  std::string operation;  // as planned: "Query", "TransactWriteItems", ...
  std::string index;      // "table" or an index name
  bool measured = false;  // false: not run (not served, or the server refused it; see note)
  double plannedRead = 0;
  double plannedWrite = 0;
  double measuredRead = 0;  // the ConsumedCapacity of the pattern's read calls, summed
  double measuredWrite = 0;
  // What the planner's figures say the server should report under `relation` (the planned units
  // themselves when the relation is "equal").
  double expectedRead = 0;
  double expectedWrite = 0;
  double tolerance = 0;        // |measured - expected| allowed, in units, for reads and for writes
  double plannedItems = 0;     // items the plan reads or writes per request
  std::int64_t itemsRead = 0;  // items the server said it read (ScannedCount), reads only
  std::string relation;        // "equal", or why the server's figure differs and by which rule
  std::string note;
  bool agrees = false;

  double ratio() const;  // measured / expected, reads and writes together (1 when both are 0)
};

struct UnitsAgreement {
  Status status = Status::Ok();
  std::string design;
  std::string table;
  std::string endpoint;
  std::string credentials;  // where the credentials came from
  std::vector<UnitsAgreementRow> rows;
  std::vector<std::string> notes;  // the dataset (items whose size differs from the estimate)

  bool allAgree() const;  // every measured row agrees, and none failed to run
};

// For every access pattern of the design: the planner's read and write units per request beside
// the ConsumedCapacity the server at `options.endpoint` returns for one request on items of the
// planner's estimated sizes and counts (the dataset the replay loads; a request on key item 0,
// writes on a new item or item 1). `tolerance` is in units (0.01 by default: the figures are
// multiples of 0.5). Where the server's figure cannot equal the plan, the row says why and
// compares the documented relation instead: a server that reports no index units for writes
// (dynalite) is compared on the table's share; one without TransactWriteItems (dynalite) runs the
// items as PutItem/DeleteItem and is compared with half the plan's table units (DynamoDB charges
// a transactional write twice); a Scan, or a Query whose collection in the bounded dataset holds
// fewer items than planned, is compared with the plan scaled to the items the server read, within
// one 4 KB rounding. A table of its own is created and deleted (unless `keepTable`).
UnitsAgreement checkUnitsAgreement(const model::Project& project, const DynamoDbApiOptions& options,
                                   double tolerance = 0.01);

// Creates `tableName` for `design` on the client's endpoint: the key schema, an attribute
// definition per key attribute (the entity attribute's type when a key attribute is one, else S),
// each GSI (PAY_PER_REQUEST, its projection) and LSI, then waits until it is ACTIVE. The error
// names the table and the server's message.
Status createDesignTable(DynamoDbApiClient& client, const model::Project& project,
                         const model::Design& design, const std::string& tableName);

// Deletes `tableName`; errors are ignored (the table may be gone).
void deleteTable(DynamoDbApiClient& client, const std::string& tableName);

}  // namespace kvlab::sim
