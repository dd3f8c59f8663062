#include "ui/views/proposals_view.h"

#include <gtest/gtest.h>

#include <QPushButton>
#include <QSignalSpy>
#include <QThreadPool>
#include <memory>

#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/document/project_document.h"
#include "ui/models/plan_table_model.h"
#include "ui/models/proposal_table_model.h"

namespace kvlab::ui {
namespace {

using test::qtPath;

class ProposalsViewTest : public test::UiTest {};

// The modeler takes milliseconds on the sample; the limit only keeps a hang from lasting forever.
constexpr int kModelerTimeoutMs = 120000;

QPushButton* button(const ProposalsView& view, const char* name) {
  return view.findChild<QPushButton*>(name);
}

TEST_F(ProposalsViewTest, proposesForTheShopSampleWithTheButtonDisabledWhileTheModelerRuns) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  ProposalsView view(&document, test::defaultPrices(), {});
  QSignalSpy finished(&view, &ProposalsView::proposingFinished);
  QPushButton* propose = button(view, "proposeButton");
  ASSERT_NE(propose, nullptr);
  EXPECT_EQ(view.proposalModel()->rowCount(), 0);

  propose->click();

  // The result arrives through the event loop, so the button is still disabled here.
  EXPECT_FALSE(propose->isEnabled());
  EXPECT_FALSE(button(view, "adoptButton")->isEnabled());
  EXPECT_EQ(view.statusText(), "Proposing designs…");
  ASSERT_TRUE(finished.wait(kModelerTimeoutMs));

  EXPECT_TRUE(propose->isEnabled());
  ASSERT_GE(view.proposalModel()->rowCount(), 2);
  EXPECT_TRUE(view.statusText().contains("proposals, best first"))
      << view.statusText().toStdString();
  // The first proposal is selected, with its reasons and its plan.
  EXPECT_EQ(view.selectedProposal(), 0);
  EXPECT_TRUE(view.reasonsText().contains("serves AP1")) << view.reasonsText().toStdString();
  EXPECT_TRUE(view.reasonsText().contains("8 of 8 patterns served by key"));
  EXPECT_EQ(view.planModel()->rowCount(), 8);
  EXPECT_EQ(view.planModel()->plan().design, "proposal-1");
  EXPECT_TRUE(button(view, "adoptButton")->isEnabled());

  ASSERT_TRUE(view.selectProposal(1));
  EXPECT_EQ(view.planModel()->plan().design, "proposal-2");
  EXPECT_FALSE(view.selectProposal(view.proposalModel()->rowCount()));
}

TEST_F(ProposalsViewTest, adoptAddsTheSelectedProposalToTheDocumentsDesigns) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  ProposalsView view(&document, test::defaultPrices(), {});
  QSignalSpy finished(&view, &ProposalsView::proposingFinished);
  ASSERT_TRUE(view.propose());
  ASSERT_TRUE(finished.wait(kModelerTimeoutMs));
  ASSERT_TRUE(view.selectProposal(0));
  ASSERT_FALSE(document.isModified());
  const std::size_t designs = document.project().designs.size();
  QPushButton* adopt = button(view, "adoptButton");

  adopt->click();

  ASSERT_EQ(document.project().designs.size(), designs + 1);
  EXPECT_EQ(document.project().designs.back().name, "proposal-1");
  EXPECT_TRUE(document.isModified());
  EXPECT_TRUE(document.isProjectValid());
  // Adopting only adds a design: the proposals still fit the project and stay listed.
  EXPECT_GE(view.proposalModel()->rowCount(), 2);
  EXPECT_FALSE(adopt->isEnabled());
  EXPECT_EQ(adopt->text(), "Adopted as “proposal-1”");
  EXPECT_EQ(view.adoptSelected(), "");
  EXPECT_EQ(document.project().designs.size(), designs + 1);

  ASSERT_TRUE(view.selectProposal(1));
  EXPECT_TRUE(adopt->isEnabled());
  EXPECT_EQ(view.adoptSelected(), "proposal-2");
  EXPECT_EQ(document.project().designs.size(), designs + 2);
}

TEST_F(ProposalsViewTest, dropsProposalsThatNoLongerFitTheProject) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  ProposalsView view(&document, test::defaultPrices(), {});
  QSignalSpy finished(&view, &ProposalsView::proposingFinished);
  ASSERT_TRUE(view.propose());
  ASSERT_TRUE(finished.wait(kModelerTimeoutMs));
  ASSERT_GE(view.proposalModel()->rowCount(), 2);

  model::Project changed = document.project();
  changed.accessPatterns.pop_back();
  document.setProject(changed);

  EXPECT_EQ(view.proposalModel()->rowCount(), 0);
  EXPECT_EQ(view.planModel()->rowCount(), 0);
  EXPECT_TRUE(view.reasonsText().isEmpty());
  EXPECT_FALSE(button(view, "adoptButton")->isEnabled());
  EXPECT_TRUE(view.statusText().startsWith("The project changed"));
}

TEST_F(ProposalsViewTest, dropsTheResultOfARunWhenTheProjectChangedMeanwhile) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  ProposalsView view(&document, test::defaultPrices(), {});
  QSignalSpy finished(&view, &ProposalsView::proposingFinished);
  ASSERT_TRUE(view.propose());
  EXPECT_FALSE(view.propose());  // one run at a time

  // Before the result is delivered, which takes the event loop.
  ASSERT_TRUE(document.load(qtPath(test::corpusDesignFiles().front())));
  ASSERT_TRUE(finished.wait(kModelerTimeoutMs));

  EXPECT_EQ(view.proposalModel()->rowCount(), 0);
  EXPECT_EQ(view.statusText(), "The project changed while the modeler ran; propose again.");
  EXPECT_TRUE(button(view, "proposeButton")->isEnabled());
}

TEST_F(ProposalsViewTest, closingTheViewWhileTheModelerRunsLeavesTheRunToFinishAlone) {
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(test::shopSample())));
  auto view = std::make_unique<ProposalsView>(&document, test::defaultPrices(), QString());
  ASSERT_TRUE(view->propose());

  view.reset();
  document.setProject({});

  // The worker owns copies of the project and the prices; nothing it uses is gone.
  EXPECT_TRUE(QThreadPool::globalInstance()->waitForDone(kModelerTimeoutMs));
  QCoreApplication::processEvents();
}

TEST_F(ProposalsViewTest, refusesToRunOnAProjectWithErrors) {
  test::TempDir dir;
  test::writeFile(dir / "broken.kvlab.json", test::kBrokenProjectJson);
  ProjectDocument document;
  ASSERT_TRUE(document.load(qtPath(dir / "broken.kvlab.json")));
  ProposalsView view(&document, test::defaultPrices(), {});

  EXPECT_FALSE(view.propose());

  EXPECT_FALSE(view.isProposing());
  EXPECT_TRUE(view.statusText().contains("the project has errors"));
  EXPECT_TRUE(button(view, "proposeButton")->isEnabled());
}

}  // namespace
}  // namespace kvlab::ui
