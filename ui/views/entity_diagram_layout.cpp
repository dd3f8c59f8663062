// GCC 12 reports maybe-uninitialized values inside Boost.Graph's Johnson shortest paths (which
// Kamada-Kawai runs) and the standard containers it inlines there: false positives at -O2, in
// headers, so the whole file is spared the warning rather than the code changed.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "ui/views/entity_diagram_layout.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/circle_layout.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/kamada_kawai_spring_layout.hpp>
#include <boost/graph/topology.hpp>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <utility>

namespace kvlab::ui {
namespace {

using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                          boost::property<boost::edge_weight_t, double>>;
using Topology = boost::square_topology<>;
using Point = Topology::point_type;

// Kamada-Kawai stops when the energy's gradient barely changes; it has no cap of its own, so
// this bounds the work on a graph where it would keep oscillating (the result stays
// deterministic either way).
class BoundedTolerance {
 public:
  template <typename Vertex>
  bool operator()(double delta, Vertex vertex, const Graph& graph, bool global) {
    if (++steps_ > kMaxSteps) return true;
    return tolerance_(delta, vertex, graph, global);
  }

 private:
  static constexpr int kMaxSteps = 20000;
  boost::layout_tolerance<double> tolerance_{1e-4};
  int steps_ = 0;
};

struct Rect {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  double right() const { return x + width; }
  double bottom() const { return y + height; }
};

// Whether `a` and `b` come closer than `spacing` (boxes exactly `spacing` apart do not).
bool tooClose(const Rect& a, const Rect& b, const DiagramSpacing& spacing) {
  const double eps = 1e-6;
  return a.x < b.right() + spacing.horizontal - eps && b.x < a.right() + spacing.horizontal - eps &&
         a.y < b.bottom() + spacing.vertical - eps && b.y < a.bottom() + spacing.vertical - eps;
}

// The entities' indices by name; with duplicate names (an error the validator reports) the
// first entity of the name is the one relationships reach.
std::map<std::string, std::size_t> indexByName(const model::Project& project) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < project.entities.size(); ++i) {
    index.emplace(project.entities[i].name, i);
  }
  return index;
}

// Unit-length positions of the vertices `members` (entity indices, ascending) of one connected
// component whose edges are `edges` (pairs of entity indices).
std::vector<Point> springLayout(const std::vector<std::size_t>& members,
                                const std::set<std::pair<std::size_t, std::size_t>>& edges) {
  const std::size_t n = members.size();
  // Boost's points leave their coordinates uninitialised.
  std::vector<Point> positions(n);
  for (Point& p : positions) p[0] = p[1] = 0;
  if (n == 1) return positions;
  if (n == 2) {
    positions[1][0] = 1;
    return positions;
  }
  std::map<std::size_t, std::size_t> local;
  for (std::size_t i = 0; i < n; ++i) local[members[i]] = i;
  Graph graph(n);
  for (const auto& [a, b] : edges) {
    const auto ia = local.find(a);
    const auto ib = local.find(b);
    if (ia == local.end() || ib == local.end()) continue;
    boost::add_edge(ia->second, ib->second, 1.0, graph);
  }
  auto positionMap =
      boost::make_iterator_property_map(positions.begin(), boost::get(boost::vertex_index, graph));
  // A deterministic start (the vertices in entity order around a circle) makes the whole layout
  // deterministic: Kamada-Kawai itself draws no random numbers.
  boost::circle_graph_layout(graph, positionMap, 1.0);
  const Topology topology(1.0);
  boost::kamada_kawai_spring_layout(graph, positionMap, boost::get(boost::edge_weight, graph),
                                    topology, boost::edge_length(1.0), BoundedTolerance());

  // Turn the component so that its longest extent runs across (screens are wider than tall),
  // then mirror it so that its first entity is at the left and top.
  double cx = 0;
  double cy = 0;
  for (const Point& p : positions) {
    cx += p[0];
    cy += p[1];
  }
  cx /= static_cast<double>(n);
  cy /= static_cast<double>(n);
  double xx = 0;
  double yy = 0;
  double xy = 0;
  for (const Point& p : positions) {
    xx += (p[0] - cx) * (p[0] - cx);
    yy += (p[1] - cy) * (p[1] - cy);
    xy += (p[0] - cx) * (p[1] - cy);
  }
  const double angle = 0.5 * std::atan2(2 * xy, xx - yy);
  const double c = std::cos(-angle);
  const double s = std::sin(-angle);
  for (Point& p : positions) {
    const double x = p[0] - cx;
    const double y = p[1] - cy;
    p[0] = c * x - s * y;
    p[1] = s * x + c * y;
  }
  const double signX = positions[0][0] > 1e-9 ? -1 : 1;
  const double signY = positions[0][1] > 1e-9 ? -1 : 1;
  for (Point& p : positions) {
    p[0] *= signX;
    p[1] *= signY;
  }
  // Two vertices on one spot would need an infinite scale to part: nudge them apart.
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      if (std::fabs(positions[i][0] - positions[j][0]) < 1e-3 &&
          std::fabs(positions[i][1] - positions[j][1]) < 1e-3) {
        positions[j][0] += 0.25;
      }
    }
  }
  return positions;
}

