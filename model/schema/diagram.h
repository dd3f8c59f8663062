#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/schema/extra_fields.h"

namespace kvlab::model {

// Where the studio's entity diagram draws one entity: the top-left corner of its box, in diagram
// units (a pixel at 100% zoom), y growing downwards.
struct DiagramPosition {
  std::string entity;
  double x = 0;
  double y = 0;
};

// The entity diagram's layout as the user left it: kvlab/1's optional top-level `diagram`
// ({"positions": {"Customer": [x, y]}}). An entity without a position is placed by the automatic
// layout. A plain value, not thread-safe to mutate while another thread reads it.
struct Diagram {
  std::vector<DiagramPosition> positions;  // in file order, at most one per entity name
  ExtraFields extra;

  // The position of `entity`, or null when it has none.
  const DiagramPosition* find(std::string_view entity) const;
  // Sets the position of `entity`, appending one when it has none.
  void set(const std::string& entity, double x, double y);
  // Takes out the position of `entity`; returns whether it had one.
  bool erase(std::string_view entity);
  // Gives the position of `from` to `to` (after removing any position `to` had); returns whether
  // `from` had one.
  bool rename(std::string_view from, const std::string& to);
  bool empty() const { return positions.empty() && extra.empty(); }
};

// Every coordinate of a position lies within +-kMaxDiagramCoordinate: far beyond any diagram a
// person draws, near enough that a view can still show it.
inline constexpr double kMaxDiagramCoordinate = 1e6;

}  // namespace kvlab::model
