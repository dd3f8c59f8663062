#include "ui/views/design_editor.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeView>
#include <QUndoStack>

#include "model/io/json_path.h"
#include "model/io/project_json.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/document/project_document.h"
#include "ui/models/key_template_table_model.h"
#include "ui/models/project_tree_model.h"
#include "ui/views/aggregate_view.h"
#include "ui/views/main_window.h"
#include "ui/views/plan_view.h"

namespace kvlab::ui {
namespace {

using test::qtPath;

// On the shop sample: design 0 "single-table" (table OnlineShop, PK and SK; entities Customer,
// Product, Order, OrderItem in that order) with GSI1 (ALL) and GSI2 (KEYS_ONLY) on Order.
class DesignEditorTest : public test::UiTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(document_.load(qtPath(test::shopSample())));
    original_ = model::writeProjectJson(document_.project());
  }

  QLineEdit* lineEdit(const DesignEditor& editor, const std::string& member) {
    return qobject_cast<QLineEdit*>(editor.field(member));
  }

  // What a user does: types the text and leaves the field.
  void type(QLineEdit* edit, const QString& text) {
    ASSERT_NE(edit, nullptr);
    edit->setText(text);
    emit edit->editingFinished();
  }

  // What a user does in a grid: edits the cell of `entity` (a row) and `column`.
  void typeTemplate(KeyTemplateTableModel* model, int row, int column, const QString& text) {
    ASSERT_TRUE(model->setData(model->index(row, column), text));
  }

  void chooseProjection(const DesignEditor& editor, const QString& projection) {
    auto* combo = qobject_cast<QComboBox*>(editor.field("index.projection"));
    ASSERT_NE(combo, nullptr);
    const int item = combo->findText(projection);
    ASSERT_GE(item, 0);
    combo->setCurrentIndex(item);
    emit combo->activated(item);
  }

  // The validator's message at `path` (none: empty).
  std::string finding(const std::string& path) {
    for (const model::Diagnostic& d : document_.validation().items()) {
      if (d.path == path) return d.message;
    }
    return {};
  }

  const model::Design& design() const { return document_.project().designs.front(); }
  QUndoStack* stack() const { return document_.undoStack(); }

  ProjectDocument document_;
  std::string original_;
};

TEST_F(DesignEditorTest, showsTheDesignItsTableTemplatesAndFirstIndex) {
  DesignEditor editor(&document_);
  QAbstractItemModelTester tableTester(editor.tableKeysModel(),
                                       QAbstractItemModelTester::FailureReportingMode::Fatal);
  QAbstractItemModelTester indexTester(editor.indexKeysModel(),
                                       QAbstractItemModelTester::FailureReportingMode::Fatal);
  EXPECT_FALSE(lineEdit(editor, "name")->isEnabled()) << "nothing to edit yet";
  EXPECT_EQ(editor.tableKeysModel()->rowCount(), 0);

  editor.setDesign(0);

  EXPECT_TRUE(lineEdit(editor, "name")->isEnabled());
  EXPECT_EQ(lineEdit(editor, "name")->text(), "single-table");
  EXPECT_EQ(lineEdit(editor, "table.name")->text(), "OnlineShop");
  EXPECT_EQ(lineEdit(editor, "table.pk")->text(), "PK");
  EXPECT_EQ(lineEdit(editor, "table.sk")->text(), "SK");
  KeyTemplateTableModel* table = editor.tableKeysModel();
  ASSERT_EQ(table->rowCount(), 4);
  ASSERT_EQ(table->columnCount(), 3);
  EXPECT_EQ(table->headerData(1, Qt::Horizontal).toString(), "PK");
  EXPECT_EQ(table->index(0, 0).data().toString(), "Customer");
  EXPECT_EQ(table->index(0, 1).data().toString(), "CUSTOMER#{customerId}");
  EXPECT_EQ(table->index(3, 2).data().toString(), "ITEM#{productId}");
  EXPECT_TRUE(table->index(0, 1).data(Qt::ToolTipRole).toString().contains("{attribute}"))
      << "a template cell explains the syntax";

  EXPECT_EQ(editor.indexRow(), 0);
  EXPECT_FALSE(editor.indexIsLocal());
  EXPECT_EQ(lineEdit(editor, "index.name")->text(), "GSI1");
  EXPECT_EQ(lineEdit(editor, "index.pk")->text(), "GSI1PK");
  EXPECT_EQ(qobject_cast<QComboBox*>(editor.field("index.projection"))->currentText(), "ALL");
  KeyTemplateTableModel* index = editor.indexKeysModel();
  ASSERT_EQ(index->rowCount(), 4) << "every entity, those without templates too";
  EXPECT_EQ(index->index(2, 1).data().toString(), "CUSTOMER#{customerId}");
  EXPECT_EQ(index->index(0, 1).data().toString(), "") << "Customer has no item in GSI1";
  EXPECT_EQ(editor.findChild<QComboBox*>("design.index")->count(), 2);
  EXPECT_TRUE(editor.problemsText().isEmpty());

  ASSERT_TRUE(editor.selectIndex(false, 1));
  EXPECT_EQ(qobject_cast<QComboBox*>(editor.field("index.projection"))->currentText(), "KEYS_ONLY");
  EXPECT_FALSE(editor.selectIndex(true, 0)) << "the sample has no LSI";
}

