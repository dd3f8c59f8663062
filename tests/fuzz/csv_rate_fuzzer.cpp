// Fuzzes CsvRate::parse: no crash on any text; a parsed rate has rows in strictly increasing time
// with finite, non-negative values; a small row limit is honoured.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "simulator/workload/csv_rate.h"
#include "tests/fuzz/fuzz_check.h"

using kvlab::sim::CsvRate;
using kvlab::sim::RateFileError;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  RateFileError error;
  const auto rate = CsvRate::parse(text, "fuzz.csv", &error);
  if (!rate) {
    kvlab::fuzz::check(!error.message.empty(), "a refusal without a message", text);
    kvlab::fuzz::check(error.line >= 0, "a refusal on a negative line", text);
    (void)error.toString();
  } else {
    const auto& rows = rate->rows();
    kvlab::fuzz::check(!rows.empty(), "a parsed rate with no rows", text);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      kvlab::fuzz::check(std::isfinite(rows[i].seconds) && rows[i].seconds >= 0,
                         "a row time that is negative or not finite", text);
      kvlab::fuzz::check(std::isfinite(rows[i].rate) && rows[i].rate >= 0,
                         "a row rate that is negative or not finite", text);
      if (i > 0) {
        kvlab::fuzz::check(rows[i].seconds > rows[i - 1].seconds, "rows out of time order", text);
      }
    }
    const double first = rows.front().seconds;
    const double last = rows.back().seconds;
    for (const double t : {-1.0, 0.0, first, (first + last) / 2, last, last + 1}) {
      const double at = rate->rateAt(t);
      kvlab::fuzz::check(std::isfinite(at) && at >= 0, "rateAt() is negative or not finite", text);
      kvlab::fuzz::check(rate->maxRateBetween(t, last + 1) >= at,
                         "maxRateBetween() is below the rate at its start", text);
    }
  }
  // The same text under a row limit of 3: refused, or at most 3 rows.
  RateFileError limited;
  if (const auto few = CsvRate::parse(text, "fuzz.csv", &limited, 3)) {
    kvlab::fuzz::check(few->rows().size() <= 3, "the row limit is not honoured", text);
  }
  return 0;
}
