#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/schema/project.h"

namespace kvlab::model {

// The entities of a project as a directed graph, an edge from parent to child for every
// relationship (Boost.Graph inside; no Boost type in this header). Immutable after construction;
// safe to share across threads. Holds pointers into `project`, which must outlive it.
class EntityGraph {
 public:
  explicit EntityGraph(const Project& project);
  ~EntityGraph();
  EntityGraph(const EntityGraph&) = delete;
  EntityGraph& operator=(const EntityGraph&) = delete;

  // The relationships whose child is `entity` and whose parent's identifier the child carries:
  // each one lets the child live in the parent's item collection. In name order of the parent.
  std::vector<const Relationship*> collectionParents(const std::string& entity) const;

  // Stored entities, parents before children (relationships that form a cycle are set aside),
  // ties broken by name: an order that does not depend on the order of the input.
  const std::vector<std::string>& canonicalOrder() const { return order_; }

  // The stored entity whose identifier is exactly `attributes`, or null.
  const Entity* ownerOf(const std::vector<std::string>& attributes) const;

 private:
  struct Graph;
  const Project& project_;
  std::unique_ptr<Graph> graph_;
  std::vector<std::string> order_;
};

}  // namespace kvlab::model
