#pragma once

#include <QString>

namespace kvlab::ui {

// Numbers as the studio's tables show them, the same on every system locale: thousands grouped
// with commas, at most two decimals and no trailing zeros ("1,655,969.5", "0.5", "12").
QString numberText(double value);
// US dollars with cents: "$55,682.21".
QString dollarsText(double value);

}  // namespace kvlab::ui
