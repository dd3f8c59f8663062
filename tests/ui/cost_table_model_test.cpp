#include "ui/models/cost_table_model.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QFont>
#include <memory>
#include <string>
#include <vector>

#include "model/design/planner.h"
#include "model/io/project_file.h"
#include "simulator/core/runner.h"
#include "simulator/engines/engine_registry.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/models/number_text.h"

namespace kvlab::ui {
namespace {

class CostTableModelTest : public test::UiTest {};

QString cell(const CostTableModel& model, int row, int column) {
  return model.index(row, column).data().toString();
}

model::Project shopProject() {
  model::ProjectLoadResult loaded = model::loadProjectFile(test::shopSample());
  EXPECT_TRUE(loaded.ok());
  return loaded.ok() ? std::move(*loaded.project) : model::Project{};
}

// A real run of the shop sample's design on `engine`, short, as `kvlab simulate` makes it.
sim::RunResult shopRun(const std::string& engine, const sim::EngineSettings& settings = {}) {
  const model::Project project = shopProject();
  const auto prices = test::defaultPrices();
  const model::Design& design = project.designs.at(0);
  const model::DesignPlan plan = model::planDesign(project, design, *prices);
  std::string error;
  std::unique_ptr<sim::Engine> created = sim::createEngine(engine, settings, &error);
  EXPECT_NE(created, nullptr) << error;
  if (!created) return {};
  sim::RunOptions options;
  options.seed = 1;
  options.durationSeconds = 2;
  sim::Runner runner(options);
  const sim::EngineInput input{project, design,       plan,
                               *prices, options.seed, options.durationSeconds};
  sim::RunOutcome outcome = runner.run(*created, input);
  EXPECT_TRUE(outcome.status.ok()) << outcome.status.message();
  return std::move(outcome.result);
}

// The cells that show money, with their figure's text.
void expectMoney(const CostTableModel& model, int row, int column, const QString& text) {
  SCOPED_TRACE(column);
  EXPECT_EQ(cell(model, row, column), text);
  EXPECT_EQ(model.index(row, column).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
            Qt::AlignRight | Qt::AlignVCenter);
}

TEST_F(CostTableModelTest, passesTheModelTesterOverEveryCorpusDesign) {
  const auto files = test::corpusDesignFiles();
  ASSERT_FALSE(files.empty());
  const auto prices = test::defaultPrices();
  ASSERT_NE(prices, nullptr);
  sim::RunResult run;
  run.engine = "relational";
  run.design = "d";
  run.durationSeconds = 5;
  run.monthlyCost = {"instance", "postgresql.json", 0, 0, 2.5, 170, 172.5};
  for (const std::filesystem::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    const model::ProjectLoadResult loaded = model::loadProjectFile(file);
    ASSERT_TRUE(loaded.ok());
    CostTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    std::vector<model::DesignPlan> plans;
    for (const model::Design& design : loaded.project->designs) {
      plans.push_back(model::planDesign(*loaded.project, design, *prices));
    }
    model.setPlans(plans);
    model.setRuns({run, run});
    EXPECT_EQ(model.rowCount(), static_cast<int>(plans.size()) + 2);
    EXPECT_EQ(model.planRowCount(), static_cast<int>(plans.size()));
    for (int r = 0; r < model.planRowCount(); ++r) {
      // A plan is billed on demand: its request units and its storage.
      const model::MonthlyCost& cost = plans[static_cast<std::size_t>(r)].monthlyCost;
      EXPECT_EQ(cell(model, r, CostTableModel::kTotalColumn),
                dollarsText(cost.onDemand + cost.storage));
    }
    model.clearPlans();
    EXPECT_EQ(model.rowCount(), 2);
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
  }
}

TEST_F(CostTableModelTest, showsThePlannersMonthForTheShopSample) {
  const model::Project project = shopProject();
  const model::DesignPlan plan =
      model::planDesign(project, project.designs.at(0), *test::defaultPrices());
  CostTableModel model;
  model.setPlans({plan});

  ASSERT_EQ(model.rowCount(), 1);
  EXPECT_EQ(cell(model, 0, CostTableModel::kWhatColumn), "single-table");
  // AP8 (orders per day) only a Scan can serve: still priced, and the row says so.
  EXPECT_EQ(cell(model, 0, CostTableModel::kSourceColumn), "plan, 1 unserved");
  EXPECT_TRUE(model.index(0, CostTableModel::kWhatColumn)
                  .data(Qt::ToolTipRole)
                  .toString()
                  .contains("1 pattern only a Scan can serve"));
  EXPECT_EQ(cell(model, 0, CostTableModel::kBillingColumn), "on-demand");
  expectMoney(model, 0, CostTableModel::kRequestsColumn, dollarsText(plan.monthlyCost.onDemand));
  expectMoney(model, 0, CostTableModel::kStorageColumn, dollarsText(plan.monthlyCost.storage));
  expectMoney(model, 0, CostTableModel::kServersColumn, "-");
  expectMoney(model, 0, CostTableModel::kTotalColumn,
              dollarsText(plan.monthlyCost.onDemand + plan.monthlyCost.storage));
  expectMoney(model, 0, CostTableModel::kProvisionedColumn,
              dollarsText(plan.monthlyCost.provisioned));
  // The sample's figures, as `kvlab plan` prints them.
  EXPECT_EQ(cell(model, 0, CostTableModel::kRequestsColumn), "$55,977.86");
  EXPECT_EQ(cell(model, 0, CostTableModel::kProvisionedColumn), "$21,253.14");
  EXPECT_TRUE(
      model.index(0, CostTableModel::kTotalColumn).data(Qt::FontRole).value<QFont>().bold());
  EXPECT_TRUE(model.row(0).plan);
}

TEST_F(CostTableModelTest, showsEachRunAsItsCostReportSays) {
  const sim::RunResult dynamodb = shopRun("dynamodb");
  const sim::RunResult provisioned = shopRun("dynamodb", {{"capacity", "provisioned"}});
  const sim::RunResult relational = shopRun("relational");
  ASSERT_GT(dynamodb.requests, 0);
  CostTableModel model;
  model.setRuns({dynamodb, provisioned, relational});

  ASSERT_EQ(model.rowCount(), 3);
  EXPECT_EQ(model.planRowCount(), 0);
  EXPECT_EQ(cell(model, 0, CostTableModel::kWhatColumn), "dynamodb: single-table");
  EXPECT_EQ(cell(model, 0, CostTableModel::kSourceColumn), "simulated 2 s");
  EXPECT_EQ(cell(model, 0, CostTableModel::kBillingColumn), "on-demand");
  const sim::CostReport& onDemand = dynamodb.monthlyCost;
  expectMoney(model, 0, CostTableModel::kRequestsColumn, dollarsText(onDemand.onDemand));
  expectMoney(model, 0, CostTableModel::kStorageColumn, dollarsText(onDemand.storage));
  expectMoney(model, 0, CostTableModel::kServersColumn, "-");
  expectMoney(model, 0, CostTableModel::kTotalColumn, dollarsText(onDemand.total));
  expectMoney(model, 0, CostTableModel::kProvisionedColumn, dollarsText(onDemand.provisioned));
  EXPECT_TRUE(model.index(0, CostTableModel::kProvisionedColumn)
                  .data(Qt::ToolTipRole)
                  .toString()
                  .startsWith("Not in the total"));

  // Provisioned: the capacity is what the month is billed.
  EXPECT_EQ(cell(model, 1, CostTableModel::kBillingColumn), "provisioned");
  expectMoney(model, 1, CostTableModel::kRequestsColumn,
              dollarsText(provisioned.monthlyCost.provisioned));
  expectMoney(model, 1, CostTableModel::kTotalColumn, dollarsText(provisioned.monthlyCost.total));

  // A PostgreSQL-like server: billed by the hour, no request charge, no DynamoDB capacity.
  const sim::CostReport& server = relational.monthlyCost;
  ASSERT_GT(server.instances, 0);
  EXPECT_EQ(cell(model, 2, CostTableModel::kWhatColumn), "relational: single-table");
  EXPECT_EQ(cell(model, 2, CostTableModel::kBillingColumn), "instances");
  expectMoney(model, 2, CostTableModel::kRequestsColumn, "-");
  expectMoney(model, 2, CostTableModel::kStorageColumn, dollarsText(server.storage));
  expectMoney(model, 2, CostTableModel::kServersColumn, dollarsText(server.instances));
  expectMoney(model, 2, CostTableModel::kTotalColumn, dollarsText(server.total));
  expectMoney(model, 2, CostTableModel::kProvisionedColumn, "-");
  EXPECT_TRUE(model.index(2, CostTableModel::kWhatColumn)
                  .data(Qt::ToolTipRole)
                  .toString()
                  .contains("seed 1, mean rates"));

  // Every row's charges add up to its total, so that the chart's bars are the totals.
  for (int r = 0; r < model.rowCount(); ++r) {
    const CostTableModel::Row& row = model.row(r);
    EXPECT_NEAR(row.requests.value_or(0) + row.storage + row.servers.value_or(0), row.total, 1e-6)
        << r;
  }
}

TEST_F(CostTableModelTest, keepsThePlansAndTheRunsApartWhenEitherChanges) {
  const model::Project project = shopProject();
  const model::DesignPlan plan =
      model::planDesign(project, project.designs.at(0), *test::defaultPrices());
  sim::RunResult run;
  run.engine = "cache";
  run.design = "single-table";
  run.durationSeconds = 10;
  run.rate = "peak";
  run.cancelled = true;
  run.monthlyCost = {"instance", "redis.json", 0, 0, 0, 159.87, 159.87};
  CostTableModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

  model.setRuns({run});
  model.setPlans({plan, plan});

  ASSERT_EQ(model.rowCount(), 3);
  // Plans first, then runs.
  EXPECT_EQ(cell(model, 1, CostTableModel::kSourceColumn), "plan, 1 unserved");
  EXPECT_EQ(cell(model, 2, CostTableModel::kSourceColumn), "simulated 10 s, peak rates, cancelled");
  EXPECT_EQ(cell(model, 2, CostTableModel::kTotalColumn), "$159.87");
  model.setPlans({});
  ASSERT_EQ(model.rowCount(), 1);
  EXPECT_EQ(cell(model, 0, CostTableModel::kWhatColumn), "cache: single-table");
  model.setRuns({});
  EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(CostTableModelTest, explainsEveryColumnInItsHeader) {
  CostTableModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  EXPECT_EQ(model.rowCount(), 0);
  for (int column = 0; column < CostTableModel::kColumnCount; ++column) {
    SCOPED_TRACE(column);
    EXPECT_FALSE(model.headerData(column, Qt::Horizontal).toString().isEmpty());
    EXPECT_GT(model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().size(), 40);
  }
  EXPECT_TRUE(model.headerData(CostTableModel::kStorageColumn, Qt::Horizontal, Qt::ToolTipRole)
                  .toString()
                  .contains("GB-month"));
  EXPECT_TRUE(model.headerData(CostTableModel::kBillingColumn, Qt::Horizontal, Qt::ToolTipRole)
                  .toString()
                  .contains("provisioned: DynamoDB charges by the hour"));
}

}  // namespace
}  // namespace kvlab::ui
