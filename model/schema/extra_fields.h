#pragma once

#include <string>
#include <utility>
#include <vector>

namespace kvlab::model {

// Fields a reader did not recognise, kept so that a round trip loses nothing. Each value is the
// field's JSON text, compact; the order is the order of the file.
using ExtraFields = std::vector<std::pair<std::string, std::string>>;

}  // namespace kvlab::model
