#include "simulator/workload/csv_rate.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "simulator/workload/number_text.h"

namespace kvlab::sim {

namespace {

std::string_view trim(std::string_view text) {
  const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return text;
}

// The whole of `field` as a finite double, or nothing.
std::optional<double> parseNumber(std::string_view field) {
  if (!field.empty() && field.front() == '+') field.remove_prefix(1);
  if (field.empty()) return std::nullopt;
  double value = 0.0;
  const auto [end, code] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (code != std::errc() || end != field.data() + field.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::string quoted(std::string_view text) {
  constexpr std::size_t kShown = 40;
  if (text.size() > kShown) return "'" + std::string(text.substr(0, kShown)) + "...'";
  return "'" + std::string(text) + "'";
}

bool startsWithLetter(std::string_view text) {
  return !text.empty() && ((text.front() >= 'a' && text.front() <= 'z') ||
                           (text.front() >= 'A' && text.front() <= 'Z'));
}

}  // namespace

std::optional<CsvRate> CsvRate::parse(std::string_view text, const std::string& fileName,
                                      RateFileError* error, std::size_t maxRows) {
  const auto fail = [&](int line, std::string message) -> std::optional<CsvRate> {
    if (error != nullptr) *error = RateFileError{fileName, line, std::move(message)};
    return std::nullopt;
  };
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());

  std::vector<Row> rows;
  int lineNumber = 0;
  int previousLine = 0;
  bool sawContent = false;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::string_view line =
        trim(newline == std::string_view::npos ? text : text.substr(0, newline));
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++lineNumber;
    if (line.empty() || line.front() == '#') continue;

    const bool firstContent = !sawContent;
    sawContent = true;
    if (firstContent && startsWithLetter(line)) continue;  // the header

    const std::size_t comma = line.find(',');
    if (comma == std::string_view::npos || line.find(',', comma + 1) != std::string_view::npos) {
      return fail(lineNumber,
                  "expected two fields, seconds,requestsPerSecond; got " + quoted(line));
    }
    const std::string_view secondsField = trim(line.substr(0, comma));
    const std::string_view rateField = trim(line.substr(comma + 1));
    const std::optional<double> seconds = parseNumber(secondsField);
    if (!seconds) {
      return fail(lineNumber, "expected a time in seconds, got " + quoted(secondsField));
    }
    const std::optional<double> rate = parseNumber(rateField);
    if (!rate) {
      return fail(lineNumber, "expected a rate in requests per second, got " + quoted(rateField));
    }
    if (*seconds < 0.0) {
      return fail(lineNumber,
                  "time " + numberText(*seconds) + " is negative; expected seconds >= 0");
    }
    if (*rate < 0.0) {
      return fail(lineNumber,
                  "rate " + numberText(*rate) + " is negative; expected requests per second >= 0");
    }
    if (!rows.empty() && *seconds <= rows.back().seconds) {
      return fail(lineNumber, "time " + numberText(*seconds) + " is not after the previous row's " +
                                  numberText(rows.back().seconds) + " (line " +
                                  std::to_string(previousLine) +
                                  "); expected rows in increasing time order");
    }
    if (rows.size() == maxRows) {
      return fail(lineNumber, "more than " + std::to_string(maxRows) +
                                  " rows; expected at most that many (one row per 0.1 s is "
                                  "864,000 for a day)");
    }
    rows.push_back(Row{*seconds, *rate});
    previousLine = lineNumber;
  }
  if (rows.empty()) {
    return fail(0, "no rows; expected lines of seconds,requestsPerSecond such as '0,100'");
  }
  return CsvRate(std::move(rows));
}

std::optional<CsvRate> CsvRate::load(const std::filesystem::path& path, RateFileError* error,
                                     std::size_t maxRows) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error != nullptr) {
      *error = RateFileError{path.string(), 0, "cannot open the file for reading"};
    }
    return std::nullopt;
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) {
    if (error != nullptr) *error = RateFileError{path.string(), 0, "cannot read the file"};
    return std::nullopt;
  }
  return parse(content.str(), path.string(), error, maxRows);
}

double CsvRate::rateAt(double seconds) const {
  const auto after = std::upper_bound(rows_.begin(), rows_.end(), seconds,
                                      [](double t, const Row& row) { return t < row.seconds; });
  if (after == rows_.begin()) return 0.0;
  return std::prev(after)->rate;
}

double CsvRate::maxRateBetween(double from, double to) const {
  auto row = std::upper_bound(rows_.begin(), rows_.end(), from,
                              [](double t, const Row& r) { return t < r.seconds; });
  double bound = 0.0;
  if (row != rows_.begin()) bound = std::prev(row)->rate;  // the row in force at `from`
  for (; row != rows_.end() && row->seconds <= to; ++row) bound = std::max(bound, row->rate);
  return bound;
}

}  // namespace kvlab::sim
