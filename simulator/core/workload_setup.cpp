#include "simulator/core/workload_setup.h"

#include <map>
#include <memory>

#include "simulator/workload/constant_rate.h"
#include "simulator/workload/csv_rate.h"
#include "simulator/workload/daily_rate.h"
#include "simulator/workload/ramp_rate.h"
#include "simulator/workload/spike_rate.h"

namespace kvlab::sim {
namespace {

// The curve `spec` describes over a run of `durationSeconds`, or why it cannot.
std::shared_ptr<const RateCurve> curveOf(const model::RateSpec& spec,
                                         const std::filesystem::path& baseDirectory,
                                         double durationSeconds, std::string& error) {
  using model::RateShape;
  switch (spec.shape) {
    case RateShape::Constant: {
      const double rate = spec.rate.value_or(0);
      if (error = ConstantRate::check(rate); !error.empty()) return nullptr;
      return std::make_shared<ConstantRate>(rate);
    }
    case RateShape::Ramp: {
      const double from = spec.from.value_or(0);
      const double to = spec.to.value_or(0);
      const double start = spec.startSeconds.value_or(0);
      const double length = spec.durationSeconds.value_or(durationSeconds);
      if (error = RampRate::check(from, to, start, length); !error.empty()) return nullptr;
      return std::make_shared<RampRate>(from, to, start, length);
    }
    case RateShape::Spike: {
      const double base = spec.base.value_or(0);
      const double peak = spec.peak.value_or(0);
      const double start = spec.startSeconds.value_or(0);
      const double length = spec.lengthSeconds.value_or(0);
      if (error = SpikeRate::check(base, peak, start, length); !error.empty()) return nullptr;
      return std::make_shared<SpikeRate>(base, peak, start, length);
    }
    case RateShape::Daily: {
      const double mean = spec.mean.value_or(0);
      const double peak = spec.peak.value_or(0);
      // Without a day length, one whole day is compressed into the run.
      const double day = spec.dayLengthSeconds.value_or(durationSeconds);
      if (error = DailyRate::check(mean, peak, day, 0.0); !error.empty()) return nullptr;
      return std::make_shared<DailyRate>(mean, peak, day);
    }
    case RateShape::Csv: {
      RateFileError fileError;
      auto csv = CsvRate::load(baseDirectory / spec.file.value_or(""), &fileError);
      if (!csv) {
        error = fileError.toString();
        return nullptr;
      }
      return std::make_shared<CsvRate>(std::move(*csv));
    }
  }
  error = "unknown rate shape";
  return nullptr;
}

}  // namespace

Status applyWorkload(const model::Workload& workload, const std::filesystem::path& baseDirectory,
                     model::Project& project, RunOptions& run) {
  const double duration = workload.durationSeconds.value_or(run.durationSeconds);
  std::map<std::string, std::shared_ptr<const RateCurve>> curves;
  for (const model::PatternWorkload& pattern : workload.patterns) {
    if (!pattern.rate) continue;
    std::string error;
    auto curve = curveOf(*pattern.rate, baseDirectory, duration, error);
    if (!curve) {
      return Status::Error("workload " + workload.name + ", pattern " + pattern.patternId + ": " +
                           error);
    }
    curves[pattern.patternId] = std::move(curve);
  }
  for (const model::PatternWorkload& pattern : workload.patterns) {
    for (model::AccessPattern& p : project.accessPatterns) {
      if (p.id != pattern.patternId) continue;
      if (pattern.keyDistribution) p.keyDistribution = pattern.keyDistribution;
      if (pattern.consistency) p.consistency = pattern.consistency;
    }
  }
  run.durationSeconds = duration;
  if (workload.seed) run.seed = *workload.seed;
  for (auto& [id, curve] : curves) run.rateCurves[id] = std::move(curve);
  run.workloadName = workload.name;
  return Status::Ok();
}

KeyDistribution keyDistributionOf(const std::optional<model::KeyDistribution>& d) {
  KeyDistribution out;
  if (!d) return out;
  out.kind = std::string(model::keyDistributionKindName(d->kind));
  if (d->theta) out.theta = *d->theta;
  if (d->hotFraction) out.hotFraction = *d->hotFraction;
  if (d->hotOpFraction) out.hotOpFraction = *d->hotOpFraction;
  return out;
}

}  // namespace kvlab::sim
