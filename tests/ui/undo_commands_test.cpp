// Every kind of edit in ui/commands/, on the shop sample: redo makes the change, undo gives back
// exactly the project it was given (compared as its kvlab/1 text, which holds every field,
// unknown ones included), and redo again gives exactly the changed project. The commands are
// small and alike, so their tests share this one file rather than one file each.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QUndoStack>
#include <functional>
#include <memory>

#include "model/io/project_json.h"
#include "tests/ui/qt_test_application.h"
#include "tests/ui/studio_test_data.h"
#include "ui/commands/add_access_pattern_command.h"
#include "ui/commands/add_attribute_command.h"
#include "ui/commands/add_entity_command.h"
#include "ui/commands/add_relationship_command.h"
#include "ui/commands/adopt_design_command.h"
#include "ui/commands/edit_access_pattern_command.h"
#include "ui/commands/edit_attribute_command.h"
#include "ui/commands/edit_entity_command.h"
#include "ui/commands/edit_relationship_command.h"
#include "ui/commands/import_project_command.h"
#include "ui/commands/move_diagram_node_command.h"
#include "ui/commands/remove_access_pattern_command.h"
#include "ui/commands/remove_attribute_command.h"
#include "ui/commands/remove_entity_command.h"
#include "ui/commands/remove_relationship_command.h"
#include "ui/commands/rename_entity_command.h"
#include "ui/commands/reset_diagram_layout_command.h"
#include "ui/document/project_document.h"

namespace kvlab::ui {
namespace {

using test::qtPath;

class UndoCommandsTest : public test::UiTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(document_.load(qtPath(test::shopSample())));
    original_ = model::writeProjectJson(document_.project());
  }

  // Pushes `command`, checks the project it made with `check`, then undo, redo and undo again.
  void roundTrip(QUndoCommand* command, const std::function<void(const model::Project&)>& check) {
    QUndoStack* stack = document_.undoStack();
    QSignalSpy changed(&document_, &ProjectDocument::changed);
    stack->push(command);
    ASSERT_EQ(changed.count(), 1);
    const std::string edited = model::writeProjectJson(document_.project());
    EXPECT_NE(edited, original_) << "the command changed nothing";
    EXPECT_TRUE(document_.isModified());
    EXPECT_FALSE(command->text().isEmpty()) << "every command has a label for the Edit menu";
    check(document_.project());

    stack->undo();
    EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
    EXPECT_FALSE(document_.isModified()) << "back at the state last loaded";

    stack->redo();
    EXPECT_EQ(model::writeProjectJson(document_.project()), edited);
    EXPECT_TRUE(document_.isModified());

    stack->undo();
    EXPECT_EQ(model::writeProjectJson(document_.project()), original_);
  }

  const model::Project& project() const { return document_.project(); }

  ProjectDocument document_;
  std::string original_;
};

TEST_F(UndoCommandsTest, addEntityInsertsItAndUndoTakesItOut) {
  model::Entity entity;
  entity.name = "Coupon";
  entity.identifier = {"code"};
  model::Attribute code;
  code.name = "code";
  code.size = 12;
  code.distinct = 5000;
  entity.attributes.push_back(code);
  const std::size_t before = project().entities.size();
  roundTrip(new AddEntityCommand(&document_, entity), [&](const model::Project& p) {
    ASSERT_EQ(p.entities.size(), before + 1);
    EXPECT_EQ(p.entities.back().name, "Coupon");
  });
}

TEST_F(UndoCommandsTest, addEntityAtARowInsertsItThere) {
  model::Entity entity;
  entity.name = "First";
  roundTrip(new AddEntityCommand(&document_, entity, 0),
            [](const model::Project& p) { EXPECT_EQ(p.entities.front().name, "First"); });
}

