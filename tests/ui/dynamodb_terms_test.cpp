#include "ui/models/dynamodb_terms.h"

#include <gtest/gtest.h>

#include <QAbstractItemModel>
#include <QSet>
#include <QTextDocument>
#include <cstdio>
#include <map>
#include <optional>
#include <vector>

#include "model/design/planner.h"
#include "model/io/project_file.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/document/project_document.h"
#include "ui/models/aggregate_table_model.h"
#include "ui/models/capacity_table_model.h"
#include "ui/models/comparison_table_model.h"
#include "ui/models/key_template_table_model.h"
#include "ui/models/pattern_comparison_model.h"
#include "ui/models/plan_table_model.h"
#include "ui/models/project_tree_model.h"
#include "ui/models/proposal_table_model.h"
#include "ui/models/run_table_model.h"
#include "ui/models/workload_pattern_table_model.h"
#include "ui/views/heat_map_widget.h"

namespace kvlab::ui {
namespace {

class DynamoDbTermsTest : public test::UiTest {};

// What a user reads of a rich-text tooltip.
QString plainOf(const QString& toolTip) {
  QTextDocument document;
  document.setHtml(toolTip);
  return document.toPlainText();
}

TEST_F(DynamoDbTermsTest, everyTermHasANameAndAShortTextOfItsOwn) {
  ASSERT_EQ(allDynamoDbTerms().size(), static_cast<std::size_t>(DynamoDbTerm::Aggregate) + 1);
  QSet<QString> names;
  QSet<QString> texts;
  for (DynamoDbTerm term : allDynamoDbTerms()) {
    const QString name = termName(term);
    const QString text = termText(term);
    SCOPED_TRACE(name.toStdString());
    EXPECT_FALSE(name.isEmpty());
    EXPECT_FALSE(text.isEmpty());
    EXPECT_TRUE(text.endsWith(QLatin1Char('.'))) << text.toStdString();
    EXPECT_LE(text.size(), 360) << "a tooltip, not a page: " << text.toStdString();
    EXPECT_FALSE(text.contains(QLatin1Char('%'))) << "an argument left unfilled";
    EXPECT_FALSE(text.contains(QStringLiteral("  ")));
    names << name;
    texts << text;
  }
  EXPECT_EQ(names.size(), static_cast<qsizetype>(allDynamoDbTerms().size()));
  EXPECT_EQ(texts.size(), static_cast<qsizetype>(allDynamoDbTerms().size()));
}

TEST_F(DynamoDbTermsTest, quotesTheNumbersOfTheDynamoDbRules) {
  // ../shared/reference/dynamodb-rules.md, §1, §2, §3.5, §4 and §5.
  const std::map<DynamoDbTerm, std::vector<QString>> facts = {
      {DynamoDbTerm::ReadCapacityUnit, {"4 KB", "half (0.5 per 4 KB)", "twice (2 per 4 KB)"}},
      {DynamoDbTerm::WriteCapacityUnit, {"1 KB", "twice (2 per 1 KB)", "the larger"}},
      {DynamoDbTerm::RequestUnits, {"4 KB", "1 KB"}},
      {DynamoDbTerm::Partition, {"3,000 read units", "1,000 write units", "10 GB"}},
      {DynamoDbTerm::Throttle, {"3,000", "1,000", "2 times the previous peak"}},
      {DynamoDbTerm::HotPartition, {"3,000", "1,000"}},
      {DynamoDbTerm::SplitForHeat, {"3,000", "1,000", "single item", "LSI"}},
      {DynamoDbTerm::ItemSize, {"400 KB", "name"}},
      {DynamoDbTerm::PartitionKey, {"2,048 bytes"}},
      {DynamoDbTerm::SortKey, {"1,024 bytes"}},
      {DynamoDbTerm::ItemCollection, {"10 GB"}},
      {DynamoDbTerm::Lsi, {"at most 5", "10 GB", "strongly consistent"}},
      {DynamoDbTerm::Gsi, {"eventually consistent only"}},
      {DynamoDbTerm::OnDemand, {"2 times its previous peak", "12,000 read", "4,000 write"}},
      {DynamoDbTerm::Provisioned, {"300 seconds"}},
      {DynamoDbTerm::Storage, {"GB-month", "100 bytes"}},
      {DynamoDbTerm::EventuallyConsistentRead, {"0.5 read units per 4 KB"}},
      {DynamoDbTerm::StronglyConsistentRead, {"1 read unit per 4 KB"}},
      {DynamoDbTerm::GetItem, {"4 KB", "at least 1 read unit (0.5 eventually consistent)"}},
      {DynamoDbTerm::Query, {"1 MB", "rounded up to 4 KB once"}},
      {DynamoDbTerm::Scan, {"1 MB"}},
      {DynamoDbTerm::BatchGetItem, {"100 items", "16 MB", "4 KB on its own"}},
      {DynamoDbTerm::TransactWriteItems, {"100 writes", "4 MB", "2 write units per 1 KB"}},
      {DynamoDbTerm::TransactGetItems, {"100 reads", "4 MB", "2 read units per 4 KB"}},
      {DynamoDbTerm::KeyTemplate, {"{attribute}", "{{"}},
  };
  for (const auto& [term, quoted] : facts) {
    const QString text = termText(term);
    for (const QString& fact : quoted) {
      EXPECT_TRUE(text.contains(fact)) << termName(term).toStdString() << " lacks \""
                                       << fact.toStdString() << "\": " << text.toStdString();
    }
  }
}

TEST_F(DynamoDbTermsTest, makesRichTextTooltipsThatQtWordWraps) {
  const QString tip = termToolTip(DynamoDbTerm::SortKey);
  EXPECT_TRUE(tip.startsWith("<p><b>Sort key</b>: ")) << tip.toStdString();
  EXPECT_TRUE(tip.endsWith("</p>"));
  EXPECT_TRUE(Qt::mightBeRichText(tip));
  // The text's own "<" and "<=" are escaped, so that they read as written.
  EXPECT_TRUE(tip.contains("&lt;=")) << tip.toStdString();
  EXPECT_EQ(plainOf(tip), "Sort key: " + termText(DynamoDbTerm::SortKey));

  const QString combined =
      termToolTip("Reads of <b>all</b>\nper second", {DynamoDbTerm::Gsi, DynamoDbTerm::Lsi});
  EXPECT_TRUE(combined.startsWith("<p>Reads of &lt;b&gt;all&lt;/b&gt;<br>per second</p>"))
      << combined.toStdString();
  EXPECT_TRUE(combined.contains(termToolTip(DynamoDbTerm::Gsi) + termToolTip(DynamoDbTerm::Lsi)));
  EXPECT_EQ(termToolTip(QString(), {DynamoDbTerm::Gsi}), termToolTip(DynamoDbTerm::Gsi));
  EXPECT_EQ(paragraphToolTip("a & b"), "<p>a &amp; b</p>");
}

TEST_F(DynamoDbTermsTest, namesEveryCallThePlannerUsesAndEveryActionAndConsistency) {
  using model::Operation;
  for (Operation operation :
       {Operation::GetItem, Operation::Query, Operation::Scan, Operation::BatchGetItem,
        Operation::PutItem, Operation::UpdateItem, Operation::DeleteItem,
        Operation::TransactWriteItems, Operation::TransactGetItems}) {
    EXPECT_EQ(termName(operationTerm(operation)),
              QString::fromStdString(std::string(model::operationName(operation))));
  }
  using model::Action;
  QSet<int> actions;
  for (Action action : {Action::Get, Action::Query, Action::Scan, Action::Put, Action::Update,
                        Action::Delete, Action::Transaction, Action::Aggregate}) {
    actions << static_cast<int>(actionTerm(action));
  }
  EXPECT_EQ(actions.size(), 8) << "each action its own term";
  EXPECT_EQ(consistencyTerm(model::Consistency::Strong), DynamoDbTerm::StronglyConsistentRead);
  EXPECT_EQ(consistencyTerm(model::Consistency::Eventual), DynamoDbTerm::EventuallyConsistentRead);
}

// The horizontal header labels that name a DynamoDB term, and the term each tooltip explains. A
// label means the same term in every model.
const std::map<QString, DynamoDbTerm>& termOfLabel() {
  static const std::map<QString, DynamoDbTerm> terms = {
      {"Pattern", DynamoDbTerm::AccessPattern},
      {"Name", DynamoDbTerm::AccessPattern},
      {"Index", DynamoDbTerm::Gsi},
      {"Operation", DynamoDbTerm::Scan},
      {"Key condition", DynamoDbTerm::KeyCondition},
      {"RU/req", DynamoDbTerm::ReadCapacityUnit},
      {"WU/req", DynamoDbTerm::WriteCapacityUnit},
      {"Capacity", DynamoDbTerm::Gsi},
      {"RU/s (mean/peak)", DynamoDbTerm::ReadCapacityUnit},
      {"WU/s (mean/peak)", DynamoDbTerm::WriteCapacityUnit},
      {"Provisioned RCU/WCU", DynamoDbTerm::Provisioned},
      {"Stored", DynamoDbTerm::Storage},
      {"On-demand $/month", DynamoDbTerm::OnDemand},
      {"Provisioned $/month", DynamoDbTerm::Provisioned},
      {"Storage $/month", DynamoDbTerm::Storage},
      {"Throttled", DynamoDbTerm::Throttle},
      {"Proposal", DynamoDbTerm::SingleTableDesign},
      {"GSIs (key attributes)", DynamoDbTerm::Gsi},
      {"Patterns served", DynamoDbTerm::Scan},
      {"On demand + storage $/month", DynamoDbTerm::OnDemand},
      {"Provisioned + storage $/month", DynamoDbTerm::Provisioned},
      {"Rate shape", DynamoDbTerm::OnDemand},
      {"Keys", DynamoDbTerm::HotPartition},
      {"Skew", DynamoDbTerm::HotPartition},
  };
  return terms;
}

// Checks the tooltip of every header section of `model` whose label names a term, and of the
// sections `byPosition` names (key columns, labelled with the key attribute's name); returns how
// many sections it checked.
int expectHeaderTerms(const QAbstractItemModel& model,
                      const std::map<int, DynamoDbTerm>& byPosition = {}) {
  int checked = 0;
  for (int section = 0; section < model.columnCount(); ++section) {
    const QString label = model.headerData(section, Qt::Horizontal).toString();
    std::optional<DynamoDbTerm> term;
    if (const auto it = byPosition.find(section); it != byPosition.end()) {
      term = it->second;
    } else if (const auto named = termOfLabel().find(label); named != termOfLabel().end()) {
      term = named->second;
    }
    if (!term) continue;
    SCOPED_TRACE(label.toStdString());
    const QString tip = model.headerData(section, Qt::Horizontal, Qt::ToolTipRole).toString();
    EXPECT_FALSE(tip.isEmpty());
    EXPECT_TRUE(tip.contains(termToolTip(*term))) << tip.toStdString();
    ++checked;
  }
  return checked;
}

class TermsOfTheShopSampleTest : public test::UiTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(document_.load(test::qtPath(test::shopSample())));
    prices_ = test::defaultPrices();
    ASSERT_NE(prices_, nullptr);
  }
  model::DesignPlan plan() const {
    return model::planDesign(document_.project(), document_.project().designs.at(0), *prices_);
  }

