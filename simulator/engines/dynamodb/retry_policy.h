#pragma once

#include <cstdint>

#include "simulator/core/virtual_clock.h"
#include "simulator/workload/random.h"

namespace kvlab::sim {

// How a client retries a throttled DynamoDB request: exponential back-off with full jitter
// (Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog, 2015), as the AWS SDKs do.
// Before retry n (1, 2, ...) the client sleeps a uniform random time in
// [0, min(maxBackoff, base x 2^(n-1))].
//
// The defaults follow the AWS SDK for Java 2.x DynamoDB client (DynamoDbRetryPolicy: base delay
// 25 ms, full jitter, the SDK's 20 s maximum back-off), with 10 attempts in all: the 1.x SDK's
// DynamoDB default of 10 retries rounded to the brief's 10 attempts (2.x makes 9). A value type.
struct RetryPolicy {
  int maxAttempts = 10;         // the first attempt included; >= 1
  double baseDelayMillis = 25;  // > 0
  double maxBackoffMillis = 20000;

  // The sleep before retry `retry` (1 for the first retry), drawn from `random`.
  VirtualTime backoff(int retry, Random& random) const;
};

}  // namespace kvlab::sim
