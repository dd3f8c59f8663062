#include "report/markdown_report.h"

#include "report/cell_text.h"
#include "report/escaping.h"

namespace kvlab::report {
namespace {

void appendTable(const Table& table, std::string& out) {
  out += "### " + markdownText(table.title) + "\n\n";
  if (table.rows.empty()) {
    out += "None.\n\n";
    return;
  }
  // A column is right-aligned when its cells are numbers.
  std::vector<bool> numeric(table.columns.size(), true);
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size() && c < numeric.size(); ++c) {
      if (std::holds_alternative<std::string>(row[c])) numeric[c] = false;
    }
  }
  out += "|";
  for (const std::string& c : table.columns) out += " " + markdownCell(c) + " |";
  out += "\n|";
  for (std::size_t c = 0; c < table.columns.size(); ++c) out += numeric[c] ? "---:|" : "---|";
  out += "\n";
  for (const auto& row : table.rows) {
    out += "|";
    for (const Cell& cell : row) out += " " + markdownCell(cellText(cell)) + " |";
    out += "\n";
  }
  out += "\n";
  if (!table.note.empty()) out += markdownText(table.note) + "\n\n";
}

}  // namespace

std::string markdownReport(const ReportData& report) {
  std::string out = "# " + markdownText(report.title) + "\n\n";
  out += "Project " + markdownText(report.projectName) + " (" + markdownText(report.sourceFile) +
         "), design " + markdownText(report.designName) + ", prices " +
         markdownText(report.priceSheet) + ". Made by KV Lab.\n\n";
  for (const Section& s : report.sections) {
    out += "## " + markdownText(s.title) + "\n\n";
    for (const std::string& p : s.paragraphs) out += markdownText(p) + "\n\n";
    for (const Table& t : s.tables) appendTable(t, out);
  }
  for (const RunSection& run : report.runs) {
    out += "## " + markdownText(run.title) + "\n\n";
    for (const Table& t : run.tables) {
      if (t.wide) {
        out += "### " + markdownText(t.title) +
               "\n\nPer second in the HTML, PDF, CSV and XLSX "
               "reports; the partitions' totals are above.\n\n";
        continue;
      }
      appendTable(t, out);
    }
  }
  return out;
}

}  // namespace kvlab::report
