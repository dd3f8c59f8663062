#include "ui/views/entity_editor.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

#include "model/io/project_json.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/document/project_document.h"
#include "ui/models/attribute_table_model.h"

namespace kvlab::ui {
namespace {

using test::qtPath;

class EntityEditorTest : public test::UiTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(document_.load(qtPath(test::shopSample())));
    original_ = model::writeProjectJson(document_.project());
  }

  QLineEdit* lineEdit(const EntityEditor& editor, const char* name) {
    return editor.findChild<QLineEdit*>(name);
  }

  // What a user does: types the text and leaves the field.
  void type(QLineEdit* edit, const QString& text) {
    edit->setText(text);
    emit edit->editingFinished();
  }

  ProjectDocument document_;
  std::string original_;
};

TEST_F(EntityEditorTest, showsTheEntityItEdits) {
  EntityEditor editor(&document_);
  EXPECT_FALSE(lineEdit(editor, "entityName")->isEnabled()) << "nothing to edit yet";

  editor.setEntity(0);

  EXPECT_TRUE(lineEdit(editor, "entityName")->isEnabled());
  EXPECT_EQ(lineEdit(editor, "entityName")->text(), "Customer");
  EXPECT_EQ(lineEdit(editor, "entityIdentifier")->text(), "customerId");
  EXPECT_EQ(lineEdit(editor, "entityCount")->text(),
            QString::number(*document_.project().entities[0].count));
  EXPECT_TRUE(editor.findChild<QCheckBox*>("entityStored")->isChecked());
  EXPECT_EQ(editor.attributeModel()->rowCount(),
            static_cast<int>(document_.project().entities[0].attributes.size()));
  EXPECT_TRUE(editor.problemsText().isEmpty());
}

TEST_F(EntityEditorTest, eachFieldIsAnUndoableEdit) {
  EntityEditor editor(&document_);
  editor.setEntity(0);

  type(lineEdit(editor, "entityCount"), "5000");
  type(lineEdit(editor, "entityIdentifier"), "customerId, email");
  editor.findChild<QCheckBox*>("entityStored")->click();
  type(lineEdit(editor, "entityCount"), "5000");  // no change, no command

  const model::Entity& customer = document_.project().entities[0];
  EXPECT_EQ(customer.count, 5000);
  EXPECT_EQ(customer.identifier, (std::vector<std::string>{"customerId", "email"}));
  EXPECT_FALSE(customer.isStored());
  EXPECT_EQ(document_.undoStack()->count(), 3);

  while (document_.undoStack()->canUndo()) document_.undoStack()->undo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
  EXPECT_EQ(lineEdit(editor, "entityIdentifier")->text(), "customerId") << "the fields follow undo";
}

TEST_F(EntityEditorTest, renamingFollowsReferencesAndUndoes) {
  EntityEditor editor(&document_);
  editor.setEntity(0);

  type(lineEdit(editor, "entityName"), "Client");

  EXPECT_EQ(document_.project().entities[0].name, "Client");
  EXPECT_EQ(document_.project().accessPatterns[0].entities[0], "Client");
  EXPECT_TRUE(document_.isProjectValid());
  document_.undoStack()->undo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
  EXPECT_EQ(lineEdit(editor, "entityName")->text(), "Customer");
}

TEST_F(EntityEditorTest, aFaultIsShownAtItsFieldWithTheFieldNamed) {
  EntityEditor editor(&document_);
  editor.setEntity(0);
  QLineEdit* identifier = lineEdit(editor, "entityIdentifier");
  EXPECT_FALSE(identifier->property("faulty").toBool());

  type(identifier, "customerId, nickname");

  EXPECT_TRUE(identifier->property("faulty").toBool());
  EXPECT_TRUE(identifier->toolTip().contains("nickname")) << identifier->toolTip().toStdString();
  EXPECT_TRUE(editor.problemsText().startsWith("identifier[1]: error: "))
      << editor.problemsText().toStdString();
  EXPECT_FALSE(lineEdit(editor, "entityName")->property("faulty").toBool());

  document_.undoStack()->undo();
  EXPECT_FALSE(identifier->property("faulty").toBool());
  EXPECT_TRUE(editor.problemsText().isEmpty());
}

TEST_F(EntityEditorTest, addsAndRemovesAttributes) {
  EntityEditor editor(&document_);
  editor.setEntity(1);
  const std::size_t before = document_.project().entities[1].attributes.size();

  editor.findChild<QPushButton*>("addAttributeButton")->click();
  ASSERT_EQ(document_.project().entities[1].attributes.size(), before + 1);
  EXPECT_EQ(document_.project().entities[1].attributes.back().name,
            "attribute" + std::to_string(before + 1));

  auto* table = editor.findChild<QTableView*>("attributeTable");
  table->setCurrentIndex(editor.attributeModel()->index(0, 0));
  editor.findChild<QPushButton*>("removeAttributeButton")->click();
  EXPECT_EQ(document_.project().entities[1].attributes.size(), before);

  document_.undoStack()->undo();
  document_.undoStack()->undo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
}

TEST_F(EntityEditorTest, typingInATableCellIsACommand) {
  EntityEditor editor(&document_);
  editor.setEntity(0);
  editor.show();
  auto* table = editor.findChild<QTableView*>("attributeTable");
  const QModelIndex size = editor.attributeModel()->index(2, AttributeTableModel::kSizeColumn);
  table->setCurrentIndex(size);
  table->edit(size);
  auto* cell = table->viewport()->findChild<QLineEdit*>();
  ASSERT_NE(cell, nullptr);
  cell->setText("77");
  QTest::keyClick(cell, Qt::Key_Return);
  QCoreApplication::processEvents();

  EXPECT_EQ(document_.project().entities[0].attributes[2].size, 77);
  EXPECT_EQ(document_.undoStack()->count(), 1);
  document_.undoStack()->undo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
}

TEST_F(EntityEditorTest, aRemovedEntityLeavesTheEditorEmpty) {
  EntityEditor editor(&document_);
  editor.setEntity(3);
  model::Project fewer = document_.project();
  fewer.entities.resize(2);
  document_.setProject(fewer);
  EXPECT_EQ(editor.entity(), -1);
  EXPECT_FALSE(lineEdit(editor, "entityName")->isEnabled());
}

TEST_F(EntityEditorTest, picture) {
  EntityEditor editor(&document_);
  editor.setEntity(0);
  type(lineEdit(editor, "entityIdentifier"), "customerId, nickname");
  editor.resize(480, 420);
  const QString folder = QStringLiteral(KVLAB_UI_ARTIFACTS);
  QDir().mkpath(folder);
  EXPECT_TRUE(editor.grab().save(QDir(folder).filePath(QStringLiteral("entity-editor.png"))));
}

}  // namespace
}  // namespace kvlab::ui
