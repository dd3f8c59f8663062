#pragma once

#include <cstdint>
#include <span>

#include "model/capacity/result.h"

// Read units, per operation. A read unit covers 4 KB; sizes are rounded up to the next 4 KB and
// multiplied by 0.5 (eventually consistent), 1 (strongly consistent) or 2 (transactional). The
// same numbers are read request units (on-demand) and read capacity units (provisioned). Units are
// multiples of 0.5, exact in a double. Item sizes are itemSize() values; an item size of 0 means
// the item does not exist (a real item has at least its key). Rules and sources:
// docs/capacity-and-cost.md, "Read units". Pure functions.
namespace kvlab::model::capacity {

// The ConsistentRead choice of GetItem, BatchGetItem, Query and Scan.
enum class Consistency { Eventual, Strong };

// What a 4 KB block of a read costs.
enum class ReadType { Eventual, Strong, Transactional };

ReadType readTypeOf(Consistency consistency);

// 0.5, 1 or 2.
double readUnitsPerBlock(ReadType type);

// ceil(bytes / 4096), and at least 1: the minimum charge for a read that finds nothing.
std::int64_t readBlocks(std::int64_t bytes);

// One item read on its own: readBlocks(itemBytes) * readUnitsPerBlock(type).
double itemReadUnits(std::int64_t itemBytes, ReadType type);

// GetItem. A missing item (0 bytes) still costs 1 (strong) or 0.5 (eventual).
double getItemReadUnits(std::int64_t itemBytes, Consistency consistency);

// BatchGetItem: each item rounded up to 4 KB on its own, then summed; a key that finds no item
// costs the minimum, as a GetItem would (an assumption; AWS does not say). Fails with TooManyItems
// over 100 keys and RequestTooLarge over 16 MB of items.
Result<double> batchGetItemReadUnits(std::span<const std::int64_t> itemBytes,
                                     Consistency consistency);

// The charge of a Query or Scan: its units, the bytes read and the calls (1 MB pages) it takes.
struct QueryCharge {
  double units = 0;
  std::int64_t bytesRead = 0;
  std::int64_t pages = 1;
};

// Query: the sizes of the items the key condition reads, before any filter or projection (filters
// and Select COUNT do not reduce the charge). Items fill 1 MB pages in order, a page ending with
// the item that reaches 1 MB; each page's sum is rounded up to 4 KB once. An empty result is one
// page at the minimum charge (one block).
QueryCharge queryReadUnits(std::span<const std::int64_t> itemBytes, Consistency consistency);

// Scan: as queryReadUnits(), over the items evaluated, not those returned. The per-partition
// minimum of DG-2023 is not applied here; the simulator, which knows partitions, applies it.
QueryCharge scanReadUnits(std::span<const std::int64_t> itemBytes, Consistency consistency);

// queryReadUnits() of `items` items of `averageItemBytes` each, without listing them.
// The read units of `bytes` read in one Query or Scan, for estimates too large for integer bytes
// (a Scan of 10^15 items): ceil(bytes / 4 KB), at least 1, times the read type's factor.
double estimatedReadUnitsForBytes(double bytes, ReadType type);

QueryCharge estimatedQueryReadUnits(std::int64_t items, std::int64_t averageItemBytes,
                                    Consistency consistency);

// A Query or Scan of a global secondary index: the projected entry sizes, as queryReadUnits().
// GSIs are eventually consistent only: Strong fails with UnsupportedConsistency, as DynamoDB
// answers ConsistentRead=true with a ValidationException.
Result<QueryCharge> globalIndexQueryReadUnits(std::span<const std::int64_t> entryBytes,
                                              Consistency consistency);

// A Query of a local secondary index that asks for attributes it does not project: the index
// entries as queryReadUnits(), plus each base-table item fetched, rounded up to 4 KB on its own.
// Units are the table's. Pages are counted on the index entries.
QueryCharge localIndexQueryReadUnits(std::span<const std::int64_t> entryBytes,
                                     std::span<const std::int64_t> fetchedItemBytes,
                                     Consistency consistency);

// TransactGetItems: each item rounded up to 4 KB, times 2. Fails over 100 items or 4 MB.
Result<double> transactGetItemsReadUnits(std::span<const std::int64_t> itemBytes);

// Through DAX, TransactWriteItems also reads each written item transactionally: the read units
// that adds, for the items' sizes after the write (DG-2023:transaction-apis.md). Fails as
// transactGetItemsReadUnits().
Result<double> daxTransactWriteReadUnits(std::span<const std::int64_t> writtenItemBytes);

}  // namespace kvlab::model::capacity
