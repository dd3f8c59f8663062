#pragma once

#include <sys/types.h>
#include <string>

namespace kvlab::test {

// A real DynamoDB-compatible server on loopback for one test binary: dynalite (the DynamoDB API
// on LevelDB, in Node.js), installed by scripts/setup.sh in third_party/dynalite, started as
// `node third_party/dynalite/node_modules/.bin/dynalite --host 127.0.0.1 --port PORT` on a free
// port (in memory), ready when it answers an HTTP request, stopped (SIGTERM, then SIGKILL) when
// the object is destroyed.
class DynaliteServer {
 public:
  DynaliteServer();
  ~DynaliteServer();
  DynaliteServer(const DynaliteServer&) = delete;
  DynaliteServer& operator=(const DynaliteServer&) = delete;

  // Empty when the server runs; otherwise what went wrong.
  const std::string& error() const { return error_; }
  // "http://127.0.0.1:PORT".
  std::string endpoint() const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string error_;
};

}  // namespace kvlab::test
