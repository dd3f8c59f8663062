#include "ui/models/run_table_model.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>

#include "tests/ui/qt_test_application.h"

namespace kvlab::ui {
namespace {

class RunTableModelTest : public test::UiTest {};

QString cell(const QAbstractItemModel& model, int row, int column, int role = Qt::DisplayRole) {
  return model.index(row, column).data(role).toString();
}

sim::RunResult twoPatternRun() {
  sim::RunResult run;
  run.engine = "dynamodb";
  run.durationSeconds = 10;
  sim::PatternResult get;
  get.id = "AP1";
  get.requests = 12345;
  get.succeeded = 12000;
  get.failed = 345;
  get.throttled = 700;
  get.throttlesByReason = {{"PartitionReadLimit", 700}};
  get.latency = {12000, 3.14, 8.2, 15.77, 20, 31, 4};
  get.timeline.resize(10);
  sim::PatternResult scan;
  scan.id = "AP8";
  scan.requests = 3;
  scan.failed = 3;  // none succeeded: no latency
  run.patterns = {get, scan};
  return run;
}

TEST_F(RunTableModelTest, showsEachPatternsRequestsThrottlesFailuresAndPercentiles) {
  RunTableModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

  model.setRun(twoPatternRun());

  ASSERT_EQ(model.rowCount(), 2);
  EXPECT_EQ(model.columnCount(), RunTableModel::kColumnCount);
  EXPECT_EQ(model.engine(), "dynamodb");
  EXPECT_EQ(cell(model, 0, RunTableModel::kPatternColumn), "AP1");
  EXPECT_EQ(cell(model, 0, RunTableModel::kRequestsColumn), "12,345");
  EXPECT_EQ(cell(model, 0, RunTableModel::kSucceededColumn), "12,000");
  EXPECT_EQ(cell(model, 0, RunTableModel::kThrottledColumn), "700");
  EXPECT_EQ(cell(model, 0, RunTableModel::kFailedColumn), "345");
  EXPECT_EQ(cell(model, 0, RunTableModel::kP50Column), "3.1");
  EXPECT_EQ(cell(model, 0, RunTableModel::kP95Column), "8.2");
  EXPECT_EQ(cell(model, 0, RunTableModel::kP99Column), "15.8");
  EXPECT_TRUE(cell(model, 0, RunTableModel::kThrottledColumn, Qt::ToolTipRole)
                  .contains("PartitionReadLimit"));
  // A pattern none of whose requests succeeded has no latency, not a latency of 0.
  EXPECT_EQ(cell(model, 1, RunTableModel::kP99Column), "-");
  EXPECT_EQ(cell(model, 1, RunTableModel::kFailedColumn), "3");
  EXPECT_EQ(model.headerData(RunTableModel::kP99Column, Qt::Horizontal).toString(), "p99 ms");

  model.clear();
  EXPECT_EQ(model.rowCount(), 0);
  EXPECT_TRUE(model.engine().isEmpty());
}

}  // namespace
}  // namespace kvlab::ui
