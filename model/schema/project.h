#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/schema/access_pattern.h"
#include "model/schema/design.h"
#include "model/schema/diagram.h"
#include "model/schema/entity.h"
#include "model/schema/extra_fields.h"
#include "model/schema/relationship.h"
#include "model/schema/saved_run.h"
#include "model/schema/workload.h"

namespace kvlab::model {

inline constexpr std::string_view kFormatName = "kvlab/1";

// A KV Lab project: what a kvlab/1 file holds. A plain value; not thread-safe to mutate while
// another thread reads it.
struct Project {
  std::string format{kFormatName};
  std::string name;
  std::optional<std::string> description;
  std::optional<std::string> source;
  std::vector<Entity> entities;
  std::vector<Relationship> relationships;
  std::vector<AccessPattern> accessPatterns;
  std::vector<Design> designs;
  std::vector<Workload> workloads;  // written only when there is one
  std::optional<Diagram> diagram;   // the studio's entity diagram; written only when present
  ExtraFields extra;
  // Simulation runs kept with the project, oldest first. Only the native file holds them; the
  // text form's reader never sets them and its writer leaves them out.
  std::vector<SavedRun> runs;

  const Entity* findEntity(std::string_view name) const;
  const AccessPattern* findPattern(std::string_view id) const;
  const Design* findDesign(std::string_view name) const;
  const Workload* findWorkload(std::string_view name) const;
};

}  // namespace kvlab::model
