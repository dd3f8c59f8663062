#include "model/capacity/write_charge.h"

#include <gtest/gtest.h>

#include <vector>

namespace kvlab::model::capacity {
namespace {

const IndexShape kGlobal{"GSI1", IndexKind::Global, {"PK", "SK"}, {"GSI1PK"}, Projection::All, {}};
const IndexShape kLocal{"LSI1",           IndexKind::Local, {"PK", "SK"},
                        {"PK", "LSI1SK"}, Projection::All,  {}};

TEST(WriteCharge, globalIndexWritesAreChargedToTheIndexAndLocalOnesToTheTable) {
  const WriteCharge charge = chargeWrite(ItemWrite::put(1500), WriteType::Standard,
                                         {indexWrite(kGlobal, IndexChange::Insert, 0, 1500),
                                          indexWrite(kLocal, IndexChange::Insert, 0, 1500)});
  EXPECT_EQ(charge.itemUnits, 2);
  EXPECT_EQ(charge.tableUnits(), 2 + 2);
  EXPECT_EQ(charge.globalIndexUnits(), 2);
  EXPECT_EQ(charge.globalIndexUnits("GSI1"), 2);
  EXPECT_EQ(charge.globalIndexUnits("LSI1"), 0);
  EXPECT_EQ(charge.totalUnits(), 6);
}

TEST(WriteCharge, aTransactionDoublesTheItemWriteButNotItsIndexWrites) {
  const WriteCharge charge = chargeWrite(ItemWrite::put(1500), WriteType::Transactional,
                                         {indexWrite(kGlobal, IndexChange::Insert, 0, 1500),
                                          indexWrite(kLocal, IndexChange::Insert, 0, 1500)});
  EXPECT_EQ(charge.itemUnits, 4);
  EXPECT_EQ(charge.tableUnits(), 4 + 2);
  EXPECT_EQ(charge.globalIndexUnits(), 2);
}

TEST(WriteCharge, aWriteWithoutIndexesIsTheItemAlone) {
  const WriteCharge charge = chargeWrite(ItemWrite::remove(3000), WriteType::Standard);
  EXPECT_EQ(charge.tableUnits(), 3);
  EXPECT_EQ(charge.globalIndexUnits(), 0);
  EXPECT_EQ(charge.totalUnits(), 3);
}

}  // namespace
}  // namespace kvlab::model::capacity
