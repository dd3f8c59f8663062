#pragma once

#include <string>

namespace kvlab::cli {

// `value` with `digits` decimals.
std::string fixedDecimals(double value, int digits);
// At most two decimals, none when whole, never an exponent: 1656000, 51.5, 0.25.
std::string plainNumber(double value);
// "$1470.05".
std::string dollars(double value);

}  // namespace kvlab::cli
