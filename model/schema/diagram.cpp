#include "model/schema/diagram.h"

#include <algorithm>

namespace kvlab::model {

const DiagramPosition* Diagram::find(std::string_view entity) const {
  for (const DiagramPosition& position : positions) {
    if (position.entity == entity) return &position;
  }
  return nullptr;
}

void Diagram::set(const std::string& entity, double x, double y) {
  for (DiagramPosition& position : positions) {
    if (position.entity == entity) {
      position.x = x;
      position.y = y;
      return;
    }
  }
  positions.push_back(DiagramPosition{entity, x, y});
}

bool Diagram::erase(std::string_view entity) {
  const auto it = std::find_if(positions.begin(), positions.end(),
                               [&](const DiagramPosition& p) { return p.entity == entity; });
  if (it == positions.end()) return false;
  positions.erase(it);
  return true;
}

bool Diagram::rename(std::string_view from, const std::string& to) {
  if (from == to) return find(from) != nullptr;
  const DiagramPosition* old = find(from);
  if (old == nullptr) return false;
  const double x = old->x;
  const double y = old->y;
  // Keep the renamed entity's place in the file order.
  erase(to);
  for (DiagramPosition& position : positions) {
    if (position.entity == from) {
      position.entity = to;
      position.x = x;
      position.y = y;
    }
  }
  return true;
}

}  // namespace kvlab::model
