#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// DynamoDB's prices for one region at one date, read from a JSON file in data/prices/ (format in
// docs/capacity-and-cost.md, "Price sheet"). Prices are facts with a source and a date, so they
// live in data a user can change, never in code. A loaded sheet is a plain value; safe to share
// across threads.
namespace kvlab::model::capacity {

enum class TableClass { Standard, StandardInfrequentAccess };

// The key the sheet uses for the class: "standard" or "standardInfrequentAccess".
std::string_view tableClassKey(TableClass tableClass);

// What AWS gives free each month, per account (the whole free tier is applied to what is priced).
struct FreeTier {
  double readCapacityUnitHoursPerMonth = 0;
  double writeCapacityUnitHoursPerMonth = 0;
  double storageGbMonth = 0;
};

// The prices of one table class, in the sheet's currency.
struct ClassPrices {
  double onDemandReadPerMillion = 0;    // per million read request units
  double onDemandWritePerMillion = 0;   // per million write request units
  double provisionedReadUnitHour = 0;   // per read capacity unit-hour
  double provisionedWriteUnitHour = 0;  // per write capacity unit-hour
  double storageGbMonth = 0;            // per (decimal) GB-month
  FreeTier freeTier;
};

// Where a sheet's numbers come from.
struct PriceSource {
  std::string title;
  std::string url;  // may be empty
  std::string note;
};

// One fault in a price sheet file: the file, the JSON path (`tableClasses.standard.onDemand.
// readRequestUnitsPerMillion`, `sources[1].title`; empty for the whole file) and what was expected.
struct PriceSheetError {
  std::string file;
  std::string path;
  std::string problem;

  // "FILE: error: PATH: PROBLEM", leaving out an empty path.
  std::string message() const;
};

struct PriceSheetLoad;

struct PriceSheet {
  std::string region;          // "us-east-1"
  std::string effective;       // the date the prices took effect, YYYY-MM-DD
  std::string currency;        // "USD"
  double hoursPerMonth = 730;  // the month provisioned capacity is billed for
  std::vector<PriceSource> sources;
  std::vector<std::string> notes;
  ClassPrices standard;
  ClassPrices standardInfrequentAccess;

  const ClassPrices& prices(TableClass tableClass) const;

  // Reads the sheet at `path`. On success the result holds the sheet and no error; otherwise no
  // sheet and every fault found, each naming the file and the JSON path: a missing or mistyped
  // field, a negative price, a file that cannot be read or is not JSON.
  static PriceSheetLoad load(const std::filesystem::path& path);
  // As load(), from JSON text; `fileName` names it in the errors.
  static PriceSheetLoad parse(std::string_view jsonText, std::string_view fileName);
};

struct PriceSheetLoad {
  std::optional<PriceSheet> sheet;
  std::vector<PriceSheetError> errors;

  bool ok() const { return sheet.has_value(); }
};

// The sheet file the tool uses by default, "prices/us-east-1-2024-11.json" under the data folder:
// $KVLAB_DATA_DIR when that is set and not empty, otherwise the source tree's data/ folder. The
// file is not checked to exist.
std::filesystem::path defaultPriceSheetPath();

// The data folder: $KVLAB_DATA_DIR when that is set and not empty, otherwise the source tree's
// data/ folder (prices/, engines/).
std::filesystem::path dataDirectory();

}  // namespace kvlab::model::capacity
