#pragma once

#include <string>
#include <vector>

#include "report/report_data.h"

namespace kvlab::report {

// One chart of a report: a name unique in the report ("run1-latency") and its SVG.
struct Chart {
  std::string name;
  std::string title;
  std::string svg;
};

// The charts of each run, in the order the report shows them: latency per pattern, the
// timeline, the heat map.
std::vector<Chart> runCharts(const RunSection& run, int runNumber);

struct HtmlOptions {
  // For Qt's rich text (the PDF), which draws no SVG and little CSS: each chart becomes
  // <img src="chart:NAME">, wide tables are left out, and the style sheet is a plain one.
  bool forQtRichText = false;
};

// The report as one self-contained HTML5 document (UTF-8): inline CSS, charts as inline SVG, no
// script, no external resource. Every piece of user text is escaped.
std::string htmlReport(const ReportData& report, const HtmlOptions& options = {});

}  // namespace kvlab::report
