#include "ui/views/entity_diagram_view.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QMouseEvent>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTreeView>
#include <QUndoStack>

#include "model/io/project_json.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/commands/add_entity_command.h"
#include "ui/commands/add_relationship_command.h"
#include "ui/commands/remove_entity_command.h"
#include "ui/commands/rename_entity_command.h"
#include "ui/document/project_document.h"
#include "ui/views/diagram_edge_item.h"
#include "ui/views/diagram_node_item.h"
#include "ui/views/entity_editor.h"
#include "ui/views/main_window.h"
#include "ui/views/relationship_editor.h"

namespace kvlab::ui {
namespace {

using test::qtPath;

void sendMouse(QWidget* widget, QEvent::Type type, const QPoint& at, Qt::MouseButtons buttons) {
  QMouseEvent event(type, QPointF(at), widget->mapToGlobal(QPointF(at)), Qt::LeftButton, buttons,
                    Qt::NoModifier);
  QApplication::sendEvent(widget, &event);
}

// Where `node`'s title band is, in the canvas's viewport.
QPoint titleOf(const EntityDiagramView& view, const DiagramNodeItem* node) {
  return view.graphicsView()->mapFromScene(node->sceneBoundingRect().topLeft() + QPointF(20, 10));
}

// Presses on the title of the box of `entity`, moves the mouse by `by` (viewport pixels) in a
// few steps, and lets go: what a user does to drag a box.
void drag(EntityDiagramView& view, const QString& entity, const QPoint& by) {
  const DiagramNodeItem* node = view.node(entity);
  ASSERT_NE(node, nullptr) << entity.toStdString();
  QWidget* viewport = view.graphicsView()->viewport();
  const QPoint start = titleOf(view, node);
  sendMouse(viewport, QEvent::MouseButtonPress, start, Qt::LeftButton);
  for (int step = 1; step <= 4; ++step) {
    sendMouse(viewport, QEvent::MouseMove, start + by * step / 4, Qt::LeftButton);
  }
  sendMouse(viewport, QEvent::MouseButtonRelease, start + by, Qt::NoButton);
}

void doubleClick(EntityDiagramView& view, const QPoint& at) {
  QWidget* viewport = view.graphicsView()->viewport();
  sendMouse(viewport, QEvent::MouseButtonPress, at, Qt::LeftButton);
  sendMouse(viewport, QEvent::MouseButtonRelease, at, Qt::NoButton);
  sendMouse(viewport, QEvent::MouseButtonDblClick, at, Qt::LeftButton);
  sendMouse(viewport, QEvent::MouseButtonRelease, at, Qt::NoButton);
}

int countItems(const QGraphicsScene* scene, int type) {
  int count = 0;
  for (const QGraphicsItem* item : scene->items()) count += item->type() == type ? 1 : 0;
  return count;
}

class EntityDiagramViewTest : public test::UiTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(document_.load(qtPath(test::shopSample())));
    view_ = std::make_unique<EntityDiagramView>(&document_);
    view_->resize(1100, 700);
    view_->show();
    QApplication::processEvents();
  }

  QPointF positionOf(const QString& entity) const { return view_->node(entity)->pos(); }

  ProjectDocument document_;
  std::unique_ptr<EntityDiagramView> view_;
};