TEST_F(UndoCommandsTest, removeEntityTakesItOutAndUndoPutsItBackInItsPlace) {
  const std::string second = project().entities[1].name;
  roundTrip(new RemoveEntityCommand(&document_, 1),
            [&](const model::Project& p) { EXPECT_EQ(p.findEntity(second), nullptr); });
}

TEST_F(UndoCommandsTest, renameEntityFollowsEveryReference) {
  const std::string old = project().entities[0].name;
  roundTrip(new RenameEntityCommand(&document_, 0, "Client"), [&](const model::Project& p) {
    EXPECT_EQ(p.entities[0].name, "Client");
    for (const model::Relationship& r : p.relationships) {
      EXPECT_NE(r.from, old);
      EXPECT_NE(r.to, old);
    }
    for (const model::AccessPattern& ap : p.accessPatterns) {
      for (const std::string& e : ap.entities) EXPECT_NE(e, old) << ap.id;
    }
    for (const model::Design& d : p.designs) EXPECT_EQ(d.findEntity(old), nullptr) << d.name;
    EXPECT_TRUE(document_.isProjectValid()) << "a rename leaves no dangling reference";
  });
}

TEST_F(UndoCommandsTest, editEntityChangesItsFields) {
  model::Entity after = project().entities[0];
  after.count = 42;
  after.stored = false;
  roundTrip(new EditEntityCommand(&document_, 0, after), [](const model::Project& p) {
    EXPECT_EQ(p.entities[0].count, 42);
    EXPECT_FALSE(p.entities[0].isStored());
  });
}

TEST_F(UndoCommandsTest, addAttributeAppendsToTheEntity) {
  const std::size_t before = project().entities[0].attributes.size();
  model::Attribute nickname;
  nickname.name = "nickname";
  nickname.size = 10;
  roundTrip(new AddAttributeCommand(&document_, 0, nickname), [&](const model::Project& p) {
    ASSERT_EQ(p.entities[0].attributes.size(), before + 1);
    EXPECT_EQ(p.entities[0].attributes.back().name, "nickname");
  });
}

TEST_F(UndoCommandsTest, removeAttributeTakesItOut) {
  const std::size_t before = project().entities[0].attributes.size();
  roundTrip(new RemoveAttributeCommand(&document_, 0, 1), [&](const model::Project& p) {
    EXPECT_EQ(p.entities[0].attributes.size(), before - 1);
  });
}

TEST_F(UndoCommandsTest, editAttributeReplacesItsValues) {
  model::Attribute after = project().entities[0].attributes[0];
  after.size = 99;
  after.format = "uuid";
  after.distinct.reset();
  roundTrip(new EditAttributeCommand(&document_, 0, 0, after), [](const model::Project& p) {
    EXPECT_EQ(p.entities[0].attributes[0].size, 99);
    EXPECT_EQ(p.entities[0].attributes[0].format, "uuid");
  });
}

TEST_F(UndoCommandsTest, addAccessPatternAppendsIt) {
  model::AccessPattern pattern;
  pattern.id = "AP99";
  pattern.name = "Everything";
  pattern.action = model::Action::Scan;
  pattern.entities = {project().entities[0].name};
  roundTrip(new AddAccessPatternCommand(&document_, pattern), [](const model::Project& p) {
    ASSERT_NE(p.findPattern("AP99"), nullptr);
    EXPECT_EQ(p.accessPatterns.back().id, "AP99");
  });
}

TEST_F(UndoCommandsTest, removeAccessPatternTakesItOut) {
  const std::string id = project().accessPatterns[2].id;
  roundTrip(new RemoveAccessPatternCommand(&document_, 2),
            [&](const model::Project& p) { EXPECT_EQ(p.findPattern(id), nullptr); });
}

