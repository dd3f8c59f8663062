#include "ui/models/plan_table_model.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>

#include "model/design/planner.h"
#include "model/io/project_file.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"

namespace kvlab::ui {
namespace {

class PlanTableModelTest : public test::UiTest {};

model::DesignPlan planOfShopSample() {
  const model::ProjectLoadResult loaded = model::loadProjectFile(test::shopSample());
  EXPECT_TRUE(loaded.ok());
  const auto prices = test::defaultPrices();
  return model::planDesign(*loaded.project, loaded.project->designs.at(0), *prices);
}

int rowOf(const PlanTableModel& model, const QString& patternId) {
  for (int row = 0; row < model.rowCount(); ++row) {
    if (model.index(row, PlanTableModel::kIdColumn).data().toString() == patternId) return row;
  }
  return -1;
}

QString cell(const PlanTableModel& model, int row, int column, int role = Qt::DisplayRole) {
  return model.index(row, column).data(role).toString();
}

TEST_F(PlanTableModelTest, passesTheModelTesterOverEveryCorpusDesign) {
  const auto files = test::corpusDesignFiles();
  ASSERT_FALSE(files.empty()) << "no corpus beside the checkout";
  const auto prices = test::defaultPrices();
  ASSERT_NE(prices, nullptr);
  int designs = 0;
  for (const std::filesystem::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    const model::ProjectLoadResult loaded = model::loadProjectFile(file);
    ASSERT_TRUE(loaded.ok());
    for (const model::Design& design : loaded.project->designs) {
      SCOPED_TRACE(design.name);
      PlanTableModel model;
      QAbstractItemModelTester tester(&model,
                                      QAbstractItemModelTester::FailureReportingMode::Fatal);
      model.setPlan(model::planDesign(*loaded.project, design, *prices));

      ASSERT_EQ(model.rowCount(), static_cast<int>(loaded.project->accessPatterns.size()));
      EXPECT_EQ(model.columnCount(), PlanTableModel::kColumnCount);
      for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
          for (int role : {Qt::DisplayRole, Qt::ToolTipRole, Qt::BackgroundRole,
                           Qt::TextAlignmentRole, Qt::DecorationRole}) {
            (void)model.index(row, column).data(role);
          }
        }
      }
      model.clear();
      EXPECT_EQ(model.rowCount(), 0);
      ++designs;
    }
  }
  EXPECT_GE(designs, static_cast<int>(files.size()));
}

TEST_F(PlanTableModelTest, showsThePlannersNumbersForEachPattern) {
  PlanTableModel model;
  model.setPlan(planOfShopSample());

  ASSERT_EQ(model.rowCount(), 8);
  const int ap1 = rowOf(model, "AP1");
  ASSERT_EQ(ap1, 0);
  EXPECT_EQ(cell(model, ap1, PlanTableModel::kNameColumn), "Get a customer by id");
  EXPECT_EQ(cell(model, ap1, PlanTableModel::kIndexColumn), "table");
  EXPECT_EQ(cell(model, ap1, PlanTableModel::kOperationColumn), "GetItem");
  EXPECT_EQ(cell(model, ap1, PlanTableModel::kKeyConditionColumn),
            "PK = CUSTOMER#{customerId} AND SK = PROFILE");
  EXPECT_EQ(cell(model, ap1, PlanTableModel::kItemsColumn), "1");
  EXPECT_EQ(cell(model, ap1, PlanTableModel::kReadUnitsColumn), "0.5");
  EXPECT_EQ(cell(model, ap1, PlanTableModel::kWriteUnitsColumn), "0");
  EXPECT_EQ(cell(model, ap1, PlanTableModel::kRateColumn), "400 / 1,500");
  EXPECT_EQ(cell(model, ap1, PlanTableModel::kWarningsColumn), "0");
  EXPECT_FALSE(model.index(ap1, 0).data(Qt::BackgroundRole).isValid());

  // AP4 reads 100 keys-only entries from GSI2 and fetches each item from the table.
  const int ap4 = rowOf(model, "AP4");
  EXPECT_EQ(cell(model, ap4, PlanTableModel::kIndexColumn), "GSI2");
  EXPECT_EQ(cell(model, ap4, PlanTableModel::kReadUnitsColumn), "51.5");
  EXPECT_EQ(cell(model, ap4, PlanTableModel::kWarningsColumn), "1");
  EXPECT_TRUE(cell(model, ap4, PlanTableModel::kWarningsColumn, Qt::ToolTipRole)
                  .startsWith("fetch-items: index GSI2 does not project every attribute"));

  // AP5's transaction writes four items at twice the units.
  EXPECT_EQ(cell(model, rowOf(model, "AP5"), PlanTableModel::kOperationColumn),
            "TransactWriteItems");
  EXPECT_EQ(cell(model, rowOf(model, "AP5"), PlanTableModel::kWriteUnitsColumn), "10");
}