TEST_F(EntityDiagramViewTest, drawsOneBoxPerEntityAndOneLabelledLinePerRelationship) {
  ASSERT_EQ(view_->nodes().size(), 4u);
  ASSERT_EQ(view_->edges().size(), 3u);
  EXPECT_EQ(countItems(view_->scene(), DiagramNodeItem::Type), 4);
  EXPECT_EQ(countItems(view_->scene(), DiagramEdgeItem::Type), 3);

  const DiagramNodeItem* customer = view_->node(QStringLiteral("Customer"));
  ASSERT_NE(customer, nullptr);
  EXPECT_EQ(customer->lines().at(0), QStringLiteral("id: customerId"));
  EXPECT_EQ(customer->lines().at(1), QStringLiteral("1,000,000 items"));
  EXPECT_TRUE(customer->lines().contains(QStringLiteral("email : S")));

  const DiagramEdgeItem* places = view_->edges().front();
  EXPECT_EQ(places->from(), customer);
  EXPECT_EQ(places->to(), view_->node(QStringLiteral("Order")));
  EXPECT_EQ(places->labelLines(),
            QStringList({QStringLiteral("places · 1:N"), QStringLiteral("fan-out 12, max 500")}));

  // The whole diagram is in sight, and no label lies on a box.
  const QRectF visible =
      view_->graphicsView()->mapToScene(view_->graphicsView()->viewport()->rect()).boundingRect();
  for (const DiagramNodeItem* node : view_->nodes()) {
    EXPECT_TRUE(visible.contains(node->sceneBoundingRect())) << node->name().toStdString();
    for (const DiagramEdgeItem* edge : view_->edges()) {
      EXPECT_FALSE(edge->labelRect().intersects(node->sceneBoundingRect()))
          << edge->labelLines().front().toStdString() << " on " << node->name().toStdString();
    }
  }
}

TEST_F(EntityDiagramViewTest, drawsNoTwoBoxesOverlappingOnAnySample) {
  for (const std::filesystem::path& file : test::sampleFiles()) {
    SCOPED_TRACE(file.string());
    ASSERT_TRUE(document_.load(qtPath(file)));
    ASSERT_EQ(view_->nodes().size(), document_.project().entities.size());
    for (std::size_t i = 0; i < view_->nodes().size(); ++i) {
      for (std::size_t j = i + 1; j < view_->nodes().size(); ++j) {
        EXPECT_FALSE(view_->nodes()[i]->sceneBoundingRect().intersects(
            view_->nodes()[j]->sceneBoundingRect()))
            << view_->nodes()[i]->name().toStdString() << " and "
            << view_->nodes()[j]->name().toStdString();
      }
    }
  }
}

TEST_F(EntityDiagramViewTest, followsEditsUndoAndRedo) {
  QUndoStack* stack = document_.undoStack();
  model::Entity coupon;
  coupon.name = "Coupon";
  stack->push(new AddEntityCommand(&document_, coupon));
  EXPECT_EQ(view_->nodes().size(), 5u);
  model::Relationship uses;
  uses.from = "Order";
  uses.to = "Coupon";
  uses.kind = model::RelationshipKind::ManyToMany;
  stack->push(new AddRelationshipCommand(&document_, uses));
  ASSERT_EQ(view_->edges().size(), 4u);
  EXPECT_EQ(view_->edges().back()->labelLines(), QStringList{QStringLiteral("M:N")});

  stack->push(new RenameEntityCommand(&document_, 0, "Client"));
  EXPECT_EQ(view_->node(QStringLiteral("Customer")), nullptr);
  ASSERT_NE(view_->node(QStringLiteral("Client")), nullptr);
  EXPECT_EQ(view_->edges().front()->from(), view_->node(QStringLiteral("Client")));

  stack->push(new RemoveEntityCommand(&document_, 1));  // Product
  EXPECT_EQ(view_->nodes().size(), 4u);
  EXPECT_EQ(view_->edges().size(), 3u) << "a relationship to nothing is not drawn";

  stack->undo();
  stack->undo();
  stack->undo();
  stack->undo();
  EXPECT_EQ(view_->nodes().size(), 4u);
  EXPECT_EQ(view_->edges().size(), 3u);
  EXPECT_NE(view_->node(QStringLiteral("Customer")), nullptr);
  stack->redo();
  EXPECT_EQ(view_->nodes().size(), 5u);
}

