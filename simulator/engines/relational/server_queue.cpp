#include "simulator/engines/relational/server_queue.h"

#include <algorithm>

namespace kvlab::sim {

ServerQueue::ServerQueue(int cores, int connections)
    : cores_(std::max(1, cores)), connections_(std::max(1, connections)) {}

bool ServerQueue::acquireConnection(std::uint32_t slot) {
  if (usedConnections_ < connections_) {
    ++usedConnections_;
    return true;
  }
  connectionQueue_.push_back(slot);
  return false;
}

std::optional<std::uint32_t> ServerQueue::releaseConnection() {
  if (!connectionQueue_.empty()) {
    const std::uint32_t next = connectionQueue_.front();
    connectionQueue_.pop_front();
    return next;  // the connection passes to it: still in use
  }
  --usedConnections_;
  return std::nullopt;
}

bool ServerQueue::abandonConnectionWait(std::uint32_t slot) {
  auto it = std::find(connectionQueue_.begin(), connectionQueue_.end(), slot);
  if (it == connectionQueue_.end()) return false;
  connectionQueue_.erase(it);
  return true;
}

bool ServerQueue::acquireCore(std::uint32_t slot, VirtualTime now) {
  advance(now);
  if (busyCores_ < cores_) {
    ++busyCores_;
    return true;
  }
  coreQueue_.push_back(slot);
  peakCoreQueue_ = std::max(peakCoreQueue_, coreQueue_.size());
  return false;
}

std::optional<std::uint32_t> ServerQueue::releaseCore(VirtualTime now) {
  advance(now);
  if (!coreQueue_.empty()) {
    const std::uint32_t next = coreQueue_.front();
    coreQueue_.pop_front();
    return next;  // the core passes to it: still busy
  }
  --busyCores_;
  return std::nullopt;
}

void ServerQueue::advance(VirtualTime now) {
  while (accountedUntil_ < now) {
    const auto second = static_cast<std::size_t>(accountedUntil_ / kMicrosPerSecond);
    const VirtualTime secondEnd = static_cast<VirtualTime>(second + 1) * kMicrosPerSecond;
    const VirtualTime until = std::min(now, secondEnd);
    if (busyBySecond_.size() <= second) busyBySecond_.resize(second + 1, 0.0);
    busyBySecond_[second] += busyCores_ * static_cast<double>(until - accountedUntil_) / 1e6;
    accountedUntil_ = until;
  }
}

std::vector<double> ServerQueue::busyCoreSecondsBySecond(VirtualTime now) {
  advance(now);
  return busyBySecond_;
}

}  // namespace kvlab::sim
