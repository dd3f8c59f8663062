#pragma once

#include <string>

#include "simulator/metrics/run_result.h"

namespace kvlab::sim {

// `result` as the JSON document `kvlab simulate --json` writes (format "kvlab-run/1", described
// in docs/simulator.md), indented by two spaces and ending in a newline. The same result gives
// the same bytes.
std::string runResultJson(const RunResult& result);

}  // namespace kvlab::sim
