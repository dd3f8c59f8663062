#include "model/schema/project.h"

namespace kvlab::model {

const Entity* Project::findEntity(std::string_view entityName) const {
  for (const Entity& entity : entities) {
    if (entity.name == entityName) return &entity;
  }
  return nullptr;
}

const AccessPattern* Project::findPattern(std::string_view id) const {
  for (const AccessPattern& pattern : accessPatterns) {
    if (pattern.id == id) return &pattern;
  }
  return nullptr;
}

const Design* Project::findDesign(std::string_view designName) const {
  for (const Design& design : designs) {
    if (design.name == designName) return &design;
  }
  return nullptr;
}

const Workload* Project::findWorkload(std::string_view workloadName) const {
  for (const Workload& workload : workloads) {
    if (workload.name == workloadName) return &workload;
  }
  return nullptr;
}

}  // namespace kvlab::model
