#pragma once

#include <string>

#include "report/report_data.h"

namespace kvlab::report {

// Small hand-written SVG charts, each a complete <svg> element with its xmlns (so that it can
// be embedded in HTML or rendered alone) and a <title>; every label is escaped. Fixed sizes in
// pixels; no scripts, no external resources. An empty input gives a chart that says "no data".

// Horizontal bars: p50, p95 and p99 of each pattern, in milliseconds.
std::string latencyChartSvg(const LatencyChart& chart);

// Partitions (rows) x seconds (columns), each cell coloured by its units per second relative to
// the hottest cell; a partition before it existed or after it split is left blank.
std::string heatMapSvg(const HeatMap& map);

// Requests, throttled attempts and failures per time bucket, as lines.
std::string timelineSvg(const Timeline& timeline);

}  // namespace kvlab::report
