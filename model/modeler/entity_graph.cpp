#include "model/modeler/entity_graph.h"

#include <algorithm>
#include <map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>

namespace kvlab::model {

struct EntityGraph::Graph {
  // Vertex: an entity's index in the project; edge: a relationship's index.
  using Type = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                     boost::no_property, boost::property<boost::edge_index_t, int>>;
  Type graph;
  std::map<std::string, std::size_t> vertexOf;
  std::vector<std::string> names;
};

namespace {

bool carries(const Entity& child, const Entity& parent) {
  if (parent.identifier.empty()) return false;
  for (const std::string& id : parent.identifier) {
    if (child.findAttribute(id) == nullptr) return false;
  }
  return true;
}

}  // namespace

EntityGraph::EntityGraph(const Project& project)
    : project_(project), graph_(std::make_unique<Graph>()) {
  // Vertices in name order, so that nothing below depends on the order of the input.
  std::vector<std::string> names;
  for (const Entity& entity : project.entities) names.push_back(entity.name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  graph_->names = names;
  graph_->graph = Graph::Type(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) graph_->vertexOf[names[i]] = i;
  for (std::size_t r = 0; r < project.relationships.size(); ++r) {
    const Relationship& relationship = project.relationships[r];
    auto from = graph_->vertexOf.find(relationship.from);
    auto to = graph_->vertexOf.find(relationship.to);
    if (from == graph_->vertexOf.end() || to == graph_->vertexOf.end()) continue;
    boost::add_edge(from->second, to->second, static_cast<int>(r), graph_->graph);
  }

  // Parents before children: a topological order of the acyclic part, by name among equals.
  Graph::Type acyclic(names.size());
  for (auto [edge, end] = boost::edges(graph_->graph); edge != end; ++edge) {
    const auto source = boost::source(*edge, graph_->graph);
    const auto target = boost::target(*edge, graph_->graph);
    if (source == target) continue;
    boost::add_edge(source, target, acyclic);
  }
  std::vector<std::size_t> reversed;
  try {
    boost::topological_sort(acyclic, std::back_inserter(reversed));
    std::reverse(reversed.begin(), reversed.end());
  } catch (const boost::not_a_dag&) {
    reversed.clear();
    for (std::size_t i = 0; i < names.size(); ++i) reversed.push_back(i);
  }
  for (std::size_t v : reversed) {
    const Entity* entity = project.findEntity(names[v]);
    if (entity != nullptr && entity->isStored()) order_.push_back(names[v]);
  }
}

EntityGraph::~EntityGraph() = default;

std::vector<const Relationship*> EntityGraph::collectionParents(const std::string& entity) const {
  std::vector<const Relationship*> parents;
  auto vertex = graph_->vertexOf.find(entity);
  if (vertex == graph_->vertexOf.end()) return parents;
  const Entity* child = project_.findEntity(entity);
  auto edgeIndex = boost::get(boost::edge_index, graph_->graph);
  for (auto [edge, end] = boost::in_edges(vertex->second, graph_->graph); edge != end; ++edge) {
    const Relationship& relationship =
        project_.relationships[static_cast<std::size_t>(edgeIndex[*edge])];
    if (relationship.kind == RelationshipKind::ManyToMany) continue;
    const Entity* parent = project_.findEntity(relationship.from);
    if (parent == nullptr || parent == child || !parent->isStored() || !carries(*child, *parent)) {
      continue;
    }
    parents.push_back(&relationship);
  }
  std::sort(parents.begin(), parents.end(),
            [](const Relationship* a, const Relationship* b) { return a->from < b->from; });
  parents.erase(
      std::unique(parents.begin(), parents.end(),
                  [](const Relationship* a, const Relationship* b) { return a->from == b->from; }),
      parents.end());
  return parents;
}

const Entity* EntityGraph::ownerOf(const std::vector<std::string>& attributes) const {
  for (const std::string& name : graph_->names) {
    const Entity* entity = project_.findEntity(name);
    if (entity == nullptr || !entity->isStored() || entity->identifier.empty()) continue;
    std::vector<std::string> a = attributes;
    std::vector<std::string> b = entity->identifier;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (a == b) return entity;
  }
  return nullptr;
}

}  // namespace kvlab::model
