#include "ui/views/plan_view.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QFont>
#include <QHeaderView>
#include <QTableView>
#include <QUndoStack>
#include <algorithm>

#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/commands/edit_design_command.h"
#include "ui/document/project_document.h"
#include "ui/models/capacity_table_model.h"
#include "ui/models/design_comparison_model.h"
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

// The shop sample's design, then the same without GSI1 as a second design "no-gsi1".
void addDesignWithoutGsi1(ProjectDocument& document) {
  model::Design withoutGsi1 = document.project().designs.front();
  withoutGsi1.name = "no-gsi1";
  std::erase_if(withoutGsi1.gsis,
                [](const model::SecondaryIndex& gsi) { return gsi.name == "GSI1"; });
  withoutGsi1.plan.reset();
  document.addDesign(withoutGsi1);
}

QString comparisonCell(const PlanView& view, int row, int column) {
  return view.comparisonModel()->index(row, column).data().toString();
}

TEST_F(PlanViewTest, comparesWithASecondDesignChosenBesideTheFirst) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  addDesignWithoutGsi1(document);
  PlanView view(&document, test::defaultPrices(), {});
  view.resize(1280, 800);
  view.show();
  auto* selector = view.findChild<QComboBox*>("planCompareSelector");
  ASSERT_NE(selector, nullptr);
  auto* comparisonTable = view.findChild<QTableView*>("comparisonTable");
  auto* comparedTable = view.findChild<QTableView*>("comparedPlanTable");
  auto* capacityTable = view.findChild<QTableView*>("capacityTable");
  ASSERT_TRUE(comparisonTable && comparedTable && capacityTable);

  // At first nothing is compared: one plan and its capacity table.
  ASSERT_EQ(selector->count(), 3);
  EXPECT_EQ(selector->itemText(0), "(none)");
  EXPECT_EQ(view.comparedDesign(), "");
  EXPECT_EQ(view.comparisonModel()->rowCount(), 0);
  EXPECT_FALSE(comparisonTable->isVisible());
  EXPECT_FALSE(comparedTable->isVisible());
  EXPECT_TRUE(capacityTable->isVisible());

  ASSERT_TRUE(view.selectComparedDesign(1));

  EXPECT_EQ(view.currentDesign(), "single-table");
  EXPECT_EQ(view.comparedDesign(), "no-gsi1");
  EXPECT_EQ(selector->currentText(), "no-gsi1");
  EXPECT_TRUE(comparisonTable->isVisible());
  EXPECT_TRUE(comparedTable->isVisible());
  EXPECT_FALSE(capacityTable->isVisible());
  // The rates are the project's: beside another plan the room goes to the keys.
  auto* planTable = view.findChild<QTableView*>("planTable");
  EXPECT_TRUE(planTable->isColumnHidden(PlanTableModel::kRateColumn));
  EXPECT_FALSE(planTable->isColumnHidden(PlanTableModel::kNameColumn));
  EXPECT_TRUE(comparedTable->isColumnHidden(PlanTableModel::kNameColumn));
  // Both plans, row for row: a customer's orders on GSI1, and by a Scan without it.
  ASSERT_EQ(view.comparedPlanModel()->rowCount(), 8);
  EXPECT_EQ(planCell(view, 1, PlanTableModel::kIndexColumn), "GSI1");
  EXPECT_EQ(view.comparedPlanModel()->index(1, PlanTableModel::kOperationColumn).data(),
            "Scan (unserved)");
  // The comparison: one GSI fewer, in bold, and AP2 among the patterns served differently.
  const DesignComparisonModel* comparison = view.comparisonModel();
  EXPECT_EQ(comparisonCell(view, 0, DesignComparisonModel::kMeasureColumn), "GSIs");
  EXPECT_EQ(comparisonCell(view, 0, DesignComparisonModel::kDesignAColumn), "2");
  EXPECT_EQ(comparisonCell(view, 0, DesignComparisonModel::kDesignBColumn), "1");
  EXPECT_TRUE(comparison->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
  const int heading = comparison->patternsHeadingRow();
  EXPECT_EQ(comparisonCell(view, heading, 0), "Patterns served differently: 4");
  EXPECT_TRUE(comparisonCell(view, heading + 1, 0).startsWith("AP2"));
  // The totals in one table, the patterns in the other, their heading across it.
  auto* patternsTable = view.findChild<QTableView*>("comparisonPatternsTable");
  ASSERT_NE(patternsTable, nullptr);
  EXPECT_TRUE(patternsTable->isVisible());
  EXPECT_TRUE(comparisonTable->isRowHidden(heading));
  EXPECT_FALSE(comparisonTable->isRowHidden(0));
  EXPECT_TRUE(patternsTable->isRowHidden(0));
  EXPECT_FALSE(patternsTable->isRowHidden(heading + 1));
  EXPECT_EQ(patternsTable->columnSpan(heading, 0), DesignComparisonModel::kColumnCount);
  EXPECT_EQ(comparison->headerData(DesignComparisonModel::kDesignBColumn, Qt::Horizontal),
            "no-gsi1");
  // The line under the tables sums up each design.
  EXPECT_TRUE(view.summaryText().startsWith("single-table: 7 of 8 patterns served by key"))
      << view.summaryText().toStdString();
  EXPECT_TRUE(view.summaryText().contains("\nno-gsi1: 6 of 8 patterns served by key"))
      << view.summaryText().toStdString();

  // The compared design chosen first is compared with the other way round.
  ASSERT_TRUE(view.selectDesign(1));
  ASSERT_TRUE(view.selectComparedDesign(0));
  EXPECT_EQ(comparisonCell(view, 0, DesignComparisonModel::kDesignAColumn), "1");
  EXPECT_EQ(comparisonCell(view, 0, DesignComparisonModel::kDesignBColumn), "2");

  EXPECT_FALSE(view.selectComparedDesign(2));
  EXPECT_FALSE(view.selectComparedDesign(-2));
  EXPECT_EQ(view.comparedDesign(), "single-table");
  ASSERT_TRUE(view.selectComparedDesign(-1));
  EXPECT_EQ(view.comparedDesign(), "");
  EXPECT_EQ(view.comparisonModel()->rowCount(), 0);
  EXPECT_EQ(view.comparedPlanModel()->rowCount(), 0);
  EXPECT_TRUE(capacityTable->isVisible());
  EXPECT_FALSE(planTable->isColumnHidden(PlanTableModel::kRateColumn));
  EXPECT_TRUE(view.summaryText().startsWith("6 of 8 patterns served by key"))
      << view.summaryText().toStdString();
}

