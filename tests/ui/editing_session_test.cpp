// The studio issue's scripted session, offscreen: open the shop sample, add an entity and an
// access pattern through the Edit menu and the editors, undo it all, redo it all, propose,
// adopt, simulate, save, reopen: the file holds the same project.
#include <gtest/gtest.h>

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QKeySequence>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTreeView>
#include <QUndoStack>

#include "model/io/project_json.h"
#include "simulator/metrics/run_result_json.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/document/project_document.h"
#include "ui/models/attribute_table_model.h"
#include "ui/models/project_tree_model.h"
#include "ui/views/access_pattern_editor.h"
#include "ui/views/entity_editor.h"
#include "ui/views/main_window.h"
#include "ui/views/proposals_view.h"
#include "ui/views/relationship_editor.h"
#include "ui/views/simulate_view.h"

namespace kvlab::ui {
namespace {

using test::qtPath;

constexpr int kModelerTimeoutMs = 120000;
constexpr int kRunTimeoutMs = 120000;

class EditingSessionTest : public test::UiTest {};

QAction* action(const MainWindow& window, const char* name) {
  return window.findChild<QAction*>(name);
}

void type(QLineEdit* edit, const QString& text) {
  ASSERT_NE(edit, nullptr);
  edit->setText(text);
  emit edit->editingFinished();
}

TEST_F(EditingSessionTest, theEditMenuUndoesAndRedoesWithTheStandardShortcuts) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(test::shopSample())));
  QAction* undo = action(window, "undoAction");
  QAction* redo = action(window, "redoAction");
  ASSERT_NE(undo, nullptr);
  ASSERT_NE(redo, nullptr);
  EXPECT_EQ(undo->shortcut(), QKeySequence(QKeySequence::Undo));
  EXPECT_EQ(redo->shortcut(), QKeySequence(QKeySequence::Redo));
  EXPECT_FALSE(undo->isEnabled());

  action(window, "newEntityAction")->trigger();

  EXPECT_TRUE(undo->isEnabled());
  EXPECT_TRUE(undo->text().contains("Entity5")) << undo->text().toStdString();
  EXPECT_TRUE(window.isWindowModified());
  undo->trigger();
  EXPECT_EQ(window.document()->project().entities.size(), 4u);
  EXPECT_FALSE(window.isWindowModified()) << "back at the file as opened";
  redo->trigger();
  EXPECT_EQ(window.document()->project().entities.size(), 5u);
  EXPECT_TRUE(window.isWindowModified());
}

