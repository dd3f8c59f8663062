#pragma once

#include "model/schema/design.h"
#include "simulator/core/virtual_clock.h"
#include "simulator/workload/random.h"

namespace kvlab::sim {

// How long DynamoDB takes to answer one attempt of a request, server side plus a nominal network
// hop. A model, not a measurement: the reference gives only "single-digit millisecond" average
// latency for most single-item operations (dynamodb-rules.md §6, [DG-now] TroubleshootingLatency,
// the AWS Database Blog's "Understanding Amazon DynamoDB latency"), so the medians below sit in
// that range and the spread is a lognormal, the usual shape of service latencies. A call pays
// for the kilobytes it reads (a Query or Scan call reads at most 1 MB, §2.2; the engine makes one
// call per page). A transaction writes every item twice (prepare and commit, §2.2), so it takes
// about twice a write. A throttled attempt fails fast. docs/simulator.md lists the values. A value
// type; `sample` only reads it.
struct ServiceTimeModel {
  double getMedianMillis = 3.0;           // GetItem, BatchGetItem
  double writeMedianMillis = 5.0;         // PutItem, UpdateItem, DeleteItem
  double queryMedianMillis = 5.0;         // Query, Scan: the first page
  double transactionMedianMillis = 12.0;  // TransactWriteItems, TransactGetItems
  double throttleMedianMillis = 2.0;      // an attempt refused for throughput
  double sigma = 0.35;                    // lognormal shape: p99 is about 2.3 x the median
  double millisPerKilobyte = 0.02;        // transfer of what is read, 20 ms per 1 MB page

  // The median of `operation` without transfer.
  double medianMillis(model::Operation operation) const;

  // One call of `operation` reading `kilobytes` (at most a 1 MB page), drawn from `random` (two
  // draws).
  VirtualTime sample(model::Operation operation, double kilobytes, Random& random) const;

  // One throttled attempt, drawn from `random` (two draws).
  VirtualTime sampleThrottle(Random& random) const;
};

// A lognormal draw with median `median` and shape `sigma` (Box-Muller from two uniform draws).
double lognormal(double median, double sigma, Random& random);

}  // namespace kvlab::sim
