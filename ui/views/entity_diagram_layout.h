#pragma once

#include <vector>

#include "model/schema/project.h"

namespace kvlab::ui {

// A point or a size in diagram units (a pixel at 100% zoom), y growing downwards.
struct DiagramPoint {
  double x = 0;
  double y = 0;
};
struct DiagramSize {
  double width = 0;
  double height = 0;
};

// The room kept free between two boxes: across (left to right) and down. The view makes them
// wide enough for a relationship's label.
struct DiagramSpacing {
  double horizontal = 160;
  double vertical = 90;
};

// The entity diagram's automatic layout, without Qt: every entity of `project` is a vertex, every
// relationship whose ends name entities an edge (a many-to-many relationship as one edge, as any
// other; a link entity is a vertex joined to both ends; a relationship of an entity with itself
// adds nothing to the layout). Each connected component is laid out with Boost.Graph's
// Kamada-Kawai spring layout from a circle, turned so that it is wider than tall, scaled so that
// a typical relationship is just long enough for `spacing` between its boxes (of `sizes`), and
// boxes that still come closer than `spacing` pushed apart; the components are then set in rows,
// the largest first, and single entities after them.
//
// Returns the top-left corner of each entity's box, in the order of `project.entities`; the
// smallest x and y are 0. `sizes` has one size per entity, in the same order. Deterministic: the
// same project and sizes give the same positions, and no two boxes overlap.
std::vector<DiagramPoint> layoutEntityDiagram(const model::Project& project,
                                              const std::vector<DiagramSize>& sizes,
                                              const DiagramSpacing& spacing = {});

// Where the diagram draws each entity: the position stored in `project.diagram` where there is
// one, else the automatic layout's, moved below everything already placed when its box would
// overlap another. In the order of `project.entities`; `sizes` as above.
std::vector<DiagramPoint> placeEntityDiagram(const model::Project& project,
                                             const std::vector<DiagramSize>& sizes,
                                             const DiagramSpacing& spacing = {});

}  // namespace kvlab::ui
