#include "tests/support/dynalite_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "tests/support/free_port.h"

namespace kvlab::test {
namespace fs = std::filesystem;
namespace {

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
  port_ = freeLoopbackPort();
  pid_ = fork();
  if (pid_ == 0) {
    // The server must not outlive the test, nor hold its output: a test that aborts (a sanitizer
    // finding) runs no destructor, and ctest waits for every holder of the test's pipe to close.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    const int devNull = open("/dev/null", O_RDWR);
    if (devNull >= 0) {
      dup2(devNull, STDIN_FILENO);
      dup2(devNull, STDOUT_FILENO);
      dup2(devNull, STDERR_FILENO);
    }
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
