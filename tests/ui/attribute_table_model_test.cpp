#include "ui/models/attribute_table_model.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QUndoStack>

#include "model/io/project_json.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/document/project_document.h"

namespace kvlab::ui {
namespace {

using test::qtPath;

class AttributeTableModelTest : public test::UiTest {
 protected:
  void SetUp() override { ASSERT_TRUE(document_.load(qtPath(test::shopSample()))); }

  ProjectDocument document_;
};

TEST_F(AttributeTableModelTest, showsTheAttributesOfTheChosenEntity) {
  AttributeTableModel model(&document_);
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  EXPECT_EQ(model.rowCount(), 0) << "no entity chosen yet";

  model.setEntity(0);

  const model::Entity& customer = document_.project().entities[0];
  ASSERT_EQ(model.rowCount(), static_cast<int>(customer.attributes.size()));
  EXPECT_EQ(model.columnCount(), AttributeTableModel::kColumnCount);
  EXPECT_EQ(model.index(0, AttributeTableModel::kNameColumn).data().toString(),
            QString::fromStdString(customer.attributes[0].name));
  EXPECT_EQ(model.index(0, AttributeTableModel::kTypeColumn).data().toString(), "S");
  EXPECT_EQ(model.headerData(AttributeTableModel::kDistinctColumn, Qt::Horizontal).toString(),
            "Distinct");
  EXPECT_TRUE(model.flags(model.index(0, 0)) & Qt::ItemIsEditable);

  model.setEntity(99);
  EXPECT_EQ(model.rowCount(), 0);
  EXPECT_EQ(model.entity(), -1);
}

TEST_F(AttributeTableModelTest, anEditIsOneUndoableCommand) {
  AttributeTableModel model(&document_);
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.setEntity(0);
  const std::string original = model::writeProjectJson(document_.project());

  ASSERT_TRUE(model.setData(model.index(1, AttributeTableModel::kSizeColumn), "64"));
  ASSERT_TRUE(model.setData(model.index(1, AttributeTableModel::kTypeColumn), "ss"));
  ASSERT_TRUE(model.setData(model.index(1, AttributeTableModel::kFormatColumn), "uuid"));

  const model::Attribute& edited = document_.project().entities[0].attributes[1];
  EXPECT_EQ(edited.size, 64);
  EXPECT_EQ(edited.type, model::AttributeType::SS);
  EXPECT_EQ(edited.format, "uuid");
  EXPECT_EQ(document_.undoStack()->count(), 3);
  EXPECT_EQ(model.index(1, AttributeTableModel::kSizeColumn).data().toString(), "64");

  document_.undoStack()->undo();
  document_.undoStack()->undo();
  document_.undoStack()->undo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), original);
  EXPECT_FALSE(document_.isModified());
}

TEST_F(AttributeTableModelTest, refusesTextThatIsNotAValueAndIgnoresNoChange) {
  AttributeTableModel model(&document_);
  model.setEntity(0);

  EXPECT_FALSE(model.setData(model.index(0, AttributeTableModel::kTypeColumn), "STRING"));
  EXPECT_FALSE(model.setData(model.index(0, AttributeTableModel::kSizeColumn), "big"));
  EXPECT_FALSE(model.setData(model.index(0, AttributeTableModel::kDistinctColumn), "-3"));
  EXPECT_FALSE(model.setData(model.index(0, AttributeTableModel::kNameColumn), "  "));
  EXPECT_TRUE(model.setData(model.index(0, AttributeTableModel::kTypeColumn), "S"));

  EXPECT_EQ(document_.undoStack()->count(), 0);
  EXPECT_FALSE(document_.isModified());
}

TEST_F(AttributeTableModelTest, aCellTheValidatorFaultsSaysWhy) {
  AttributeTableModel model(&document_);
  model.setEntity(0);
  const QString first = model.index(0, AttributeTableModel::kNameColumn).data().toString();
  EXPECT_FALSE(model.index(1, AttributeTableModel::kNameColumn).data(Qt::ToolTipRole).isValid());

  ASSERT_TRUE(model.setData(model.index(1, AttributeTableModel::kNameColumn), first));

  const QString tip =
      model.index(1, AttributeTableModel::kNameColumn).data(Qt::ToolTipRole).toString();
  EXPECT_TRUE(tip.contains("duplicate attribute name")) << tip.toStdString();
  EXPECT_TRUE(model.index(1, AttributeTableModel::kNameColumn).data(Qt::BackgroundRole).isValid());
  EXPECT_FALSE(model.index(1, AttributeTableModel::kSizeColumn).data(Qt::ToolTipRole).isValid());
}

}  // namespace
}  // namespace kvlab::ui
