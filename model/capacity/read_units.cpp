#include "model/capacity/read_units.h"

#include <algorithm>
#include <cmath>

#include <algorithm>

#include "model/capacity/dynamodb_limits.h"
#include "model/capacity/limit_checks.h"

namespace kvlab::model::capacity {
namespace {

std::int64_t sum(std::span<const std::int64_t> sizes) {
  std::int64_t total = 0;
  for (std::int64_t size : sizes) total += std::max<std::int64_t>(size, 0);
  return total;
}

// Each item on its own, rounded up to 4 KB.
double eachItemReadUnits(std::span<const std::int64_t> itemBytes, ReadType type) {
  double units = 0;
  for (std::int64_t size : itemBytes) units += itemReadUnits(size, type);
  return units;
}

QueryCharge pagedReadUnits(std::span<const std::int64_t> itemBytes, Consistency consistency) {
  const double perBlock = readUnitsPerBlock(readTypeOf(consistency));
  QueryCharge charge;
  charge.pages = 0;
  std::int64_t pageBytes = 0;
  bool pageOpen = false;
  for (std::int64_t size : itemBytes) {
    pageBytes += std::max<std::int64_t>(size, 0);
    pageOpen = true;
    if (pageBytes >= limits::kQueryPageBytes) {
      charge.units += static_cast<double>(readBlocks(pageBytes)) * perBlock;
      charge.bytesRead += pageBytes;
      ++charge.pages;
      pageBytes = 0;
      pageOpen = false;
    }
  }
  if (pageOpen || charge.pages == 0) {
    charge.units += static_cast<double>(readBlocks(pageBytes)) * perBlock;
    charge.bytesRead += pageBytes;
    ++charge.pages;
  }
  return charge;
}

}  // namespace

ReadType readTypeOf(Consistency consistency) {
  return consistency == Consistency::Strong ? ReadType::Strong : ReadType::Eventual;
}

double readUnitsPerBlock(ReadType type) {
  switch (type) {
    case ReadType::Eventual:
      return 0.5;
    case ReadType::Strong:
      return 1.0;
    case ReadType::Transactional:
      return 2.0;
  }
  return 1.0;
}

std::int64_t readBlocks(std::int64_t bytes) {
  const std::int64_t blocks = (bytes + limits::kReadUnitBytes - 1) / limits::kReadUnitBytes;
  return std::max<std::int64_t>(blocks, 1);
}

double itemReadUnits(std::int64_t itemBytes, ReadType type) {
  return static_cast<double>(readBlocks(itemBytes)) * readUnitsPerBlock(type);
}

double getItemReadUnits(std::int64_t itemBytes, Consistency consistency) {
  return itemReadUnits(itemBytes, readTypeOf(consistency));
}

Result<double> batchGetItemReadUnits(std::span<const std::int64_t> itemBytes,
                                     Consistency consistency) {
  if (auto error = checkBatchGetItem(static_cast<std::int64_t>(itemBytes.size()), sum(itemBytes))) {
    return *error;
  }
  return eachItemReadUnits(itemBytes, readTypeOf(consistency));
}

QueryCharge queryReadUnits(std::span<const std::int64_t> itemBytes, Consistency consistency) {
  return pagedReadUnits(itemBytes, consistency);
}

QueryCharge scanReadUnits(std::span<const std::int64_t> itemBytes, Consistency consistency) {
  return pagedReadUnits(itemBytes, consistency);
}

QueryCharge estimatedQueryReadUnits(std::int64_t items, std::int64_t averageItemBytes,
                                    Consistency consistency) {
  const double perBlock = readUnitsPerBlock(readTypeOf(consistency));
  const std::int64_t size = std::max<std::int64_t>(averageItemBytes, 0);
  QueryCharge charge;
  if (items <= 0 || size == 0) {
    charge.units = perBlock;
    charge.bytesRead = 0;
    charge.pages = 1;
    return charge;
  }
  // A page ends with the item that reaches 1 MB.
  const std::int64_t itemsPerPage = (limits::kQueryPageBytes + size - 1) / size;
  const std::int64_t fullPages = items / itemsPerPage;
  const std::int64_t rest = items % itemsPerPage;
  charge.units = static_cast<double>(fullPages * readBlocks(itemsPerPage * size)) * perBlock;
  charge.pages = fullPages;
  if (rest > 0) {
    charge.units += static_cast<double>(readBlocks(rest * size)) * perBlock;
    ++charge.pages;
  }
  charge.bytesRead = items * size;
  return charge;
}

Result<QueryCharge> globalIndexQueryReadUnits(std::span<const std::int64_t> entryBytes,
                                              Consistency consistency) {
  if (consistency == Consistency::Strong) {
    return CapacityError{ErrorCode::UnsupportedConsistency, "",
                         "a global secondary index is eventually consistent only; DynamoDB "
                         "rejects ConsistentRead=true on it with a ValidationException"};
  }
  return pagedReadUnits(entryBytes, consistency);
}

QueryCharge localIndexQueryReadUnits(std::span<const std::int64_t> entryBytes,
                                     std::span<const std::int64_t> fetchedItemBytes,
                                     Consistency consistency) {
  QueryCharge charge = pagedReadUnits(entryBytes, consistency);
  charge.units += eachItemReadUnits(fetchedItemBytes, readTypeOf(consistency));
  charge.bytesRead += sum(fetchedItemBytes);
  return charge;
}

Result<double> transactGetItemsReadUnits(std::span<const std::int64_t> itemBytes) {
  if (auto error = checkTransaction(static_cast<std::int64_t>(itemBytes.size()), sum(itemBytes))) {
    return *error;
  }
  return eachItemReadUnits(itemBytes, ReadType::Transactional);
}

Result<double> daxTransactWriteReadUnits(std::span<const std::int64_t> writtenItemBytes) {
  return transactGetItemsReadUnits(writtenItemBytes);
}

double estimatedReadUnitsForBytes(double bytes, ReadType type) {
  const double blocks =
      std::max(1.0, std::ceil(bytes / static_cast<double>(limits::kReadUnitBytes)));
  return blocks * readUnitsPerBlock(type);
}

}  // namespace kvlab::model::capacity
