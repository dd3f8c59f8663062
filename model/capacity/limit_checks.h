#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "model/capacity/capacity_error.h"

// DynamoDB's size and count limits as checks: each returns nothing when the input is within the
// limit, or the error DynamoDB would reject it with (a ValidationException). The limits are in
// model/capacity/dynamodb_limits.h; sources in docs/capacity-and-cost.md. Pure functions.
namespace kvlab::model::capacity {

// An item of `itemBytes` (itemSize()) is at most 400 KB = 409,600 bytes. ItemTooLarge otherwise.
std::optional<CapacityError> checkItemSize(std::int64_t itemBytes);

// On a table with local secondary indexes, the item plus all of its LSI entries (one per LSI the
// item appears in, each sized by its key and projected attributes) stays within 400 KB.
std::optional<CapacityError> checkItemSizeWithLocalIndexes(
    std::int64_t itemBytes, std::span<const std::int64_t> localIndexEntryBytes);

// A partition key value takes 1 to 2048 bytes; InvalidKeyValue otherwise. `attribute` names the key
// in the message.
std::optional<CapacityError> checkPartitionKeyValue(
    std::int64_t valueBytes, std::string_view attribute = "the partition key");

// A sort key value takes 1 to 1024 bytes; InvalidKeyValue otherwise.
std::optional<CapacityError> checkSortKeyValue(std::int64_t valueBytes,
                                               std::string_view attribute = "the sort key");

// BatchGetItem asks for at most 100 keys (TooManyItems) and returns at most 16 MB. DynamoDB returns
// what exceeds 16 MB as UnprocessedKeys rather than failing; this reports it as RequestTooLarge so
// that a planner splits the batch.
std::optional<CapacityError> checkBatchGetItem(std::int64_t keys, std::int64_t totalBytes);

// BatchWriteItem takes at most 25 put or delete requests (TooManyItems) of at most 16 MB in total
// (RequestTooLarge).
std::optional<CapacityError> checkBatchWriteItem(std::int64_t requests, std::int64_t totalBytes);

// TransactWriteItems and TransactGetItems take at most 100 actions (TooManyItems; 25 before 2022)
// on items of at most 4 MB in aggregate (RequestTooLarge).
std::optional<CapacityError> checkTransaction(std::int64_t actions, std::int64_t totalBytes);

}  // namespace kvlab::model::capacity
