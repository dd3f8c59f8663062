#include "tests/support/test_files.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace kvlab::test {
namespace fs = std::filesystem;

fs::path sharedDir() { return fs::path(KVLAB_SHARED_DIR); }
fs::path sourceDir() { return fs::path(KVLAB_SOURCE_DIR); }

static std::vector<fs::path> filesEndingWith(const fs::path& dir, const std::string& suffix) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.size() >= suffix.size() && name.ends_with(suffix)) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<fs::path> corpusDesignFiles() {
  return filesEndingWith(sharedDir() / "corpus" / "designs", ".kvlab.json");
}

std::vector<fs::path> corpusDesignFilesForParameters() {
  auto files = corpusDesignFiles();
  if (files.empty()) files.push_back("missing-shared-corpus");
  return files;
}

std::string corpusTestName(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name = info.param.stem().stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

std::vector<fs::path> sampleFiles() {
  return filesEndingWith(sourceDir() / "samples", ".kvlab.json");
}

TempDir::TempDir() {
  std::random_device device;
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path candidate = fs::temp_directory_path() / ("kvlab-test-" + std::to_string(device()));
    if (fs::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void writeFile(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

}  // namespace kvlab::test
