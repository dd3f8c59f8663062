#include "simulator/engines/dynamodb/retry_policy.h"

#include <algorithm>
#include <cmath>

namespace kvlab::sim {

VirtualTime RetryPolicy::backoff(int retry, Random& random) const {
  const int exponent = std::clamp(retry - 1, 0, 40);
  const double ceiling = std::min(maxBackoffMillis, baseDelayMillis * std::ldexp(1.0, exponent));
  return fromMillis(random.nextDouble() * ceiling);
}

}  // namespace kvlab::sim
