#pragma once
// Independent simulations on several cores. A run is deterministic and shares nothing mutable
// with another (each has its engine, runner and random streams; the project, plan and prices
// are read only), so runs on threads give the same bytes as runs one after the other.

#include <cstddef>
#include <functional>

namespace kvlab::sim {

// The threads worth using: the machine's hardware threads, at least 1.
unsigned availableThreads();

// Calls `job(i)` for every i in [0, count) on up to `threads` threads (1: on this thread, in
// order), each job taken in order as a thread frees up, and returns when all have returned. If
// jobs throw, the first exception (by index) is rethrown after every job has ended.
void runJobs(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& job);

}  // namespace kvlab::sim
