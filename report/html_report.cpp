#include "report/html_report.h"

#include "report/cell_text.h"
#include "report/escaping.h"
#include "report/svg_charts.h"

namespace kvlab::report {
namespace {

constexpr const char* kBrowserStyle = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 14px; margin: 24px auto;
       max-width: 1200px; color: #222; padding: 0 16px; }
h1 { font-size: 24px; } h2 { font-size: 20px; border-bottom: 1px solid #ccc; margin-top: 36px; }
h3 { font-size: 16px; margin-top: 24px; }
table { border-collapse: collapse; margin: 8px 0; font-size: 12px; }
th, td { border: 1px solid #ccc; padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #f0f3f7; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr:nth-child(even) td { background: #fafafa; }
.note, .meta { color: #555; font-size: 12px; }
.chart { margin: 12px 0; overflow-x: auto; }
.scroll { overflow-x: auto; }
nav ul { columns: 2; }
)";

constexpr const char* kQtStyle = R"(
body { font-family: "DejaVu Sans"; font-size: 8pt; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; } h3 { font-size: 10pt; }
th { background-color: #e8edf3; }
td.n { text-align: right; }
.note, .meta { color: #555555; }
)";

std::string tableHtml(const Table& table, bool qt) {
  std::string out = "<h3>" + htmlEscape(table.title) + "</h3>\n";
  if (table.rows.empty()) return out + "<p class=\"note\">None.</p>\n";
  out += qt ? "<table border=\"1\" cellspacing=\"0\" cellpadding=\"2\">"
            : "<div class=\"scroll\"><table id=\"" + htmlEscape(table.id) + "\">";
  out += "<thead><tr>";
  for (const std::string& c : table.columns) out += "<th>" + htmlEscape(c) + "</th>";
  out += "</tr></thead><tbody>\n";
  for (const std::vector<Cell>& row : table.rows) {
    out += "<tr>";
    for (const Cell& cell : row) {
      const bool numeric = std::holds_alternative<Number>(cell);
      out += numeric ? "<td class=\"n\">" : "<td>";
      out += htmlEscape(cellText(cell));
      out += "</td>";
    }
    out += "</tr>\n";
  }
  out += qt ? "</tbody></table>\n" : "</tbody></table></div>\n";
  if (!table.note.empty()) out += "<p class=\"note\">" + htmlEscape(table.note) + "</p>\n";
  return out;
}

// The width and height attributes of an <svg> element ("width=\"720\" height=\"240\"").
std::string svgSizeAttributes(const std::string& svg) {
  const std::size_t end = svg.find('>');
  std::string out;
  for (const char* name : {"width", "height"}) {
    const std::string key = std::string(" ") + name + "=\"";
    const std::size_t at = svg.find(key);
    if (at == std::string::npos || at > end) continue;
    const std::size_t close = svg.find('"', at + key.size());
    out += key + svg.substr(at + key.size(), close - at - key.size()) + "\"";
  }
  return out;
}

std::string paragraphs(const std::vector<std::string>& texts) {
  std::string out;
  for (const std::string& p : texts) out += "<p>" + htmlEscape(p) + "</p>\n";
  return out;
}

}  // namespace

std::vector<Chart> runCharts(const RunSection& run, int runNumber) {
  const std::string prefix = "run" + std::to_string(runNumber) + "-";
  return {{prefix + "latency", "Latency per pattern", latencyChartSvg(run.latency)},
          {prefix + "timeline", "Requests and throttles over time", timelineSvg(run.timeline)},
          {prefix + "heat", "Partition heat map", heatMapSvg(run.heat)}};
}

std::string htmlReport(const ReportData& report, const HtmlOptions& options) {
  const bool qt = options.forQtRichText;
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  if (!qt) out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + htmlEscape(report.title) + "</title>\n<style>" +
         (qt ? kQtStyle : kBrowserStyle) + "</style>\n</head>\n<body>\n";
  out += "<h1>" + htmlEscape(report.title) + "</h1>\n";
  out += "<p class=\"meta\">Project " + htmlEscape(report.projectName) + " (" +
         htmlEscape(report.sourceFile) + "), design " + htmlEscape(report.designName) +
         ", prices " + htmlEscape(report.priceSheet) + ". Made by KV Lab.</p>\n";
  if (!qt) {
    out += "<nav><ul>";
    for (const Section& s : report.sections) {
      out += "<li><a href=\"#" + htmlEscape(s.id) + "\">" + htmlEscape(s.title) + "</a></li>";
    }
    for (std::size_t i = 0; i < report.runs.size(); ++i) {
      out += "<li><a href=\"#run" + std::to_string(i + 1) + "\">" +
             htmlEscape(report.runs[i].title) + "</a></li>";
    }
    out += "</ul></nav>\n";
  }
  for (const Section& s : report.sections) {
    out += "<section id=\"" + htmlEscape(s.id) + "\">\n<h2>" + htmlEscape(s.title) + "</h2>\n";
    out += paragraphs(s.paragraphs);
    for (const Table& t : s.tables) out += tableHtml(t, qt);
    out += "</section>\n";
  }
  for (std::size_t i = 0; i < report.runs.size(); ++i) {
    const RunSection& run = report.runs[i];
    const int number = static_cast<int>(i + 1);
    out += "<section id=\"run" + std::to_string(number) + "\">\n<h2>" + htmlEscape(run.title) +
           "</h2>\n";
    for (const Chart& chart : runCharts(run, number)) {
      // Each chart has its title inside; a heading of its own could be left alone at a page's
      // foot in the PDF.
      if (!qt) out += "<h3>" + htmlEscape(chart.title) + "</h3>\n";
      if (qt) {
        out += "<p><img src=\"chart:" + htmlEscape(chart.name) + "\"" +
               svgSizeAttributes(chart.svg) + "></p>\n";
      } else {
        out += "<div class=\"chart\">" + chart.svg + "</div>\n";
      }
    }
    for (const Table& t : run.tables) {
      if (t.wide && qt) continue;  // the heat map shows it
      if (t.wide) {
        out += "<details><summary>" + htmlEscape(t.title) + " (as numbers)</summary>\n" +
               tableHtml(t, qt) + "</details>\n";
      } else {
        out += tableHtml(t, qt);
      }
    }
    out += "</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace kvlab::report
