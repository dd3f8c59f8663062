#pragma once

#include <filesystem>
#include <string>

namespace kvlab::test {

// A real PostgreSQL 15 server on loopback for one test binary: a fresh cluster in a temporary
// folder (initdb, trust authentication, fsync off), started with pg_ctl on a free port and
// stopped (fast) when the object is destroyed. As root, initdb and pg_ctl run as the `postgres`
// user, since initdb refuses root.
class PostgresServer {
 public:
  PostgresServer();
  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  // Empty when the server runs; otherwise what went wrong (with the server's log).
  const std::string& error() const { return error_; }
  // A libpq connection string for the `postgres` database as the `postgres` user.
  std::string connectionString() const;

 private:
  std::string run(const std::string& command) const;

  std::filesystem::path dir_;
  int port_ = 0;
  bool started_ = false;
  std::string error_;
};

}  // namespace kvlab::test
