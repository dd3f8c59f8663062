#include "report/report_data.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "report/cell_text.h"
#include "tests/report/report_test_support.h"

namespace kvlab::report {
namespace {

const Table* findTable(const std::vector<Table>& tables, const std::string& id) {
  for (const Table& t : tables) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

const Table* findTable(const ReportData& report, const std::string& id) {
  for (const Section& s : report.sections) {
    if (const Table* t = findTable(s.tables, id)) return t;
  }
  return nullptr;
}

int column(const Table& t, const std::string& name) {
  auto at = std::find(t.columns.begin(), t.columns.end(), name);
  EXPECT_NE(at, t.columns.end()) << name;
  return static_cast<int>(at - t.columns.begin());
}

TEST(ReportData, shouldHaveTheModelDesignPlanAndCostSections) {
  const model::Project project = test::loadProject(test::shopSample());
  const ReportData report = test::reportOf(project);
  ASSERT_EQ(report.sections.size(), 4u);
  EXPECT_EQ(report.sections[0].id, "model");
  EXPECT_EQ(report.sections[3].id, "cost");
  ASSERT_NE(findTable(report, "entities"), nullptr);
  EXPECT_EQ(findTable(report, "entities")->rows.size(), project.entities.size());
  EXPECT_EQ(findTable(report, "access-patterns")->rows.size(), project.accessPatterns.size());
  for (const Section& s : report.sections) {
    for (const Table& t : s.tables) {
      for (const auto& row : t.rows) EXPECT_EQ(row.size(), t.columns.size()) << t.id;
    }
  }
}

TEST(ReportData, shouldShowThePlansUnitsAndCostAsThePlannerComputesThem) {
  const model::Project project = test::loadProject(test::shopSample());
  const model::DesignPlan plan =
      model::planDesign(project, project.designs.front(), test::prices());
  const ReportData report = test::reportOf(project);
  const Table* t = findTable(report, "plan");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), plan.patterns.size());
  const int ru = column(*t, "RU/req");
  const int ruPerSecond = column(*t, "RU/s mean");
  for (std::size_t i = 0; i < plan.patterns.size(); ++i) {
    const model::PatternPlan& p = plan.patterns[i];
    EXPECT_EQ(std::get<Number>(t->rows[i][static_cast<std::size_t>(ru)]).value,
              p.readUnitsPerRequest);
    EXPECT_DOUBLE_EQ(std::get<Number>(t->rows[i][static_cast<std::size_t>(ruPerSecond)]).value,
                     p.readUnitsPerRequest * p.requestsPerSecondMean);
  }
  const Table* cost = findTable(report, "capacity");
  ASSERT_NE(cost, nullptr);
  ASSERT_EQ(cost->rows.size(), plan.capacity.size() + 1);  // each owner, then the total
  EXPECT_EQ(std::get<std::string>(cost->rows[1][0]), "GSI1");
  EXPECT_EQ(
      std::get<Number>(cost->rows.back()[static_cast<std::size_t>(column(*cost, "On-demand $"))])
          .value,
      plan.monthlyCost.onDemand);
}

TEST(ReportData, aggregateViewShouldPutAnOrdersLineItemsInItsItemCollection) {
  const model::Project project = test::loadProject(test::shopSample());
  const ReportData report = test::reportOf(project);
  const Table* t = findTable(report, "aggregate-view");
  ASSERT_NE(t, nullptr);
  const auto pk = static_cast<std::size_t>(column(*t, "PK"));
  const auto sk = static_cast<std::size_t>(column(*t, "SK"));
  // The rows are sorted by PK, SK: order 1's items come right before order 1 itself.
  std::vector<std::string> keys;
  for (const auto& row : t->rows) {
    keys.push_back(cellText(row[0]) + " " + cellText(row[pk]) + " " + cellText(row[sk]));
  }
  bool found = false;
  for (std::size_t i = 0; i + 1 < t->rows.size(); ++i) {
    if (cellText(t->rows[i][0]) == "OrderItem" && cellText(t->rows[i + 1][0]) == "Order") {
      EXPECT_EQ(cellText(t->rows[i][pk]), cellText(t->rows[i + 1][pk]));
      EXPECT_EQ(cellText(t->rows[i][sk]).rfind("ITEM#", 0), 0u);
      EXPECT_EQ(cellText(t->rows[i + 1][sk]), "ORDER");
      found = true;
    }
  }
  EXPECT_TRUE(found) << ::testing::PrintToString(keys);
  // GSI keys are filled too: an order's GSI1PK is its customer's partition.
  const auto gsi1pk = static_cast<std::size_t>(column(*t, "GSI1PK"));
  for (const auto& row : t->rows) {
    if (cellText(row[0]) == "Order") {
      EXPECT_EQ(cellText(row[gsi1pk]).rfind("CUSTOMER#", 0), 0u);
    }
    if (cellText(row[0]) == "Customer") {
      EXPECT_EQ(cellText(row[gsi1pk]), "");
    }
  }
}

TEST(ReportData, exampleValuesShouldBeTheSameForAnAttributeNameInEveryEntity) {
  model::Attribute a;
  a.name = "orderId";
  a.format = "uuid";
  EXPECT_EQ(exampleValue(a, 1), exampleValue(a, 1));
  EXPECT_NE(exampleValue(a, 1), exampleValue(a, 2));
  model::Attribute status;
  status.name = "status";
  status.format = "enum:pending|paid";
  EXPECT_EQ(exampleValue(status, 1), "pending");
  EXPECT_EQ(exampleValue(status, 2), "paid");
}

TEST(ReportData, aRunShouldBringItsPercentilesHeatMapAndTimeline) {
  const model::Project project = test::loadProject(test::shopSample());
  const model::Design& design = project.designs.front();
  const model::DesignPlan plan = model::planDesign(project, design, test::prices());
  sim::RunResult run = test::simulate(project, design, plan, test::prices(), 5);
  const double p99 = run.patterns.front().latency.p99;
  const ReportData report = test::reportOf(project, &design, {run});
  ASSERT_EQ(report.runs.size(), 1u);
  const RunSection& r = report.runs.front();
  const Table* patterns = findTable(r.tables, "run1-patterns");
  ASSERT_NE(patterns, nullptr);
  EXPECT_EQ(
      std::get<Number>(patterns->rows[0][static_cast<std::size_t>(column(*patterns, "p99 ms"))])
          .value,
      p99);
  EXPECT_EQ(r.latency.bars.size(), run.patterns.size());
  EXPECT_EQ(r.heat.rows.size(), run.partitions.heat.size());
  EXPECT_GT(r.heat.maxValue, 0);
  EXPECT_GE(r.heat.columns, 5);
  double requests = 0;
  for (double v : r.timeline.requests) requests += v;
  EXPECT_EQ(requests, static_cast<double>(run.requests));
}

}  // namespace
}  // namespace kvlab::report
