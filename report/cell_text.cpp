#include "report/cell_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace kvlab::report {

std::string groupedNumber(double value, int decimals) {
  if (!std::isfinite(value)) return std::isnan(value) ? "NaN" : (value < 0 ? "-inf" : "inf");
  char buffer[400];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string plain = buffer;
  if (plain == "-0" || plain.find_first_not_of("-0.") == std::string::npos) {
    if (!plain.empty() && plain[0] == '-') plain.erase(0, 1);  // no "-0.00"
  }
  const bool negative = !plain.empty() && plain[0] == '-';
  const std::size_t start = negative ? 1 : 0;
  std::size_t point = plain.find('.');
  if (point == std::string::npos) point = plain.size();
  std::string out = plain.substr(0, start);
  const std::string digits = plain.substr(start, point - start);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  out += plain.substr(point);
  return out;
}

std::string cellText(const Cell& cell) {
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  if (const auto* n = std::get_if<Number>(&cell)) return groupedNumber(n->value, n->decimals);
  return "";
}

std::string cellValueText(const Cell& cell) {
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  if (const auto* n = std::get_if<Number>(&cell)) {
    if (!std::isfinite(n->value)) return groupedNumber(n->value, 0);
    char buffer[64];
    const bool plain = std::fabs(n->value) < 1e15;
    auto [end, error] =
        plain ? std::to_chars(buffer, buffer + sizeof buffer, n->value, std::chars_format::fixed)
              : std::to_chars(buffer, buffer + sizeof buffer, n->value);
    if (error != std::errc()) return groupedNumber(n->value, 6);
    std::string out(buffer, end);
    if (out == "-0") out = "0";
    return out;
  }
  return "";
}

}  // namespace kvlab::report
