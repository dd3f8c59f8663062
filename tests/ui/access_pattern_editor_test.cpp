#include "ui/views/access_pattern_editor.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QUndoStack>

#include "model/io/project_json.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/document/project_document.h"

namespace kvlab::ui {
namespace {

using test::qtPath;

class AccessPatternEditorTest : public test::UiTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(document_.load(qtPath(test::shopSample())));
    original_ = model::writeProjectJson(document_.project());
  }

  QLineEdit* edit(const AccessPatternEditor& editor, const std::string& member) {
    auto* field = qobject_cast<QLineEdit*>(editor.field(member));
    EXPECT_NE(field, nullptr) << member;
    return field;
  }
  QComboBox* combo(const AccessPatternEditor& editor, const std::string& member) {
    auto* field = qobject_cast<QComboBox*>(editor.field(member));
    EXPECT_NE(field, nullptr) << member;
    return field;
  }
  void type(QLineEdit* field, const QString& text) {
    field->setText(text);
    emit field->editingFinished();
  }
  void choose(QComboBox* field, const QString& text) {
    const int index = field->findText(text);
    ASSERT_GE(index, 0) << text.toStdString();
    field->setCurrentIndex(index);
    emit field->activated(index);
  }

  ProjectDocument document_;
  std::string original_;
};

TEST_F(AccessPatternEditorTest, showsThePatternItEdits) {
  AccessPatternEditor editor(&document_);
  EXPECT_FALSE(editor.field("id")->isEnabled());

  editor.setPattern(0);  // AP1: get a customer by id, 400/s (peak 1500), zipfian

  EXPECT_EQ(edit(editor, "id")->text(), "AP1");
  EXPECT_EQ(combo(editor, "action")->currentText(), "get");
  EXPECT_EQ(edit(editor, "entities")->text(), "Customer");
  EXPECT_EQ(edit(editor, "equals")->text(), "customerId");
  EXPECT_EQ(edit(editor, "rate.mean")->text(), "400");
  EXPECT_EQ(edit(editor, "rate.peak")->text(), "1500");
  EXPECT_EQ(combo(editor, "keyDistribution.kind")->currentText(), "zipfian");
  EXPECT_EQ(combo(editor, "consistency")->currentText(), "(none)");
  EXPECT_EQ(edit(editor, "limit")->text(), "");
  EXPECT_EQ(editor.field("nonsense"), nullptr);
}

TEST_F(AccessPatternEditorTest, everyFieldReachesTheProjectAndUndoRestoresIt) {
  AccessPatternEditor editor(&document_);
  editor.setPattern(0);

  type(edit(editor, "name"), "A customer's recent orders");
  choose(combo(editor, "action"), "query");
  type(edit(editor, "entities"), "Order");
  type(edit(editor, "equals"), "customerId");
  edit(editor, "range.attribute")->setText("orderDate");
  choose(combo(editor, "range.op"), ">=");
  choose(combo(editor, "order"), "desc");
  type(edit(editor, "limit"), "20");
  choose(combo(editor, "consistency"), "strong");
  type(edit(editor, "rate.peak"), "2500.5");
  choose(combo(editor, "keyDistribution.kind"), "uniform");

  const model::AccessPattern& p = document_.project().accessPatterns[0];
  EXPECT_EQ(p.name, "A customer's recent orders");
  EXPECT_EQ(p.action, model::Action::Query);
  EXPECT_EQ(p.entities, std::vector<std::string>{"Order"});
  ASSERT_TRUE(p.range.has_value());
  EXPECT_EQ(p.range->attribute, "orderDate");
  EXPECT_EQ(p.range->op, model::RangeOp::GreaterOrEqual);
  EXPECT_EQ(p.order, model::SortOrder::Desc);
  EXPECT_EQ(p.limit, 20);
  EXPECT_EQ(p.consistency, model::Consistency::Strong);
  EXPECT_EQ(p.rate->mean, 400) << "the half not edited keeps its value";
  EXPECT_EQ(p.rate->peak, 2500.5);
  EXPECT_EQ(p.keyDistribution->kind, model::KeyDistributionKind::Uniform);
  EXPECT_EQ(p.keyDistribution->theta, 0.99) << "what the editor does not show is kept";
  // equals was customerId already; the range is one edit of its two fields.
  EXPECT_EQ(document_.undoStack()->count(), 9);

  while (document_.undoStack()->canUndo()) document_.undoStack()->undo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
  EXPECT_EQ(combo(editor, "action")->currentText(), "get");
}

TEST_F(AccessPatternEditorTest, leavingAFieldUnchangedMakesNoCommand) {
  AccessPatternEditor editor(&document_);
  editor.setPattern(1);
  type(edit(editor, "name"), edit(editor, "name")->text());
  type(edit(editor, "equals"), edit(editor, "equals")->text().remove(' '));
  editor.commit();
  EXPECT_EQ(document_.undoStack()->count(), 0);
  EXPECT_FALSE(document_.isModified());
}

TEST_F(AccessPatternEditorTest, emptyingOptionalFieldsLeavesThemOut) {
  AccessPatternEditor editor(&document_);
  editor.setPattern(0);
  edit(editor, "rate.mean")->setText("");
  edit(editor, "rate.peak")->setText("");
  choose(combo(editor, "keyDistribution.kind"), "(none)");

  const model::AccessPattern& p = document_.project().accessPatterns[0];
  EXPECT_FALSE(p.rate.has_value());
  EXPECT_FALSE(p.keyDistribution.has_value());
  EXPECT_EQ(document_.undoStack()->count(), 1) << "one commit, one command";
}

TEST_F(AccessPatternEditorTest, aFaultIsShownAtItsFieldWithTheFieldNamed) {
  AccessPatternEditor editor(&document_);
  editor.setPattern(0);

  type(edit(editor, "entities"), "Ghost");

  EXPECT_TRUE(editor.field("entities")->property("faulty").toBool());
  EXPECT_TRUE(editor.field("entities")->toolTip().contains("unknown entity"))
      << editor.field("entities")->toolTip().toStdString();
  EXPECT_TRUE(editor.problemsText().contains("entities[0]: error: unknown entity"))
      << editor.problemsText().toStdString();
  EXPECT_FALSE(editor.field("id")->property("faulty").toBool());

  editor.setPattern(1);
  EXPECT_FALSE(editor.field("entities")->property("faulty").toBool());
  type(edit(editor, "id"), "AP1");
  EXPECT_TRUE(editor.field("id")->property("faulty").toBool()) << "a duplicate id";
}

TEST_F(AccessPatternEditorTest, picture) {
  AccessPatternEditor editor(&document_);
  editor.setPattern(1);
  type(edit(editor, "equals"), "customerId, nickname");
  editor.resize(480, 520);
  const QString folder = QStringLiteral(KVLAB_UI_ARTIFACTS);
  QDir().mkpath(folder);
  EXPECT_TRUE(
      editor.grab().save(QDir(folder).filePath(QStringLiteral("access-pattern-editor.png"))));
}

}  // namespace
}  // namespace kvlab::ui
