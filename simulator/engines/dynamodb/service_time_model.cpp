#include "simulator/engines/dynamodb/service_time_model.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kvlab::sim {

double lognormal(double median, double sigma, Random& random) {
  const double u1 = random.nextDouble();
  const double u2 = random.nextDouble();
  const double normal = std::sqrt(-2.0 * std::log1p(-u1)) * std::cos(2.0 * std::numbers::pi * u2);
  return median * std::exp(sigma * normal);
}

double ServiceTimeModel::medianMillis(model::Operation operation) const {
  switch (operation) {
    case model::Operation::GetItem:
    case model::Operation::BatchGetItem:
      return getMedianMillis;
    case model::Operation::PutItem:
    case model::Operation::UpdateItem:
    case model::Operation::DeleteItem:
      return writeMedianMillis;
    case model::Operation::Query:
    case model::Operation::Scan:
      return queryMedianMillis;
    case model::Operation::TransactWriteItems:
    case model::Operation::TransactGetItems:
      return transactionMedianMillis;
  }
  return getMedianMillis;
}

VirtualTime ServiceTimeModel::sample(model::Operation operation, double kilobytes,
                                     Random& random) const {
  const double median = medianMillis(operation);
  const double millis = lognormal(median, sigma, random) + millisPerKilobyte * kilobytes;
  return std::max<VirtualTime>(1, fromMillis(millis));
}

VirtualTime ServiceTimeModel::sampleThrottle(Random& random) const {
  return std::max<VirtualTime>(1, fromMillis(lognormal(throttleMedianMillis, sigma, random)));
}

}  // namespace kvlab::sim