// The scale of `unit` at which the boxes `i` and `j` (centred on the scaled points) are `spacing`
// apart across or down, whichever comes first.
double pairScale(const std::vector<Point>& unit, const std::vector<DiagramSize>& sizes,
                 const DiagramSpacing& spacing, std::size_t i, std::size_t j) {
  const double dx = std::fabs(unit[i][0] - unit[j][0]);
  const double dy = std::fabs(unit[i][1] - unit[j][1]);
  const double needX = (sizes[i].width + sizes[j].width) / 2 + spacing.horizontal;
  const double needY = (sizes[i].height + sizes[j].height) / 2 + spacing.vertical;
  const double inf = std::numeric_limits<double>::infinity();
  return std::min(dx > 1e-9 ? needX / dx : inf, dy > 1e-9 ? needY / dy : inf);
}

// The smallest scale of `unit` at which no two of the boxes come closer than `spacing`.
double separatingScale(const std::vector<Point>& unit, const std::vector<DiagramSize>& sizes,
                       const DiagramSpacing& spacing) {
  double scale = 1;
  for (std::size_t i = 0; i < unit.size(); ++i) {
    for (std::size_t j = i + 1; j < unit.size(); ++j) {
      scale = std::max(scale, pairScale(unit, sizes, spacing, i, j));
    }
  }
  return scale;
}

// Pushes boxes (centred on `centres`) that come closer than `spacing` apart, each pair along the
// direction that needs the shorter move, in a fixed order; returns whether no pair is too close
// at the end. A few rounds settle the layouts people draw; a tangle that does not settle is left
// to the caller.
bool pushApart(std::vector<Point>& centres, const std::vector<DiagramSize>& sizes,
               const DiagramSpacing& spacing) {
  constexpr int kRounds = 200;
  constexpr double kSlack = 0.01;
  for (int round = 0; round <= kRounds; ++round) {
    bool moved = false;
    for (std::size_t i = 0; i < centres.size(); ++i) {
      for (std::size_t j = i + 1; j < centres.size(); ++j) {
        const double dx = centres[j][0] - centres[i][0];
        const double dy = centres[j][1] - centres[i][1];
        const double overlapX =
            (sizes[i].width + sizes[j].width) / 2 + spacing.horizontal - std::fabs(dx);
        const double overlapY =
            (sizes[i].height + sizes[j].height) / 2 + spacing.vertical - std::fabs(dy);
        if (overlapX <= 0 || overlapY <= 0) continue;
        if (round == kRounds) return false;
        moved = true;
        // Relative to the box sizes, so that wide boxes slide sideways and tall ones down.
        const int axis = overlapX / (sizes[i].width + sizes[j].width) <=
                                 overlapY / (sizes[i].height + sizes[j].height)
                             ? 0
                             : 1;
        const double d = axis == 0 ? dx : dy;
        const double shift = ((axis == 0 ? overlapX : overlapY) + kSlack) / 2;
        const double sign = d >= 0 ? 1 : -1;
        centres[i][axis] -= sign * shift;
        centres[j][axis] += sign * shift;
      }
    }
    if (!moved) return true;
  }
  return true;
}

