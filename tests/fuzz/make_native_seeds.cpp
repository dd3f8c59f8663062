// Writes the seed corpus of native_project_fuzzer: each kvlab/1 file given is saved as a native
// project (NAME.kvlab, a SQLite database) in OUT_DIR, so that the fuzzer starts from real files.
//
//   make_native_seeds OUT_DIR FILE.kvlab.json...
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "model/io/native_project_store.h"
#include "model/io/project_json.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: make_native_seeds OUT_DIR FILE.kvlab.json...\n");
    return 2;
  }
  const fs::path outDir = argv[1];
  fs::create_directories(outDir);
  int written = 0;
  for (int i = 2; i < argc; ++i) {
    const fs::path in = argv[i];
    std::ifstream file(in, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    const auto read = kvlab::model::readProjectJson(text.str(), in.string());
    if (!read.parsed) {
      std::fprintf(stderr, "make_native_seeds: %s is not JSON; skipped\n", in.c_str());
      continue;
    }
    std::string name = in.filename().string();
    if (name.ends_with(".json")) name.resize(name.size() - 5);
    if (!name.ends_with(".kvlab")) name += ".kvlab";
    const auto status = kvlab::model::writeNativeProject(read.project, outDir / name);
    if (!status.ok()) {
      std::fprintf(stderr, "make_native_seeds: %s\n", status.message().c_str());
      return 1;
    }
    ++written;
  }
  std::printf("make_native_seeds: %d native projects in %s\n", written, outDir.c_str());
  return 0;
}
