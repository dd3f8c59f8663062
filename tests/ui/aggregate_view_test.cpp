#include "ui/views/aggregate_view.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QTableView>
#include <QUndoStack>

#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/document/project_document.h"
#include "ui/models/aggregate_table_model.h"

namespace kvlab::ui {
namespace {

class AggregateViewTest : public test::UiTest {};

TEST_F(AggregateViewTest, offersTheTableThenEachGsiAndShowsTheirEntitiesInTheLegend) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(test::qtPath(test::shopSample())));
  AggregateView view(&document);

  ASSERT_EQ(view.designCount(), 1);
  ASSERT_EQ(view.indexCount(), 3);  // the table, GSI1, GSI2
  const auto* selector = view.findChild<QComboBox*>("aggregateIndexSelector");
  ASSERT_NE(selector, nullptr);
  EXPECT_EQ(selector->itemText(0), "Table OnlineShop");
  EXPECT_EQ(selector->itemText(1), "GSI GSI1");
  EXPECT_EQ(view.model()->indexName(), "");
  EXPECT_EQ(view.legendEntities(), (QStringList{"Customer", "Product", "Order", "OrderItem"}));
  EXPECT_TRUE(view.summaryText().startsWith("12 items in 9 item collections."))
      << view.summaryText().toStdString();
  // The order's collection (its two line items and itself) under one merged partition key.
  bool merged = false;
  for (int row = 0; row < view.model()->rowCount(); ++row) {
    merged = merged || view.table()->rowSpan(row, AggregateTableModel::kPartitionKeyColumn) == 3;
  }
  EXPECT_TRUE(merged);

  ASSERT_TRUE(view.selectIndex(1));
  EXPECT_EQ(view.model()->indexName(), "GSI1");
  EXPECT_EQ(view.legendEntities(), QStringList{"Order"});
  EXPECT_TRUE(view.summaryText().contains("GSI1 holds the items that carry GSI1PK and GSI1SK"))
      << view.summaryText().toStdString();
  EXPECT_FALSE(view.selectIndex(3));
}

TEST_F(AggregateViewTest, keepsTheIndexChosenWhenADesignIsAdoptedAndFollowsUndo) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(test::qtPath(test::shopSample())));
  AggregateView view(&document);
  ASSERT_TRUE(view.selectIndex(2));

  model::Design adopted = document.project().designs.front();
  adopted.name = "adopted";
  adopted.gsis.pop_back();
  document.addDesign(adopted);
  EXPECT_EQ(view.designCount(), 2);
  EXPECT_EQ(view.model()->designName(), "single-table");
  EXPECT_EQ(view.model()->indexName(), "GSI2");

  ASSERT_TRUE(view.selectDesign(1));
  EXPECT_EQ(view.model()->designName(), "adopted");
  EXPECT_EQ(view.indexCount(), 2);
  // GSI2 is not in the adopted design: the table instead.
  EXPECT_EQ(view.model()->indexName(), "");

  document.undoStack()->undo();
  EXPECT_EQ(view.designCount(), 1);
  EXPECT_EQ(view.model()->designName(), "single-table");
  EXPECT_EQ(view.model()->rowCount(), 4 * AggregateTableModel::kSampleItemsPerEntity);
}

}  // namespace
}  // namespace kvlab::ui
