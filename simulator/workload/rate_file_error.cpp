#include "simulator/workload/rate_file_error.h"

namespace kvlab::sim {

std::string RateFileError::toString() const {
  std::string text = file;
  if (line > 0) text += ":" + std::to_string(line);
  return text + ": " + message;
}

}  // namespace kvlab::sim
