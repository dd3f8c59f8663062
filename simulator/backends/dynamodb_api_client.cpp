#include "simulator/backends/dynamodb_api_client.h"

#include <curl/curl.h>

#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>

namespace kvlab::sim {
namespace {

std::int64_t nowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::size_t appendBody(char* data, std::size_t size, std::size_t count, void* target) {
  static_cast<std::string*>(target)->append(data, size * count);
  return size * count;
}

void initCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// The exception's name and message from an error body ({"__type": "com.amazon...#Name", ...}).
void readError(DynamoDbApiResponse& response) {
  if (response.httpStatus == 200 || !response.transportError.empty()) return;
  const nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
  if (body.is_object()) {
    std::string type = body.value("__type", "");
    if (const auto hash = type.rfind('#'); hash != std::string::npos) type = type.substr(hash + 1);
    response.errorType = type;
    if (body.contains("message") && body["message"].is_string()) {
      response.errorMessage = body["message"];
    } else if (body.contains("Message") && body["Message"].is_string()) {
      response.errorMessage = body["Message"];
    }
  }
  if (response.errorType.empty()) response.errorType = "HTTP" + std::to_string(response.httpStatus);
}

}  // namespace

std::string DynamoDbApiResponse::describe() const {
  if (!transportError.empty()) return transportError;
  if (ok()) return {};
  return errorType + (errorMessage.empty() ? "" : ": " + errorMessage);
}

bool parseEndpoint(const std::string& url, Endpoint& endpoint, std::string& error) {
  std::string rest;
  if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else {
    error = "the endpoint " + url + " is not an http:// or https:// URL";
    return false;
  }
  while (!rest.empty() && rest.back() == '/') rest.pop_back();
  if (rest.empty() || rest.find('/') != std::string::npos || rest.find('@') != std::string::npos) {
    error = "the endpoint " + url + " must be a scheme, a host and a port, without a path";
    return false;
  }
  endpoint.url = url;
  while (!endpoint.url.empty() && endpoint.url.back() == '/') endpoint.url.pop_back();
  endpoint.hostPort = rest;
  if (rest.front() == '[') {
    endpoint.host = rest.substr(0, rest.find(']') + 1);
  } else {
    endpoint.host = rest.substr(0, rest.find(':'));
  }
  endpoint.loopback =
      endpoint.host == "localhost" || endpoint.host.starts_with("127.") || endpoint.host == "[::1]";
  return true;
}

struct DynamoDbApiClient::Impl {
  struct Slot {
    CURL* easy = nullptr;
    curl_slist* headers = nullptr;
    std::string body;
    std::string response;
    std::int64_t started = 0;
    bool busy = false;
  };
  Endpoint endpoint;
  AwsCredentials credentials;
  long timeoutMillis = 30000;
  CURLM* multi = nullptr;
  std::vector<Slot> slots;

