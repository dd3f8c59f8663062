#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "model/status.h"
#include "report/report_data.h"

namespace kvlab::report {

enum class ReportFormat { Html, Pdf, Markdown, Csv, Xlsx };

// "html", "pdf", "md", "csv", "xlsx" (and "markdown"); nothing for another name.
std::optional<ReportFormat> parseReportFormat(std::string_view name);
std::string_view reportFormatName(ReportFormat format);

// Writes `report` to `path` in a Qt-free format (HTML, Markdown, CSV, XLSX), atomically: on
// failure nothing is left at `path` (an existing file stays as it was) and the status names the
// file. PDF is written by kvlab_report_pdf (report/pdf/pdf_report.h); asked for here, it fails.
Status writeReport(const ReportData& report, ReportFormat format,
                   const std::filesystem::path& path);

}  // namespace kvlab::report
