#pragma once

#include <cstddef>
#include <string>

namespace kvlab::model {

// JSON paths as diagnostics write them: `designs[0].entityKeys.Order.SK`; a key with a dot,
// bracket, quote or space is written `["a key"]`.
std::string jsonPathMember(const std::string& parent, const std::string& key);
std::string jsonPathIndex(const std::string& parent, std::size_t index);

}  // namespace kvlab::model
