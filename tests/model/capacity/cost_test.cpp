#include "model/capacity/cost.h"

#include <gtest/gtest.h>

namespace kvlab::model::capacity {
namespace {

constexpr double kCent = 1e-9;

PriceSheet sheet() {
  PriceSheet prices;
  prices.hoursPerMonth = 730;
  prices.standard = ClassPrices{0.125, 0.625, 0.00013, 0.00065, 0.25, FreeTier{18600, 18600, 25}};
  prices.standardInfrequentAccess = ClassPrices{0.155, 0.78, 0.00016, 0.00081, 0.10, FreeTier{}};
  return prices;
}

TEST(Cost, onDemandRequestsArePricedPerMillionForTheTableClass) {
  EXPECT_NEAR(onDemandReadCost(sheet(), 2'000'000, TableClass::StandardInfrequentAccess), 0.31,
              kCent);
  EXPECT_NEAR(onDemandWriteCost(sheet(), 500'000, TableClass::StandardInfrequentAccess), 0.39,
              kCent);
}

TEST(Cost, theProvisionedFreeTierTakesEighteenThousandSixHundredUnitHoursOffEach) {
  const ProvisionedCost cost =
      provisionedMonthlyCost(sheet(), 100, 100, TableClass::Standard, FreeTierUse::Apply);
  EXPECT_NEAR(cost.read, (73'000 - 18'600) * 0.00013, kCent);
  EXPECT_NEAR(cost.write, (73'000 - 18'600) * 0.00065, kCent);
}

TEST(Cost, capacityWithinTheFreeTierCostsNothing) {
  const ProvisionedCost cost =
      provisionedMonthlyCost(sheet(), 25, 25, TableClass::Standard, FreeTierUse::Apply);
  EXPECT_EQ(cost.total(), 0.0);
}

TEST(Cost, theMonthIsTheSheetsHoursPerMonth) {
  PriceSheet prices = sheet();
  prices.hoursPerMonth = 744;
  EXPECT_NEAR(provisionedMonthlyCost(prices, 0, 1).write, 744 * 0.00065, kCent);
}

TEST(Cost, storageBeyondTheFreeTwentyFiveGigabytesIsCharged) {
  EXPECT_EQ(storageMonthlyCost(sheet(), 1'100'000'000, TableClass::Standard, FreeTierUse::Apply),
            0.0);
  EXPECT_NEAR(storageMonthlyCost(sheet(), 30'000'000'000, TableClass::Standard, FreeTierUse::Apply),
              5 * 0.25, kCent);
}

TEST(Cost, infrequentAccessStorageIsPricedAtItsOwnRate) {
  EXPECT_NEAR(storageMonthlyCost(sheet(), 30'000'000'000, TableClass::StandardInfrequentAccess,
                                 FreeTierUse::Apply),
              30 * 0.10, kCent);
}

}  // namespace
}  // namespace kvlab::model::capacity
