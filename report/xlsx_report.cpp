#include "report/xlsx_report.h"

#include <map>
#include <string>

#include <xlsxwriter.h>

#include "model/io/atomic_file.h"
#include "report/cell_text.h"

namespace kvlab::report {
namespace {

// Excel's longest string cell.
constexpr std::size_t kMaxCellBytes = 32767;

// Text that an XML part can hold, at most one cell long (cut at a character's start).
std::string cellString(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t' && c != '\n') || u == 0x7f) continue;
    out += c;
  }
  if (out.size() > kMaxCellBytes) {
    std::size_t cut = kMaxCellBytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xc0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

class SheetWriter {
 public:
  SheetWriter(lxw_workbook* book, lxw_worksheet* sheet, lxw_format* bold, lxw_format* title)
      : book_(book), sheet_(sheet), bold_(bold), title_(title) {}

  lxw_error text(const std::string& value, int column, lxw_format* format = nullptr) {
    return worksheet_write_string(sheet_, row_, static_cast<lxw_col_t>(column),
                                  cellString(value).c_str(), format);
  }

  lxw_error cell(const Cell& cell, int column) {
    if (const auto* s = std::get_if<std::string>(&cell)) return text(*s, column);
    if (const auto* n = std::get_if<Number>(&cell)) {
      return worksheet_write_number(sheet_, row_, static_cast<lxw_col_t>(column), n->value,
                                    numberFormat(n->decimals));
    }
    return LXW_NO_ERROR;
  }

  lxw_error table(const Table& t) {
    lxw_error e = text(t.title, 0, title_);
    next();
    for (std::size_t c = 0; c < t.columns.size() && e == LXW_NO_ERROR; ++c) {
      e = text(t.columns[c], static_cast<int>(c), bold_);
    }
    next();
    for (const auto& row : t.rows) {
      for (std::size_t c = 0; c < row.size() && e == LXW_NO_ERROR; ++c) {
        e = cell(row[c], static_cast<int>(c));
      }
      next();
    }
    if (t.rows.empty() && e == LXW_NO_ERROR) {
      e = text("None.", 0);
      next();
    }
    if (!t.note.empty() && e == LXW_NO_ERROR) {
      e = text(t.note, 0);
      next();
    }
    next();
    return e;
  }

  void next() { ++row_; }

 private:
  lxw_format* numberFormat(int decimals) {
    auto it = formats_.find(decimals);
    if (it != formats_.end()) return it->second;
    lxw_format* f = workbook_add_format(book_);
    std::string pattern = "#,##0";
    if (decimals > 0) pattern += "." + std::string(static_cast<std::size_t>(decimals), '0');
    format_set_num_format(f, pattern.c_str());
    formats_[decimals] = f;
    return f;
  }

  lxw_workbook* book_;
  lxw_worksheet* sheet_;
  lxw_format* bold_;
  lxw_format* title_;
  std::map<int, lxw_format*> formats_;
  lxw_row_t row_ = 0;
};

}  // namespace

Status writeXlsxReport(const ReportData& report, const std::filesystem::path& path) {
  model::TemporaryFileBeside temporary(path);
  if (Status created = temporary.create(); !created.ok()) return created;
  lxw_workbook* book = workbook_new(temporary.path().c_str());
  if (book == nullptr) return Status::Error("cannot create " + path.string());
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  format_set_bg_color(bold, 0xE8EDF3);
  lxw_format* title = workbook_add_format(book);
  format_set_bold(title);
  format_set_font_size(title, 12);

  lxw_error error = LXW_NO_ERROR;
  auto addSheet = [&](const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
    if (sheet != nullptr) worksheet_set_column(sheet, 0, 30, 16, nullptr);
    return sheet;
  };
  {
    lxw_worksheet* sheet = addSheet("Report");
    if (sheet == nullptr) error = LXW_ERROR_MEMORY_MALLOC_FAILED;
    if (error == LXW_NO_ERROR) {
      worksheet_set_column(sheet, 1, 1, 60, nullptr);
      SheetWriter w(book, sheet, bold, title);
      Table meta;
      meta.id = "meta";
      meta.title = report.title;
      meta.columns = {"Field", "Value"};
      meta.rows = {{Cell(std::string("Project")), Cell(report.projectName)},
                   {Cell(std::string("Design")), Cell(report.designName)},
                   {Cell(std::string("Project file")), Cell(report.sourceFile)},
                   {Cell(std::string("Prices")), Cell(report.priceSheet)}};
      error = w.table(meta);
    }
  }
  auto writeSection = [&](const std::string& sheetName, const std::string& heading,
                          const std::vector<std::string>& paragraphs,
                          const std::vector<Table>& tables) {
    if (error != LXW_NO_ERROR) return;
    lxw_worksheet* sheet = addSheet(sheetName);
    if (sheet == nullptr) {
      error = LXW_ERROR_MEMORY_MALLOC_FAILED;
      return;
    }
    SheetWriter w(book, sheet, bold, title);
    error = w.text(heading, 0, title);
    w.next();
    for (const std::string& p : paragraphs) {
      if (error == LXW_NO_ERROR) error = w.text(p, 0);
      w.next();
    }
    w.next();
    for (const Table& t : tables) {
      if (error == LXW_NO_ERROR) error = w.table(t);
    }
  };
  const char* names[] = {"Model", "Design", "Plan", "Cost"};
  for (std::size_t i = 0; i < report.sections.size(); ++i) {
    const Section& s = report.sections[i];
    const std::string name = i < std::size(names) ? names[i] : "Section " + std::to_string(i + 1);
    writeSection(name, s.title, s.paragraphs, s.tables);
  }
  for (std::size_t i = 0; i < report.runs.size(); ++i) {
    writeSection("Run " + std::to_string(i + 1), report.runs[i].title, {}, report.runs[i].tables);
  }
  const lxw_error closed = workbook_close(book);  // frees the workbook whatever happens
  if (error == LXW_NO_ERROR) error = closed;
  if (error != LXW_NO_ERROR) {
    return Status::Error("cannot write " + path.string() + ": " + lxw_strerror(error));
  }
  return temporary.commit({});
}

}  // namespace kvlab::report
