#pragma once

#include <string>
#include <vector>

#include "model/capacity/price_sheet.h"
#include "model/design/plan.h"
#include "model/schema/project.h"

namespace kvlab::model {

struct PlannerOptions {
  // Provisioned capacity is sized to the peak rate times (1 + headroom).
  double provisionedHeadroom = 0.2;
};

// Decides, for every access pattern of `project`, how it runs on `design` by DynamoDB's rules:
// the index, the operation, the key condition, any filter, the items and units per request, the
// warnings; then the load on the table and each GSI and what the design costs a month under
// `prices`. The single place that decides how a pattern runs: the modeler, the validator, the
// simulator and the reports all ask it. Requires a project that validates; pure; thread-safe.
DesignPlan planDesign(const Project& project, const Design& design,
                      const capacity::PriceSheet& prices, const PlannerOptions& options = {});

// The attributes of `entity` that the update `pattern` may change (empty for another action).
// kvlab/1 does not say which attributes an update sets, so the planner infers it: every attribute
// but the entity's identifier, the attributes the update is given by equality (it finds the item
// by them) and the identifier of a parent the item carries (a relationship's link: an update
// does not move an item to another parent). A key built from one of them is priced as changed
// by every such update: a delete and a put on the table, two writes on an index.
std::vector<std::string> attributesAnUpdateMayChange(const Project& project,
                                                     const AccessPattern& pattern,
                                                     const std::string& entity);

// `pattern` as it applies to `entity` alone: the same pattern reading only `entity`, keeping only
// the attributes (equality, range, sort, filter) that the entity has.
AccessPattern patternForEntity(const Project& project, const AccessPattern& pattern,
                               const std::string& entity);

// How `pattern` alone runs on `design`: the decision planDesign makes for it, with its units per
// request. The modeler prices its candidates with it.
PatternPlan planPattern(const Project& project, const Design& design, const AccessPattern& pattern,
                        const capacity::PriceSheet& prices);

}  // namespace kvlab::model
