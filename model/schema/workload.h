#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/schema/access_pattern.h"
#include "model/schema/extra_fields.h"

namespace kvlab::model {

// How a pattern's rate moves over a run.
enum class RateShape { Constant, Ramp, Spike, Daily, Csv };
std::string_view rateShapeName(RateShape shape);  // "constant", "ramp", "spike", "daily", "csv"
std::optional<RateShape> parseRateShape(std::string_view name);

// A rate over time, in requests per second. Which fields a shape uses:
// constant {rate}; ramp {from, to, startSeconds, durationSeconds}; spike {base, peak,
// startSeconds, lengthSeconds}; daily {mean, peak, dayLengthSeconds}; csv {file}, a file of
// "seconds,rate" rows relative to the project file.
struct RateSpec {
  RateShape shape = RateShape::Constant;
  std::optional<double> rate;
  std::optional<double> from;
  std::optional<double> to;
  std::optional<double> base;
  std::optional<double> mean;
  std::optional<double> peak;
  std::optional<double> startSeconds;
  std::optional<double> durationSeconds;
  std::optional<double> lengthSeconds;
  std::optional<double> dayLengthSeconds;
  std::optional<std::string> file;
  ExtraFields extra;
};

// What a workload changes for one access pattern; what it leaves out stays as the pattern says.
struct PatternWorkload {
  std::string patternId;
  std::optional<RateSpec> rate;
  std::optional<KeyDistribution> keyDistribution;
  std::optional<Consistency> consistency;
  ExtraFields extra;
};

// A named workload to simulate: how long, from which seed, and per pattern its rate over time,
// key popularity and consistency. Patterns it does not name run at their mean rate.
struct Workload {
  std::string name;
  std::optional<double> durationSeconds;
  std::optional<std::uint64_t> seed;
  std::vector<PatternWorkload> patterns;
  ExtraFields extra;

  const PatternWorkload* find(std::string_view patternId) const;
};

}  // namespace kvlab::model
