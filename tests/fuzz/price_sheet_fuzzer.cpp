// Fuzzes PriceSheet::parse: no crash on any text; a sheet comes with no error, and a refusal
// names at least one error, each with a message naming the file.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/capacity/price_sheet.h"
#include "tests/fuzz/fuzz_check.h"

using kvlab::model::capacity::ClassPrices;
using kvlab::model::capacity::PriceSheet;

namespace {

bool nonNegative(double value) { return !(value < 0) && !std::isnan(value); }

bool pricesOk(const ClassPrices& p) {
  return nonNegative(p.onDemandReadPerMillion) && nonNegative(p.onDemandWritePerMillion) &&
         nonNegative(p.provisionedReadUnitHour) && nonNegative(p.provisionedWriteUnitHour) &&
         nonNegative(p.storageGbMonth) && nonNegative(p.freeTier.readCapacityUnitHoursPerMonth) &&
         nonNegative(p.freeTier.writeCapacityUnitHoursPerMonth) &&
         nonNegative(p.freeTier.storageGbMonth);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto load = PriceSheet::parse(text, "fuzz-prices.json");
  if (load.ok()) {
    kvlab::fuzz::check(load.errors.empty(), "a sheet that comes with errors", text);
    kvlab::fuzz::check(load.sheet->hoursPerMonth > 0, "a sheet with no hours per month", text);
    kvlab::fuzz::check(
        pricesOk(load.sheet->standard) && pricesOk(load.sheet->standardInfrequentAccess),
        "a sheet with a negative price", text);
    return 0;
  }
  kvlab::fuzz::check(!load.errors.empty(), "a refusal without an error", text);
  for (const auto& error : load.errors) {
    const std::string message = error.message();
    kvlab::fuzz::check(message.starts_with("fuzz-prices.json: error: "),
                       "an error that does not name the file", message);
  }
  return 0;
}
