#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "simulator/backends/aws_sigv4.h"

namespace kvlab::sim {

// What the server answered to one call.
struct DynamoDbApiResponse {
  long httpStatus = 0;
  std::string body;
  std::string errorType;       // the exception's name ("ThrottlingException"); empty on success
  std::string errorMessage;    // the server's message, when it gave one
  std::string transportError;  // libcurl's, when no answer came
  std::int64_t latencyMicros = 0;

  bool ok() const { return transportError.empty() && httpStatus == 200; }
  // "ThrottlingException: rate exceeded", "connection refused", or "" when ok.
  std::string describe() const;
};

// The parts of an endpoint URL "http://127.0.0.1:8000" (scheme, host, port).
struct Endpoint {
  std::string url;       // as given, without a trailing slash
  std::string hostPort;  // "127.0.0.1:8000": the Host header
  std::string host;      // "127.0.0.1"
  bool loopback = false;
};

// Parses `url` (http or https, a host, an optional port, no path beyond "/"); false with `error`.
bool parseEndpoint(const std::string& url, Endpoint& endpoint, std::string& error);

// A client of the DynamoDB HTTP JSON API (protocol 1.0, target DynamoDB_20120810) on one
// endpoint, through libcurl: every call is a POST of a JSON body signed with Signature
// Version 4, to that endpoint and nowhere else. `call` blocks; `start` and `poll` run up to
// `slots` calls at once on a libcurl multi handle. Not thread-safe: one thread drives it.
class DynamoDbApiClient {
 public:
  DynamoDbApiClient(Endpoint endpoint, AwsCredentials credentials, int slots = 1,
                    long timeoutMillis = 30000);
  ~DynamoDbApiClient();
  DynamoDbApiClient(const DynamoDbApiClient&) = delete;
  DynamoDbApiClient& operator=(const DynamoDbApiClient&) = delete;

  const Endpoint& endpoint() const;
  const AwsCredentials& credentials() const;

  // Calls `operation` ("GetItem") with `body` and waits for the answer.
  DynamoDbApiResponse call(std::string_view operation, const std::string& body);

  int slots() const;
  bool busy(int slot) const;
  // Starts `operation` on the free `slot` (0 <= slot < slots()).
  void start(int slot, std::string_view operation, std::string body);
  // Waits at most `timeoutMicros` for calls to end; returns those that ended, by slot.
  std::vector<std::pair<int, DynamoDbApiResponse>> poll(std::int64_t timeoutMicros);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kvlab::sim
