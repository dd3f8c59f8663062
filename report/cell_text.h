#pragma once

#include <string>

#include "report/report_data.h"

namespace kvlab::report {

// A cell as a person reads it: text as is, a number with its decimals and thousands grouped
// ("1,656,000", "0.50"), nothing for an empty cell.
std::string cellText(const Cell& cell);

// A cell as a program reads it: text as is, a number in the shortest form that reads back to
// the same double ("1656000", "0.1"), never grouped, never an exponent below 1e15.
std::string cellValueText(const Cell& cell);

// `value` with `decimals` decimals and thousands grouped by commas.
std::string groupedNumber(double value, int decimals);

}  // namespace kvlab::report
