#include "ui/models/proposal_table_model.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>

#include "model/io/project_file.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/models/number_text.h"

namespace kvlab::ui {
namespace {

class ProposalTableModelTest : public test::UiTest {};

QString cell(const ProposalTableModel& model, int row, int column, int role = Qt::DisplayRole) {
  return model.index(row, column).data(role).toString();
}

TEST_F(ProposalTableModelTest, listsTheModelersProposalsForTheShopSample) {
  const model::ProjectLoadResult loaded = model::loadProjectFile(test::shopSample());
  ASSERT_TRUE(loaded.ok());
  model::ModelerResult result = model::proposeDesigns(*loaded.project, *test::defaultPrices());
  ASSERT_TRUE(result.error.empty()) << result.error;
  ASSERT_GE(result.proposals.size(), 2u);
  const model::Proposal first = result.proposals.front();
  ProposalTableModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

  model.setProposals(std::move(result.proposals));

  ASSERT_GE(model.rowCount(), 2);
  EXPECT_EQ(cell(model, 0, ProposalTableModel::kNameColumn), "proposal-1");
  EXPECT_EQ(cell(model, 1, ProposalTableModel::kNameColumn), "proposal-2");
  // Every pattern of the sample, AP8 included, is served by key: the modeler adds a GSI for it.
  EXPECT_EQ(cell(model, 0, ProposalTableModel::kServedColumn), "8 of 8");
  EXPECT_EQ(cell(model, 0, ProposalTableModel::kMonthlyCostColumn), dollarsText(first.monthlyCost));
  EXPECT_EQ(cell(model, 0, ProposalTableModel::kProvisionedColumn),
            dollarsText(first.plan.monthlyCost.provisioned + first.plan.monthlyCost.storage));
  ASSERT_FALSE(first.design.gsis.empty());
  EXPECT_TRUE(cell(model, 0, ProposalTableModel::kGsisColumn)
                  .startsWith(QString::fromStdString(first.design.gsis[0].name) + " ("));
  EXPECT_TRUE(cell(model, 0, ProposalTableModel::kGsisColumn, Qt::ToolTipRole).contains("Order"));
  EXPECT_EQ(model.proposal(0).design.name, "proposal-1");
}

TEST_F(ProposalTableModelTest, countsScansBesideTheServedPatterns) {
  model::Proposal proposal;
  proposal.design.name = "proposal-1";
  proposal.scans = 1;
  model::PatternPlan served;
  served.served = true;
  model::PatternPlan scanned;
  scanned.scan = true;
  proposal.plan.patterns = {served, scanned};
  ProposalTableModel model;
  model.setProposals({proposal});

  EXPECT_EQ(cell(model, 0, ProposalTableModel::kServedColumn), "1 of 2, 1 by Scan");
  EXPECT_EQ(cell(model, 0, ProposalTableModel::kGsisColumn), "none");
  model.clear();
  EXPECT_EQ(model.rowCount(), 0);
}

}  // namespace
}  // namespace kvlab::ui