TEST_F(PlanViewTest, comparesAgainWhenTheComparedDesignIsEdited) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  addDesignWithoutGsi1(document);
  PlanView view(&document, test::defaultPrices(), {});
  ASSERT_TRUE(view.selectComparedDesign(1));
  EXPECT_EQ(comparisonCell(view, 0, DesignComparisonModel::kDesignBColumn), "1");

  model::Design noGsis = document.project().designs[1];
  noGsis.gsis.clear();
  document.undoStack()->push(new EditDesignCommand(&document, 1, noGsis));

  EXPECT_EQ(view.comparedDesign(), "no-gsi1");
  EXPECT_EQ(comparisonCell(view, 0, DesignComparisonModel::kDesignBColumn), "0");
  EXPECT_EQ(view.comparedPlanModel()->index(3, PlanTableModel::kOperationColumn).data(),
            "Scan (unserved)");
}

TEST_F(PlanViewTest, fallsBackToNoComparisonWhenTheComparedDesignIsRemoved) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  PlanView view(&document, test::defaultPrices(), {});
  view.show();
  auto* selector = view.findChild<QComboBox*>("planCompareSelector");
  ASSERT_NE(selector, nullptr);
  EXPECT_FALSE(selector->isEnabled()) << "one design: nothing to compare with but itself";
  addDesignWithoutGsi1(document);
  EXPECT_TRUE(selector->isEnabled());
  ASSERT_TRUE(view.selectComparedDesign(1));
  ASSERT_EQ(view.comparedDesign(), "no-gsi1");

  document.undoStack()->undo();  // the design added is gone

  EXPECT_EQ(selector->count(), 2);
  EXPECT_EQ(selector->currentIndex(), 0);
  EXPECT_EQ(selector->currentText(), "(none)");
  EXPECT_EQ(view.comparedDesign(), "");
  EXPECT_EQ(view.comparisonModel()->rowCount(), 0);
  EXPECT_EQ(view.comparedPlanModel()->rowCount(), 0);
  EXPECT_TRUE(view.findChild<QTableView*>("capacityTable")->isVisible());
  EXPECT_FALSE(view.findChild<QTableView*>("comparisonTable")->isVisible());
  EXPECT_EQ(view.currentDesign(), "single-table");
  EXPECT_EQ(view.planModel()->rowCount(), 8);
}

TEST_F(PlanViewTest, showsNoComparisonWhenThereIsNoPlan) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  addDesignWithoutGsi1(document);
  PlanView view(&document, nullptr, "prices.json: error: cannot read the file");

  EXPECT_TRUE(view.selectComparedDesign(1));
  EXPECT_EQ(view.comparedDesign(), "");
  EXPECT_EQ(view.comparisonModel()->rowCount(), 0);
  EXPECT_EQ(view.summaryText(), "No plan: prices.json: error: cannot read the file");
}

}  // namespace
}  // namespace kvlab::ui
