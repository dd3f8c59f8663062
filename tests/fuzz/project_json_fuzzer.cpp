// Fuzzes the kvlab/1 reader: readProjectJson on any text, validateProject on what it read, and
// the round trip: the text writeProjectJson gives must read back (with no error when the first
// read had none) and be written again as the very same text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/io/diagnostic.h"
#include "model/io/project_json.h"
#include "model/schema/project_validator.h"
#include "tests/fuzz/fuzz_check.h"

using namespace kvlab::model;

namespace {

const std::string kFile = "fuzz.kvlab.json";

// Every finding as the user reads it, one per line.
std::string formatted(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.items()) out += formatDiagnostic(d) + "\n";
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const ProjectReadResult first = readProjectJson(text, kFile);
  if (!first.parsed) {
    kvlab::fuzz::check(first.diagnostics.hasErrors(), "unparsed text without an error", text);
    (void)formatted(first.diagnostics);
    return 0;
  }
  Diagnostics firstChecks;
  validateProject(first.project, kFile, firstChecks);
  (void)formatted(first.diagnostics);

  const std::string written = writeProjectJson(first.project);
  const ProjectReadResult second = readProjectJson(written, kFile);
  kvlab::fuzz::check(second.parsed, "the written text does not read back", written);
  if (!first.diagnostics.hasErrors()) {
    kvlab::fuzz::check(!second.diagnostics.hasErrors(),
                       "a project read without error is written as text with errors",
                       formatted(second.diagnostics) + written);
    Diagnostics secondChecks;
    validateProject(second.project, kFile, secondChecks);
    kvlab::fuzz::check(formatted(firstChecks) == formatted(secondChecks),
                       "validation differs after a round trip",
                       formatted(firstChecks) + "----\n" + formatted(secondChecks));
  }
  const std::string rewritten = writeProjectJson(second.project);
  kvlab::fuzz::check(rewritten == written, "the round trip changes the text",
                     written + "----\n" + rewritten);
  return 0;
}
