#pragma once

#include <string>

#include "model/design/plan.h"

namespace kvlab::model {

// The plan as `kvlab plan --json` prints it: {"design", "table", "patterns": [{"id", "name",
// "served", "index", "operation", "keyCondition", "scan", "filter", "itemsPerRequest",
// "readUnitsPerRequest", "writeUnitsPerRequest", "requestsPerSecond" {"mean", "peak"}, "reason",
// "warnings", "stated"?}], "gsiCount", "lsiCount", "unitsPerSecond" {"read", "write",
// "readPeak", "writePeak"}, "capacity": [...], "monthlyCost" {"onDemand", "provisioned",
// "storage"}, "priceSheet", "items", "warnings"}. Costs in US dollars. Two-space indented.
std::string designPlanJson(const DesignPlan& plan);

}  // namespace kvlab::model