  void prepare(Slot& s, std::string_view operation, std::string body) {
    if (s.easy == nullptr) s.easy = curl_easy_init();
    curl_easy_reset(s.easy);
    if (s.headers) curl_slist_free_all(s.headers);
    s.headers = nullptr;
    s.body = std::move(body);
    s.response.clear();
    const std::string date = amzDateNow();
    SigV4Request request;
    request.headers = {{"content-type", "application/x-amz-json-1.0"},
                       {"host", endpoint.hostPort},
                       {"x-amz-date", date},
                       {"x-amz-target", "DynamoDB_20120810." + std::string(operation)}};
    if (!credentials.sessionToken.empty()) {
      request.headers.emplace_back("x-amz-security-token", credentials.sessionToken);
    }
    request.payload = s.body;
    const SigV4Signature signature = signSigV4(request, credentials, "dynamodb", date);
    for (const auto& [name, value] : request.headers) {
      s.headers = curl_slist_append(s.headers, (name + ": " + value).c_str());
    }
    s.headers = curl_slist_append(s.headers, ("Authorization: " + signature.authorization).c_str());
    s.headers = curl_slist_append(s.headers, "Expect:");
    curl_easy_setopt(s.easy, CURLOPT_URL, (endpoint.url + "/").c_str());
    curl_easy_setopt(s.easy, CURLOPT_POST, 1L);
    curl_easy_setopt(s.easy, CURLOPT_POSTFIELDS, s.body.data());
    curl_easy_setopt(s.easy, CURLOPT_POSTFIELDSIZE, static_cast<long>(s.body.size()));
    curl_easy_setopt(s.easy, CURLOPT_HTTPHEADER, s.headers);
    curl_easy_setopt(s.easy, CURLOPT_WRITEFUNCTION, appendBody);
    curl_easy_setopt(s.easy, CURLOPT_WRITEDATA, &s.response);
    curl_easy_setopt(s.easy, CURLOPT_TIMEOUT_MS, timeoutMillis);
    curl_easy_setopt(s.easy, CURLOPT_NOSIGNAL, 1L);
    // Traffic goes to the endpoint only: no redirects, no proxy from the environment.
    curl_easy_setopt(s.easy, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(s.easy, CURLOPT_PROXY, "");
    s.started = nowMicros();
  }

  DynamoDbApiResponse responseOf(Slot& s, CURLcode code) {
    DynamoDbApiResponse r;
    r.latencyMicros = nowMicros() - s.started;
    if (code != CURLE_OK) {
      r.transportError = std::string(curl_easy_strerror(code)) + " (" + endpoint.url + ")";
      return r;
    }
    curl_easy_getinfo(s.easy, CURLINFO_RESPONSE_CODE, &r.httpStatus);
    r.body = std::move(s.response);
    readError(r);
    return r;
  }
};

DynamoDbApiClient::DynamoDbApiClient(Endpoint endpoint, AwsCredentials credentials, int slots,
                                     long timeoutMillis)
    : impl_(std::make_unique<Impl>()) {
  initCurlOnce();
  impl_->endpoint = std::move(endpoint);
  impl_->credentials = std::move(credentials);
  impl_->timeoutMillis = timeoutMillis;
  impl_->multi = curl_multi_init();
  impl_->slots.resize(static_cast<std::size_t>(std::max(1, slots)));
}

DynamoDbApiClient::~DynamoDbApiClient() {
  for (Impl::Slot& s : impl_->slots) {
    if (s.busy) curl_multi_remove_handle(impl_->multi, s.easy);
    if (s.easy) curl_easy_cleanup(s.easy);
    if (s.headers) curl_slist_free_all(s.headers);
  }
  curl_multi_cleanup(impl_->multi);
}

const Endpoint& DynamoDbApiClient::endpoint() const { return impl_->endpoint; }
const AwsCredentials& DynamoDbApiClient::credentials() const { return impl_->credentials; }
int DynamoDbApiClient::slots() const { return static_cast<int>(impl_->slots.size()); }
bool DynamoDbApiClient::busy(int slot) const {
  return impl_->slots[static_cast<std::size_t>(slot)].busy;
}

DynamoDbApiResponse DynamoDbApiClient::call(std::string_view operation, const std::string& body) {
  Impl::Slot s;
  impl_->prepare(s, operation, body);
  const CURLcode code = curl_easy_perform(s.easy);
  DynamoDbApiResponse r = impl_->responseOf(s, code);
  curl_easy_cleanup(s.easy);
  curl_slist_free_all(s.headers);
  return r;
}

void DynamoDbApiClient::start(int slot, std::string_view operation, std::string body) {
  Impl::Slot& s = impl_->slots[static_cast<std::size_t>(slot)];
  impl_->prepare(s, operation, std::move(body));
  curl_easy_setopt(s.easy, CURLOPT_PRIVATE,
                   reinterpret_cast<void*>(static_cast<std::intptr_t>(slot)));
  s.busy = true;
  curl_multi_add_handle(impl_->multi, s.easy);
}

std::vector<std::pair<int, DynamoDbApiResponse>> DynamoDbApiClient::poll(
    std::int64_t timeoutMicros) {
  std::vector<std::pair<int, DynamoDbApiResponse>> done;
  int running = 0;
  curl_multi_perform(impl_->multi, &running);
  if (running > 0 && timeoutMicros > 0) {
    curl_multi_poll(impl_->multi, nullptr, 0, static_cast<int>((timeoutMicros + 999) / 1000),
                    nullptr);
    curl_multi_perform(impl_->multi, &running);
  }
  int left = 0;
  while (CURLMsg* message = curl_multi_info_read(impl_->multi, &left)) {
    if (message->msg != CURLMSG_DONE) continue;
    void* tag = nullptr;
    curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &tag);
    const int slot = static_cast<int>(reinterpret_cast<std::intptr_t>(tag));
    Impl::Slot& s = impl_->slots[static_cast<std::size_t>(slot)];
    const CURLcode code = message->data.result;
    curl_multi_remove_handle(impl_->multi, s.easy);
    s.busy = false;
    done.emplace_back(slot, impl_->responseOf(s, code));
  }
  return done;
}

}  // namespace kvlab::sim
