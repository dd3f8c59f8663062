#include "ui/views/relationship_editor.h"

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

class RelationshipEditorTest : public test::UiTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(document_.load(qtPath(test::shopSample())));
    original_ = model::writeProjectJson(document_.project());
  }

  QLineEdit* edit(const RelationshipEditor& editor, const std::string& member) {
    auto* field = qobject_cast<QLineEdit*>(editor.field(member));
    EXPECT_NE(field, nullptr) << member;
    return field;
  }
  void type(QLineEdit* field, const QString& text) {
    field->setText(text);
    emit field->editingFinished();
  }

  ProjectDocument document_;
  std::string original_;
};

TEST_F(RelationshipEditorTest, showsTheRelationshipItEdits) {
  RelationshipEditor editor(&document_);
  EXPECT_FALSE(editor.field("kind")->isEnabled());

  editor.setRelationship(0);  // places: Customer -> Order, one-to-many, fan-out 12 (max 500)

  EXPECT_EQ(edit(editor, "name")->text(), "places");
  EXPECT_EQ(edit(editor, "from")->text(), "Customer");
  EXPECT_EQ(edit(editor, "to")->text(), "Order");
  EXPECT_EQ(qobject_cast<QComboBox*>(editor.field("kind"))->currentText(), "one-to-many");
  EXPECT_EQ(edit(editor, "fanout.mean")->text(), "12");
  EXPECT_EQ(edit(editor, "fanout.max")->text(), "500");
}

TEST_F(RelationshipEditorTest, kindAndFanoutAreUndoableEdits) {
  RelationshipEditor editor(&document_);
  editor.setRelationship(0);
  auto* kind = qobject_cast<QComboBox*>(editor.field("kind"));

  kind->setCurrentIndex(kind->findText("many-to-many"));
  emit kind->activated(kind->currentIndex());
  type(edit(editor, "fanout.mean"), "7.5");
  type(edit(editor, "fanout.max"), "");

  const model::Relationship& r = document_.project().relationships[0];
  EXPECT_EQ(r.kind, model::RelationshipKind::ManyToMany);
  ASSERT_TRUE(r.fanout.has_value());
  EXPECT_EQ(r.fanout->mean, 7.5);
  EXPECT_FALSE(r.fanout->max.has_value());
  EXPECT_EQ(document_.undoStack()->count(), 3);

  while (document_.undoStack()->canUndo()) document_.undoStack()->undo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
  EXPECT_EQ(edit(editor, "fanout.max")->text(), "500");
}

TEST_F(RelationshipEditorTest, anUnknownEntityIsShownAtItsField) {
  RelationshipEditor editor(&document_);
  editor.setRelationship(1);

  type(edit(editor, "to"), "Ghost");

  EXPECT_TRUE(editor.field("to")->property("faulty").toBool());
  EXPECT_FALSE(editor.field("from")->property("faulty").toBool());
  EXPECT_TRUE(editor.problemsText().startsWith("to: error: unknown entity"))
      << editor.problemsText().toStdString();

  editor.resize(440, 260);
  const QString folder = QStringLiteral(KVLAB_UI_ARTIFACTS);
  QDir().mkpath(folder);
  EXPECT_TRUE(editor.grab().save(QDir(folder).filePath(QStringLiteral("relationship-editor.png"))));
}

}  // namespace
}  // namespace kvlab::ui
