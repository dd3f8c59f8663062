#include "model/capacity/capacity_planning.h"

#include "model/capacity/dynamodb_limits.h"

namespace kvlab::model::capacity {

double requiredReadCapacity(double requestsPerSecond, std::int64_t itemBytes, ReadType type) {
  return requestsPerSecond * itemReadUnits(itemBytes, type);
}

double requiredWriteCapacity(double requestsPerSecond, std::int64_t itemBytes, WriteType type) {
  return requestsPerSecond * static_cast<double>(itemWriteUnits(itemBytes, type));
}

double readBytesPerSecond(double readUnits, ReadType type) {
  return readUnits / readUnitsPerBlock(type) * static_cast<double>(limits::kReadUnitBytes);
}

double writeBytesPerSecond(double writeUnits, WriteType type) {
  return writeUnits / static_cast<double>(writeUnitsPerBlock(type)) *
         static_cast<double>(limits::kWriteUnitBytes);
}

}  // namespace kvlab::model::capacity