TEST_F(EntityDiagramViewTest, aDragIsOneUndoableStepKeptInTheProject) {
  QUndoStack* stack = document_.undoStack();
  const QPointF before = positionOf(QStringLiteral("Order"));
  const QPointF customer = positionOf(QStringLiteral("Customer"));
  const double zoom = view_->graphicsView()->transform().m11();
  ASSERT_GT(zoom, 0.2);

  drag(*view_, QStringLiteral("Order"), QPoint(40, 120));

  ASSERT_EQ(stack->count(), 1) << "one drag, one command";
  EXPECT_EQ(stack->undoText(), QStringLiteral("Move “Order” in the diagram"));
  EXPECT_TRUE(document_.isModified());
  ASSERT_TRUE(document_.project().diagram);
  ASSERT_NE(document_.project().diagram->find("Order"), nullptr);
  const QPointF stored(document_.project().diagram->find("Order")->x,
                       document_.project().diagram->find("Order")->y);
  EXPECT_NEAR(stored.x(), before.x() + 40 / zoom, 2);
  EXPECT_NEAR(stored.y(), before.y() + 120 / zoom, 2);
  EXPECT_EQ(document_.project().diagram->positions.size(), 1u) << "only the box moved";
  // The scene shows the stored position, the others where they were, the lines follow.
  EXPECT_EQ(positionOf(QStringLiteral("Order")), stored);
  EXPECT_EQ(positionOf(QStringLiteral("Customer")), customer);
  const DiagramEdgeItem* places = view_->edges().front();
  EXPECT_TRUE(places->path().intersects(
      view_->node(QStringLiteral("Order"))->sceneBoundingRect().adjusted(-3, -3, 3, 3)));

  stack->undo();
  EXPECT_FALSE(document_.project().diagram) << "undo gives back the project as it was";
  EXPECT_EQ(positionOf(QStringLiteral("Order")), before);
  EXPECT_FALSE(document_.isModified());
  stack->redo();
  EXPECT_EQ(positionOf(QStringLiteral("Order")), stored);
}

TEST_F(EntityDiagramViewTest, aClickWithoutMovingIsNoEdit) {
  drag(*view_, QStringLiteral("Order"), QPoint(0, 0));
  EXPECT_EQ(document_.undoStack()->count(), 0);
  EXPECT_FALSE(document_.project().diagram);
}

TEST_F(EntityDiagramViewTest, draggingTheSameBoxAgainMergesIntoOneStep) {
  const QPointF before = positionOf(QStringLiteral("Product"));
  drag(*view_, QStringLiteral("Product"), QPoint(30, 0));
  drag(*view_, QStringLiteral("Product"), QPoint(30, 40));
  EXPECT_EQ(document_.undoStack()->count(), 1);
  drag(*view_, QStringLiteral("Customer"), QPoint(0, 50));
  EXPECT_EQ(document_.undoStack()->count(), 2) << "another box is another step";
  document_.undoStack()->undo();
  document_.undoStack()->undo();
  EXPECT_EQ(positionOf(QStringLiteral("Product")), before);
}

TEST_F(EntityDiagramViewTest, aSavedPositionComesBackOnReloadInEitherForm) {
  drag(*view_, QStringLiteral("OrderItem"), QPoint(-60, 90));
  const QPointF moved = positionOf(QStringLiteral("OrderItem"));
  test::TempDir dir;
  for (const char* name : {"shop.kvlab.json", "shop.kvlab"}) {
    SCOPED_TRACE(name);
    ASSERT_TRUE(document_.saveAs(qtPath(dir / name)).ok());
    ProjectDocument reopened;
    ASSERT_TRUE(reopened.load(qtPath(dir / name)));
    EXPECT_FALSE(reopened.diagnostics().hasErrors());
    EntityDiagramView view(&reopened);
    ASSERT_NE(view.node(QStringLiteral("OrderItem")), nullptr);
    EXPECT_EQ(view.node(QStringLiteral("OrderItem"))->pos(), moved);
    // The entities without a stored position are laid out as before the drag.
    EXPECT_EQ(view.node(QStringLiteral("Customer"))->pos(), positionOf(QStringLiteral("Customer")));
  }
  EXPECT_NE(test::readFile(dir / "shop.kvlab.json").find("\"diagram\""), std::string::npos);
}

