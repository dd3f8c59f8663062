#include "model/capacity/cost.h"

#include <algorithm>

#include "model/capacity/storage.h"

namespace kvlab::model::capacity {
namespace {

constexpr double kRequestUnitsPerQuote = 1e6;  // on-demand prices are per million request units

double lessFree(double quantity, double free, FreeTierUse freeTier) {
  if (freeTier == FreeTierUse::Ignore) return quantity;
  return std::max(quantity - free, 0.0);
}

}  // namespace

double onDemandReadCost(const PriceSheet& sheet, double readRequestUnits, TableClass tableClass) {
  return readRequestUnits / kRequestUnitsPerQuote * sheet.prices(tableClass).onDemandReadPerMillion;
}

double onDemandWriteCost(const PriceSheet& sheet, double writeRequestUnits, TableClass tableClass) {
  return writeRequestUnits / kRequestUnitsPerQuote *
         sheet.prices(tableClass).onDemandWritePerMillion;
}

ProvisionedCost provisionedMonthlyCost(const PriceSheet& sheet, double readCapacityUnits,
                                       double writeCapacityUnits, TableClass tableClass,
                                       FreeTierUse freeTier) {
  const ClassPrices& prices = sheet.prices(tableClass);
  const double readHours = lessFree(readCapacityUnits * sheet.hoursPerMonth,
                                    prices.freeTier.readCapacityUnitHoursPerMonth, freeTier);
  const double writeHours = lessFree(writeCapacityUnits * sheet.hoursPerMonth,
                                     prices.freeTier.writeCapacityUnitHoursPerMonth, freeTier);
  return ProvisionedCost{readHours * prices.provisionedReadUnitHour,
                         writeHours * prices.provisionedWriteUnitHour};
}

double storageMonthlyCost(const PriceSheet& sheet, std::int64_t storedBytes, TableClass tableClass,
                          FreeTierUse freeTier) {
  const ClassPrices& prices = sheet.prices(tableClass);
  return lessFree(estimatedBilledGigabytes(storedBytes), prices.freeTier.storageGbMonth, freeTier) *
         prices.storageGbMonth;
}

double estimatedStorageMonthlyCost(const PriceSheet& sheet, double storedBytes,
                                   TableClass tableClass, FreeTierUse freeTier) {
  const ClassPrices& prices = sheet.prices(tableClass);
  return lessFree(estimatedBilledGigabytes(storedBytes), prices.freeTier.storageGbMonth, freeTier) *
         prices.storageGbMonth;
}

}  // namespace kvlab::model::capacity
