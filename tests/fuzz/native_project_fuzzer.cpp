// Fuzzes the native project reader: the input is written to a file and opened with
// readNativeProject, as a damaged or hostile NAME.kvlab would be. Nothing may crash, and every
// refusal comes with an error that names the file.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "model/io/native_project_store.h"
#include "tests/fuzz/fuzz_check.h"

using namespace kvlab::model;
namespace fs = std::filesystem;

namespace {

// One file per process, in memory when /dev/shm is there, so that parallel runs do not collide.
const fs::path& scratchFile() {
  static const fs::path path = [] {
    const fs::path dir =
        fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    return dir / ("kvlab-native-fuzz-" + std::to_string(::getpid()) + ".kvlab");
  }();
  return path;
}

void removeScratch() {
  std::error_code ignored;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
    fs::remove(scratchFile().string() + suffix, ignored);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  removeScratch();
  {
    std::ofstream out(scratchFile(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  const ProjectReadResult read = readNativeProject(scratchFile());
  if (!read.parsed) {
    kvlab::fuzz::check(read.diagnostics.hasErrors(), "a refused file without an error");
  }
  for (const Diagnostic& d : read.diagnostics.items()) {
    kvlab::fuzz::check(d.file == scratchFile().string(), "a finding that does not name the file",
                       formatDiagnostic(d));
  }
  removeScratch();
  return 0;
}