TEST_F(EditingSessionTest, openEditUndoRedoProposeAdoptSimulateSaveReopenGivesTheSameProject) {
  MainWindow window;
  window.show();
  ASSERT_TRUE(window.openFile(qtPath(test::shopSample())));
  ProjectDocument* document = window.document();
  QUndoStack* stack = document->undoStack();
  const std::string opened = model::writeProjectJson(document->project());

  // An entity: New Entity, then its editor renames it, gives it a count and an attribute.
  action(window, "newEntityAction")->trigger();
  EntityEditor* entityEditor = window.entityEditor();
  ASSERT_EQ(entityEditor->entity(), 4);
  ASSERT_TRUE(entityEditor->isVisible());
  type(entityEditor->findChild<QLineEdit*>("entityName"), "Coupon");
  type(entityEditor->findChild<QLineEdit*>("entityCount"), "20000");
  entityEditor->addAttribute();
  AttributeTableModel* attributes = entityEditor->attributeModel();
  ASSERT_TRUE(
      attributes->setData(attributes->index(1, AttributeTableModel::kNameColumn), "discount"));
  ASSERT_TRUE(attributes->setData(attributes->index(1, AttributeTableModel::kTypeColumn), "N"));

  // An access pattern: New Access Pattern, then its editor.
  action(window, "newPatternAction")->trigger();
  AccessPatternEditor* patternEditor = window.patternEditor();
  ASSERT_EQ(patternEditor->pattern(), 8);
  type(qobject_cast<QLineEdit*>(patternEditor->field("name")), "A coupon by its id");
  type(qobject_cast<QLineEdit*>(patternEditor->field("entities")), "Coupon");
  type(qobject_cast<QLineEdit*>(patternEditor->field("equals")), "id");
  type(qobject_cast<QLineEdit*>(patternEditor->field("rate.mean")), "50");

  const std::string edited = model::writeProjectJson(document->project());
  ASSERT_TRUE(document->isProjectValid()) << document->validation().items().front().message;
  EXPECT_TRUE(patternEditor->problemsText().isEmpty())
      << patternEditor->problemsText().toStdString();
  const int edits = stack->count();
  EXPECT_EQ(edits, 11);

  while (stack->canUndo()) stack->undo();
  EXPECT_EQ(model::writeProjectJson(document->project()), opened);
  EXPECT_FALSE(document->isModified());
  while (stack->canRedo()) stack->redo();
  EXPECT_EQ(model::writeProjectJson(document->project()), edited);
  EXPECT_TRUE(document->isModified());

  // Propose and adopt the best proposal.
  ProposalsView* proposals = window.proposalsView();
  QSignalSpy proposed(proposals, &ProposalsView::proposingFinished);
  ASSERT_TRUE(proposals->propose());
  ASSERT_TRUE(proposed.wait(kModelerTimeoutMs));
  ASSERT_TRUE(proposals->selectProposal(0));
  const QString adopted = proposals->adoptSelected();
  ASSERT_FALSE(adopted.isEmpty());
  ASSERT_NE(document->project().findDesign(adopted.toStdString()), nullptr);
  EXPECT_EQ(stack->count(), edits + 1) << "adopting is a command too";

  // Simulate the adopted design for two virtual seconds.
  SimulateView* simulate = window.simulateView();
  ASSERT_TRUE(simulate->selectDesign(adopted));
  ASSERT_TRUE(simulate->selectEngine("dynamodb"));
  simulate->setDurationSeconds(2);
  QSignalSpy ran(simulate, &SimulateView::runFinished);
  ASSERT_TRUE(simulate->run());
  ASSERT_TRUE(ran.wait(kRunTimeoutMs));
  ASSERT_EQ(simulate->runs().size(), 1u) << simulate->statusText().toStdString();
  EXPECT_GT(simulate->runs().front().requests, 0);

  // Save, reopen: the same project.
  test::TempDir dir;
  const QString file = qtPath(dir / "session.kvlab.json");
  ASSERT_TRUE(window.saveFileAs(file).ok());
  EXPECT_FALSE(document->isModified());
  const std::string saved = model::writeProjectJson(document->project());
  EXPECT_EQ(test::readFile(dir / "session.kvlab.json"), saved);

  ProjectDocument reopened;
  ASSERT_TRUE(reopened.load(file));
  EXPECT_EQ(model::writeProjectJson(reopened.project()), saved);
  ASSERT_NE(reopened.project().findEntity("Coupon"), nullptr);
  EXPECT_EQ(reopened.project().findEntity("Coupon")->attributes[1].name, "discount");
  ASSERT_NE(reopened.project().findPattern("AP9"), nullptr);
  EXPECT_EQ(reopened.project().findPattern("AP9")->entities, std::vector<std::string>{"Coupon"});
  EXPECT_NE(reopened.project().findDesign(adopted.toStdString()), nullptr);

  // Kept, the run is saved with the project in the native file, and is there after reopening.
  ASSERT_TRUE(simulate->keepRuns());
  const QString native = qtPath(dir / "session.kvlab");
  ASSERT_TRUE(window.saveFileAs(native).ok());
  ProjectDocument reopenedNative;
  ASSERT_TRUE(reopenedNative.load(native));
  EXPECT_EQ(model::writeProjectJson(reopenedNative.project()), saved);
  ASSERT_EQ(reopenedNative.project().runs.size(), 1u);
  EXPECT_EQ(reopenedNative.project().runs.front().resultJson(),
            sim::runResultJson(simulate->runs().front()));

  // A picture of the window with the pattern editor open.
  window.showView(MainWindow::kModelView);
  window.editPattern(8);
  const QString folder = QStringLiteral(KVLAB_UI_ARTIFACTS);
  QDir().mkpath(folder);
  EXPECT_TRUE(window.grab().save(QDir(folder).filePath(QStringLiteral("editing.png"))));
}

