#include "simulator/backends/aws_sigv4.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

namespace kvlab::sim {
namespace {

std::string hex(const unsigned char* bytes, std::size_t length) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (std::size_t i = 0; i < length; ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 0xf];
  }
  return out;
}

std::string hmac(std::string_view key, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &length);
  return std::string(reinterpret_cast<const char*>(out), length);
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Leading and trailing spaces removed, inner runs of spaces made one (SigV4's canonical value).
std::string trimmed(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string envOr(const char* name) {
  const char* value = std::getenv(name);
  return value ? std::string(value) : std::string();
}

// The [section] of an INI-style AWS file as key -> value.
std::vector<std::pair<std::string, std::string>> readSection(const std::filesystem::path& path,
                                                             const std::string& section) {
  std::vector<std::pair<std::string, std::string>> values;
  std::ifstream in(path);
  std::string line;
  bool inSection = false;
  while (std::getline(in, line)) {
    const std::string t = trimmed(line);
    if (t.empty() || t[0] == '#' || t[0] == ';') continue;
    if (t.front() == '[') {
      inSection = t == "[" + section + "]";
      continue;
    }
    if (!inSection) continue;
    const auto equals = t.find('=');
    if (equals == std::string::npos) continue;
    values.emplace_back(trimmed(t.substr(0, equals)), trimmed(t.substr(equals + 1)));
  }
  return values;
}

std::string valueOf(const std::vector<std::pair<std::string, std::string>>& values,
                    const std::string& key) {
  for (const auto& [k, v] : values) {
    if (k == key) return v;
  }
  return {};
}

}  // namespace

std::string sha256Hex(std::string_view data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
  return hex(digest, sizeof digest);
}

std::string amzDateNow() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &utc);
  return text;
}

SigV4Signature signSigV4(const SigV4Request& request, const AwsCredentials& credentials,
                         std::string_view service, std::string_view amzDate) {
  std::vector<std::pair<std::string, std::string>> headers;
  for (const auto& [name, value] : request.headers)
    headers.emplace_back(lower(name), trimmed(value));
  std::sort(headers.begin(), headers.end());
  std::string canonicalHeaders;
  std::string signedHeaders;
  for (std::size_t i = 0; i < headers.size(); ++i) {
    canonicalHeaders += headers[i].first + ":" + headers[i].second + "\n";
    signedHeaders += (i ? ";" : "") + headers[i].first;
  }
  SigV4Signature s;
  s.canonicalRequest = request.method + "\n" + request.path + "\n" + request.query + "\n" +
                       canonicalHeaders + "\n" + signedHeaders + "\n" + sha256Hex(request.payload);
  const std::string date(amzDate.substr(0, 8));
  const std::string scope =
      date + "/" + credentials.region + "/" + std::string(service) + "/aws4_request";
  s.stringToSign = "AWS4-HMAC-SHA256\n" + std::string(amzDate) + "\n" + scope + "\n" +
                   sha256Hex(s.canonicalRequest);
  const std::string kDate = hmac("AWS4" + credentials.secretAccessKey, date);
  const std::string kRegion = hmac(kDate, credentials.region);
  const std::string kService = hmac(kRegion, service);
  const std::string kSigning = hmac(kService, "aws4_request");
  const std::string raw = hmac(kSigning, s.stringToSign);
  s.signature = hex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
  s.authorization = "AWS4-HMAC-SHA256 Credential=" + credentials.accessKeyId + "/" + scope +
                    ", SignedHeaders=" + signedHeaders + ", Signature=" + s.signature;
  return s;
}

bool resolveAwsCredentials(bool loopbackEndpoint, AwsCredentials& credentials, std::string& error) {
  namespace fs = std::filesystem;
  const std::string home = envOr("HOME");
  credentials = AwsCredentials{};
  credentials.region = envOr("AWS_REGION");
  if (credentials.region.empty()) credentials.region = envOr("AWS_DEFAULT_REGION");
  if (credentials.region.empty() && !home.empty()) {
    credentials.region =
        valueOf(readSection(fs::path(home) / ".aws" / "config", "default"), "region");
  }
  if (credentials.region.empty()) credentials.region = "us-east-1";

  credentials.accessKeyId = envOr("AWS_ACCESS_KEY_ID");
  credentials.secretAccessKey = envOr("AWS_SECRET_ACCESS_KEY");
  if (!credentials.accessKeyId.empty() && !credentials.secretAccessKey.empty()) {
    credentials.sessionToken = envOr("AWS_SESSION_TOKEN");
    credentials.source = "environment (AWS_ACCESS_KEY_ID)";
    return true;
  }
  fs::path file = envOr("AWS_SHARED_CREDENTIALS_FILE");
  if (file.empty() && !home.empty()) file = fs::path(home) / ".aws" / "credentials";
  if (!file.empty()) {
    const auto section = readSection(file, "default");
    credentials.accessKeyId = valueOf(section, "aws_access_key_id");
    credentials.secretAccessKey = valueOf(section, "aws_secret_access_key");
    if (!credentials.accessKeyId.empty() && !credentials.secretAccessKey.empty()) {
      credentials.sessionToken = valueOf(section, "aws_session_token");
      credentials.source = file.string() + " [default]";
      return true;
    }
  }
  if (loopbackEndpoint) {
    credentials.accessKeyId = "KVLABDUMMYKEY";
    credentials.secretAccessKey = "kvlab-dummy-secret";
    credentials.source = "dummy credentials (loopback endpoint, none set)";
    return true;
  }
  error =
      "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a [default] "
      "profile in ~/.aws/credentials";
  return false;
}

}  // namespace kvlab::sim
