#include "ui/models/capacity_table_model.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QFont>

#include "model/design/planner.h"
#include "model/io/project_file.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/models/number_text.h"

namespace kvlab::ui {
namespace {

class CapacityTableModelTest : public test::UiTest {};

QString cell(const CapacityTableModel& model, int row, int column) {
  return model.index(row, column).data().toString();
}

TEST_F(CapacityTableModelTest, passesTheModelTesterOverEveryCorpusDesign) {
  const auto files = test::corpusDesignFiles();
  ASSERT_FALSE(files.empty());
  const auto prices = test::defaultPrices();
  ASSERT_NE(prices, nullptr);
  for (const std::filesystem::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    const model::ProjectLoadResult loaded = model::loadProjectFile(file);
    ASSERT_TRUE(loaded.ok());
    for (const model::Design& design : loaded.project->designs) {
      CapacityTableModel model;
      QAbstractItemModelTester tester(&model,
                                      QAbstractItemModelTester::FailureReportingMode::Fatal);
      const model::DesignPlan plan = model::planDesign(*loaded.project, design, *prices);
      model.setPlan(plan);
      // The table, each GSI, and the totals.
      EXPECT_EQ(model.rowCount(), 1 + static_cast<int>(design.gsis.size()) + 1);
      EXPECT_EQ(model.totalRow(), model.rowCount() - 1);
    }
  }
}

TEST_F(CapacityTableModelTest, showsEachOwnersLoadAndTheMonthlyCostOfTheShopSample) {
  const model::ProjectLoadResult loaded = model::loadProjectFile(test::shopSample());
  ASSERT_TRUE(loaded.ok());
  const model::DesignPlan plan =
      model::planDesign(*loaded.project, loaded.project->designs.at(0), *test::defaultPrices());
  CapacityTableModel model;
  model.setPlan(plan);

  ASSERT_EQ(model.rowCount(), 4);
  EXPECT_EQ(cell(model, 0, CapacityTableModel::kNameColumn), "table");
  EXPECT_EQ(cell(model, 1, CapacityTableModel::kNameColumn), "GSI1");
  EXPECT_EQ(cell(model, 2, CapacityTableModel::kNameColumn), "GSI2");
  // GSI1 serves AP2 (250/s mean, 900 peak) at one read unit a request.
  EXPECT_EQ(cell(model, 1, CapacityTableModel::kReadUnitsColumn), "250 / 900");
  EXPECT_EQ(cell(model, 1, CapacityTableModel::kOnDemandColumn),
            dollarsText(plan.capacity[1].onDemandMonthly));

  const int total = model.totalRow();
  EXPECT_EQ(total, 3);
  EXPECT_EQ(cell(model, total, CapacityTableModel::kNameColumn), "Total");
  EXPECT_EQ(cell(model, total, CapacityTableModel::kOnDemandColumn),
            dollarsText(plan.monthlyCost.onDemand));
  EXPECT_EQ(cell(model, total, CapacityTableModel::kProvisionedColumn),
            dollarsText(plan.monthlyCost.provisioned));
  EXPECT_EQ(cell(model, total, CapacityTableModel::kStorageColumn),
            dollarsText(plan.monthlyCost.storage));
  // The table 380 / 1,850 and each GSI 160 / 700 (the order update rewrites their entries).
  EXPECT_EQ(cell(model, total, CapacityTableModel::kWriteUnitsColumn), "700 / 3,250");
  EXPECT_TRUE(model.index(total, 0).data(Qt::FontRole).value<QFont>().bold());
  EXPECT_FALSE(model.index(0, 0).data(Qt::FontRole).isValid());
}

TEST_F(CapacityTableModelTest, hasNoRowsWithoutAPlan) {
  CapacityTableModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  EXPECT_EQ(model.rowCount(), 0);
  EXPECT_EQ(model.totalRow(), -1);
}

}  // namespace
}  // namespace kvlab::ui