  ProjectDocument document_;
  std::shared_ptr<const model::capacity::PriceSheet> prices_;
};

sim::RunResult runOf(const std::string& engine) {
  sim::RunResult run;
  run.engine = engine;
  run.durationSeconds = 10;
  sim::PatternResult pattern;
  pattern.id = "AP1";
  pattern.requests = 100;
  pattern.succeeded = 100;
  pattern.latency = {100, 3, 8, 15, 20, 30, 4};
  run.patterns = {pattern};
  return run;
}

TEST_F(TermsOfTheShopSampleTest, everyHeaderThatNamesATermExplainsIt) {
  PlanTableModel planModel;
  planModel.setPlan(plan());
  EXPECT_EQ(expectHeaderTerms(planModel), 6);

  CapacityTableModel capacityModel;
  capacityModel.setPlan(plan());
  EXPECT_EQ(expectHeaderTerms(capacityModel), CapacityTableModel::kColumnCount);

  RunTableModel runModel;
  runModel.setRun(runOf("dynamodb"));
  EXPECT_EQ(expectHeaderTerms(runModel), 2);

  ComparisonTableModel comparisonModel;
  comparisonModel.setRuns({runOf("dynamodb"), runOf("relational")});
  EXPECT_EQ(expectHeaderTerms(comparisonModel), 1);

  PatternComparisonModel patternComparison;
  patternComparison.setRuns({runOf("dynamodb"), runOf("relational")});
  EXPECT_EQ(expectHeaderTerms(patternComparison), 1);

  model::Proposal proposal;
  proposal.design = document_.project().designs.at(0);
  proposal.plan = plan();
  ProposalTableModel proposalModel;
  proposalModel.setProposals({proposal});
  EXPECT_EQ(expectHeaderTerms(proposalModel), ProposalTableModel::kColumnCount);

  WorkloadPatternTableModel workloadModel(&document_);
  workloadModel.setWorkload(0);
  ASSERT_GT(workloadModel.rowCount(), 0);
  EXPECT_EQ(expectHeaderTerms(workloadModel), 4);

  // Key columns are labelled with the key attribute: the table's PK and SK, a GSI's own.
  KeyTemplateTableModel tableKeys(&document_);
  tableKeys.setIndex(0, KeyTemplateTableModel::kTable);
  ASSERT_EQ(tableKeys.columnCount(), 3);
  EXPECT_EQ(
      expectHeaderTerms(tableKeys, {{1, DynamoDbTerm::PartitionKey}, {2, DynamoDbTerm::SortKey}}),
      2);
  EXPECT_TRUE(tableKeys.headerData(1, Qt::Horizontal, Qt::ToolTipRole)
                  .toString()
                  .contains(termToolTip(DynamoDbTerm::KeyTemplate)));
  KeyTemplateTableModel gsiKeys(&document_);
  gsiKeys.setIndex(0, KeyTemplateTableModel::kGsi, 0);
  ASSERT_EQ(gsiKeys.columnCount(), 3);
  EXPECT_EQ(
      expectHeaderTerms(gsiKeys, {{1, DynamoDbTerm::PartitionKey}, {2, DynamoDbTerm::SortKey}}), 2);

  AggregateTableModel aggregate(&document_);
  aggregate.setSource("single-table", {});
  ASSERT_EQ(aggregate.keyColumnCount(), 2);
  EXPECT_EQ(
      expectHeaderTerms(aggregate, {{0, DynamoDbTerm::PartitionKey}, {1, DynamoDbTerm::SortKey}}),
      2);
  EXPECT_TRUE(aggregate.headerData(0, Qt::Horizontal, Qt::ToolTipRole)
                  .toString()
                  .contains(termToolTip(DynamoDbTerm::ItemCollection)));
  aggregate.setSource("single-table", "GSI1");
  EXPECT_TRUE(aggregate.headerData(0, Qt::Horizontal, Qt::ToolTipRole)
                  .toString()
                  .contains(termToolTip(DynamoDbTerm::SparseIndex)));
}

