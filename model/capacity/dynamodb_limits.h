#pragma once

#include <cstdint>

// DynamoDB's accounting sizes and service limits: the one place these numbers live. They are part
// of the API's contract, not prices, so they sit here with their sources rather than in a data
// file (prices, which change, are in data/prices/). Sizes are binary: 1 KB = 1024 bytes
// ([DG-now] ServiceQuotas.html). See docs/capacity-and-cost.md.
namespace kvlab::model::capacity::limits {

inline constexpr std::int64_t kKilobyte = 1024;
inline constexpr std::int64_t kMegabyte = 1024 * kKilobyte;

// A read unit covers 4 KB, a write unit 1 KB (DG-2023:ProvisionedThroughput.md).
inline constexpr std::int64_t kReadUnitBytes = 4 * kKilobyte;
inline constexpr std::int64_t kWriteUnitBytes = 1 * kKilobyte;

// Item and key sizes (DG-2023:ServiceQuotas.md).
inline constexpr std::int64_t kMaxItemBytes = 400 * kKilobyte;  // 409,600, names included
inline constexpr std::int64_t kMaxPartitionKeyBytes = 2048;
inline constexpr std::int64_t kMaxSortKeyBytes = 1024;
inline constexpr std::int64_t kMaxAttributeNameBytes = 64 * kKilobyte;
inline constexpr int kMaxNestingDepth = 32;
inline constexpr int kMaxNumberDigits = 38;  // significant digits of a Number
inline constexpr std::int64_t kMaxNumberBytes = 21;

// List and Map overhead: 3 bytes per document plus 1 byte per element (DG-2023, DG-now
// CapacityUnitCalculations).
inline constexpr std::int64_t kDocumentOverheadBytes = 3;
inline constexpr std::int64_t kDocumentElementOverheadBytes = 1;

// Query and Scan read at most 1 MB per call, before filters (DG-2023:Query.md, Scan.md).
inline constexpr std::int64_t kQueryPageBytes = 1 * kMegabyte;

// Batches and transactions (DG-2023:ServiceQuotas.md, transaction-apis.md).
inline constexpr int kMaxBatchGetItems = 100;
inline constexpr std::int64_t kMaxBatchGetBytes = 16 * kMegabyte;
inline constexpr int kMaxBatchWriteItems = 25;
inline constexpr std::int64_t kMaxBatchWriteBytes = 16 * kMegabyte;
inline constexpr int kMaxTransactionItems = 100;  // 25 before 2022
inline constexpr std::int64_t kMaxTransactionBytes = 4 * kMegabyte;

// Storage billing overhead, which does not count toward units (DG-2023:
// CapacityUnitCalculations.md; GSI.md and LSI.md "Storage considerations").
inline constexpr std::int64_t kStorageOverheadBytes = 100;
inline constexpr std::int64_t kGlobalTableStorageOverheadBytes = 48;

}  // namespace kvlab::model::capacity::limits
