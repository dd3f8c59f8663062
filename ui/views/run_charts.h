#pragma once

#include <QString>
#include <QStringList>
#include <vector>

#include "simulator/metrics/run_result.h"
#include "ui/views/workload_curves.h"

class QChart;

namespace kvlab::ui {

// Qt Charts of simulated runs, for the Simulate tab. Each returns a new chart the caller owns,
// without animations (a chart grabbed mid-animation shows half-drawn bars), its legend below.

// p50, p95 and p99 latency of each pattern of `run`, as grouped bars, in milliseconds.
QChart* makeLatencyChart(const sim::RunResult& run);
// Each pattern's p99 on each run, as bars grouped by pattern, one colour per run, named by its
// label in `labels` (the engine's name when there is none).
QChart* makeLatencyComparisonChart(const std::vector<sim::RunResult>& runs,
                                   const QStringList& labels = {});
// Requests, throttled attempts and failures per timeline bucket, every pattern together, over
// the run's duration.
QChart* makeTimelineChart(const sim::RunResult& run);
// Each pattern's p99 latency per timeline bucket, a line per pattern (named after it), over the
// run's duration, in milliseconds; a pattern without a successful request has no line.
QChart* makeLatencyTimelineChart(const sim::RunResult& run);
// The cache's hit ratio and each server's utilization per bucket, in percent; null when the run
// has neither (DynamoDB).
QChart* makeUtilizationChart(const sim::RunResult& run);
// A workload's rate over time: one line per pattern with a rate of its own, requests per second
// against seconds into the run, titled `title`. Each series is named after its pattern.
QChart* makeWorkloadChart(const WorkloadCurves& curves, const QString& title);
// An empty chart titled `title`, set up as all of the studio's charts are.
QChart* makeChart(const QString& title);
// An empty chart that says what will be there.
QChart* makePlaceholderChart(const QString& title);

}  // namespace kvlab::ui
