#pragma once

#include <utility>
#include <variant>

#include "model/capacity/capacity_error.h"

namespace kvlab::model::capacity {

// Either a value or the CapacityError that prevented it. Reading the value of a failed result (or
// the error of a successful one) is a bug and throws std::bad_variant_access.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}              // NOLINT: implicit by design
  Result(CapacityError error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  // Requires ok().
  const T& value() const { return std::get<T>(state_); }
  T& value() { return std::get<T>(state_); }
  // Requires !ok().
  const CapacityError& error() const { return std::get<CapacityError>(state_); }

 private:
  std::variant<T, CapacityError> state_;
};

}  // namespace kvlab::model::capacity
