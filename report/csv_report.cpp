#include "report/csv_report.h"

#include "report/cell_text.h"
#include "report/escaping.h"

namespace kvlab::report {
namespace {

void record(std::string& out, const std::string& section, const std::string& table, std::size_t row,
            const std::string& column, const Cell& cell) {
  out += csvField(section) + "," + csvField(table) + "," + std::to_string(row) + "," +
         csvField(column) + "," +
         csvField(cellValueText(cell), std::holds_alternative<Number>(cell)) + "\r\n";
}

void appendTable(std::string& out, const std::string& section, const Table& table) {
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    for (std::size_t c = 0; c < table.rows[r].size() && c < table.columns.size(); ++c) {
      if (std::holds_alternative<std::monostate>(table.rows[r][c])) continue;
      record(out, section, table.id, r + 1, table.columns[c], table.rows[r][c]);
    }
  }
}

}  // namespace

std::string csvReport(const ReportData& report) {
  std::string out = "section,table,row,column,value\r\n";
  record(out, "report", "meta", 1, "title", report.title);
  record(out, "report", "meta", 1, "project", report.projectName);
  record(out, "report", "meta", 1, "design", report.designName);
  record(out, "report", "meta", 1, "source file", report.sourceFile);
  record(out, "report", "meta", 1, "prices", report.priceSheet);
  for (const Section& s : report.sections) {
    for (std::size_t i = 0; i < s.paragraphs.size(); ++i) {
      record(out, s.id, "text", i + 1, "paragraph", s.paragraphs[i]);
    }
    for (const Table& t : s.tables) appendTable(out, s.id, t);
  }
  for (std::size_t i = 0; i < report.runs.size(); ++i) {
    const std::string section = "run" + std::to_string(i + 1);
    record(out, section, "text", 1, "title", report.runs[i].title);
    for (const Table& t : report.runs[i].tables) appendTable(out, section, t);
  }
  return out;
}

}  // namespace kvlab::report
