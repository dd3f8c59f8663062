#include "model/capacity/write_units.h"

#include <algorithm>

#include "model/capacity/dynamodb_limits.h"
#include "model/capacity/limit_checks.h"

namespace kvlab::model::capacity {
namespace {

std::int64_t chargedTotal(std::span<const ItemWrite> writes) {
  std::int64_t total = 0;
  for (const ItemWrite& write : writes) total += std::max<std::int64_t>(write.chargedBytes(), 0);
  return total;
}

std::int64_t eachWriteUnits(std::span<const ItemWrite> writes, WriteType type) {
  std::int64_t units = 0;
  for (const ItemWrite& write : writes) units += itemWriteUnits(write.chargedBytes(), type);
  return units;
}

}  // namespace

std::int64_t writeUnitsPerBlock(WriteType type) { return type == WriteType::Transactional ? 2 : 1; }

std::int64_t writeBlocks(std::int64_t bytes) {
  const std::int64_t blocks = (bytes + limits::kWriteUnitBytes - 1) / limits::kWriteUnitBytes;
  return std::max<std::int64_t>(blocks, 1);
}

std::int64_t itemWriteUnits(std::int64_t chargedBytes, WriteType type) {
  return writeBlocks(chargedBytes) * writeUnitsPerBlock(type);
}

ItemWrite ItemWrite::put(std::int64_t newBytes, std::int64_t replacedBytes) {
  return ItemWrite{replacedBytes, newBytes};
}

ItemWrite ItemWrite::update(std::int64_t beforeBytes, std::int64_t afterBytes) {
  return ItemWrite{beforeBytes, afterBytes};
}

ItemWrite ItemWrite::remove(std::int64_t deletedBytes) { return ItemWrite{deletedBytes, 0}; }

std::int64_t putItemWriteUnits(std::int64_t newItemBytes, std::int64_t replacedItemBytes) {
  return itemWriteUnits(ItemWrite::put(newItemBytes, replacedItemBytes).chargedBytes(),
                        WriteType::Standard);
}

std::int64_t updateItemWriteUnits(std::int64_t beforeBytes, std::int64_t afterBytes) {
  return itemWriteUnits(ItemWrite::update(beforeBytes, afterBytes).chargedBytes(),
                        WriteType::Standard);
}

std::int64_t deleteItemWriteUnits(std::int64_t deletedItemBytes) {
  return itemWriteUnits(deletedItemBytes, WriteType::Standard);
}

Result<std::int64_t> batchWriteItemWriteUnits(std::span<const ItemWrite> writes) {
  if (auto error =
          checkBatchWriteItem(static_cast<std::int64_t>(writes.size()), chargedTotal(writes))) {
    return *error;
  }
  return eachWriteUnits(writes, WriteType::Standard);
}

Result<std::int64_t> transactWriteItemsWriteUnits(std::span<const ItemWrite> writes) {
  if (auto error =
          checkTransaction(static_cast<std::int64_t>(writes.size()), chargedTotal(writes))) {
    return *error;
  }
  return eachWriteUnits(writes, WriteType::Transactional);
}

std::int64_t failedConditionalWriteUnits(WriteOperation operation, std::int64_t existingItemBytes,
                                         std::int64_t newItemBytes) {
  if (existingItemBytes > 0) return itemWriteUnits(existingItemBytes, WriteType::Standard);
  if (operation == WriteOperation::Put) return itemWriteUnits(newItemBytes, WriteType::Standard);
  return itemWriteUnits(0, WriteType::Standard);  // the minimum
}

}  // namespace kvlab::model::capacity