TEST_F(EditingSessionTest, choosingInTheTreeOpensTheEditorAndDeleteRemovesWhatIsChosen) {
  MainWindow window;
  window.show();
  ASSERT_TRUE(window.openFile(qtPath(test::shopSample())));
  auto* tree = window.findChild<QTreeView*>("projectTree");
  ASSERT_NE(tree, nullptr);
  const QAbstractItemModel* model = tree->model();
  const QModelIndex entities = model->index(ProjectTreeModel::kEntities, 0);
  const QModelIndex patterns = model->index(ProjectTreeModel::kAccessPatterns, 0);
  EXPECT_FALSE(window.entityEditor()->isVisible());

  tree->setCurrentIndex(model->index(2, 0, entities));
  EXPECT_TRUE(window.entityEditor()->isVisible());
  EXPECT_EQ(window.entityEditor()->entity(), 2);
  tree->setCurrentIndex(model->index(0, 0, model->index(1, 0, entities)));  // an attribute
  EXPECT_EQ(window.entityEditor()->entity(), 1);
  tree->setCurrentIndex(model->index(1, 0, model->index(ProjectTreeModel::kRelationships, 0)));
  EXPECT_TRUE(window.relationshipEditor()->isVisible());
  EXPECT_EQ(window.relationshipEditor()->relationship(), 1);
  tree->setCurrentIndex(model->index(4, 0, patterns));
  EXPECT_TRUE(window.patternEditor()->isVisible());
  EXPECT_FALSE(window.entityEditor()->isVisible());
  EXPECT_EQ(window.patternEditor()->pattern(), 4);

  action(window, "deleteAction")->trigger();
  EXPECT_EQ(window.document()->project().accessPatterns.size(), 7u);
  EXPECT_EQ(window.document()->project().findPattern("AP5"), nullptr);
  tree->setCurrentIndex(model->index(0, 0, model->index(ProjectTreeModel::kRelationships, 0)));
  action(window, "deleteAction")->trigger();
  EXPECT_EQ(window.document()->project().relationships.size(), 2u);
  window.document()->undoStack()->undo();
  window.document()->undoStack()->undo();
  EXPECT_EQ(window.document()->project().accessPatterns.size(), 8u);
  EXPECT_EQ(window.document()->project().relationships.size(), 3u);
  EXPECT_FALSE(window.document()->isModified());
}

TEST_F(EditingSessionTest, newRelationshipAddsOneAndOpensItsEditor) {
  MainWindow window;
  window.show();
  ASSERT_TRUE(window.openFile(qtPath(test::shopSample())));

  action(window, "newRelationshipAction")->trigger();

  const auto& relationships = window.document()->project().relationships;
  ASSERT_EQ(relationships.size(), 4u);
  EXPECT_EQ(relationships.back().from, "Customer");
  EXPECT_EQ(relationships.back().to, "OrderItem");
  EXPECT_TRUE(window.relationshipEditor()->isVisible());
  EXPECT_EQ(window.relationshipEditor()->relationship(), 3);
  EXPECT_TRUE(window.document()->isProjectValid());
  action(window, "undoAction")->trigger();
  EXPECT_EQ(relationships.size(), 3u);
  EXPECT_EQ(window.relationshipEditor()->relationship(), -1);
}

TEST_F(EditingSessionTest, anImportIsUndoneLikeAnyEdit) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(test::shopSample())));
  const std::string opened = model::writeProjectJson(window.document()->project());
  test::TempDir dir;
  const QString exported = qtPath(dir / "shop-workbench.json");
  ASSERT_TRUE(window.exportDesign("nosql-workbench", "single-table", exported).ok());
  const Status imported = window.importProject(QStringLiteral("nosql-workbench"), exported);
  ASSERT_TRUE(imported.ok()) << imported.message();
  EXPECT_TRUE(window.document()->filePath().isEmpty());
  EXPECT_TRUE(window.document()->isModified());

  action(window, "undoAction")->trigger();

  EXPECT_EQ(model::writeProjectJson(window.document()->project()), opened);
  EXPECT_EQ(window.document()->filePath(), qtPath(test::shopSample()));
  EXPECT_FALSE(window.document()->isModified());
}

}  // namespace
}  // namespace kvlab::ui
