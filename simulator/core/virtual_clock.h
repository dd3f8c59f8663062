#pragma once

#include <cmath>
#include <cstdint>

namespace kvlab::sim {

// A point in virtual time: microseconds since the run started. Integer, so that the same inputs
// give the same times on every platform and events at one instant compare equal.
using VirtualTime = std::int64_t;

inline constexpr VirtualTime kMicrosPerMilli = 1000;
inline constexpr VirtualTime kMicrosPerSecond = 1000000;

// std::llround(x) (halves away from zero) without a call into libm, for the hot path: below
// 2^62 the truncation is exact and so is the fraction it leaves (Sterbenz), so the result is
// llround's bit for bit; beyond (or NaN) it is llround's own.
inline std::int64_t roundHalfAway(double x) {
  if (!(std::fabs(x) < 0x1p62)) return std::llround(x);
  const auto whole = static_cast<std::int64_t>(x);
  const double fraction = x - static_cast<double>(whole);
  if (fraction >= 0.5) return whole + 1;
  if (fraction <= -0.5) return whole - 1;
  return whole;
}

// `seconds` rounded to the nearest microsecond.
inline VirtualTime fromSeconds(double seconds) { return roundHalfAway(seconds * 1e6); }
// `millis` rounded to the nearest microsecond.
inline VirtualTime fromMillis(double millis) { return roundHalfAway(millis * 1e3); }
inline double toSeconds(VirtualTime time) { return static_cast<double>(time) / 1e6; }
inline double toMillis(VirtualTime time) { return static_cast<double>(time) / 1e3; }

// The simulator's clock: it only moves forward, and only when the runner takes the next event.
// Wall-clock time never enters it. Not thread-safe.
class VirtualClock {
 public:
  VirtualTime now() const { return now_; }

  // Moves to `time`. Requires time >= now() (an event in the past is a bug: throws
  // std::logic_error).
  void advanceTo(VirtualTime time) {
    if (time < now_) [[unlikely]] {
      movedBack(time);
    }
    now_ = time;
  }

 private:
  [[noreturn]] void movedBack(VirtualTime time) const;

  VirtualTime now_ = 0;
};

}  // namespace kvlab::sim
