// Fuzzes the CloudFormation reader, JSON and YAML (chosen by content, as the reader does):
// readCloudFormationTemplate on any text. An import either fails with an error naming the file,
// or gives a project that validates without error; that project is written as a template, JSON
// and YAML (writeCloudFormationTemplate, every design), and each must import again. Deep nesting
// and YAML aliases that expand must end in an error, not a stack overflow or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/interop/cloudformation_reader.h"
#include "model/interop/cloudformation_writer.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/import_checks.h"

using namespace kvlab::model;
using namespace kvlab::model::interop;

namespace {

const std::string kFile = "fuzz-template.yaml";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const ImportResult first = readCloudFormationTemplate(text, kFile);
  if (!kvlab::fuzz::checkImport(first, kFile, text)) return 0;

  std::vector<const Design*> designs;
  for (const Design& design : first.project.designs) designs.push_back(&design);
  for (const bool yaml : {false, true}) {
    ExportOptions options;
    options.yaml = yaml;
    std::string exported;
    const kvlab::Status written =
        writeCloudFormationTemplate(first.project, designs, options, exported);
    kvlab::fuzz::check(written.ok(), "an imported template does not export",
                       written.message() + "\n" + std::string(text));
    const ImportResult second = readCloudFormationTemplate(exported, kFile);
    kvlab::fuzz::check(second.ok(), "an exported template does not import again",
                       second.status.message() + "\n" + exported);
    kvlab::fuzz::checkImport(second, kFile, exported);
    kvlab::fuzz::check(second.project.designs.size() == first.project.designs.size(),
                       "the round trip changes the number of tables", exported);
  }
  return 0;
}
