#include "ui/views/entity_diagram_layout.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "model/io/project_file.h"
#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "ui/views/diagram_node_item.h"

namespace kvlab::ui {
namespace {

struct Box {
  double x, y, width, height;
};

std::vector<Box> boxesOf(const std::vector<DiagramPoint>& at,
                         const std::vector<DiagramSize>& sizes) {
  std::vector<Box> boxes;
  for (std::size_t i = 0; i < at.size(); ++i) {
    boxes.push_back(Box{at[i].x, at[i].y, sizes[i].width, sizes[i].height});
  }
  return boxes;
}

// The gap between two boxes: the larger of the horizontal and the vertical one (negative when
// they overlap in both directions, that is when they overlap).
double gapX(const Box& a, const Box& b) {
  return std::max(b.x - (a.x + a.width), a.x - (b.x + b.width));
}
double gapY(const Box& a, const Box& b) {
  return std::max(b.y - (a.y + a.height), a.y - (b.y + b.height));
}

// Every pair of boxes is at least `spacing` apart across or down.
void expectApart(const model::Project& project, const std::vector<Box>& boxes,
                 const DiagramSpacing& spacing) {
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    EXPECT_TRUE(std::isfinite(boxes[i].x) && std::isfinite(boxes[i].y));
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      const bool apart = gapX(boxes[i], boxes[j]) >= spacing.horizontal - 1e-6 ||
                         gapY(boxes[i], boxes[j]) >= spacing.vertical - 1e-6;
      EXPECT_TRUE(apart) << project.entities[i].name << " at (" << boxes[i].x << ", " << boxes[i].y
                         << ") and " << project.entities[j].name << " at (" << boxes[j].x << ", "
                         << boxes[j].y << ") overlap or nearly";
    }
  }
}

// The sizes the diagram draws the boxes at.
std::vector<DiagramSize> drawnSizes(const model::Project& project) {
  std::vector<DiagramSize> sizes;
  for (std::size_t i = 0; i < project.entities.size(); ++i) {
    const DiagramNodeItem node(project.entities[i], static_cast<int>(i));
    sizes.push_back(DiagramSize{node.size().width(), node.size().height()});
  }
  return sizes;
}

model::Entity entity(const std::string& name, int attributes = 3) {
  model::Entity e;
  e.name = name;
  for (int i = 0; i < attributes; ++i) {
    model::Attribute a;
    a.name = name + "Attribute" + std::to_string(i);
    e.attributes.push_back(a);
  }
  if (!e.attributes.empty()) e.identifier = {e.attributes.front().name};
  return e;
}

model::Relationship relationship(
    const std::string& from, const std::string& to,
    model::RelationshipKind kind = model::RelationshipKind::OneToMany) {
  model::Relationship r;
  r.from = from;
  r.to = to;
  r.kind = kind;
  return r;
}

// Three separate groups and two loners: a triangle with a many-to-many link entity, a pair, a
// self-relationship, and a relationship naming an entity that does not exist.
model::Project disconnectedProject() {
  model::Project project;
  project.name = "Disconnected";
  for (const char* name :
       {"Student", "Course", "Enrolment", "Invoice", "Line", "Loner", "Tree", "Audit"}) {
    project.entities.push_back(entity(name, name == std::string("Audit") ? 14 : 3));
  }
  project.relationships = {relationship("Student", "Course", model::RelationshipKind::ManyToMany),
                           relationship("Student", "Enrolment"),
                           relationship("Course", "Enrolment"),
                           relationship("Invoice", "Line"),
                           relationship("Tree", "Tree"),
                           relationship("Invoice", "Ghost")};
  return project;
}

class EntityDiagramLayoutTest : public test::UiTest {};

