#include "ui/views/plan_view.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QHeaderView>
#include <QTableView>

#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/document/project_document.h"
#include "ui/models/capacity_table_model.h"
#include "ui/models/plan_table_model.h"

namespace kvlab::ui {
namespace {

using test::qtPath;

class PlanViewTest : public test::UiTest {};

QString planCell(const PlanView& view, int row, int column) {
  return view.planModel()->index(row, column).data().toString();
}

TEST_F(PlanViewTest, plansTheFirstDesignOfALoadedProject) {
  ProjectDocument document;
  PlanView view(&document, test::defaultPrices(), {});
  EXPECT_EQ(view.designCount(), 0);
  EXPECT_EQ(view.planModel()->rowCount(), 0);

  ASSERT_TRUE(document.load(qtPath(test::shopSample())));

  EXPECT_EQ(view.designCount(), 1);
  EXPECT_EQ(view.currentDesign(), "single-table");
  ASSERT_EQ(view.planModel()->rowCount(), 8);
  EXPECT_EQ(planCell(view, 0, PlanTableModel::kOperationColumn), "GetItem");
  EXPECT_EQ(view.capacityModel()->rowCount(), 4);
  EXPECT_TRUE(view.summaryText().startsWith("7 of 8 patterns served by key; 1 runs as a Scan."))
      << view.summaryText().toStdString();
  EXPECT_TRUE(view.summaryText().contains("on demand"));
}

TEST_F(PlanViewTest, plansAgainWhenAnotherDesignIsChosenOrTheDocumentChanges) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  PlanView view(&document, test::defaultPrices(), {});
  model::Design withoutGsis = document.project().designs.front();
  withoutGsis.name = "no-gsis";
  withoutGsis.gsis.clear();
  withoutGsis.plan.reset();

  document.addDesign(withoutGsis);

  // The selection stays where it was; the new design is offered beside it.
  ASSERT_EQ(view.designCount(), 2);
  EXPECT_EQ(view.currentDesign(), "single-table");
  EXPECT_EQ(planCell(view, 1, PlanTableModel::kIndexColumn), "GSI1");

  ASSERT_TRUE(view.selectDesign(1));

  EXPECT_EQ(view.currentDesign(), "no-gsis");
  // Without GSI1, a customer's orders need a Scan.
  EXPECT_EQ(planCell(view, 1, PlanTableModel::kIdColumn), "AP2");
  EXPECT_EQ(planCell(view, 1, PlanTableModel::kOperationColumn), "Scan (unserved)");
  EXPECT_EQ(view.capacityModel()->rowCount(), 2);
  EXPECT_FALSE(view.selectDesign(2));

  auto* selector = view.findChild<QComboBox*>("planDesignSelector");
  ASSERT_NE(selector, nullptr);
  selector->setCurrentIndex(0);
  EXPECT_EQ(view.currentDesign(), "single-table");
}

TEST_F(PlanViewTest, saysWhyThereIsNoPlan) {
  ProjectDocument document;
  PlanView view(&document, test::defaultPrices(), {});
  EXPECT_TRUE(view.summaryText().contains("no designs")) << view.summaryText().toStdString();

  test::TempDir dir;
  test::writeFile(dir / "broken.kvlab.json", test::kBrokenProjectJson);
  ASSERT_TRUE(document.load(qtPath(dir / "broken.kvlab.json")));
  model::Design design;
  design.name = "d";
  design.table.name = "T";
  design.table.pk = "PK";
  document.addDesign(design);

  EXPECT_EQ(view.designCount(), 1);
  EXPECT_EQ(view.planModel()->rowCount(), 0);
  EXPECT_EQ(view.capacityModel()->rowCount(), 0);
  EXPECT_TRUE(view.summaryText().contains("errors")) << view.summaryText().toStdString();
}

TEST_F(PlanViewTest, saysSoWhenThereIsNoPriceSheet) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  PlanView view(&document, nullptr, "prices.json: error: cannot read the file");

  EXPECT_EQ(view.planModel()->rowCount(), 0);
  EXPECT_EQ(view.summaryText(), "No plan: prices.json: error: cannot read the file");
}

TEST_F(PlanViewTest, sizesColumnsToTheirContentAndLetsTheKeyConditionTakeTheRest) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  PlanView view(&document, test::defaultPrices(), {});
  view.resize(1280, 700);
  view.show();
  auto* table = view.findChild<QTableView*>("planTable");
  ASSERT_NE(table, nullptr);

  const QAbstractItemView* asView = table;
  EXPECT_GE(table->columnWidth(PlanTableModel::kNameColumn),
            std::min(320, asView->sizeHintForColumn(PlanTableModel::kNameColumn)));
  EXPECT_EQ(table->horizontalHeader()->sectionResizeMode(PlanTableModel::kKeyConditionColumn),
            QHeaderView::Stretch);
  EXPECT_GE(table->columnWidth(PlanTableModel::kKeyConditionColumn), 200);
}

}  // namespace
}  // namespace kvlab::ui
