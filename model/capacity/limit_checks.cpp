#include "model/capacity/limit_checks.h"

#include <string>

#include "model/capacity/dynamodb_limits.h"

namespace kvlab::model::capacity {
namespace {

std::string bytesText(std::int64_t bytes) { return std::to_string(bytes) + " bytes"; }

std::optional<CapacityError> checkKey(std::int64_t valueBytes, std::int64_t maxBytes,
                                      std::string_view attribute) {
  if (valueBytes >= 1 && valueBytes <= maxBytes) return std::nullopt;
  return CapacityError{ErrorCode::InvalidKeyValue, std::string(attribute),
                       "the value of " + std::string(attribute) + " is " + bytesText(valueBytes) +
                           "; a key value takes 1 to " + bytesText(maxBytes)};
}

std::optional<CapacityError> checkCount(std::string_view operation, std::int64_t count,
                                        std::int64_t maxCount, std::string_view what) {
  if (count <= maxCount) return std::nullopt;
  return CapacityError{ErrorCode::TooManyItems, "",
                       std::string(operation) + " has " + std::to_string(count) + " " +
                           std::string(what) + "; it takes at most " + std::to_string(maxCount)};
}

std::optional<CapacityError> checkBytes(std::string_view operation, std::int64_t bytes,
                                        std::int64_t maxBytes) {
  if (bytes <= maxBytes) return std::nullopt;
  return CapacityError{ErrorCode::RequestTooLarge, "",
                       std::string(operation) + " carries " + bytesText(bytes) +
                           "; it takes at most " + bytesText(maxBytes) + " (" +
                           std::to_string(maxBytes / limits::kMegabyte) + " MB)"};
}

}  // namespace

std::optional<CapacityError> checkItemSize(std::int64_t itemBytes) {
  if (itemBytes <= limits::kMaxItemBytes) return std::nullopt;
  return CapacityError{ErrorCode::ItemTooLarge, "",
                       "the item is " + bytesText(itemBytes) + "; an item takes at most " +
                           bytesText(limits::kMaxItemBytes) + " (400 KB), names included"};
}

std::optional<CapacityError> checkItemSizeWithLocalIndexes(
    std::int64_t itemBytes, std::span<const std::int64_t> localIndexEntryBytes) {
  std::int64_t total = itemBytes;
  for (std::int64_t entry : localIndexEntryBytes) total += entry;
  if (total <= limits::kMaxItemBytes) return std::nullopt;
  return CapacityError{ErrorCode::ItemTooLarge, "",
                       "the item and its local secondary index entries total " + bytesText(total) +
                           "; together they take at most " + bytesText(limits::kMaxItemBytes) +
                           " (400 KB)"};
}

std::optional<CapacityError> checkPartitionKeyValue(std::int64_t valueBytes,
                                                    std::string_view attribute) {
  return checkKey(valueBytes, limits::kMaxPartitionKeyBytes, attribute);
}

std::optional<CapacityError> checkSortKeyValue(std::int64_t valueBytes,
                                               std::string_view attribute) {
  return checkKey(valueBytes, limits::kMaxSortKeyBytes, attribute);
}

std::optional<CapacityError> checkBatchGetItem(std::int64_t keys, std::int64_t totalBytes) {
  if (auto error = checkCount("BatchGetItem", keys, limits::kMaxBatchGetItems, "keys")) {
    return error;
  }
  return checkBytes("BatchGetItem", totalBytes, limits::kMaxBatchGetBytes);
}

std::optional<CapacityError> checkBatchWriteItem(std::int64_t requests, std::int64_t totalBytes) {
  if (auto error =
          checkCount("BatchWriteItem", requests, limits::kMaxBatchWriteItems, "requests")) {
    return error;
  }
  return checkBytes("BatchWriteItem", totalBytes, limits::kMaxBatchWriteBytes);
}

std::optional<CapacityError> checkTransaction(std::int64_t actions, std::int64_t totalBytes) {
  if (auto error =
          checkCount("the transaction", actions, limits::kMaxTransactionItems, "actions")) {
    return error;
  }
  return checkBytes("the transaction", totalBytes, limits::kMaxTransactionBytes);
}

}  // namespace kvlab::model::capacity
