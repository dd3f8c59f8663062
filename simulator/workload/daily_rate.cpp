#include "simulator/workload/daily_rate.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

#include "simulator/workload/number_text.h"

namespace kvlab::sim {

namespace {

constexpr std::size_t kTableTarget = 1440;
constexpr double kMaxSharpness = 4096.0;

// The shape resampled on a grid that holds every shape point (so the peak is on it), normalised
// to a maximum of 1.
std::vector<double> normalisedGrid(const std::vector<double>& shape) {
  const std::size_t points = shape.size();
  const std::size_t perSegment = std::max<std::size_t>(1, (kTableTarget + points - 1) / points);
  const double top = *std::max_element(shape.begin(), shape.end());
  std::vector<double> grid;
  grid.reserve(points * perSegment);
  for (std::size_t i = 0; i < points; ++i) {
    const double a = shape[i] / top;
    const double b = shape[(i + 1) % points] / top;
    for (std::size_t j = 0; j < perSegment; ++j) {
      grid.push_back(a + (b - a) * static_cast<double>(j) / static_cast<double>(perSegment));
    }
  }
  return grid;
}

// The mean of grid^k, the daily mean of the tabulated curve over its peak.
double meanPower(const std::vector<double>& grid, double k) {
  double sum = 0.0;
  for (double s : grid) sum += std::pow(s, k);
  return sum / static_cast<double>(grid.size());
}

// The k with meanPower(grid, k) == ratio, or nothing when even kMaxSharpness stays above it.
std::optional<double> solveSharpness(const std::vector<double>& grid, double ratio) {
  if (ratio >= 1.0) return 0.0;
  double low = 0.0;
  double high = 1.0;
  while (meanPower(grid, high) > ratio) {
    low = high;
    high *= 2.0;
    if (high > kMaxSharpness) return std::nullopt;
  }
  for (int i = 0; i < 100 && high - low > 1e-12 * high; ++i) {
    const double mid = (low + high) / 2.0;
    (meanPower(grid, mid) > ratio ? low : high) = mid;
  }
  return (low + high) / 2.0;
}

}  // namespace

const std::vector<double>& DailyRate::defaultHourlyShape() {
  static const std::vector<double> shape = {
      0.55, 0.42, 0.33, 0.28, 0.26, 0.28, 0.35, 0.48, 0.62, 0.72, 0.78, 0.82,  // 00:00-11:00
      0.86, 0.85, 0.83, 0.82, 0.83, 0.86, 0.90, 0.96, 1.00, 0.97, 0.85, 0.70,  // 12:00-23:00
  };
  return shape;
}

std::string DailyRate::check(double meanRate, double peakRate, double dayLengthSeconds,
                             double startHour, const std::vector<double>& shape) {
  if (!std::isfinite(meanRate) || meanRate < 0.0) {
    return "daily: mean rate " + numberText(meanRate) + " is not a finite number >= 0";
  }
  if (!std::isfinite(peakRate) || peakRate < meanRate) {
    return "daily: peak rate " + numberText(peakRate) + " is below the mean rate " +
           numberText(meanRate);
  }
  if (meanRate == 0.0 && peakRate > 0.0) {
    return "daily: the mean rate is 0 but the peak rate is not";
  }
  if (!std::isfinite(dayLengthSeconds) || dayLengthSeconds <= 0.0) {
    return "daily: day length " + numberText(dayLengthSeconds) + " s is not above 0";
  }
  if (!(startHour >= 0.0 && startHour < 24.0)) {
    return "daily: start hour " + numberText(startHour) + " is outside [0, 24)";
  }
  if (shape.empty() || shape.size() > kTableTarget) {
    return "daily: the shape has " + std::to_string(shape.size()) +
           " points; expected 1 to 1440 (24 for hourly values)";
  }
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (!std::isfinite(shape[i]) || shape[i] <= 0.0) {
      return "daily: shape point " + std::to_string(i) + " is " + numberText(shape[i]) +
             "; expected a finite number above 0";
    }
  }
  if (peakRate > 0.0 && !solveSharpness(normalisedGrid(shape), meanRate / peakRate)) {
    return "daily: a peak " + numberText(peakRate / meanRate) +
           " times the mean is more than this shape can reach";
  }
  return {};
}

DailyRate::DailyRate(double meanRate, double peakRate, double dayLengthSeconds, double startHour,
                     const std::vector<double>& shape)
    : dayLength_(dayLengthSeconds), startHour_(startHour), peak_(peakRate), sharpness_(0.0) {
  if (std::string error = check(meanRate, peakRate, dayLengthSeconds, startHour, shape);
      !error.empty()) {
    throw std::invalid_argument(error);
  }
  table_ = normalisedGrid(shape);
  if (peakRate > 0.0) sharpness_ = *solveSharpness(table_, meanRate / peakRate);
  for (double& value : table_) value = peakRate * std::pow(value, sharpness_);
}

double DailyRate::positionAt(double seconds) const {
  const double size = static_cast<double>(table_.size());
  double phase = std::fmod(startHour_ / 24.0 + seconds / dayLength_, 1.0);
  if (phase < 0.0) phase += 1.0;
  const double position = phase * size;
  return position < size ? position : 0.0;
}

double DailyRate::rateAt(double seconds) const {
  const double position = positionAt(seconds);
  const auto index = static_cast<std::size_t>(position);
  const double fraction = position - static_cast<double>(index);
  const double a = table_[index];
  const double b = table_[(index + 1) % table_.size()];
  return a + (b - a) * fraction;
}

double DailyRate::maxRateBetween(double from, double to) const {
  if (to - from >= dayLength_) return peak_;
  double bound = std::max(rateAt(from), rateAt(to));
  // Grid points inside the window, where the piecewise-linear curve has its corners.
  const double size = static_cast<double>(table_.size());
  const double start = positionAt(from);
  const double end = start + (to - from) / dayLength_ * size;
  for (double point = std::floor(start) + 1.0; point <= end; point += 1.0) {
    const auto index = static_cast<std::size_t>(std::fmod(point, size));
    bound = std::max(bound, table_[index]);
  }
  return bound;
}

}  // namespace kvlab::sim
