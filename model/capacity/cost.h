#pragma once

#include <cstdint>

#include "model/capacity/price_sheet.h"

// What capacity and storage cost under a price sheet, in the sheet's currency. Rules and sources:
// docs/capacity-and-cost.md, "Cost". Pure functions.
namespace kvlab::model::capacity {

// Whether AWS's monthly free tier (per account) is subtracted. The whole allowance is given to
// the quantity priced, so price a whole account's tables together when applying it.
enum class FreeTierUse { Ignore, Apply };

// On-demand: `readRequestUnits` read request units (e.g. 1,000,000 strongly consistent reads of
// items up to 4 KB) at the class's price per million. No free tier.
double onDemandReadCost(const PriceSheet& sheet, double readRequestUnits,
                        TableClass tableClass = TableClass::Standard);

// On-demand: `writeRequestUnits` write request units at the class's price per million.
double onDemandWriteCost(const PriceSheet& sheet, double writeRequestUnits,
                         TableClass tableClass = TableClass::Standard);

// A month of provisioned capacity, split into its read and write parts.
struct ProvisionedCost {
  double read = 0;
  double write = 0;

  double total() const { return read + write; }
};

// `readCapacityUnits` RCU and `writeCapacityUnits` WCU held for the sheet's month (hoursPerMonth,
// 730 for AWS): unit-hours times the hourly price, less the free unit-hours when applied (never
// below 0).
ProvisionedCost provisionedMonthlyCost(const PriceSheet& sheet, double readCapacityUnits,
                                       double writeCapacityUnits,
                                       TableClass tableClass = TableClass::Standard,
                                       FreeTierUse freeTier = FreeTierUse::Ignore);

// A month of `storedBytes` bytes (storedItemBytes() and storedIndexEntryBytes() sums, overhead
// included) in decimal GB, less the free GB-months when applied (never below 0).
double storageMonthlyCost(const PriceSheet& sheet, std::int64_t storedBytes,
                          TableClass tableClass = TableClass::Standard,
                          FreeTierUse freeTier = FreeTierUse::Ignore);

// As storageMonthlyCost(), for estimated totals that may exceed integer bytes.
double estimatedStorageMonthlyCost(const PriceSheet& sheet, double storedBytes,
                                   TableClass tableClass = TableClass::Standard,
                                   FreeTierUse freeTier = FreeTierUse::Ignore);

}  // namespace kvlab::model::capacity
