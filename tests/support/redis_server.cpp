#include "tests/support/redis_server.h"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "tests/support/free_port.h"

namespace kvlab::test {
namespace fs = std::filesystem;

RedisServer::RedisServer() {
  if (std::system("command -v redis-server > /dev/null 2>&1") != 0) {
    error_ = "redis-server is not installed: run scripts/setup.sh deps";
    return;
  }
  std::random_device device;
  dir_ = fs::temp_directory_path() / ("kvlab-redis-" + std::to_string(device()));
  fs::create_directories(dir_);
  port_ = freeLoopbackPort();
  const std::string port = std::to_string(port_);
  const std::string start = "redis-server --bind 127.0.0.1 --port " + port +
                            " --save '' --appendonly no --daemonize yes --pidfile " +
                            (dir_ / "redis.pid").string() + " --dir " + dir_.string() +
                            " --logfile " + (dir_ / "redis.log").string();
  if (std::system(start.c_str()) != 0) {
    error_ = "failed: " + start;
    return;
  }
  started_ = true;
  for (int i = 0; i < 100; ++i) {
    if (std::system(("redis-cli -p " + port + " ping > /dev/null 2>&1").c_str()) == 0) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::ifstream log(dir_ / "redis.log");
  std::stringstream text;
  text << log.rdbuf();
  error_ = "redis-server did not answer on port " + port + ":\n" + text.str();
}

RedisServer::~RedisServer() {
  if (started_) {
    std::system(
        ("redis-cli -p " + std::to_string(port_) + " shutdown nosave > /dev/null 2>&1").c_str());
  }
  std::error_code ignored;
  fs::remove_all(dir_, ignored);
}

std::string RedisServer::url() const { return "redis://127.0.0.1:" + std::to_string(port_) + "/0"; }

}  // namespace kvlab::test