TEST_F(UndoCommandsTest, editAccessPatternReplacesIt) {
  model::AccessPattern after = project().accessPatterns[0];
  after.consistency = model::Consistency::Strong;
  after.rate.emplace();
  after.rate->mean = 7;
  after.rate->peak = 70;
  after.limit = 3;
  roundTrip(new EditAccessPatternCommand(&document_, 0, after), [](const model::Project& p) {
    EXPECT_EQ(p.accessPatterns[0].consistency, model::Consistency::Strong);
    EXPECT_EQ(p.accessPatterns[0].rate->peak, 70);
  });
}

TEST_F(UndoCommandsTest, addRelationshipAppendsIt) {
  model::Relationship r;
  r.from = project().entities[0].name;
  r.to = project().entities[1].name;
  r.kind = model::RelationshipKind::ManyToMany;
  r.fanout.emplace();
  r.fanout->mean = 3;
  r.fanout->max = 10;
  const std::size_t before = project().relationships.size();
  roundTrip(new AddRelationshipCommand(&document_, r), [&](const model::Project& p) {
    ASSERT_EQ(p.relationships.size(), before + 1);
    EXPECT_EQ(p.relationships.back().kind, model::RelationshipKind::ManyToMany);
  });
}

TEST_F(UndoCommandsTest, removeRelationshipTakesItOut) {
  const std::size_t before = project().relationships.size();
  ASSERT_GT(before, 0u);
  roundTrip(new RemoveRelationshipCommand(&document_, 0),
            [&](const model::Project& p) { EXPECT_EQ(p.relationships.size(), before - 1); });
}

TEST_F(UndoCommandsTest, editRelationshipChangesKindAndFanout) {
  model::Relationship after = project().relationships[0];
  after.kind = model::RelationshipKind::OneToOne;
  after.fanout.reset();
  roundTrip(new EditRelationshipCommand(&document_, 0, after), [](const model::Project& p) {
    EXPECT_EQ(p.relationships[0].kind, model::RelationshipKind::OneToOne);
    EXPECT_FALSE(p.relationships[0].fanout.has_value());
  });
}

TEST_F(UndoCommandsTest, adoptDesignAppendsItUnderAFreeName) {
  const model::Design design = project().designs.front();
  auto* command = new AdoptDesignCommand(&document_, design);
  EXPECT_EQ(command->designName(), design.name + "-2");
  roundTrip(command,
            [&](const model::Project& p) { EXPECT_EQ(p.designs.back().name, design.name + "-2"); });
}

TEST_F(UndoCommandsTest, importReplacesProjectAndFileAndUndoBringsBothBack) {
  const QString file = document_.filePath();
  model::Project imported;
  imported.name = "Imported";
  roundTrip(new ImportProjectCommand(&document_, imported, QStringLiteral("/tmp/model.json")),
            [&](const model::Project& p) {
              EXPECT_EQ(p.name, "Imported");
              EXPECT_TRUE(document_.filePath().isEmpty()) << "an import has no file until saved";
            });
  EXPECT_EQ(document_.filePath(), file);
}

TEST_F(UndoCommandsTest, moveDiagramNodeStoresThePositionAndUndoLeavesNoDiagram) {
  roundTrip(new MoveDiagramNodeCommand(&document_, {{"Order", 400, -20}, {"Product", 0, 300}}),
            [](const model::Project& p) {
              ASSERT_TRUE(p.diagram);
              ASSERT_EQ(p.diagram->positions.size(), 2u);
              EXPECT_EQ(p.diagram->positions[0].entity, "Order");
              EXPECT_EQ(p.diagram->positions[0].x, 400);
              EXPECT_EQ(p.diagram->positions[1].y, 300);
            });
}