TEST_F(EntityDiagramLayoutTest, laysOutEverySampleTheSameWayTwiceWithNoBoxesOverlapping) {
  std::vector<std::filesystem::path> files = test::sampleFiles();
  const std::vector<std::filesystem::path> corpus = test::corpusDesignFiles();
  files.insert(files.end(), corpus.begin(), corpus.end());
  ASSERT_GE(files.size(), 11u);
  const DiagramSpacing spacing{170, 90};
  for (const std::filesystem::path& file : files) {
    SCOPED_TRACE(file.string());
    const model::ProjectLoadResult first = model::loadProjectFile(file);
    const model::ProjectLoadResult second = model::loadProjectFile(file);
    ASSERT_TRUE(first.project && second.project);
    const std::vector<DiagramSize> sizes = drawnSizes(*first.project);
    const std::vector<DiagramPoint> a = layoutEntityDiagram(*first.project, sizes, spacing);
    const std::vector<DiagramPoint> b =
        layoutEntityDiagram(*second.project, drawnSizes(*second.project), spacing);
    ASSERT_EQ(a.size(), first.project->entities.size());
    ASSERT_EQ(b.size(), a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].x, b[i].x) << first.project->entities[i].name;
      EXPECT_EQ(a[i].y, b[i].y) << first.project->entities[i].name;
    }
    expectApart(*first.project, boxesOf(a, sizes), spacing);
    // The diagram starts at the origin.
    double left = 1e18;
    double top = 1e18;
    for (const DiagramPoint& p : a) {
      left = std::min(left, p.x);
      top = std::min(top, p.y);
    }
    EXPECT_NEAR(left, 0, 1e-6);
    EXPECT_NEAR(top, 0, 1e-6);
  }
}

TEST_F(EntityDiagramLayoutTest, keepsEachConnectedGroupTogetherAndApartFromTheOthers) {
  const model::Project project = disconnectedProject();
  const std::vector<DiagramSize> sizes = drawnSizes(project);
  const DiagramSpacing spacing;
  const std::vector<DiagramPoint> at = layoutEntityDiagram(project, sizes, spacing);
  ASSERT_EQ(at.size(), 8u);
  const std::vector<Box> boxes = boxesOf(at, sizes);
  expectApart(project, boxes, spacing);
  EXPECT_EQ(layoutEntityDiagram(project, sizes, spacing)[2].x, at[2].x) << "deterministic";

  // The bounding box of each group holds no box of another group.
  const std::vector<std::vector<std::size_t>> groups = {{0, 1, 2}, {3, 4}, {5}, {6}, {7}};
  auto bounds = [&](const std::vector<std::size_t>& group) {
    Box b{1e18, 1e18, 0, 0};
    double right = -1e18;
    double bottom = -1e18;
    for (std::size_t i : group) {
      b.x = std::min(b.x, boxes[i].x);
      b.y = std::min(b.y, boxes[i].y);
      right = std::max(right, boxes[i].x + boxes[i].width);
      bottom = std::max(bottom, boxes[i].y + boxes[i].height);
    }
    b.width = right - b.x;
    b.height = bottom - b.y;
    return b;
  };
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const Box area = bounds(groups[g]);
    for (std::size_t h = 0; h < groups.size(); ++h) {
      if (h == g) continue;
      for (std::size_t i : groups[h]) {
        EXPECT_TRUE(gapX(area, boxes[i]) > 0 || gapY(area, boxes[i]) > 0)
            << project.entities[i].name << " lies inside group " << g;
      }
    }
  }
  // Related entities sit side by side: the pair's boxes are nearer each other than the spacing
  // between groups would put them if the layout ignored the relationship.
  EXPECT_LT(std::hypot(at[3].x - at[4].x, at[3].y - at[4].y),
            sizes[3].width + sizes[4].width + 2 * spacing.horizontal);
}

TEST_F(EntityDiagramLayoutTest, handlesNoneOneAndTwoEntities) {
  model::Project project;
  EXPECT_TRUE(layoutEntityDiagram(project, {}).empty());

  project.entities.push_back(entity("Only"));
  const std::vector<DiagramPoint> one = layoutEntityDiagram(project, {{150, 100}});
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].x, 0);
  EXPECT_EQ(one[0].y, 0);

  project.entities.push_back(entity("Other"));
  const DiagramSpacing spacing{100, 50};
  for (bool related : {false, true}) {
    SCOPED_TRACE(related ? "related" : "unrelated");
    project.relationships.clear();
    if (related) project.relationships.push_back(relationship("Only", "Other"));
    const std::vector<DiagramSize> sizes = {{150, 100}, {200, 140}};
    const std::vector<DiagramPoint> two = layoutEntityDiagram(project, sizes, spacing);
    ASSERT_EQ(two.size(), 2u);
    expectApart(project, boxesOf(two, sizes), spacing);
    // Side by side, the first entity on the left.
    EXPECT_LT(two[0].x, two[1].x);
    EXPECT_LT(std::fabs(two[0].y - two[1].y), 100);
  }
}

TEST_F(EntityDiagramLayoutTest, givesAPositionPerEntityEvenWhenTheSizesDoNotMatch) {
  const model::Project project = disconnectedProject();
  EXPECT_EQ(layoutEntityDiagram(project, {{10, 10}}).size(), project.entities.size());
  EXPECT_EQ(placeEntityDiagram(project, {}).size(), project.entities.size());
}