TEST_F(DesignEditorTest, editingAPartitionKeyTemplateIsOneUndoStep) {
  DesignEditor editor(&document_);
  editor.setDesign(0);

  typeTemplate(editor.tableKeysModel(), 0, 1, "CUST#{customerId}");
  typeTemplate(editor.tableKeysModel(), 0, 1, "CUST#{customerId}");  // no change, no command

  EXPECT_EQ(*design().findEntity("Customer")->find("PK"), "CUST#{customerId}");
  ASSERT_EQ(stack()->count(), 1);
  EXPECT_EQ(stack()->undoText(), "Edit design “single-table”");
  const std::string edited = model::writeProjectJson(document_.project());

  stack()->undo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
  EXPECT_EQ(editor.tableKeysModel()->index(0, 1).data().toString(), "CUSTOMER#{customerId}")
      << "the grid follows undo";
  EXPECT_FALSE(document_.isModified());
  stack()->redo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), edited);
}

TEST_F(DesignEditorTest, addingAGsiWithTemplatesIsUndoableStepByStep) {
  DesignEditor editor(&document_);
  // The grids' models stay consistent through every edit, undo and redo.
  QAbstractItemModelTester tableTester(editor.tableKeysModel(),
                                       QAbstractItemModelTester::FailureReportingMode::Fatal);
  QAbstractItemModelTester indexTester(editor.indexKeysModel(),
                                       QAbstractItemModelTester::FailureReportingMode::Fatal);
  editor.setDesign(0);

  editor.findChild<QPushButton*>("addGsiButton")->click();

  ASSERT_EQ(design().gsis.size(), 3u);
  EXPECT_EQ(design().gsis[2].name, "GSI3");
  EXPECT_EQ(design().gsis[2].pk, "GSI3PK");
  EXPECT_EQ(design().gsis[2].sk, "GSI3SK");
  EXPECT_EQ(stack()->undoText(), "Add GSI “GSI3” to design “single-table”");
  EXPECT_EQ(editor.indexRow(), 2) << "the new index is chosen";
  EXPECT_EQ(lineEdit(editor, "index.name")->text(), "GSI3");
  ASSERT_EQ(editor.indexKeysModel()->columnCount(), 3);
  EXPECT_EQ(editor.indexKeysModel()->headerData(2, Qt::Horizontal).toString(), "GSI3SK");

  // Order (row 2): its orders by day.
  typeTemplate(editor.indexKeysModel(), 2, 2, "{orderId}");
  typeTemplate(editor.indexKeysModel(), 2, 1, "DAY#{orderDate}");

  const model::EntityKeys* order = design().gsis[2].findEntity("Order");
  ASSERT_NE(order, nullptr);
  ASSERT_EQ(order->templates.size(), 2u);
  EXPECT_EQ(order->templates[0].first, "GSI3PK") << "the partition key first, as in the file";
  EXPECT_EQ(order->templates[0].second, "DAY#{orderDate}");
  EXPECT_EQ(order->templates[1].second, "{orderId}");
  EXPECT_EQ(stack()->count(), 3);
  EXPECT_TRUE(document_.isProjectValid()) << editor.problemsText().toStdString();

  // Emptying both templates takes Order out of the index again.
  typeTemplate(editor.indexKeysModel(), 2, 1, "");
  typeTemplate(editor.indexKeysModel(), 2, 2, "");
  EXPECT_TRUE(design().gsis[2].entityKeys.empty());

  while (stack()->canUndo()) stack()->undo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
  EXPECT_EQ(design().gsis.size(), 2u);
  EXPECT_EQ(editor.findChild<QComboBox*>("design.index")->count(), 2);
}

