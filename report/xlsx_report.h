#pragma once

#include <filesystem>

#include "model/status.h"
#include "report/report_data.h"

namespace kvlab::report {

// Writes the report as an Excel workbook (libxlsxwriter) to `path`, atomically: a sheet
// "Report" with the report's own fields, then one sheet per section ("Model", "Design", "Plan",
// "Cost", "Run 1", ...), each table under its bold title and header row. Numbers are number
// cells (full precision, shown with the report's decimals); every text is a string cell, never
// a formula, whatever it starts with. On failure nothing is written at `path` and the status
// names the file.
Status writeXlsxReport(const ReportData& report, const std::filesystem::path& path);

}  // namespace kvlab::report
