#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "simulator/workload/key_generator.h"

namespace kvlab::sim {

// Every key number in [min, max] equally likely: YCSB's UniformLongGenerator
// (core/src/main/java/site/ycsb/generator/UniformLongGenerator.java), YCSB's default
// `requestdistribution`. YCSB draws |nextLong()| % n + min, with a modulo bias of up to n / 2^63;
// this maps u to min + floor(u * n), which has none. Immutable; thread-safe.
class UniformGenerator final : public KeyGenerator {
 public:
  // Why (min, max) cannot make a generator, or empty: needs min <= max.
  static std::string check(std::int64_t min, std::int64_t max);

  // Requires `check(min, max)` to be empty (throws std::invalid_argument otherwise).
  UniformGenerator(std::int64_t min, std::int64_t max);

  std::string_view kind() const override { return "uniform"; }

  std::int64_t valueAt(double u) const override {
    const auto offset = static_cast<std::int64_t>(u * count_);
    return min_ + (offset < itemCount_ ? offset : itemCount_ - 1);
  }
  std::int64_t minValue() const override { return min_; }
  std::int64_t maxValue() const override { return min_ + itemCount_ - 1; }

 private:
  std::int64_t min_;
  std::int64_t itemCount_;
  double count_;
};

}  // namespace kvlab::sim
