#include "ui/models/design_comparison_model.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QColor>
#include <QFont>
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "model/design/planner.h"
#include "model/io/project_file.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/models/plan_table_model.h"

namespace kvlab::ui {
namespace {

using Model = DesignComparisonModel;

class DesignComparisonModelTest : public test::UiTest {};

QString cell(const Model& model, int row, int column, int role = Qt::DisplayRole) {
  return model.index(row, column).data(role).toString();
}

bool bold(const Model& model, int row, int column) {
  const QVariant font = model.index(row, column).data(Qt::FontRole);
  return font.isValid() && font.value<QFont>().bold();
}

// The row whose first cell starts with `text`, or -1.
int rowStartingWith(const Model& model, const QString& text) {
  for (int row = 0; row < model.rowCount(); ++row) {
    if (cell(model, row, Model::kMeasureColumn).startsWith(text)) return row;
  }
  return -1;
}

model::Project loadProject(const std::filesystem::path& path) {
  model::ProjectLoadResult load = model::loadProjectFile(path);
  EXPECT_TRUE(load.ok()) << path;
  return load.ok() ? *load.project : model::Project{};
}

// The shop sample's design and the same without GSI1 (a customer's orders), planned.
struct ShopPlans {
  model::DesignPlan withGsi1;
  model::DesignPlan withoutGsi1;
};

ShopPlans shopPlans() {
  model::Project project = loadProject(test::shopSample());
  model::Design design = project.designs.front();
  design.name = "no-gsi1";
  std::erase_if(design.gsis, [](const model::SecondaryIndex& gsi) { return gsi.name == "GSI1"; });
  design.plan.reset();
  const auto prices = test::defaultPrices();
  return {model::planDesign(project, project.designs.front(), *prices),
          model::planDesign(project, design, *prices)};
}

TEST_F(DesignComparisonModelTest, passesTheModelTesterOnEveryPairOfDesignsOfAFile) {
  const auto prices = test::defaultPrices();
  ASSERT_NE(prices, nullptr);
  std::vector<std::filesystem::path> files = test::sampleFiles();
  for (const auto& file : test::corpusDesignFiles()) files.push_back(file);
  Model model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  int pairs = 0;
  for (const auto& file : files) {
    model::Project project = loadProject(file);
    // A file with one design gets a second: the first without its last GSI, or with none at all.
    if (project.designs.size() == 1) {
      model::Design fewer = project.designs.front();
      fewer.name += "-fewer-gsis";
      if (!fewer.gsis.empty()) fewer.gsis.pop_back();
      fewer.plan.reset();
      project.designs.push_back(fewer);
    }
    std::vector<model::DesignPlan> plans;
    for (const model::Design& design : project.designs) {
      plans.push_back(model::planDesign(project, design, *prices));
    }
    for (const model::DesignPlan& a : plans) {
      for (const model::DesignPlan& b : plans) {
        const model::DesignComparison comparison = model::compareDesignPlans(a, b);
        model.setComparison(comparison);
        ++pairs;
        const int heading = model.patternsHeadingRow();
        ASSERT_EQ(heading, 8) << file;
        ASSERT_EQ(model.rowCount(), heading + 1 + static_cast<int>(comparison.patterns.size()));
        EXPECT_EQ(model.headerData(Model::kDesignAColumn, Qt::Horizontal).toString(),
                  QString::fromStdString(a.design));
        EXPECT_EQ(model.headerData(Model::kDesignBColumn, Qt::Horizontal).toString(),
                  QString::fromStdString(b.design));
        for (int row = 0; row < model.rowCount(); ++row) {
          // A summary row is bold exactly when its values differ; every pattern row differs.
          if (model.rowKind(row) == Model::RowKind::Summary) {
            EXPECT_EQ(model.rowDiffers(row), bold(model, row, 0))
                << file << " " << a.design << "/" << b.design << " row " << row;
          } else {
            EXPECT_EQ(model.rowDiffers(row), row != heading);
          }
          if (model.rowDiffers(row)) {
            EXPECT_NE(cell(model, row, Model::kDesignAColumn),
                      cell(model, row, Model::kDesignBColumn))
                << file << " " << a.design << "/" << b.design << " row " << row;
          }
          for (int column = 0; column < Model::kColumnCount; ++column) {
            if (row != heading && column != Model::kChangeColumn) {
              EXPECT_FALSE(cell(model, row, column).isEmpty()) << file << " row " << row;
            }
          }
        }
        if (&a == &b) {
          EXPECT_EQ(comparison.differingRowCount(), 0) << file;
        }
      }
    }
  }
  // Three samples have two designs; every other sample and corpus file gets a second.
  EXPECT_GE(pairs, 3 * 4 + 8 * 4);
  model.clear();
  EXPECT_EQ(model.rowCount(), 0);
  EXPECT_EQ(model.patternsHeadingRow(), -1);
}

TEST_F(DesignComparisonModelTest, showsTheShopWithoutGsi1AsKvlabCompareDoes) {
  const ShopPlans plans = shopPlans();
  Model model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.setComparison(model::compareDesignPlans(plans.withGsi1, plans.withoutGsi1));

  EXPECT_EQ(model.headerData(Model::kDesignAColumn, Qt::Horizontal).toString(), "single-table");
  EXPECT_EQ(model.headerData(Model::kDesignBColumn, Qt::Horizontal).toString(), "no-gsi1");
  // kvlab compare: "GSIs  2  1  *", "LSIs  0  0".
  EXPECT_EQ(cell(model, 0, Model::kMeasureColumn), "GSIs");
  EXPECT_EQ(cell(model, 0, Model::kDesignAColumn), "2");
  EXPECT_EQ(cell(model, 0, Model::kDesignBColumn), "1");
  EXPECT_EQ(cell(model, 0, Model::kChangeColumn), "-1");
  EXPECT_TRUE(bold(model, 0, Model::kDesignBColumn));
  EXPECT_EQ(model.index(0, 1).data(Qt::BackgroundRole).value<QColor>(),
            Model::differingBackground());
  EXPECT_EQ(cell(model, 1, Model::kMeasureColumn), "LSIs");
  EXPECT_FALSE(bold(model, 1, Model::kDesignAColumn));
  EXPECT_FALSE(model.index(1, 1).data(Qt::BackgroundRole).isValid());
  EXPECT_EQ(cell(model, 1, Model::kChangeColumn), "");
  // "patterns served by key  7  6  *", "on-demand a month  $55977.86  $125942851.16  *".
  EXPECT_EQ(cell(model, 2, Model::kDesignAColumn), "7");
  EXPECT_EQ(cell(model, 2, Model::kDesignBColumn), "6");
  const int onDemand = rowStartingWith(model, "On demand");
  ASSERT_GE(onDemand, 0);
  EXPECT_EQ(cell(model, onDemand, Model::kDesignAColumn), "$55,977.86");
  EXPECT_EQ(cell(model, onDemand, Model::kDesignBColumn), "$125,942,851.16");
  // The change relative to A: in percent, or how many times A from ten times on; the amount in
  // the tooltip.
  EXPECT_EQ(cell(model, onDemand, Model::kChangeColumn), QString::fromUtf8("\u00d72,250"));
  EXPECT_EQ(cell(model, onDemand, Model::kChangeColumn, Qt::ToolTipRole),
            "no-gsi1 minus single-table: +$125,886,873.30");
  const int storage = rowStartingWith(model, "Storage");
  EXPECT_EQ(cell(model, storage, Model::kChangeColumn), "-30%");
  EXPECT_EQ(cell(model, storage, Model::kChangeColumn, Qt::ToolTipRole),
            "no-gsi1 minus single-table: -$2.06");
  EXPECT_EQ(cell(model, rowStartingWith(model, "Write units"), Model::kChangeColumn), "-23%");

  // "Patterns served differently:" AP2, AP5, AP6, AP8.
  const int heading = model.patternsHeadingRow();
  EXPECT_EQ(model.rowKind(heading), Model::RowKind::PatternsHeading);
  EXPECT_EQ(cell(model, heading, Model::kMeasureColumn), "Patterns served differently: 4");
  ASSERT_EQ(model.rowCount(), heading + 5);
  const int ap2 = heading + 1;
  EXPECT_EQ(model.rowKind(ap2), Model::RowKind::Pattern);
  EXPECT_EQ(cell(model, ap2, Model::kMeasureColumn), "AP2  A customer's orders, newest first");
  EXPECT_EQ(cell(model, ap2, Model::kDesignAColumn), "GSI1 Query, 1 u/req");
  EXPECT_EQ(cell(model, ap2, Model::kDesignBColumn), "table Scan (unserved), 1,532,922.5 u/req");
  EXPECT_EQ(cell(model, ap2, Model::kChangeColumn), "+1,532,921.5");
  EXPECT_EQ(model.index(ap2, Model::kDesignBColumn).data(Qt::BackgroundRole).value<QColor>(),
            PlanTableModel::unservedBackground());
  EXPECT_FALSE(model.index(ap2, Model::kDesignAColumn).data(Qt::BackgroundRole).isValid());
  EXPECT_TRUE(cell(model, ap2, Model::kDesignBColumn, Qt::ToolTipRole).contains("Not served"));
  EXPECT_EQ(cell(model, heading + 2, Model::kDesignAColumn), "table TransactWriteItems, 10 u/req");
  EXPECT_EQ(cell(model, heading + 2, Model::kDesignBColumn), "table TransactWriteItems, 9 u/req");
  EXPECT_EQ(cell(model, heading + 3, Model::kChangeColumn), "-2");
}

TEST_F(DesignComparisonModelTest, saysSoWhenNoPatternIsServedDifferently) {
  const ShopPlans plans = shopPlans();
  Model model;
  model.setComparison(model::compareDesignPlans(plans.withGsi1, plans.withGsi1));

  EXPECT_EQ(model.rowCount(), 9);
  EXPECT_EQ(cell(model, 8, Model::kMeasureColumn), "No pattern is served differently");
  for (int row = 0; row < 8; ++row) {
    EXPECT_FALSE(model.rowDiffers(row)) << row;
    EXPECT_EQ(cell(model, row, Model::kChangeColumn), "") << row;
  }
}

TEST_F(DesignComparisonModelTest, explainsEveryColumnAndRowInATooltip) {
  const ShopPlans plans = shopPlans();
  Model model;
  EXPECT_EQ(model.headerData(Model::kDesignAColumn, Qt::Horizontal).toString(), "A");
  model.setComparison(model::compareDesignPlans(plans.withGsi1, plans.withoutGsi1));

  for (int column = 0; column < Model::kColumnCount; ++column) {
    EXPECT_FALSE(model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty())
        << column;
  }
  EXPECT_TRUE(model.headerData(Model::kDesignBColumn, Qt::Horizontal, Qt::ToolTipRole)
                  .toString()
                  .contains("no-gsi1"));
  for (int row = 0; row < model.rowCount(); ++row) {
    EXPECT_FALSE(cell(model, row, Model::kMeasureColumn, Qt::ToolTipRole).isEmpty()) << row;
  }
}

}  // namespace
}  // namespace kvlab::ui
