#include "model/design/design_comparison.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "model/capacity/price_sheet.h"
#include "model/design/planner.h"
#include "model/io/project_file.h"
#include "tests/support/test_files.h"

namespace kvlab::model {
namespace {

const capacity::PriceSheet& prices() {
  static const capacity::PriceSheet sheet = [] {
    auto load =
        capacity::PriceSheet::load(test::sourceDir() / "data/prices/us-east-1-2024-11.json");
    EXPECT_TRUE(load.ok());
    return *load.sheet;
  }();
  return sheet;
}

Project loadSample(const std::string& name) {
  ProjectLoadResult load = loadProjectFile(test::sourceDir() / "samples" / name);
  EXPECT_TRUE(load.ok()) << name;
  return load.ok() ? *load.project : Project{};
}

DesignPlan planNamed(const Project& project, const std::string& design) {
  for (const Design& candidate : project.designs) {
    if (candidate.name == design) return planDesign(project, candidate, prices());
  }
  ADD_FAILURE() << "no design " << design;
  return {};
}

const PatternDifference* findDifference(const DesignComparison& comparison,
                                        const std::string& patternId) {
  for (const PatternDifference& difference : comparison.patterns) {
    if (difference.patternId == patternId) return &difference;
  }
  return nullptr;
}

// The shop sample's design, and the same design without GSI1 (a customer's orders by date).
struct ShopWithoutGsi1 {
  Project project = loadSample("online-shop.kvlab.json");
  DesignPlan withGsi1;
  DesignPlan withoutGsi1;