TEST_F(TermsOfTheShopSampleTest, theTreesDesignsIndexesAndTemplatesExplainTheirTerms) {
  ProjectTreeModel tree(&document_);
  auto tip = [&](const QModelIndex& index) { return index.data(Qt::ToolTipRole).toString(); };
  const QModelIndex designs = tree.groupIndex(ProjectTreeModel::kDesigns);
  EXPECT_TRUE(tip(designs).contains(termToolTip(DynamoDbTerm::Design)));
  const QModelIndex design = tree.index(0, 0, designs);
  EXPECT_TRUE(tip(design).startsWith("<p>single-table<br>")) << tip(design).toStdString();
  const QModelIndex table = tree.index(0, 0, design);
  EXPECT_TRUE(tip(table).contains(termToolTip(DynamoDbTerm::PartitionKey)));
  const QModelIndex gsi = tree.index(1, 0, design);
  EXPECT_TRUE(tip(gsi).contains("GSI1"));
  EXPECT_TRUE(tip(gsi).contains(termToolTip(DynamoDbTerm::Gsi)));
  EXPECT_TRUE(tip(gsi).contains(termToolTip(DynamoDbTerm::Projection)));
  ASSERT_GT(tree.rowCount(table), 0);
  EXPECT_TRUE(tip(tree.index(0, 0, table)).contains(termToolTip(DynamoDbTerm::KeyTemplate)));

  const QModelIndex patterns = tree.groupIndex(ProjectTreeModel::kAccessPatterns);
  EXPECT_TRUE(tip(patterns).contains(termToolTip(DynamoDbTerm::AccessPattern)));
  const model::AccessPattern& first = document_.project().accessPatterns.at(0);
  EXPECT_TRUE(tip(tree.index(0, 0, patterns)).contains(termToolTip(actionTerm(first.action))));
  // A group without a DynamoDB term keeps its plain tooltip.
  EXPECT_FALSE(Qt::mightBeRichText(tip(tree.groupIndex(ProjectTreeModel::kEntities))));
}

