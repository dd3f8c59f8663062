#include "simulator/engines/cache/cache_node_model.h"

#include <algorithm>
#include <cmath>

namespace kvlab::sim {

CacheNodeConfig cacheNodeConfig(const RedisParameters& parameters, const std::string& instance,
                                VirtualTime bucketMicros) {
  CacheNodeConfig c;
  c.instance = instance;
  c.roundTripCpuMicros = parameters.roundTripCpuMicros;
  c.perByteNanos = parameters.perByteNanos;
  c.networkRoundTripMicros = parameters.networkRoundTripMicros;
  c.bucketMicros = bucketMicros;
  return c;
}

CacheNodeModel::CacheNodeModel(CacheNodeConfig config) : config_(std::move(config)) {
  config_.bucketMicros = std::max<VirtualTime>(1, config_.bucketMicros);
}

double CacheNodeModel::serviceMicros(double commandMicros, std::int64_t valueBytes) const {
  return config_.roundTripCpuMicros + commandMicros +
         static_cast<double>(valueBytes) * config_.perByteNanos / 1000.0;
}

VirtualTime CacheNodeModel::startFor(VirtualTime arrival) const {
  return static_cast<VirtualTime>(std::floor(std::max(static_cast<double>(arrival), busyUntil_)));
}

CacheNodeModel::Service CacheNodeModel::serve(VirtualTime arrival, double commandMicros,
                                              std::int64_t valueBytes) {
  const auto at = static_cast<double>(arrival);
  while (!waiting_.empty() && waiting_.front() <= at) waiting_.pop_front();
  const double start = std::max(at, busyUntil_);
  if (start > at) {
    waiting_.push_back(start);
    peakQueue_ = std::max<std::int64_t>(peakQueue_, static_cast<std::int64_t>(waiting_.size()));
  }
  Service s;
  s.serviceMicros = serviceMicros(commandMicros, valueBytes);
  const double end = start + s.serviceMicros;
  addBusy(start, end);
  busyUntil_ = end;
  s.start = static_cast<VirtualTime>(std::floor(start));
  s.done = static_cast<VirtualTime>(std::ceil(end));
  s.latency = static_cast<VirtualTime>(std::llround(end - at + config_.networkRoundTripMicros));
  return s;
}

void CacheNodeModel::addBusy(double from, double to) {
  busyTotal_ += to - from;
  const auto bucket = static_cast<double>(config_.bucketMicros);
  while (from < to) {
    const auto index = static_cast<std::size_t>(from / bucket);
    if (busyByBucket_.size() <= index) busyByBucket_.resize(index + 1, 0.0);
    const double bucketEnd = static_cast<double>(index + 1) * bucket;
    const double until = std::min(to, bucketEnd);
    busyByBucket_[index] += until - from;
    from = until;
  }
}

ServerReport CacheNodeModel::report(double durationSeconds, std::size_t buckets) const {
  ServerReport r;
  r.name = "cache";
  r.instance = config_.instance;
  r.cores = 1;  // Redis runs commands on one thread, whatever the node's vCPUs
  r.connections = 0;
  const double duration = durationSeconds * 1e6;
  const auto bucket = static_cast<double>(config_.bucketMicros);
  double within = 0;
  for (std::size_t i = 0; i < busyByBucket_.size(); ++i) {
    const double from = static_cast<double>(i) * bucket;
    if (from >= duration) break;
    within += busyByBucket_[i] * std::min(1.0, (duration - from) / bucket);
  }
  r.utilization = duration > 0 ? std::min(1.0, within / duration) : 0;
  r.peakQueueLength = static_cast<double>(peakQueue_);
  r.busyCoreSeconds = busyTotal_ / 1e6;
  r.utilizationByBucket.assign(buckets, 0.0);
  for (std::size_t i = 0; i < buckets && i < busyByBucket_.size(); ++i) {
    r.utilizationByBucket[i] = std::min(1.0, busyByBucket_[i] / bucket);
  }
  return r;
}

}  // namespace kvlab::sim
