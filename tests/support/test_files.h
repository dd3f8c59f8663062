#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kvlab::test {

// The shared corpus of published designs (`../shared/corpus/designs/*.kvlab.json`), sorted by
// name; empty when the shared folder is not beside the checkout.
std::vector<std::filesystem::path> corpusDesignFiles();
std::filesystem::path sharedDir();
std::filesystem::path sourceDir();
std::vector<std::filesystem::path> sampleFiles();

// A fresh empty directory under the system temp dir, removed when the object is destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

std::string readFile(const std::filesystem::path& path);
void writeFile(const std::filesystem::path& path, const std::string& content);

}  // namespace kvlab::test
