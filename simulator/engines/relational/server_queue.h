#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "simulator/core/virtual_clock.h"

namespace kvlab::sim {

// A database server's admission: a pool of connections in front of `cores` cores. A request
// first takes a connection (waiting in FIFO order when the pool is empty), then a core (waiting
// in FIFO order when all are busy); it gives the core back when its service ends and the
// connection when it has committed. With Poisson arrivals and exponential service this is the
// M/M/c queue of Erlang C, as long as the pool is larger than the cores.
//
// Requests are slot numbers the caller owns. Busy core time is integrated per second for the
// utilization report. Not thread-safe.
class ServerQueue {
 public:
  ServerQueue(int cores, int connections);

  int cores() const { return cores_; }
  int connections() const { return connections_; }

  // Takes a connection for `slot` at `now`: true when one was free; otherwise `slot` waits.
  bool acquireConnection(std::uint32_t slot);
  // Gives a connection back; returns the waiting request that takes it, if any.
  std::optional<std::uint32_t> releaseConnection();
  // Takes `slot` out of the connection queue (it gave up); false when it was not waiting.
  bool abandonConnectionWait(std::uint32_t slot);

  // Asks for a core for `slot` at `now`: true when one was free (its service starts now);
  // otherwise `slot` waits.
  bool acquireCore(std::uint32_t slot, VirtualTime now);
  // The service on a core ended at `now`; returns the waiting request that starts on it, if any.
  std::optional<std::uint32_t> releaseCore(VirtualTime now);

  std::size_t waitingForCore() const { return coreQueue_.size(); }
  std::size_t waitingForConnection() const { return connectionQueue_.size(); }
  std::size_t peakWaitingForCore() const { return peakCoreQueue_; }

  // Busy core-seconds in each whole second from 0 up to `now` (the last one partial).
  std::vector<double> busyCoreSecondsBySecond(VirtualTime now);

 private:
  void advance(VirtualTime now);

  int cores_;
  int connections_;
  int busyCores_ = 0;
  int usedConnections_ = 0;
  std::deque<std::uint32_t> coreQueue_;
  std::deque<std::uint32_t> connectionQueue_;
  std::size_t peakCoreQueue_ = 0;
  VirtualTime accountedUntil_ = 0;
  std::vector<double> busyBySecond_;
};

}  // namespace kvlab::sim
