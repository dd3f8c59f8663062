#include "simulator/core/virtual_clock.h"

#include <stdexcept>
#include <string>

namespace kvlab::sim {

void VirtualClock::advanceTo(VirtualTime time) {
  if (time < now_) {
    throw std::logic_error("virtual clock moved back from " + std::to_string(now_) + " to " +
                           std::to_string(time) + " microseconds");
  }
  now_ = time;
}

}  // namespace kvlab::sim
