#pragma once

#include <filesystem>

#include "model/status.h"
#include "report/report_data.h"

namespace kvlab::report {

// Writes `report` as a PDF (A4 landscape, DejaVu Sans, numbered pages) to `path`, atomically:
// the tables of the HTML report laid out by Qt's rich text, each chart's SVG drawn by QtSvg.
// Needs a QGuiApplication: when there is no Qt application yet, creates one for the rest of the
// process (with QT_QPA_PLATFORM=offscreen when that variable is empty); fails when a
// non-GUI QCoreApplication exists. Call from the main thread. On failure nothing is written at
// `path` and the status names the file.
Status writePdfReport(const ReportData& report, const std::filesystem::path& path);

}  // namespace kvlab::report
