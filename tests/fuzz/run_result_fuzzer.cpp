// Fuzzes the run-result reader (report/run_result_reader.h): parseRunResults on any text, a
// kvlab-run/1 or kvlab-comparison/1 document. A refusal names the file and leaves the runs as
// they were; every run read is written by runResultJson and must read back to the same text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "report/run_result_reader.h"
#include "simulator/metrics/run_result_json.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

const std::string kFile = "fuzz-run.json";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<kvlab::sim::RunResult> runs(1);  // one run already there: a refusal keeps it
  const kvlab::Status status = kvlab::report::parseRunResults(text, kFile, runs);
  if (!status.ok()) {
    kvlab::fuzz::check(status.message().rfind(kFile + ":", 0) == 0,
                       "an error that does not name the file", status.message());
    kvlab::fuzz::check(runs.size() == 1, "a refused file changed the runs", status.message());
    return 0;
  }
  kvlab::fuzz::check(runs.size() >= 2, "a file read without error gave no run", text);
  for (std::size_t i = 1; i < runs.size(); ++i) {
    const std::string written = kvlab::sim::runResultJson(runs[i]);
    std::vector<kvlab::sim::RunResult> again;
    const kvlab::Status reread = kvlab::report::parseRunResults(written, kFile, again);
    kvlab::fuzz::check(reread.ok(), "a written run does not read back",
                       reread.message() + "\n" + written);
    kvlab::fuzz::check(again.size() == 1, "a written run reads back as several", written);
    const std::string rewritten = kvlab::sim::runResultJson(again.front());
    kvlab::fuzz::check(rewritten == written, "the round trip changes the run",
                       written + "----\n" + rewritten);
  }
  return 0;
}
