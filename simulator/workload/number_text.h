#pragma once

#include <string>

namespace kvlab::sim {

// `value` as the shortest decimal that reads back as the same double ("0.99", "250.5", "-5",
// "1e+20"), the same in every locale: for error messages that quote a user's number.
std::string numberText(double value);

}  // namespace kvlab::sim
