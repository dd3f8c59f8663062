#include "simulator/core/virtual_clock.h"

#include <stdexcept>
#include <string>

namespace kvlab::sim {

void VirtualClock::movedBack(VirtualTime time) const {
  throw std::logic_error("virtual clock moved back from " + std::to_string(now_) + " to " +
                         std::to_string(time) + " microseconds");
}

}  // namespace kvlab::sim