TEST_F(DesignEditorTest, changingAProjectionIsOneStepAndIncludeIsValidatedAtItsField) {
  DesignEditor editor(&document_);
  editor.setDesign(0);
  ASSERT_TRUE(editor.selectIndex(false, 1));  // GSI2, KEYS_ONLY

  chooseProjection(editor, "INCLUDE");

  EXPECT_EQ(design().gsis[1].projection, model::Projection::Include);
  EXPECT_EQ(stack()->count(), 1);
  // The validator's finding, at the field it is about.
  const std::string includePath = "designs[0].gsis[1].include";
  const std::string message = finding(includePath);
  ASSERT_FALSE(message.empty());
  QWidget* include = editor.field("index.include");
  EXPECT_TRUE(include->property("faulty").toBool());
  EXPECT_TRUE(include->toolTip().contains(QString::fromStdString(message)))
      << include->toolTip().toStdString();
  EXPECT_TRUE(editor.problemsText().contains("gsis[1].include: error:"));

  type(lineEdit(editor, "index.include"), "total, status");

  ASSERT_TRUE(design().gsis[1].include.has_value());
  EXPECT_EQ(*design().gsis[1].include, (std::vector<std::string>{"total", "status"}));
  EXPECT_FALSE(include->property("faulty").toBool());
  EXPECT_EQ(stack()->count(), 2);

  // Back to ALL: one step, which drops the list only INCLUDE may have.
  chooseProjection(editor, "ALL");
  EXPECT_EQ(design().gsis[1].projection, model::Projection::All);
  EXPECT_FALSE(design().gsis[1].include.has_value());
  EXPECT_EQ(stack()->count(), 3);
  EXPECT_TRUE(document_.isProjectValid());

  while (stack()->canUndo()) stack()->undo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
}

TEST_F(DesignEditorTest, removingAGsiIsOneStepAndUndoPutsItBack) {
  DesignEditor editor(&document_);
  editor.setDesign(0);
  ASSERT_TRUE(editor.selectIndex(false, 0));

  editor.findChild<QPushButton*>("removeIndexButton")->click();

  ASSERT_EQ(design().gsis.size(), 1u);
  EXPECT_EQ(design().gsis[0].name, "GSI2");
  EXPECT_EQ(stack()->count(), 1);
  EXPECT_EQ(stack()->undoText(), "Remove GSI “GSI1” from design “single-table”");
  EXPECT_EQ(lineEdit(editor, "index.name")->text(), "GSI2") << "the next index is chosen";
  // The stated plan still names GSI1: the validator says so, under the fields.
  EXPECT_TRUE(editor.problemsText().contains("plan.AP2.index: error: unknown index"))
      << editor.problemsText().toStdString();

  stack()->undo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
  EXPECT_EQ(editor.findChild<QComboBox*>("design.index")->count(), 2);
  EXPECT_TRUE(editor.problemsText().isEmpty());
}

