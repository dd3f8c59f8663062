#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "simulator/workload/rate_curve.h"

namespace kvlab::sim {

// A daily cycle scaled to a mean and a peak rate.
//
// The shape is a list of relative rates at evenly spaced times of day (24 hourly values by
// default, `defaultHourlyShape`), joined by straight lines, wrapping from the last back to the
// first. To meet both numbers, the rate is peak * s(t)^k, where s is the shape divided by its
// maximum and the sharpness k >= 0 is chosen so that the mean over a day is `meanRate`: k = 0 is
// flat (mean = peak), k = 1 is the shape as given, a larger k narrows the peak and deepens the
// trough. So the peak is reached exactly at the shape's highest point and the daily mean is exact,
// for any peak/mean ratio from 1 up to what the shape allows (about 1,200 for the default).
// The curve is tabulated at 1,440 points a day (every minute of a real day) and interpolated.
//
// Time: `dayLengthSeconds` is how long one cycle lasts in virtual time. 86,400 keeps real time (a
// one-hour run sees one hour of the day); the run's duration compresses a whole day into the run,
// so a 10-minute run sweeps trough, morning rise and evening peak. `startHour` is the time of day
// at second 0 (20 starts at the default shape's peak).
// Immutable; thread-safe.
class DailyRate final : public RateCurve {
 public:
  static constexpr double kRealDaySeconds = 86'400.0;

  // The built-in shape, hour 0 (midnight) to hour 23, relative to the peak: a consumer-facing
  // service in one time zone, quietest at 04:00 (a quarter of the peak), rising from 06:00, a
  // plateau through the working day, the peak at 20:00 and a fall towards midnight. Its mean is
  // 0.68 of its peak. An illustrative shape chosen for teaching, not a measurement of a service.
  static const std::vector<double>& defaultHourlyShape();

  // Why the parameters cannot make a curve, or empty: needs 0 <= meanRate <= peakRate (both
  // finite, meanRate > 0 unless peakRate is 0), dayLengthSeconds > 0, startHour in [0, 24), a
  // shape of 1 to 1,440 finite values > 0, and a peak/mean ratio the shape can reach.
  static std::string check(double meanRate, double peakRate, double dayLengthSeconds,
                           double startHour,
                           const std::vector<double>& shape = defaultHourlyShape());

  // Requires `check(...)` to be empty (throws std::invalid_argument otherwise).
  DailyRate(double meanRate, double peakRate, double dayLengthSeconds = kRealDaySeconds,
            double startHour = 0.0, const std::vector<double>& shape = defaultHourlyShape());

  std::string_view kind() const override { return "daily"; }
  double rateAt(double seconds) const override;
  double maxRateBetween(double from, double to) const override;

  // The exponent k applied to the shape (see the class comment).
  double sharpness() const { return sharpness_; }
  double dayLengthSeconds() const { return dayLength_; }

 private:
  // Position on the table, in [0, table size), of virtual time `seconds`.
  double positionAt(double seconds) const;

  std::vector<double> table_;  // the rate at table_.size() evenly spaced times of day
  double dayLength_;
  double startHour_;
  double peak_;
  double sharpness_;
};

}  // namespace kvlab::sim
