#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "model/design/plan.h"
#include "model/schema/project.h"
#include "simulator/metrics/run_result.h"

namespace kvlab::report {

// A number as a report shows it: the value, and the decimals a reader sees (CSV and XLSX keep
// the full value).
struct Number {
  double value = 0;
  int decimals = 0;
};

// One cell of a table: empty, text (user text included, unescaped) or a number.
using Cell = std::variant<std::monostate, std::string, Number>;

// A table of a report: a title, named columns and rows of cells. Every row has one cell per
// column.
struct Table {
  std::string id;     // stable, for tools: "entities", "plan", "run1-patterns"
  std::string title;  // "Access patterns"
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  std::string note;  // a sentence under the table, may be empty
  // Too wide to read in Markdown (the heat map's seconds): left to the other formats.
  bool wide = false;
};

// The latency percentiles of each pattern of a run, for a bar chart.
struct LatencyChart {
  struct Bar {
    std::string pattern;
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
  };
  std::vector<Bar> bars;
};

// The units each partition served each second (read + write), partitions x seconds. A
// partition has no value before it exists or after it was split (`present` false).
struct HeatMap {
  std::vector<std::string> rows;  // "table #3"
  double firstSecond = 0;
  double secondsPerColumn = 1;  // more than 1 when a long run was folded (the column's maximum)
  int columns = 0;
  std::vector<std::vector<double>> values;  // [row][column]
  std::vector<std::vector<bool>> present;
  double maxValue = 0;
  int partitionsLeftOut = 0;  // the coolest partitions beyond the chart's rows
};

// Requests, throttled attempts and failures per time bucket, every pattern together.
struct Timeline {
  std::vector<double> seconds;  // each bucket's start
  std::vector<double> requests;
  std::vector<double> throttled;
  std::vector<double> failed;
};

// One simulated run: its tables and its charts.
struct RunSection {
  std::string title;  // "Run 1: dynamodb, seed 1, 60 s"
  std::vector<Table> tables;
  LatencyChart latency;
  HeatMap heat;
  Timeline timeline;
};

// A part of the report: the model, the design, the plan, the cost, each run.
struct Section {
  std::string id;
  std::string title;
  std::vector<std::string> paragraphs;
  std::vector<Table> tables;
};

// Everything a report shows, in the order it shows it; every number is computed here once, and
// each format only lays it out. A plain value.
struct ReportData {
  std::string title;  // "KV Lab report: <project>, design <design>"
  std::string projectName;
  std::string designName;
  std::string sourceFile;  // the project file, as given
  std::string priceSheet;
  std::vector<Section> sections;  // model, design, plan, cost
  std::vector<RunSection> runs;
};

struct ReportInputs {
  const model::Project& project;
  const model::Design& design;
  const model::DesignPlan& plan;  // planDesign(project, design, prices)
  std::vector<sim::RunResult> runs;
  std::string sourceFile;
};

// The report of `inputs.design` of a valid project, with a section per run. Pure.
ReportData buildReportData(const ReportInputs& inputs);

// The example value an aggregate view shows for `attribute` in the `item`th example item (1 or
// 2): the same attribute name gives the same value in every entity, so that a child's key falls
// in its parent's item collection.
std::string exampleValue(const model::Attribute& attribute, int item);

// The most columns a heat map chart has; longer runs are folded.
inline constexpr int kHeatMapMaxColumns = 180;
// The most partitions a heat map chart shows (the hottest).
inline constexpr int kHeatMapMaxRows = 48;

}  // namespace kvlab::report