TEST_F(DesignEditorTest, aTemplateNamingAnUnknownAttributeShowsTheValidatorsMessageAtItsCell) {
  DesignEditor editor(&document_);
  editor.setDesign(0);

  typeTemplate(editor.tableKeysModel(), 0, 1, "CUSTOMER#{nickname}");

  const std::string message = finding("designs[0].entityKeys.Customer.PK");
  ASSERT_NE(message.find("names attribute \"nickname\""), std::string::npos) << message;
  const QModelIndex cell = editor.tableKeysModel()->index(0, 1);
  EXPECT_EQ(cell.data(Qt::ToolTipRole).toString(), "error: " + QString::fromStdString(message));
  EXPECT_TRUE(cell.data(Qt::BackgroundRole).isValid()) << "a red cell";
  EXPECT_FALSE(editor.tableKeysModel()->index(0, 2).data(Qt::BackgroundRole).isValid())
      << "only that cell";
  EXPECT_TRUE(editor.problemsText().contains("entityKeys.Customer.PK: error: template"))
      << editor.problemsText().toStdString();
}

TEST_F(DesignEditorTest, aDuplicateGsiNameIsMarkedAtTheNameField) {
  DesignEditor editor(&document_);
  editor.setDesign(0);
  ASSERT_TRUE(editor.selectIndex(false, 1));

  type(lineEdit(editor, "index.name"), "GSI1");

  EXPECT_EQ(design().gsis[1].name, "GSI1");
  const std::string message = finding("designs[0].gsis[1].name");
  ASSERT_FALSE(message.empty());
  QWidget* name = editor.field("index.name");
  EXPECT_TRUE(name->property("faulty").toBool());
  EXPECT_TRUE(name->toolTip().contains(QString::fromStdString(message)));
}

TEST_F(DesignEditorTest, anEmptyPartitionKeyOrNameIsRefusedAtItsFieldAndChangesNothing) {
  DesignEditor editor(&document_);
  editor.setDesign(0);

  type(lineEdit(editor, "table.pk"), "");
  EXPECT_TRUE(editor.field("table.pk")->property("faulty").toBool());
  type(lineEdit(editor, "index.pk"), " ");
  EXPECT_TRUE(editor.field("index.pk")->property("faulty").toBool());
  type(lineEdit(editor, "name"), "");

  EXPECT_EQ(stack()->count(), 0);
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
}

TEST_F(DesignEditorTest, renamingAKeyAttributeRenamesItInTheTemplates) {
  DesignEditor editor(&document_);
  editor.setDesign(0);

  type(lineEdit(editor, "table.sk"), "SK2");
  type(lineEdit(editor, "index.pk"), "ByCustomerPK");

  EXPECT_EQ(design().table.sk, "SK2");
  for (const model::EntityKeys& keys : design().entityKeys) {
    EXPECT_NE(keys.find("SK2"), nullptr) << keys.entity;
    EXPECT_EQ(keys.find("SK"), nullptr) << keys.entity;
  }
  EXPECT_EQ(*design().gsis[0].findEntity("Order")->find("ByCustomerPK"), "CUSTOMER#{customerId}");
  EXPECT_EQ(editor.tableKeysModel()->headerData(2, Qt::Horizontal).toString(), "SK2");
  EXPECT_EQ(stack()->count(), 2);
  EXPECT_TRUE(document_.isProjectValid());

  // No sort key at all: its templates go with it, in one step.
  type(lineEdit(editor, "table.sk"), "");
  EXPECT_FALSE(design().table.sk.has_value());
  EXPECT_EQ(design().findEntity("Order")->templates.size(), 1u);
  EXPECT_EQ(editor.tableKeysModel()->columnCount(), 2);

  while (stack()->canUndo()) stack()->undo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
}

TEST_F(DesignEditorTest, addsAnLsiSortedByItsOwnKey) {
  DesignEditor editor(&document_);
  editor.setDesign(0);

  editor.addLsi();

  ASSERT_EQ(design().lsis.size(), 1u);
  EXPECT_EQ(design().lsis[0].name, "LSI1");
  EXPECT_FALSE(design().lsis[0].pk.has_value()) << "an LSI shares the table's partition key";
  EXPECT_TRUE(editor.indexIsLocal());
  EXPECT_FALSE(editor.field("index.pk")->isEnabled());
  EXPECT_EQ(lineEdit(editor, "index.pk")->text(), "PK");
  ASSERT_EQ(editor.indexKeysModel()->columnCount(), 2) << "the entity and the LSI's sort key";

  typeTemplate(editor.indexKeysModel(), 2, 1, "TOTAL#{total}");
  EXPECT_EQ(*design().lsis[0].findEntity("Order")->find("LSI1SK"), "TOTAL#{total}");
  EXPECT_TRUE(document_.isProjectValid()) << editor.problemsText().toStdString();

  while (stack()->canUndo()) stack()->undo();
  EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
}

