#include "simulator/workload/number_text.h"

#include <charconv>

namespace kvlab::sim {

std::string numberText(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

}  // namespace kvlab::sim