TEST_F(PlanTableModelTest, marksAnUnservedPatternAndListsItsWarningsInTheTooltip) {
  PlanTableModel model;
  model.setPlan(planOfShopSample());
  const int ap8 = rowOf(model, "AP8");
  ASSERT_EQ(ap8, 7);

  EXPECT_EQ(cell(model, ap8, PlanTableModel::kOperationColumn), "Scan (unserved)");
  EXPECT_EQ(cell(model, ap8, PlanTableModel::kKeyConditionColumn), "filter: orderDate");
  EXPECT_EQ(cell(model, ap8, PlanTableModel::kItemsColumn), "49,050,000");
  EXPECT_EQ(cell(model, ap8, PlanTableModel::kWarningsColumn), "3");
  for (int column = 0; column < model.columnCount(); ++column) {
    EXPECT_EQ(model.index(ap8, column).data(Qt::BackgroundRole).value<QColor>(),
              PlanTableModel::unservedBackground());
  }
  const QString warnings = cell(model, ap8, PlanTableModel::kWarningsColumn, Qt::ToolTipRole);
  EXPECT_TRUE(warnings.contains("scan: Scan of the table"));
  EXPECT_TRUE(warnings.contains("filter: "));
  EXPECT_TRUE(warnings.contains("aggregate-client-side: "));
  EXPECT_TRUE(cell(model, ap8, PlanTableModel::kNameColumn, Qt::ToolTipRole)
                  .startsWith("Not served: no table or index has a partition key"));
}

TEST_F(PlanTableModelTest, tintsAServedScanApartFromAnUnservedOne) {
  model::DesignPlan plan;
  model::PatternPlan scan;
  scan.patternId = "AP1";
  scan.served = true;  // the pattern asks for a Scan
  scan.scan = true;
  scan.operation = model::Operation::Scan;
  plan.patterns.push_back(scan);
  PlanTableModel model;
  model.setPlan(plan);

  EXPECT_EQ(model.index(0, 0).data(Qt::BackgroundRole).value<QColor>(),
            PlanTableModel::scanBackground());
  EXPECT_NE(PlanTableModel::scanBackground(), PlanTableModel::unservedBackground());
  EXPECT_EQ(cell(model, 0, PlanTableModel::kOperationColumn), "Scan");
}

TEST_F(PlanTableModelTest, explainsReadAndWriteUnitsInTheHeaderTooltips) {
  PlanTableModel model;
  EXPECT_EQ(model.headerData(PlanTableModel::kReadUnitsColumn, Qt::Horizontal).toString(),
            "RU/req");
  const QString read =
      model.headerData(PlanTableModel::kReadUnitsColumn, Qt::Horizontal, Qt::ToolTipRole)
          .toString();
  EXPECT_TRUE(read.contains("strongly consistent read of up to 4 KB")) << read.toStdString();
  EXPECT_TRUE(read.contains("eventually consistent read costs half")) << read.toStdString();
  const QString write =
      model.headerData(PlanTableModel::kWriteUnitsColumn, Qt::Horizontal, Qt::ToolTipRole)
          .toString();
  EXPECT_TRUE(write.contains("1 KB")) << write.toStdString();
  for (int column = 0; column < PlanTableModel::kColumnCount; ++column) {
    EXPECT_FALSE(model.headerData(column, Qt::Horizontal).toString().isEmpty());
    EXPECT_FALSE(model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
  }
}

TEST_F(PlanTableModelTest, resetsWhenGivenANewPlan) {
  PlanTableModel model;
  QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

  model.setPlan(planOfShopSample());
  model.clear();

  EXPECT_EQ(reset.count(), 2);
  EXPECT_EQ(model.rowCount(), 0);
  EXPECT_TRUE(model.plan().patterns.empty());
}

}  // namespace
}  // namespace kvlab::ui