TEST_F(DesignEditorTest, saveAndReloadKeepTheEditsInBothFileForms) {
  DesignEditor editor(&document_);
  editor.setDesign(0);
  typeTemplate(editor.tableKeysModel(), 1, 2, "PRODUCT#META");
  editor.addGsi();
  typeTemplate(editor.indexKeysModel(), 2, 1, "DAY#{orderDate}");
  typeTemplate(editor.indexKeysModel(), 2, 2, "{orderId}");
  ASSERT_TRUE(editor.selectIndex(false, 0));
  chooseProjection(editor, "KEYS_ONLY");
  const std::string edited = model::writeProjectJson(document_.project());
  ASSERT_NE(edited, original_);

  test::TempDir dir;
  for (const char* name : {"shop.kvlab.json", "shop.kvlab"}) {
    SCOPED_TRACE(name);
    const QString path = qtPath(dir / name);
    ASSERT_TRUE(document_.saveAs(path).ok());
    ProjectDocument reloaded;
    ASSERT_TRUE(reloaded.load(path));
    EXPECT_EQ(model::writeProjectJson(reloaded.project()), edited);
    EXPECT_EQ(reloaded.project().designs[0].gsis[0].projection, model::Projection::KeysOnly);
  }
}

TEST_F(DesignEditorTest, thePlanAndAggregateViewsFollowADesignEdit) {
  PlanView plan(&document_, test::defaultPrices(), {});
  AggregateView aggregate(&document_);
  DesignEditor editor(&document_);
  editor.setDesign(0);
  ASSERT_TRUE(plan.summaryText().startsWith("7 of 8 patterns served by key"))
      << plan.summaryText().toStdString();
  EXPECT_EQ(aggregate.indexCount(), 3);

  // A GSI of orders by day serves AP8, which only a Scan could.
  editor.addGsi();
  typeTemplate(editor.indexKeysModel(), 2, 1, "DAY#{orderDate}");
  typeTemplate(editor.indexKeysModel(), 2, 2, "{orderId}");

  EXPECT_TRUE(plan.summaryText().startsWith("8 of 8 patterns served by key"))
      << plan.summaryText().toStdString();
  EXPECT_EQ(aggregate.indexCount(), 4);

  while (stack()->canUndo()) stack()->undo();
  EXPECT_TRUE(plan.summaryText().startsWith("7 of 8 patterns served by key"));
  EXPECT_EQ(aggregate.indexCount(), 3);
}

TEST_F(DesignEditorTest, choosingADesignOrOneOfItsIndexesInTheTreeOpensTheEditor) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(test::shopSample())));
  auto* tree = window.findChild<QTreeView*>("projectTree");
  ASSERT_NE(tree, nullptr);
  const QAbstractItemModel* model = tree->model();
  const QModelIndex designs = model->index(ProjectTreeModel::kDesigns, 0);
  const QModelIndex first = model->index(0, 0, designs);

  tree->setCurrentIndex(first);
  EXPECT_TRUE(window.designEditor()->isVisibleTo(&window));
  EXPECT_EQ(window.designEditor()->design(), 0);

  // The design's parts: its table, GSI1, GSI2.
  tree->setCurrentIndex(model->index(2, 0, first));
  EXPECT_EQ(window.designEditor()->indexRow(), 1);
  EXPECT_FALSE(window.designEditor()->indexIsLocal());
  EXPECT_EQ(lineEdit(*window.designEditor(), "index.name")->text(), "GSI2");
}

}  // namespace
}  // namespace kvlab::ui
