#include "model/capacity/storage.h"

#include <algorithm>

#include "model/capacity/dynamodb_limits.h"

namespace kvlab::model::capacity {
namespace {

// AWS's pricing calculator divides stored bytes by 10^9 per GB-month.
constexpr double kBytesPerBilledGigabyte = 1e9;

}  // namespace

std::int64_t storedItemBytes(std::int64_t itemBytes, Replication replication) {
  std::int64_t bytes = std::max<std::int64_t>(itemBytes, 0) + limits::kStorageOverheadBytes;
  if (replication == Replication::GlobalTable) bytes += limits::kGlobalTableStorageOverheadBytes;
  return bytes;
}

std::int64_t storedIndexEntryBytes(std::int64_t entryBytes) {
  return std::max<std::int64_t>(entryBytes, 0) + limits::kStorageOverheadBytes;
}

std::int64_t storedTableBytes(std::int64_t items, std::int64_t averageItemBytes,
                              Replication replication) {
  return std::max<std::int64_t>(items, 0) * storedItemBytes(averageItemBytes, replication);
}

double billedGigabytes(std::int64_t bytes) {
  return static_cast<double>(bytes) / kBytesPerBilledGigabyte;
}

double estimatedBilledGigabytes(double bytes) { return bytes / kBytesPerBilledGigabyte; }

}  // namespace kvlab::model::capacity
