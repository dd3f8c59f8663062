#include "tests/support/postgres_server.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "tests/support/free_port.h"

namespace kvlab::test {
namespace fs = std::filesystem;
namespace {

constexpr const char* kBin = "/usr/lib/postgresql/15/bin";

std::string readAll(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string PostgresServer::run(const std::string& command) const {
  // initdb refuses to run as root: the cluster belongs to the postgres user then.
  const std::string asUser = geteuid() == 0 ? "runuser -u postgres -- " : "";
  const std::string full = asUser + command + " > " + (dir_ / "command.log").string() + " 2>&1";
  if (std::system(full.c_str()) != 0) {
    return "failed: " + command + "\n" + readAll(dir_ / "command.log");
  }
  return {};
}

PostgresServer::PostgresServer() {
  if (!fs::exists(fs::path(kBin) / "initdb")) {
    error_ = std::string("PostgreSQL 15 is not installed (no ") + kBin +
             "/initdb): run scripts/setup.sh deps";
    return;
  }
  std::random_device device;
  dir_ = fs::temp_directory_path() / ("kvlab-postgres-" + std::to_string(device()));
  fs::create_directories(dir_);
  if (geteuid() == 0) {
    std::system(("chown postgres " + dir_.string()).c_str());
  }
  port_ = freeLoopbackPort();
  const fs::path data = dir_ / "data";
  if (std::string e = run(std::string(kBin) + "/initdb -A trust -U postgres -D " + data.string());
      !e.empty()) {
    error_ = e;
    return;
  }
  const std::string options = "-c listen_addresses=127.0.0.1 -p " + std::to_string(port_) + " -k " +
                              dir_.string() + " -c fsync=off";
  if (std::string e = run(std::string(kBin) + "/pg_ctl -w -t 60 -D " + data.string() + " -l " +
                          (dir_ / "server.log").string() + " -o \"" + options + "\" start");
      !e.empty()) {
    error_ = e + "\n" + readAll(dir_ / "server.log");
    return;
  }
  started_ = true;
}

PostgresServer::~PostgresServer() {
  if (started_) run(std::string(kBin) + "/pg_ctl -D " + (dir_ / "data").string() + " -m fast stop");
  std::error_code ignored;
  if (!dir_.empty()) fs::remove_all(dir_, ignored);
}

std::string PostgresServer::connectionString() const {
  return "host=127.0.0.1 port=" + std::to_string(port_) + " user=postgres dbname=postgres";
}

}  // namespace kvlab::test
