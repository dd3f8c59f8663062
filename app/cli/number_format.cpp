#include "app/cli/number_format.h"

#include <iomanip>
#include <sstream>

namespace kvlab::cli {

std::string fixedDecimals(double value, int digits) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits) << value;
  return out.str();
}

std::string plainNumber(double value) {
  std::string text = fixedDecimals(value, 2);
  if (text.find('.') == std::string::npos) return text;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

std::string dollars(double value) { return "$" + fixedDecimals(value, 2); }

}  // namespace kvlab::cli