// The width to height the layout aims at: a window's.
constexpr double kAspect = 2.0;

// Screens are about twice as wide as tall: a layout that is not is flattened (by at most half);
// the pushing then parts what comes too close.
void flattenToAspect(std::vector<Point>& centres) {
  double width = 0;
  double height = 0;
  for (std::size_t i = 0; i < centres.size(); ++i) {
    for (std::size_t j = i + 1; j < centres.size(); ++j) {
      width = std::max(width, std::fabs(centres[i][0] - centres[j][0]));
      height = std::max(height, std::fabs(centres[i][1] - centres[j][1]));
    }
  }
  if (height > 1e-9 && width < kAspect * height) {
    const double flatten = std::max(0.5, width / (kAspect * height));
    for (Point& p : centres) p[1] *= flatten;
  }
}

struct Component {
  std::vector<std::size_t> members;  // entity indices, ascending
  std::vector<Rect> boxes;           // one per member, the component's top-left at (0, 0)
  double width = 0;
  double height = 0;
};

Component layOutComponent(std::vector<std::size_t> members,
                          const std::set<std::pair<std::size_t, std::size_t>>& edges,
                          const std::vector<DiagramSize>& sizes, const DiagramSpacing& spacing) {
  Component component;
  component.members = std::move(members);
  const std::vector<Point> unit = springLayout(component.members, edges);
  std::vector<DiagramSize> memberSizes;
  for (std::size_t m : component.members) memberSizes.push_back(sizes[m]);
  // Scaled so that the typical relationship is just long enough (the median of what each needs),
  // then the boxes that still come too close pushed apart. Scaling until the closest pair is far
  // enough would do without the pushing, but spreads the whole diagram out for one tight spot;
  // it remains the fallback for a tangle the pushing does not settle.
  std::vector<double> needed;
  std::map<std::size_t, std::size_t> local;
  for (std::size_t i = 0; i < component.members.size(); ++i) local[component.members[i]] = i;
  for (const auto& [a, b] : edges) {
    if (local.count(a) != 0 && local.count(b) != 0) {
      needed.push_back(pairScale(unit, memberSizes, spacing, local[a], local[b]));
    }
  }
  std::vector<Point> centres = unit;
  bool apart = false;
  const double separating = separatingScale(unit, memberSizes, spacing);
  if (!needed.empty()) {
    std::sort(needed.begin(), needed.end());
    // When the pushing cannot settle (many entities round one, crowded close), a larger scale
    // leaves it more room: a few tries, each a quarter larger, before the separating scale.
    for (double scale = needed[needed.size() / 2]; !apart && scale < separating; scale *= 1.25) {
      for (std::size_t i = 0; i < unit.size(); ++i) {
        centres[i][0] = unit[i][0] * scale;
        centres[i][1] = unit[i][1] * scale;
      }
      flattenToAspect(centres);
      apart = pushApart(centres, memberSizes, spacing);
    }
  }
  if (!apart) {
    // A hair more, so that rounding never brings two boxes closer than `spacing`.
    for (std::size_t i = 0; i < unit.size(); ++i) {
      centres[i][0] = unit[i][0] * separating * 1.0005;
      centres[i][1] = unit[i][1] * separating * 1.0005;
    }
  }
  double left = std::numeric_limits<double>::infinity();
  double top = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < unit.size(); ++i) {
    Rect box{centres[i][0] - memberSizes[i].width / 2, centres[i][1] - memberSizes[i].height / 2,
             memberSizes[i].width, memberSizes[i].height};
    left = std::min(left, box.x);
    top = std::min(top, box.y);
    component.boxes.push_back(box);
  }
  for (Rect& box : component.boxes) {
    box.x -= left;
    box.y -= top;
    component.width = std::max(component.width, box.right());
    component.height = std::max(component.height, box.bottom());
  }
  return component;
}

}  // namespace

