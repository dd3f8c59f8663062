#pragma once

#include <QPointF>
#include <QString>
#include <filesystem>
#include <string>
#include <vector>

namespace kvlab::model {
struct Project;
}

namespace kvlab::ui {

// One pattern's rate over a workload's run, as the workload editor's chart draws it.
struct WorkloadCurve {
  std::string patternId;
  // (seconds into the run, requests per second), from 0 to the run's end.
  std::vector<QPointF> points;
};

// The curves of a workload, sampled from the simulator's own rate curves (sim::applyWorkload),
// so that the chart shows what a run would replay.
struct WorkloadCurves {
  double durationSeconds = 0;         // the workload's, or a run's default when it states none
  std::vector<WorkloadCurve> curves;  // a pattern with a rate of its own in the workload
  // Why the simulator refuses a pattern's rate, by pattern id; such a pattern has no curve.
  std::vector<std::pair<std::string, QString>> problems;
};

// Samples the rate of each pattern the workload at `row` of `project` gives a rate, at `samples`
// (at least 2) evenly spaced instants from 0 to the run's end, reading a CSV rate from
// `baseDirectory`. A row that does not exist gives no curves.
WorkloadCurves sampleWorkloadCurves(const model::Project& project, int row,
                                    const std::filesystem::path& baseDirectory, int samples);

}  // namespace kvlab::ui
