#pragma once

#include <filesystem>

#include "model/schema/project.h"
#include "model/status.h"
#include "simulator/core/runner.h"
#include "simulator/workload/key_distribution.h"

namespace kvlab::sim {

// Applies a project's workload to a run: the workload's duration and seed (when it states them),
// each named pattern's rate over time (constant, ramp, spike, daily curve, or a CSV of requests
// per second read from `baseDirectory`, the project file's folder), and on `project` the key
// popularity and consistency the workload gives a pattern (so the planner prices what runs).
// Patterns the workload does not name keep their rates. On failure (a shape whose parameters
// make no curve, a CSV that does not read) returns an error naming the workload, the pattern and,
// for a CSV, the file and line; nothing is changed then.
Status applyWorkload(const model::Workload& workload, const std::filesystem::path& baseDirectory,
                     model::Project& project, RunOptions& run);

// The key distribution a pattern states, as the workload library takes it (uniform when none).
KeyDistribution keyDistributionOf(const std::optional<model::KeyDistribution>& distribution);

}  // namespace kvlab::sim
