#pragma once

#include <string>

namespace kvlab::sim {

// Why a rate file could not be read: the file, the 1-based line (0 when the problem is the whole
// file, such as an empty one or one that cannot be opened) and what was expected there.
struct RateFileError {
  std::string file;
  int line = 0;
  std::string message;

  // "FILE:LINE: MESSAGE", or "FILE: MESSAGE" when there is no line.
  std::string toString() const;
};

}  // namespace kvlab::sim
