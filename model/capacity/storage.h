#pragma once

#include <cstdint>

// Billed storage: item and index entry sizes plus DynamoDB's per-item overhead, in the decimal
// gigabytes the bill is computed in. The overhead does not count toward read or write units.
// Rules and sources: docs/capacity-and-cost.md, "Storage". Pure functions.
namespace kvlab::model::capacity {

enum class Replication { SingleRegion, GlobalTable };

// An item of `itemBytes` (itemSize()) as stored: + 100 bytes, + 48 more in a global table
// (DG-2023:CapacityUnitCalculations.md).
std::int64_t storedItemBytes(std::int64_t itemBytes,
                             Replication replication = Replication::SingleRegion);

// A secondary index entry of `entryBytes` (table key + index key + projected attributes) as
// stored: + 100 bytes (DG-2023:GSI.md, LSI.md "Storage considerations").
std::int64_t storedIndexEntryBytes(std::int64_t entryBytes);

// `items` items of `averageItemBytes` each, as stored.
std::int64_t storedTableBytes(std::int64_t items, std::int64_t averageItemBytes,
                              Replication replication = Replication::SingleRegion);

// Bytes in billed gigabytes. Decimal: 1 GB = 10^9 bytes, as AWS's pricing calculator computes
// storage; the service quotas page uses binary units, about 7% apart (see the docs).
double billedGigabytes(std::int64_t bytes);
// The same for an estimate held as a double (totals beyond integer bytes).
double estimatedBilledGigabytes(double bytes);

}  // namespace kvlab::model::capacity
