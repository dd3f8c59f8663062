#pragma once

#include <cstdint>

#include "model/capacity/read_units.h"
#include "model/capacity/write_units.h"

// Provisioned capacity from request rates, and the throughput a capacity gives
// (DG-2023:ProvisionedThroughput.md examples). Pure functions.
namespace kvlab::model::capacity {

// Read units per second for `requestsPerSecond` reads of one item of `itemBytes` each.
double requiredReadCapacity(double requestsPerSecond, std::int64_t itemBytes, ReadType type);

// Write units per second for `requestsPerSecond` writes of one item of `itemBytes` each.
double requiredWriteCapacity(double requestsPerSecond, std::int64_t itemBytes, WriteType type);

// The bytes per second `readUnits` read, at best (items that are whole multiples of 4 KB).
double readBytesPerSecond(double readUnits, ReadType type);

// The bytes per second `writeUnits` write, at best (items that are whole multiples of 1 KB).
double writeBytesPerSecond(double writeUnits, WriteType type);

}  // namespace kvlab::model::capacity
