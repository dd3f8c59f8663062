#pragma once

#include <filesystem>
#include <string>

namespace kvlab::test {

// A real Redis server on loopback for one test binary: redis-server on a free port, no
// persistence, in a temporary folder; shut down (nosave) when the object is destroyed.
class RedisServer {
 public:
  RedisServer();
  ~RedisServer();
  RedisServer(const RedisServer&) = delete;
  RedisServer& operator=(const RedisServer&) = delete;

  // Empty when the server runs; otherwise what went wrong.
  const std::string& error() const { return error_; }
  // redis://127.0.0.1:PORT/0
  std::string url() const;
  int port() const { return port_; }

 private:
  std::filesystem::path dir_;
  int port_ = 0;
  bool started_ = false;
  std::string error_;
};

}  // namespace kvlab::test
