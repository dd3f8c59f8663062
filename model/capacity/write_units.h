#pragma once

#include <cstdint>
#include <span>

#include "model/capacity/result.h"

// Write units, per operation. A write unit covers 1 KB; sizes are rounded up to the next 1 KB
// and multiplied by 1 (standard) or 2 (transactional). The same numbers are write request units
// (on-demand) and write capacity units (provisioned). Item sizes are itemSize() values; 0 means
// no item. Secondary index writes are in index_write.h and write_charge.h. Rules and sources:
// docs/capacity-and-cost.md, "Write units". Pure functions.
namespace kvlab::model::capacity {

enum class WriteType { Standard, Transactional };

// 1 or 2.
std::int64_t writeUnitsPerBlock(WriteType type);

// ceil(bytes / 1024), and at least 1: every write costs at least one unit.
std::int64_t writeBlocks(std::int64_t bytes);

// One item write sized `chargedBytes`: writeBlocks(chargedBytes) * writeUnitsPerBlock(type).
std::int64_t itemWriteUnits(std::int64_t chargedBytes, WriteType type);

// One item's state before and after a write, for sizing it: DynamoDB charges the larger.
struct ItemWrite {
  std::int64_t beforeBytes = 0;  // 0: there was no item
  std::int64_t afterBytes = 0;   // 0: there is no item (a delete)

  // A PutItem of an item of `newBytes`, replacing one of `replacedBytes` (0 when new).
  static ItemWrite put(std::int64_t newBytes, std::int64_t replacedBytes = 0);
  // An UpdateItem taking the item from `beforeBytes` (0 when it creates it) to `afterBytes`.
  static ItemWrite update(std::int64_t beforeBytes, std::int64_t afterBytes);
  // A DeleteItem of an item of `deletedBytes` (0 when there is none).
  static ItemWrite remove(std::int64_t deletedBytes);

  // The size the write is charged on: the larger of before and after.
  std::int64_t chargedBytes() const { return beforeBytes > afterBytes ? beforeBytes : afterBytes; }
};

// PutItem: the larger of the new item and the item it replaces.
std::int64_t putItemWriteUnits(std::int64_t newItemBytes, std::int64_t replacedItemBytes = 0);

// UpdateItem: the larger of the item before and after, even when one attribute changes.
std::int64_t updateItemWriteUnits(std::int64_t beforeBytes, std::int64_t afterBytes);

// DeleteItem: the deleted item's size. Deleting a missing item costs 1 (undocumented; assumed).
std::int64_t deleteItemWriteUnits(std::int64_t deletedItemBytes);

// BatchWriteItem: each put or delete rounded up to 1 KB on its own, then summed. Fails with
// TooManyItems over 25 requests and RequestTooLarge over 16 MB (the sum of chargedBytes()).
Result<std::int64_t> batchWriteItemWriteUnits(std::span<const ItemWrite> writes);

// TransactWriteItems: each action rounded up to 1 KB on its own, times 2, summed. Index writes
// are not included and stay 1x (see write_charge.h). Fails with TooManyItems over 100 actions and
// RequestTooLarge over 4 MB (the sum of chargedBytes()).
Result<std::int64_t> transactWriteItemsWriteUnits(std::span<const ItemWrite> writes);

enum class WriteOperation { Put, Update, Delete };

// A conditional write whose condition fails still consumes units. This follows AWS's tooling
// (aws/agent-toolkit-for-aws calculate_costs.py, "empirically verified"), not DG-2023: the charge
// is the existing item's size; with no existing item (`existingItemBytes` 0) it is the new item's
// size for a PutItem, and 1 unit for an UpdateItem or DeleteItem. `newItemBytes` is the item the
// write would have produced. Standard writes; no index is written.
std::int64_t failedConditionalWriteUnits(WriteOperation operation, std::int64_t existingItemBytes,
                                         std::int64_t newItemBytes);

}  // namespace kvlab::model::capacity
