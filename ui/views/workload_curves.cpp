#include "ui/views/workload_curves.h"

#include <algorithm>

#include "model/schema/project.h"
#include "simulator/core/runner.h"
#include "simulator/core/workload_setup.h"

namespace kvlab::ui {

WorkloadCurves sampleWorkloadCurves(const model::Project& project, int row,
                                    const std::filesystem::path& baseDirectory, int samples) {
  WorkloadCurves out;
  if (row < 0 || row >= static_cast<int>(project.workloads.size())) return out;
  const model::Workload& workload = project.workloads[row];
  out.durationSeconds = workload.durationSeconds.value_or(sim::RunOptions{}.durationSeconds);
  samples = std::max(samples, 2);
  for (const model::PatternWorkload& pattern : workload.patterns) {
    if (!pattern.rate) continue;
    // One pattern at a time, so that a refused rate names its pattern and spares the others.
    model::Workload one;
    one.name = workload.name;
    one.durationSeconds = out.durationSeconds;
    one.patterns.push_back(pattern);
    model::Project copy = project;
    sim::RunOptions run;
    if (Status status = sim::applyWorkload(one, baseDirectory, copy, run); !status.ok()) {
      const std::string prefix = "workload " + workload.name + ", pattern " + pattern.patternId;
      std::string message = status.message();
      if (message.rfind(prefix + ": ", 0) == 0) message.erase(0, prefix.size() + 2);
      out.problems.emplace_back(pattern.patternId, QString::fromStdString(message));
      continue;
    }
    const auto curve = run.rateCurves.find(pattern.patternId);
    if (curve == run.rateCurves.end()) continue;
    WorkloadCurve sampled{pattern.patternId, {}};
    sampled.points.reserve(static_cast<std::size_t>(samples));
    for (int i = 0; i < samples; ++i) {
      const double t = out.durationSeconds * i / (samples - 1);
      sampled.points.emplace_back(t, curve->second->rateAt(t));
    }
    out.curves.push_back(std::move(sampled));
  }
  return out;
}

}  // namespace kvlab::ui
