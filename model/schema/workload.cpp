#include "model/schema/workload.h"

#include "model/schema/enum_names.h"

namespace kvlab::model {
namespace {
using S = RateShape;
constexpr auto kShapeNames = detail::makeEnumNames<S>(
    std::pair{S::Constant, "constant"}, std::pair{S::Ramp, "ramp"}, std::pair{S::Spike, "spike"},
    std::pair{S::Daily, "daily"}, std::pair{S::Csv, "csv"});
}  // namespace

std::string_view rateShapeName(RateShape shape) { return kShapeNames.name(shape); }
std::optional<RateShape> parseRateShape(std::string_view name) { return kShapeNames.parse(name); }

const PatternWorkload* Workload::find(std::string_view patternId) const {
  for (const PatternWorkload& p : patterns) {
    if (p.patternId == patternId) return &p;
  }
  return nullptr;
}

}  // namespace kvlab::model