TEST_F(EntityDiagramViewTest, renamingOrRemovingAnEntityKeepsThePositionsConsistent) {
  drag(*view_, QStringLiteral("Customer"), QPoint(0, 80));
  const QPointF moved = positionOf(QStringLiteral("Customer"));
  QUndoStack* stack = document_.undoStack();

  stack->push(new RenameEntityCommand(&document_, 0, "Client"));
  ASSERT_TRUE(document_.project().diagram);
  EXPECT_EQ(document_.project().diagram->find("Customer"), nullptr);
  ASSERT_NE(document_.project().diagram->find("Client"), nullptr);
  EXPECT_EQ(positionOf(QStringLiteral("Client")), moved) << "the box stays where it was put";

  stack->push(new RemoveEntityCommand(&document_, 0));
  EXPECT_EQ(document_.project().diagram->find("Client"), nullptr);
  for (const model::Diagnostic& finding : document_.validation().items()) {
    EXPECT_NE(finding.path.rfind("diagram", 0), 0u) << "no stale position: " << finding.message;
  }

  stack->undo();
  EXPECT_EQ(positionOf(QStringLiteral("Client")), moved);
  stack->undo();
  EXPECT_EQ(positionOf(QStringLiteral("Customer")), moved);
}

TEST_F(EntityDiagramViewTest, layingOutAgainForgetsTheDraggedPositionsAsOneStep) {
  auto* button = view_->findChild<QPushButton*>(QStringLiteral("layOutDiagramButton"));
  ASSERT_NE(button, nullptr);
  EXPECT_FALSE(button->isEnabled()) << "nothing to forget yet";
  const QPointF automatic = positionOf(QStringLiteral("Order"));
  drag(*view_, QStringLiteral("Order"), QPoint(0, 150));
  EXPECT_TRUE(button->isEnabled());

  button->click();
  EXPECT_EQ(document_.undoStack()->count(), 2);
  EXPECT_FALSE(document_.project().diagram);
  EXPECT_EQ(positionOf(QStringLiteral("Order")), automatic);
  document_.undoStack()->undo();
  EXPECT_NE(positionOf(QStringLiteral("Order")), automatic);
}

TEST_F(EntityDiagramViewTest, doubleClickingABoxOrALineAsksForItsEditor) {
  QSignalSpy entity(view_.get(), &EntityDiagramView::entityActivated);
  QSignalSpy relationship(view_.get(), &EntityDiagramView::relationshipActivated);
  doubleClick(*view_, titleOf(*view_, view_->node(QStringLiteral("Order"))));
  ASSERT_EQ(entity.count(), 1);
  EXPECT_EQ(entity.front().front().toInt(), 2);

  const DiagramEdgeItem* contains = view_->edges()[1];
  doubleClick(*view_, view_->graphicsView()->mapFromScene(contains->labelRect().center()));
  ASSERT_EQ(relationship.count(), 1);
  EXPECT_EQ(relationship.front().front().toInt(), 1);
  EXPECT_EQ(document_.undoStack()->count(), 0) << "double-clicking moves nothing";
}

TEST_F(EntityDiagramViewTest, theMainWindowOpensTheEditorOfWhatIsDoubleClicked) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(qtPath(test::shopSample())));
  window.resize(1280, 800);
  window.show();
  window.showView(MainWindow::kDiagramView);
  QApplication::processEvents();
  auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("mainViews"));
  ASSERT_EQ(tabs->tabText(MainWindow::kDiagramView), QStringLiteral("Diagram"));
  EntityDiagramView& diagram = *window.diagramView();
  ASSERT_EQ(tabs->currentWidget(), &diagram);
  ASSERT_EQ(diagram.nodes().size(), 4u);

  doubleClick(diagram, titleOf(diagram, diagram.node(QStringLiteral("OrderItem"))));
  EXPECT_EQ(tabs->currentIndex(), MainWindow::kModelView);
  EXPECT_TRUE(window.entityEditor()->isVisible());
  EXPECT_EQ(window.entityEditor()->entity(), 3);
  EXPECT_EQ(window.findChild<QTreeView*>(QStringLiteral("projectTree"))->currentIndex().row(), 3);

  window.showView(MainWindow::kDiagramView);
  QApplication::processEvents();
  doubleClick(diagram,
              diagram.graphicsView()->mapFromScene(diagram.edges()[2]->labelRect().center()));
  EXPECT_EQ(tabs->currentIndex(), MainWindow::kModelView);
  EXPECT_TRUE(window.relationshipEditor()->isVisible());
  EXPECT_EQ(window.relationshipEditor()->relationship(), 2);
}

}  // namespace
}  // namespace kvlab::ui
