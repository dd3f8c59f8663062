#pragma once

#include <cmath>
#include <cstdint>

namespace kvlab::sim {

// A point in virtual time: microseconds since the run started. Integer, so that the same inputs
// give the same times on every platform and events at one instant compare equal.
using VirtualTime = std::int64_t;

inline constexpr VirtualTime kMicrosPerMilli = 1000;
inline constexpr VirtualTime kMicrosPerSecond = 1000000;

// `seconds` rounded to the nearest microsecond.
inline VirtualTime fromSeconds(double seconds) {
  return static_cast<VirtualTime>(std::llround(seconds * 1e6));
}
// `millis` rounded to the nearest microsecond.
inline VirtualTime fromMillis(double millis) {
  return static_cast<VirtualTime>(std::llround(millis * 1e3));
}
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
