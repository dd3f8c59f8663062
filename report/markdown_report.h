#pragma once

#include <string>

#include "report/report_data.h"

namespace kvlab::report {

// The report as GitHub-flavoured Markdown: a heading per section and per table, tables as pipe
// tables (numbers right-aligned). User text is escaped: pipes, line breaks (as <br>), HTML's
// < > &, and Markdown's emphasis, code and link characters. Charts and wide tables (the heat
// map's seconds) are left to the other formats; the partitions' totals are here.
std::string markdownReport(const ReportData& report);

}  // namespace kvlab::report