std::vector<DiagramPoint> layoutEntityDiagram(const model::Project& project,
                                              const std::vector<DiagramSize>& sizes,
                                              const DiagramSpacing& spacing) {
  const std::size_t n = project.entities.size();
  std::vector<DiagramPoint> out(n);
  if (n == 0 || sizes.size() != n) return out;

  const std::map<std::string, std::size_t> index = indexByName(project);
  std::set<std::pair<std::size_t, std::size_t>> edges;
  Graph graph(n);
  for (const model::Relationship& r : project.relationships) {
    const auto from = index.find(r.from);
    const auto to = index.find(r.to);
    if (from == index.end() || to == index.end() || from->second == to->second) continue;
    const std::pair<std::size_t, std::size_t> edge(std::min(from->second, to->second),
                                                   std::max(from->second, to->second));
    if (edges.insert(edge).second) boost::add_edge(edge.first, edge.second, 1.0, graph);
  }
  std::vector<int> componentOf(n);
  const int count = boost::connected_components(graph, componentOf.data());

  std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(count));
  for (std::size_t v = 0; v < n; ++v) {
    members[static_cast<std::size_t>(componentOf[v])].push_back(v);
  }
  std::vector<Component> components;
  for (std::vector<std::size_t>& m : members) {
    components.push_back(layOutComponent(std::move(m), edges, sizes, spacing));
  }
  // The largest first; among equals, the one with the earliest entity.
  std::stable_sort(components.begin(), components.end(), [](const auto& a, const auto& b) {
    if (a.members.size() != b.members.size()) return a.members.size() > b.members.size();
    return a.members.front() < b.members.front();
  });

  // Rows about as wide as kAspect wants, never narrower than the widest component
  double area = 0;
  double widest = 0;
  for (const Component& c : components) {
    area += (c.width + spacing.horizontal) * (c.height + spacing.vertical);
    widest = std::max(widest, c.width);
  }
  // (with some slack, so that two or three small groups still share a row).
  const double rowWidth = std::max(widest, 1.3 * std::sqrt(area * kAspect));
  double x = 0;
  double y = 0;
  double rowHeight = 0;
  for (const Component& c : components) {
    if (x > 0 && x + c.width > rowWidth) {
      x = 0;
      y += rowHeight + spacing.vertical;
      rowHeight = 0;
    }
    for (std::size_t i = 0; i < c.members.size(); ++i) {
      out[c.members[i]] = DiagramPoint{x + c.boxes[i].x, y + c.boxes[i].y};
    }
    x += c.width + spacing.horizontal;
    rowHeight = std::max(rowHeight, c.height);
  }
  return out;
}

std::vector<DiagramPoint> placeEntityDiagram(const model::Project& project,
                                             const std::vector<DiagramSize>& sizes,
                                             const DiagramSpacing& spacing) {
  const std::size_t n = project.entities.size();
  if (sizes.size() != n) return std::vector<DiagramPoint>(n);
  std::vector<DiagramPoint> out(n);
  std::vector<bool> stored(n, false);
  std::vector<Rect> placed;
  std::set<std::string> seen;
  if (project.diagram) {
    for (std::size_t i = 0; i < n; ++i) {
      const std::string& name = project.entities[i].name;
      // A second entity of the same name (an error) would land on the first: it is laid out.
      if (!seen.insert(name).second) continue;
      if (const model::DiagramPosition* p = project.diagram->find(name)) {
        out[i] = DiagramPoint{p->x, p->y};
        stored[i] = true;
        placed.push_back(Rect{p->x, p->y, sizes[i].width, sizes[i].height});
      }
    }
  }
  if (placed.empty()) return layoutEntityDiagram(project, sizes, spacing);
  if (placed.size() == n) return out;

  const std::vector<DiagramPoint> automatic = layoutEntityDiagram(project, sizes, spacing);
  for (std::size_t i = 0; i < n; ++i) {
    if (stored[i]) continue;
    Rect box{automatic[i].x, automatic[i].y, sizes[i].width, sizes[i].height};
    const bool clear = std::none_of(placed.begin(), placed.end(), [&](const Rect& other) {
      return tooClose(box, other, spacing);
    });
    if (!clear) {
      double bottom = -std::numeric_limits<double>::infinity();
      for (const Rect& other : placed) bottom = std::max(bottom, other.bottom());
      box.y = bottom + spacing.vertical;
    }
    out[i] = DiagramPoint{box.x, box.y};
    placed.push_back(box);
  }
  return out;
}

}  // namespace kvlab::ui
