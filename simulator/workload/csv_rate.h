#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "simulator/workload/rate_curve.h"
#include "simulator/workload/rate_file_error.h"

namespace kvlab::sim {

// A rate read from a CSV file of requests per second over time, such as per-minute CloudWatch
// demand. The file holds lines `seconds,requestsPerSecond`:
//
//   # comments and blank lines are ignored
//   seconds,requestsPerSecond      <- an optional header: a first line starting with a letter
//   0,120
//   60,180.5
//   120,0
//
// Times are seconds since the run started, finite, >= 0 and strictly increasing; rates are finite
// and >= 0. Numbers are plain decimals or exponents (1e3), read the same in every locale. Each
// row's rate holds from its time until the next row's (a step function); the last row's rate holds
// to the end of the run; before the first row's time the rate is 0. Immutable; thread-safe.
class CsvRate final : public RateCurve {
 public:
  struct Row {
    double seconds = 0.0;
    double rate = 0.0;
  };

  // A file larger than this many rows is refused rather than read into memory (a day at one row
  // per 0.1 s is 864,000).
  static constexpr std::size_t kDefaultMaxRows = 1'000'000;

  // Reads the CSV `text`, naming it `fileName` in errors. On failure returns nothing and, when
  // `error` is given, says which line and what was expected there: a bad number, a negative rate,
  // a time not after the previous row's, a line without exactly two fields, no rows at all, or
  // more than `maxRows` rows.
  static std::optional<CsvRate> parse(std::string_view text, const std::string& fileName,
                                      RateFileError* error = nullptr,
                                      std::size_t maxRows = kDefaultMaxRows);

  // Reads the file at `path`; as `parse`, plus an error (line 0) when it cannot be opened.
  static std::optional<CsvRate> load(const std::filesystem::path& path,
                                     RateFileError* error = nullptr,
                                     std::size_t maxRows = kDefaultMaxRows);

  std::string_view kind() const override { return "csv"; }
  double rateAt(double seconds) const override;
  double maxRateBetween(double from, double to) const override;

  // The rows, in time order; never empty.
  const std::vector<Row>& rows() const { return rows_; }

 private:
  explicit CsvRate(std::vector<Row> rows) : rows_(std::move(rows)) {}

  std::vector<Row> rows_;
};

}  // namespace kvlab::sim
