#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"
#include "simulator/metrics/run_result.h"

namespace kvlab::report {

// Reads back what `kvlab simulate --json` writes: a kvlab-run/1 document (one run) or a
// kvlab-comparison/1 document ({"format", "runs": [kvlab-run/1, ...]}, `--engine all`), into
// `runs` (appended, in file order). Fields the reader does not know are ignored, and fields added
// after the first version (the run's overall latency, a cache, servers, instance cost) may be
// absent. On failure `runs` is left as it was and the status says
// "FILE: JSON.PATH: what was expected" (or "FILE:LINE:COL: malformed JSON: ...").
Status parseRunResults(std::string_view text, const std::string& fileName,
                       std::vector<sim::RunResult>& runs);

// As parseRunResults, reading `file`.
Status readRunResults(const std::filesystem::path& file, std::vector<sim::RunResult>& runs);

}  // namespace kvlab::report