TEST_F(UndoCommandsTest, movesOfTheSameEntitiesMergeAndOthersDoNot) {
  QUndoStack* stack = document_.undoStack();
  stack->push(new MoveDiagramNodeCommand(&document_, {{"Order", 10, 10}}));
  stack->push(new MoveDiagramNodeCommand(&document_, {{"Order", 20, 30}}));
  EXPECT_EQ(stack->count(), 1);
  EXPECT_EQ(project().diagram->find("Order")->x, 20);
  stack->push(new MoveDiagramNodeCommand(&document_, {{"Order", 25, 30}, {"Product", 0, 0}}));
  stack->push(new MoveDiagramNodeCommand(&document_, {{"Customer", 5, 5}}));
  EXPECT_EQ(stack->count(), 3);
  // After a save the next move is a step of its own: undoing it gives back the saved file.
  document_.setModified(false);
  stack->push(new MoveDiagramNodeCommand(&document_, {{"Customer", 50, 5}}));
  EXPECT_EQ(stack->count(), 4);
  stack->undo();
  EXPECT_FALSE(document_.isModified());
  EXPECT_EQ(project().diagram->find("Customer")->x, 5);
  stack->undo();
  stack->undo();
  stack->undo();
  EXPECT_EQ(model::writeProjectJson(project()), original_);
}

TEST_F(UndoCommandsTest, resetDiagramLayoutForgetsThePositionsButKeepsOtherDiagramFields) {
  document_.undoStack()->push(new MoveDiagramNodeCommand(&document_, {{"Order", 1, 2}}));
  document_.setModified(false);
  original_ = model::writeProjectJson(project());
  roundTrip(new ResetDiagramLayoutCommand(&document_),
            [](const model::Project& p) { EXPECT_FALSE(p.diagram); });

  document_.applyEdit([](model::Project& p) { p.diagram->extra.emplace_back("zoom", "2"); });
  document_.setModified(false);
  original_ = model::writeProjectJson(project());
  roundTrip(new ResetDiagramLayoutCommand(&document_), [](const model::Project& p) {
    ASSERT_TRUE(p.diagram);
    EXPECT_TRUE(p.diagram->positions.empty());
    EXPECT_EQ(p.diagram->extra.size(), 1u);
  });
}

TEST_F(UndoCommandsTest, renameAndRemoveEntityTakeItsDiagramPositionAlong) {
  document_.undoStack()->push(
      new MoveDiagramNodeCommand(&document_, {{"Customer", 7, 8}, {"Order", 9, 10}}));
  document_.setModified(false);
  original_ = model::writeProjectJson(project());
  roundTrip(new RenameEntityCommand(&document_, 0, "Client"), [](const model::Project& p) {
    EXPECT_EQ(p.diagram->find("Customer"), nullptr);
    ASSERT_NE(p.diagram->find("Client"), nullptr);
    EXPECT_EQ(p.diagram->positions[0].entity, "Client") << "in its place in the file";
    EXPECT_EQ(p.diagram->find("Client")->x, 7);
  });
  roundTrip(new RemoveEntityCommand(&document_, 0), [](const model::Project& p) {
    EXPECT_EQ(p.diagram->find("Customer"), nullptr);
    EXPECT_NE(p.diagram->find("Order"), nullptr);
  });
}

TEST_F(UndoCommandsTest, savingMakesTheCurrentStateTheCleanOne) {
  model::Entity entity;
  entity.name = "Coupon";
  document_.undoStack()->push(new AddEntityCommand(&document_, entity));
  document_.setModified(false);  // what a save does
  EXPECT_FALSE(document_.isModified());

  document_.undoStack()->undo();
  EXPECT_TRUE(document_.isModified()) << "the saved file has the entity";
  document_.undoStack()->redo();
  EXPECT_FALSE(document_.isModified());
}

TEST_F(UndoCommandsTest, loadingEmptiesTheUndoStack) {
  model::Entity entity;
  entity.name = "Coupon";
  document_.undoStack()->push(new AddEntityCommand(&document_, entity));
  ASSERT_TRUE(document_.load(qtPath(test::shopSample())));
  EXPECT_FALSE(document_.undoStack()->canUndo());
  EXPECT_FALSE(document_.isModified());
}

}  // namespace
}  // namespace kvlab::ui
