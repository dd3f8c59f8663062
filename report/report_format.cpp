#include "report/report_format.h"

#include "model/io/atomic_file.h"
#include "report/csv_report.h"
#include "report/html_report.h"
#include "report/markdown_report.h"
#include "report/xlsx_report.h"

namespace kvlab::report {

std::optional<ReportFormat> parseReportFormat(std::string_view name) {
  if (name == "html") return ReportFormat::Html;
  if (name == "pdf") return ReportFormat::Pdf;
  if (name == "md" || name == "markdown") return ReportFormat::Markdown;
  if (name == "csv") return ReportFormat::Csv;
  if (name == "xlsx") return ReportFormat::Xlsx;
  return std::nullopt;
}

std::string_view reportFormatName(ReportFormat format) {
  switch (format) {
    case ReportFormat::Html:
      return "html";
    case ReportFormat::Pdf:
      return "pdf";
    case ReportFormat::Markdown:
      return "md";
    case ReportFormat::Csv:
      return "csv";
    case ReportFormat::Xlsx:
      return "xlsx";
  }
  return "";
}

Status writeReport(const ReportData& report, ReportFormat format,
                   const std::filesystem::path& path) {
  switch (format) {
    case ReportFormat::Html:
      return model::writeFileAtomically(path, htmlReport(report));
    case ReportFormat::Markdown:
      return model::writeFileAtomically(path, markdownReport(report));
    case ReportFormat::Csv:
      return model::writeFileAtomically(path, csvReport(report));
    case ReportFormat::Xlsx:
      return writeXlsxReport(report, path);
    case ReportFormat::Pdf:
      break;
  }
  return Status::Error(path.string() + ": PDF reports are written by kvlab_report_pdf");
}

}  // namespace kvlab::report
