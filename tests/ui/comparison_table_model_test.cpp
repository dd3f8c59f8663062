#include "ui/models/comparison_table_model.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>

#include "tests/ui/qt_test_application.h"
#include "ui/models/pattern_comparison_model.h"

namespace kvlab::ui {
namespace {

class ComparisonTableModelTest : public test::UiTest {};

QString cell(const QAbstractItemModel& model, int row, int column) {
  return model.index(row, column).data().toString();
}

sim::PatternResult pattern(const std::string& id, double p99, std::int64_t failed) {
  sim::PatternResult p;
  p.id = id;
  p.failed = failed;
  p.latency.count = p99 > 0 ? 100 : 0;
  p.latency.p99 = p99;
  return p;
}

std::vector<sim::RunResult> twoEngines() {
  sim::RunResult dynamodb;
  dynamodb.engine = "dynamodb";
  dynamodb.durationSeconds = 10;
  dynamodb.requests = 20000;
  dynamodb.succeeded = 19990;
  dynamodb.failed = 10;
  dynamodb.throttled = 2164;
  dynamodb.latency = {19990, 3.66, 8.8, 15.84, 20, 30, 4};
  dynamodb.monthlyCost.total = 6099.8;
  dynamodb.patterns = {pattern("AP1", 6.8, 0), pattern("AP8", 0, 10)};

  sim::RunResult relational = dynamodb;
  relational.engine = "relational";
  relational.failed = 0;
  relational.throttled = 0;
  relational.succeeded = 20000;
  relational.monthlyCost.total = 176.77;
  // Two servers: the busiest decides "busy", the one that saturates first "saturates at".
  sim::ServerReport db;
  db.name = "relational";
  db.cores = 2;
  db.utilization = 0.27;
  db.busyCoreSeconds = 4;  // 2 cores x 20000 requests / 4 s = 10,000/s
  sim::ServerReport cache;
  cache.name = "cache";
  cache.cores = 1;
  cache.utilization = 0.05;
  cache.busyCoreSeconds = 1;  // 20,000/s
  relational.servers = {db, cache};
  relational.patterns = {pattern("AP1", 0.5, 0), pattern("AP8", 2.5, 1)};
  return {dynamodb, relational};
}

TEST_F(ComparisonTableModelTest, setsTheEnginesSideBySideWithTheColumnsOfTheCommandLine) {
  ComparisonTableModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

  model.setRuns(twoEngines());

  ASSERT_EQ(model.rowCount(), 2);
  EXPECT_EQ(cell(model, 0, ComparisonTableModel::kEngineColumn), "dynamodb");
  EXPECT_EQ(cell(model, 0, ComparisonTableModel::kOfferedColumn), "2000.0");
  EXPECT_EQ(cell(model, 0, ComparisonTableModel::kDoneColumn), "1999.0");
  EXPECT_EQ(cell(model, 0, ComparisonTableModel::kThrottledColumn), "2,164");
  EXPECT_EQ(cell(model, 0, ComparisonTableModel::kP99Column), "15.8");
  // DynamoDB models no server: no utilization, no saturation estimate.
  EXPECT_EQ(cell(model, 0, ComparisonTableModel::kBusyColumn), "-");
  EXPECT_EQ(cell(model, 0, ComparisonTableModel::kSaturationColumn), "-");
  EXPECT_EQ(cell(model, 0, ComparisonTableModel::kMonthlyCostColumn), "$6,099.80");
  EXPECT_EQ(cell(model, 1, ComparisonTableModel::kBusyColumn), "27%");
  EXPECT_EQ(cell(model, 1, ComparisonTableModel::kSaturationColumn), "~10,000/s");
  EXPECT_EQ(cell(model, 1, ComparisonTableModel::kMonthlyCostColumn), "$176.77");

  model.clear();
  EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(ComparisonTableModelTest, showsEachPatternsP99OnEachEngine) {
  PatternComparisonModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

  model.setRuns(twoEngines());

  ASSERT_EQ(model.rowCount(), 2);
  ASSERT_EQ(model.columnCount(), 3);
  EXPECT_EQ(model.headerData(1, Qt::Horizontal).toString(), "dynamodb p99 ms");
  EXPECT_EQ(model.headerData(2, Qt::Horizontal).toString(), "relational p99 ms");
  EXPECT_EQ(cell(model, 0, 0), "AP1");
  EXPECT_EQ(cell(model, 0, 1), "6.8");
  EXPECT_EQ(cell(model, 0, 2), "0.5");
  EXPECT_EQ(cell(model, 1, 1), "failed");
  EXPECT_EQ(cell(model, 1, 2), "2.5 (1 failed)");

  model.clear();
  EXPECT_EQ(model.rowCount(), 0);
  EXPECT_EQ(model.columnCount(), 1);
}

}  // namespace
}  // namespace kvlab::ui
