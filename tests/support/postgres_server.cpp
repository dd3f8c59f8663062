#include "tests/support/postgres_server.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace kvlab::test {
namespace fs = std::filesystem;
namespace {

constexpr const char* kBin = "/usr/lib/postgresql/15/bin";

// A port nothing listens on now: the kernel's choice for a socket bound to port 0.
int freePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  close(fd);
  return port;
}

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
  port_ = freePort();
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
