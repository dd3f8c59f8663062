#include "ui/models/hot_key_table_model.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>

#include "tests/ui/qt_test_application.h"

namespace kvlab::ui {
namespace {

class HotKeyTableModelTest : public test::UiTest {};

sim::HotKey hot(const std::string& owner, const std::string& key, double value, double error) {
  return sim::HotKey{owner, key, 0, value, error};
}

QString cell(const HotKeyTableModel& model, int row, int column, int role = Qt::DisplayRole) {
  return model.index(row, column).data(role).toString();
}

TEST_F(HotKeyTableModelTest, listsEachKeyOnceWithItsUnitsAndItsThrottles) {
  sim::RunResult run;
  run.hotKeysByUnits = {hot("table", "USER#7", 9000, 0), hot("GSI1", "STATUS#open", 4000, 120)};
  // USER#7 is also the most throttled; GSI1's STATUS#open is not; table's USER#9 only throttled.
  run.hotKeysByThrottles = {hot("table", "USER#7", 35, 0), hot("table", "USER#9", 2, 0)};
  HotKeyTableModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.setRun(run);

  ASSERT_EQ(model.rowCount(), 3);
  EXPECT_EQ(cell(model, 0, HotKeyTableModel::kOwnerColumn), "table");
  EXPECT_EQ(cell(model, 0, HotKeyTableModel::kKeyColumn), "USER#7");
  EXPECT_EQ(cell(model, 0, HotKeyTableModel::kUnitsColumn), "9,000");
  EXPECT_EQ(cell(model, 0, HotKeyTableModel::kThrottlesColumn), "35");
  EXPECT_EQ(cell(model, 1, HotKeyTableModel::kOwnerColumn), "GSI1");
  EXPECT_EQ(cell(model, 1, HotKeyTableModel::kThrottlesColumn), "-");
  EXPECT_EQ(cell(model, 2, HotKeyTableModel::kKeyColumn), "USER#9");
  EXPECT_EQ(cell(model, 2, HotKeyTableModel::kUnitsColumn), "-");
  // An estimate with an error says how far off it may be.
  EXPECT_EQ(cell(model, 1, HotKeyTableModel::kUnitsColumn, Qt::ToolTipRole).left(22),
            "Between 3,880 and 4,00");
  EXPECT_TRUE(cell(model, 0, HotKeyTableModel::kUnitsColumn, Qt::ToolTipRole).isEmpty());
  for (int column = 0; column < HotKeyTableModel::kColumnCount; ++column) {
    EXPECT_FALSE(model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
  }

  model.setRun(sim::RunResult{});
  EXPECT_EQ(model.rowCount(), 0);
}

}  // namespace
}  // namespace kvlab::ui