TEST_F(EntityDiagramLayoutTest, placesStoredPositionsAsStoredAndTheRestClearOfThem) {
  model::Project project = disconnectedProject();
  const std::vector<DiagramSize> sizes = drawnSizes(project);
  const DiagramSpacing spacing;
  const std::vector<DiagramPoint> automatic = layoutEntityDiagram(project, sizes, spacing);
  EXPECT_EQ(placeEntityDiagram(project, sizes, spacing)[1].x, automatic[1].x)
      << "nothing stored: the automatic layout";

  // Course is dragged onto where Student would go; Line far away.
  project.diagram.emplace();
  project.diagram->set("Course", automatic[0].x + 10, automatic[0].y + 10);
  project.diagram->set("Line", -5000, 4000);
  project.diagram->set("Ghost", 0, 0);
  const std::vector<DiagramPoint> placed = placeEntityDiagram(project, sizes, spacing);
  ASSERT_EQ(placed.size(), project.entities.size());
  EXPECT_EQ(placed[1].x, automatic[0].x + 10);
  EXPECT_EQ(placed[1].y, automatic[0].y + 10);
  EXPECT_EQ(placed[4].x, -5000);
  EXPECT_EQ(placed[4].y, 4000);
  // Student would overlap Course: it moves; Invoice, Loner... keep their places where clear.
  EXPECT_FALSE(placed[0].x == automatic[0].x && placed[0].y == automatic[0].y);
  expectApart(project, boxesOf(placed, sizes), DiagramSpacing{0, 0});
  std::vector<Box> boxes = boxesOf(placed, sizes);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      if (i == 1 || j == 1 || i == 4 || j == 4) continue;  // laid out together: full spacing
      EXPECT_TRUE(gapX(boxes[i], boxes[j]) >= spacing.horizontal - 1e-6 ||
                  gapY(boxes[i], boxes[j]) >= spacing.vertical - 1e-6);
    }
  }
}

TEST_F(EntityDiagramLayoutTest, laysOutALargerGraphWithCyclesWithoutOverlap) {
  model::Project project;
  for (int i = 0; i < 14; ++i) project.entities.push_back(entity("E" + std::to_string(i), i % 5));
  for (int i = 0; i < 14; ++i) {
    project.relationships.push_back(
        relationship("E" + std::to_string(i), "E" + std::to_string((i + 1) % 14)));
    if (i % 3 == 0) {
      project.relationships.push_back(relationship("E" + std::to_string(i),
                                                   "E" + std::to_string((i + 5) % 14),
                                                   model::RelationshipKind::ManyToMany));
    }
  }
  const std::vector<DiagramSize> sizes = drawnSizes(project);
  const DiagramSpacing spacing;
  const std::vector<DiagramPoint> at = layoutEntityDiagram(project, sizes, spacing);
  expectApart(project, boxesOf(at, sizes), spacing);
  // Wider than tall, as screens are.
  double right = 0;
  double bottom = 0;
  for (std::size_t i = 0; i < at.size(); ++i) {
    right = std::max(right, at[i].x + sizes[i].width);
    bottom = std::max(bottom, at[i].y + sizes[i].height);
  }
  EXPECT_GE(right, bottom);
}

TEST_F(EntityDiagramLayoutTest, spreadsAManyPointedStarNoMoreThanItNeeds) {
  // Forty entities round one: Kamada-Kawai sets them on a tight circle, which only a larger
  // circle parts; scaling until the closest two leaves are apart would make it huge.
  model::Project project;
  project.entities.push_back(entity("Hub"));
  for (int i = 0; i < 40; ++i) {
    project.entities.push_back(entity("Leaf" + std::to_string(i)));
    project.relationships.push_back(relationship("Hub", project.entities.back().name));
  }
  const std::vector<DiagramSize> sizes = drawnSizes(project);
  const DiagramSpacing spacing;
  const std::vector<DiagramPoint> at = layoutEntityDiagram(project, sizes, spacing);
  expectApart(project, boxesOf(at, sizes), spacing);
  double right = 0;
  double bottom = 0;
  double cells = 0;
  for (std::size_t i = 0; i < at.size(); ++i) {
    right = std::max(right, at[i].x + sizes[i].width);
    bottom = std::max(bottom, at[i].y + sizes[i].height);
    cells += (sizes[i].width + spacing.horizontal) * (sizes[i].height + spacing.vertical);
  }
  EXPECT_LT(right * bottom, 12 * cells) << right << " x " << bottom;
}

}  // namespace
}  // namespace kvlab::ui