  ShopWithoutGsi1() {
    Design design = project.designs.front();
    design.name = "no-gsi1";
    std::erase_if(design.gsis, [](const SecondaryIndex& gsi) { return gsi.name == "GSI1"; });
    design.plan.reset();
    project.designs.push_back(design);
    withGsi1 = planNamed(project, "single-table");
    withoutGsi1 = planNamed(project, "no-gsi1");
  }
};

TEST(DesignComparison, aRemovedGsiShowsAsADifferingGsisRowAndThePatternsItServedAsDifferent) {
  const ShopWithoutGsi1 shop;
  const DesignComparison comparison = compareDesignPlans(shop.withGsi1, shop.withoutGsi1);

  EXPECT_EQ(comparison.designA, "single-table");
  EXPECT_EQ(comparison.designB, "no-gsi1");
  const ComparisonSummaryRow& gsis = comparison.row(ComparisonMeasure::Gsis);
  EXPECT_EQ(gsis.a, 2);
  EXPECT_EQ(gsis.b, 1);
  EXPECT_TRUE(gsis.differs);
  EXPECT_FALSE(comparison.row(ComparisonMeasure::Lsis).differs);
  const ComparisonSummaryRow& served = comparison.row(ComparisonMeasure::PatternsServedByKey);
  EXPECT_EQ(served.a, 7);
  EXPECT_EQ(served.b, 6);
  EXPECT_TRUE(served.differs);

  // A customer's orders ran on GSI1; without it only a Scan of the table finds them.
  const PatternDifference* ap2 = findDifference(comparison, "AP2");
  ASSERT_NE(ap2, nullptr);
  ASSERT_TRUE(ap2->a && ap2->b);
  EXPECT_EQ(ap2->patternName, "A customer's orders, newest first");
  EXPECT_EQ(ap2->a->index, "GSI1");
  EXPECT_EQ(ap2->a->operation, Operation::Query);
  EXPECT_TRUE(ap2->a->served);
  EXPECT_EQ(ap2->b->index, "table");
  EXPECT_EQ(ap2->b->operation, Operation::Scan);
  EXPECT_FALSE(ap2->b->served);
  // An order is written to one index fewer: placing one and changing its status cost less.
  const PatternDifference* ap6 = findDifference(comparison, "AP6");
  ASSERT_NE(ap6, nullptr);
  EXPECT_LT(ap6->b->writeUnitsPerRequest, ap6->a->writeUnitsPerRequest);
  EXPECT_NE(findDifference(comparison, "AP5"), nullptr);
  // Looking up a customer or a product never touched GSI1.
  EXPECT_EQ(findDifference(comparison, "AP1"), nullptr);
  EXPECT_EQ(findDifference(comparison, "AP7"), nullptr);

  // The scan costs far more than the GSI saves; storage is less without the index's entries.
  const ComparisonSummaryRow& onDemand = comparison.row(ComparisonMeasure::OnDemandMonthly);
  EXPECT_GT(onDemand.b, onDemand.a);
  EXPECT_TRUE(onDemand.differs);
  const ComparisonSummaryRow& storage = comparison.row(ComparisonMeasure::StorageMonthly);
  EXPECT_LT(storage.b, storage.a);
  EXPECT_TRUE(storage.differs);
}

TEST(DesignComparison, listsTheRowsInTheOrderKvlabComparePrintsThem) {
  const ShopWithoutGsi1 shop;
  const DesignComparison comparison = compareDesignPlans(shop.withGsi1, shop.withoutGsi1);

  ASSERT_EQ(comparison.rows.size(), 8u);
  EXPECT_EQ(comparisonMeasureLabel(comparison.rows[0].measure), "GSIs");
  EXPECT_EQ(comparisonMeasureLabel(comparison.rows[2].measure), "patterns served by key");
  EXPECT_EQ(comparisonMeasureLabel(comparison.rows[3].measure), "read units/s (mean)");
  EXPECT_EQ(comparison.rows[3].kind, ComparisonValueKind::Units);
  EXPECT_EQ(comparisonMeasureLabel(comparison.rows[7].measure), "storage a month");
  EXPECT_EQ(comparison.rows[7].kind, ComparisonValueKind::Dollars);
  EXPECT_EQ(comparison.rows[0].kind, ComparisonValueKind::Count);
  // The patterns in the project's order.
  ASSERT_EQ(comparison.patterns.size(), 4u);
  EXPECT_EQ(comparison.patterns.front().patternId, "AP2");
  EXPECT_EQ(comparison.patterns.back().patternId, "AP8");
}

TEST(DesignComparison, swappingTheDesignsSwapsTheSides) {
  const ShopWithoutGsi1 shop;
  const DesignComparison forward = compareDesignPlans(shop.withGsi1, shop.withoutGsi1);
  const DesignComparison backward = compareDesignPlans(shop.withoutGsi1, shop.withGsi1);

  ASSERT_EQ(forward.rows.size(), backward.rows.size());
  for (std::size_t i = 0; i < forward.rows.size(); ++i) {
    EXPECT_EQ(forward.rows[i].a, backward.rows[i].b);
    EXPECT_EQ(forward.rows[i].differs, backward.rows[i].differs);
  }
  ASSERT_EQ(forward.patterns.size(), backward.patterns.size());
  EXPECT_EQ(backward.patterns.front().a->index, "table");
  EXPECT_EQ(backward.patterns.front().b->index, "GSI1");
}

TEST(DesignComparison, findsNothingDifferentBetweenADesignAndItself) {
  for (const auto& file : test::sampleFiles()) {
    ProjectLoadResult load = loadProjectFile(file);
    ASSERT_TRUE(load.ok()) << file;
    for (const Design& design : load.project->designs) {
      const DesignPlan plan = planDesign(*load.project, design, prices());
      const DesignComparison comparison = compareDesignPlans(plan, plan);
      EXPECT_EQ(comparison.differingRowCount(), 0) << file << " " << design.name;
      EXPECT_TRUE(comparison.patterns.empty()) << file << " " << design.name;
    }
  }
}

TEST(DesignComparison, showsThatAShardSuffixCutsTheReadsOfALowCardinalityKey) {
  const Project project = loadSample("status-key.kvlab.json");
  const DesignComparison comparison =
      compareDesignPlans(planNamed(project, "by-status"), planNamed(project, "sharded"));

  EXPECT_FALSE(comparison.row(ComparisonMeasure::Gsis).differs);
  EXPECT_FALSE(comparison.row(ComparisonMeasure::WriteUnitsPerSecond).differs);
  const ComparisonSummaryRow& reads = comparison.row(ComparisonMeasure::ReadUnitsPerSecond);
  EXPECT_TRUE(reads.differs);
  EXPECT_GT(reads.a, 1000 * reads.b);
  ASSERT_EQ(comparison.patterns.size(), 1u);
  const PatternDifference& byStatus = comparison.patterns.front();
  EXPECT_EQ(byStatus.a->index, byStatus.b->index);
  EXPECT_EQ(byStatus.a->operation, byStatus.b->operation);
  EXPECT_GT(byStatus.a->readUnitsPerRequest, byStatus.b->readUnitsPerRequest);
}

TEST(DesignComparison, keepsAPatternOnlyOnePlanHasOnItsSide) {
  const ShopWithoutGsi1 shop;
  DesignPlan fewer = shop.withGsi1;
  fewer.patterns.erase(fewer.patterns.begin());  // AP1
  DesignPlan more = shop.withGsi1;

  const DesignComparison comparison = compareDesignPlans(fewer, more);
  ASSERT_EQ(comparison.patterns.size(), 1u);
  EXPECT_EQ(comparison.patterns[0].patternId, "AP1");
  EXPECT_FALSE(comparison.patterns[0].a);
  ASSERT_TRUE(comparison.patterns[0].b);
  EXPECT_EQ(comparison.patterns[0].b->operation, Operation::GetItem);

  const DesignComparison mirrored = compareDesignPlans(more, fewer);
  ASSERT_EQ(mirrored.patterns.size(), 1u);
  EXPECT_TRUE(mirrored.patterns[0].a);
  EXPECT_FALSE(mirrored.patterns[0].b);
}

TEST(DesignComparison, aDifferenceTooSmallToShowIsNoDifference) {
  DesignPlan a;
  DesignPlan b;
  a.readUnitsPerSecond = 1.001;
  b.readUnitsPerSecond = 1.004;  // both read "1"
  a.writeUnitsPerSecond = 1.004;
  b.writeUnitsPerSecond = 1.006;  // "1" and "1.01"
  a.monthlyCost.onDemand = 10.001;
  b.monthlyCost.onDemand = 10.004;  // "$10.00" both

  const DesignComparison comparison = compareDesignPlans(a, b);
  EXPECT_FALSE(comparison.row(ComparisonMeasure::ReadUnitsPerSecond).differs);
  EXPECT_TRUE(comparison.row(ComparisonMeasure::WriteUnitsPerSecond).differs);
  EXPECT_FALSE(comparison.row(ComparisonMeasure::OnDemandMonthly).differs);
  EXPECT_EQ(comparison.differingRowCount(), 1);
}

}  // namespace
}  // namespace kvlab::model
