#pragma once

#include <optional>
#include <string>

#include "model/capacity/price_sheet.h"
#include "model/schema/project.h"

namespace kvlab::cli {

// Loads and validates `file`, printing its errors on standard error; nothing when it is invalid.
std::optional<model::Project> loadValidProject(const std::string& file);

// The design called `name`, or the only one when `name` is empty; null (after saying why on
// standard error) when there is no such design or the choice is ambiguous.
const model::Design* chooseDesign(const model::Project& project, const std::string& name,
                                  const std::string& file);

// The price sheet at `path`, or the default one when `path` is empty; nothing (after printing
// its errors) when it cannot be read.
std::optional<model::capacity::PriceSheet> loadPrices(const std::string& path);

}  // namespace kvlab::cli
