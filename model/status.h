#pragma once

#include <string>
#include <utility>

namespace kvlab {

// The outcome of an operation that can fail for reasons outside the program (a file, the disk):
// ok, or an error with a message that names the thing and what went wrong.
class Status {
 public:
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !failed_; }
  const std::string& message() const { return message_; }

 private:
  Status() = default;
  explicit Status(std::string message) : failed_(true), message_(std::move(message)) {}

  bool failed_ = false;
  std::string message_;
};

}  // namespace kvlab
