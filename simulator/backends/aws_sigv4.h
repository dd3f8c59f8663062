#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kvlab::sim {

// AWS credentials for Signature Version 4, and where they came from (for the user).
struct AwsCredentials {
  std::string accessKeyId;
  std::string secretAccessKey;
  std::string sessionToken;  // empty unless temporary credentials
  std::string region;
  std::string source;  // "environment", "~/.aws/credentials [default]", "dummy (loopback)"
};

// Resolves credentials as the AWS CLI does, in part: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY /
// AWS_SESSION_TOKEN, else the [default] profile of $AWS_SHARED_CREDENTIALS_FILE or
// ~/.aws/credentials; the region from AWS_REGION, AWS_DEFAULT_REGION, else the [default] profile
// of ~/.aws/config, else us-east-1. When none are found and `loopbackEndpoint`, dummy credentials
// (a local server such as dynalite checks none) with source "dummy (loopback endpoint)". Returns
// false, leaving `error` saying what is missing, when none are found for another endpoint.
bool resolveAwsCredentials(bool loopbackEndpoint, AwsCredentials& credentials, std::string& error);

// One HTTP request to sign. Header names in any case; `host` must be among them.
struct SigV4Request {
  std::string method = "POST";
  std::string path = "/";
  std::string query;  // already canonical (sorted, encoded), empty for none
  std::vector<std::pair<std::string, std::string>> headers;
  std::string payload;
};

// The steps of Signature Version 4, kept for tests and for error messages.
struct SigV4Signature {
  std::string canonicalRequest;
  std::string stringToSign;
  std::string signature;      // lowercase hex
  std::string authorization;  // the Authorization header's value
};

// Signs `request` (its headers must already hold x-amz-date = `amzDate`, "YYYYMMDDTHHMMSSZ", and
// x-amz-security-token when the credentials have a session token) for `service` in the
// credentials' region. Every header given is signed. Pure; thread-safe.
SigV4Signature signSigV4(const SigV4Request& request, const AwsCredentials& credentials,
                         std::string_view service, std::string_view amzDate);

// Lowercase hex SHA-256 of `data` (OpenSSL).
std::string sha256Hex(std::string_view data);

// "YYYYMMDDTHHMMSSZ" for now, in UTC.
std::string amzDateNow();

}  // namespace kvlab::sim
