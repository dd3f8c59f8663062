#include "tests/support/dynalite_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

namespace kvlab::test {
namespace fs = std::filesystem;
namespace {

int freePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  close(fd);
  return port;
}

// Whether something accepts connections on the port.
bool answers(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  close(fd);
  return ok;
}

}  // namespace

DynaliteServer::DynaliteServer() {
  const fs::path dir = fs::path(KVLAB_SOURCE_DIR) / "third_party" / "dynalite";
  const fs::path bin = dir / "node_modules" / "dynalite" / "cli.js";
  if (!fs::exists(bin)) {
    error_ = "dynalite is not installed (no " + bin.string() +
             "): run scripts/setup.sh deps (it runs npm install in third_party/dynalite)";
    return;
  }
  port_ = freePort();
  pid_ = fork();
  if (pid_ == 0) {
    const std::string port = std::to_string(port_);
    const std::string script = (dir / "node_modules" / ".bin" / "dynalite").string();
    execlp("node", "node", script.c_str(), "--host", "127.0.0.1", "--port", port.c_str(),
           static_cast<char*>(nullptr));
    _exit(127);
  }
  if (pid_ < 0) {
    error_ = "cannot fork to start dynalite";
    return;
  }
  for (int i = 0; i < 200; ++i) {
    if (answers(port_)) return;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      error_ = "dynalite exited at start (is node installed? run scripts/setup.sh deps)";
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  error_ = "dynalite did not answer on port " + std::to_string(port_) + " within 10 s";
}

DynaliteServer::~DynaliteServer() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  for (int i = 0; i < 100; ++i) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
}

std::string DynaliteServer::endpoint() const { return "http://127.0.0.1:" + std::to_string(port_); }

}  // namespace kvlab::test
