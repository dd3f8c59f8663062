// kvlab report FILE --design NAME [--run RUN.json] --format FORMAT -o OUT: a design's report.
#include <filesystem>
#include <iostream>

#include "app/cli/commands.h"
#include "app/cli/project_loading.h"
#include "model/design/planner.h"
#include "report/csv_report.h"
#include "report/html_report.h"
#include "report/markdown_report.h"
#include "report/report_data.h"
#include "report/report_format.h"
#include "report/run_result_reader.h"
#ifdef KVLAB_HAVE_REPORT_PDF
#include "report/pdf/pdf_report.h"
#endif

namespace kvlab::cli {
namespace {

struct ReportCommandOptions {
  std::string file;
  std::string design;
  std::vector<std::string> runs;
  std::string format;
  std::string output;
  std::string prices;
  double headroom = 0.2;
};

// The format named by --format, or else by OUT's extension.
std::optional<report::ReportFormat> chooseFormat(const ReportCommandOptions& options) {
  if (!options.format.empty()) return report::parseReportFormat(options.format);
  std::string extension = std::filesystem::path(options.output).extension().string();
  if (extension == ".htm") extension = ".html";
  if (extension.size() > 1) return report::parseReportFormat(extension.substr(1));
  return std::nullopt;
}

int runReport(const ReportCommandOptions& options) {
  const std::optional<report::ReportFormat> format = chooseFormat(options);
  if (!format) {
    std::cerr << "kvlab report: "
              << (options.format.empty()
                      ? "give --format (html, pdf, md, csv or xlsx); OUT's extension does not say"
                      : "unknown format '" + options.format +
                            "'; expected html, pdf, md, csv or xlsx")
              << "\n";
    return kExitUsage;
  }
#ifndef KVLAB_HAVE_REPORT_PDF
  if (*format == report::ReportFormat::Pdf) {
    std::cerr << "kvlab report: PDF reports are not built in this kvlab (it was built without Qt, "
                 "KVLAB_BUILD_UI=OFF); use html, md, csv or xlsx\n";
    return kExitInvalid;
  }
#endif
  const bool binary = *format == report::ReportFormat::Pdf || *format == report::ReportFormat::Xlsx;
  if (options.output == "-" && binary) {
    std::cerr << "kvlab report: --format " << report::reportFormatName(*format)
              << " cannot go to standard output; give -o FILE\n";
    return kExitUsage;
  }

  std::optional<model::Project> project = loadValidProject(options.file);
  if (!project) return kExitInvalid;
  const model::Design* design = chooseDesign(*project, options.design, options.file);
  if (design == nullptr) return kExitUsage;
  auto prices = loadPrices(options.prices);
  if (!prices) return kExitInvalid;

  std::vector<sim::RunResult> runs;
  for (const std::string& file : options.runs) {
    const std::size_t before = runs.size();
    if (Status read = report::readRunResults(file, runs); !read.ok()) {
      std::cerr << "kvlab report: " << read.message() << "; nothing was written\n";
      return kExitInvalid;
    }
    for (std::size_t i = before; i < runs.size(); ++i) {
      if (!runs[i].design.empty() && runs[i].design != design->name) {
        std::cerr << "kvlab report: " << file << ": "
                  << (runs.size() - before > 1 ? "runs[" + std::to_string(i - before) + "]."
                                               : std::string())
                  << "design: the run is of design '" << runs[i].design
                  << "', the report of design '" << design->name << "'; nothing was written\n";
        return kExitInvalid;
      }
    }
  }

  model::PlannerOptions plannerOptions;
  plannerOptions.provisionedHeadroom = options.headroom;
  const model::DesignPlan plan = model::planDesign(*project, *design, *prices, plannerOptions);
  const std::size_t runCount = runs.size();
  const report::ReportData data = report::buildReportData(
      report::ReportInputs{*project, *design, plan, std::move(runs), options.file});

  if (options.output == "-") {
    switch (*format) {
      case report::ReportFormat::Html:
        std::cout << report::htmlReport(data);
        break;
      case report::ReportFormat::Markdown:
        std::cout << report::markdownReport(data);
        break;
      default:
        std::cout << report::csvReport(data);
        break;
    }
    return kExitOk;
  }
  Status written = Status::Ok();
#ifdef KVLAB_HAVE_REPORT_PDF
  if (*format == report::ReportFormat::Pdf) {
    written = report::writePdfReport(data, options.output);
  } else {
    written = report::writeReport(data, *format, options.output);
  }
#else
  written = report::writeReport(data, *format, options.output);
#endif
  if (!written.ok()) {
    std::cerr << "kvlab report: " << options.output << ": " << written.message()
              << "; nothing was written\n";
    return kExitInvalid;
  }
  std::cout << "wrote " << options.output << " (" << report::reportFormatName(*format)
            << ", design " << design->name << ", " << runCount << (runCount == 1 ? " run" : " runs")
            << ")\n";
  return kExitOk;
}

}  // namespace

void addReportCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<ReportCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "report",
      "Write a report of a design: the model, the design with example items, the plan, the "
      "monthly cost and, with --run, simulated runs (latency, throttles, partition heat, hot "
      "keys), as HTML, PDF, Markdown, CSV or XLSX");
  command->add_option("FILE", options->file, "The project")->required();
  command->add_option("--design", options->design,
                      "The design to report (may be left out when the project has one)");
  command->add_option("--run", options->runs,
                      "A run to include: the JSON of 'kvlab simulate --json' (kvlab-run/1, or "
                      "kvlab-comparison/1 with every run); repeatable");
  command->add_option("--format", options->format,
                      "html, pdf, md, csv or xlsx (default: from OUT's extension)");
  command
      ->add_option("-o,--output", options->output,
                   "The file to write (atomically); '-' for standard output (html, md, csv)")
      ->required();
  command->add_option("--prices", options->prices,
                      "A price sheet (default: data/prices/us-east-1-2024-11.json)");
  command
      ->add_option("--headroom", options->headroom,
                   "Provisioned capacity above the peak, as a fraction (default 0.2)")
      ->check(CLI::Range(0.0, 10.0));
  command->callback([options, &exitCode] { exitCode = runReport(*options); });
}

}  // namespace kvlab::cli