TEST_F(DynamoDbTermsTest, theHeatMapSaysWhatARowTheColoursAndASplitMean) {
  HeatMapWidget heatMap;
  const QString tip = plainOf(heatMap.toolTip());
  EXPECT_TRUE(tip.contains("A row per partition")) << tip.toStdString();
  EXPECT_TRUE(tip.contains("from pale yellow (idle) to dark red (at the limit); purple is over it"))
      << tip.toStdString();
  EXPECT_TRUE(tip.contains("read units / 3,000 and its write units / 1,000")) << tip.toStdString();
  EXPECT_TRUE(tip.contains("Grey: the partition did not exist")) << tip.toStdString();
  EXPECT_TRUE(heatMap.toolTip().contains(termToolTip(DynamoDbTerm::Partition)));
  EXPECT_TRUE(heatMap.toolTip().contains(termToolTip(DynamoDbTerm::SplitForHeat)));
}

// Prints every term's tooltip as a user reads it, to read them all at once (run ui_tests with
// --gtest_also_run_disabled_tests --gtest_filter='*DISABLED_printsTheGlossary').
TEST_F(DynamoDbTermsTest, DISABLED_printsTheGlossary) {
  for (DynamoDbTerm term : allDynamoDbTerms()) {
    std::printf("%s\n\n", plainOf(termToolTip(term)).toStdString().c_str());
  }
}

}  // namespace
}  // namespace kvlab::ui
