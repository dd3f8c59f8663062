#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace kvlab::test {

// The shared corpus of published designs (`../shared/corpus/designs/*.kvlab.json`), sorted by
// name; empty when the shared folder is not beside the checkout.
std::vector<std::filesystem::path> corpusDesignFiles();
// As corpusDesignFiles(), with one placeholder path when the corpus is missing, so that a
// parameterized test fails (the file does not load) rather than silently running nothing.
std::vector<std::filesystem::path> corpusDesignFilesForParameters();
// A test name from a corpus file: "aws-online-shop.kvlab.json" -> "aws_online_shop".
std::string corpusTestName(const ::testing::TestParamInfo<std::filesystem::path>& info);
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
