#pragma once

#include <string>

#include "report/report_data.h"

namespace kvlab::report {

// The report as one CSV file (RFC 4180: comma-separated, CRLF line ends, fields quoted when they
// hold a comma, a quote or a line break, quotes doubled) in long form: one record per non-empty
// cell, under the header `section,table,row,column,value`. `section` is "report", "model",
// "design", "plan", "cost" or "run1", "run2", ...; `table` a table's stable id ("plan",
// "run1-patterns"; "text" for the paragraphs, "meta" for the report's own fields); `row` counts
// from 1 within a table; `column` is the column's heading; `value` the cell, numbers in full
// precision without grouping. Text that a spreadsheet would take for a formula (= + - @ first)
// gets a leading single quote. Every table has the same five columns, so the file loads into any
// tool and pivots back to wide tables by (table, row).
std::string csvReport(const ReportData& report);

}  // namespace kvlab::report
