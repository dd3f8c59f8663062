// Fuzzes the NoSQL Workbench reader: readNoSqlWorkbenchModel on any text. An import either fails
// with an error naming the file, or gives a project that validates without error; that project is
// written as a Workbench model (writeNoSqlWorkbenchModel, every design) and must import again.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/interop/nosql_workbench_reader.h"
#include "model/interop/nosql_workbench_writer.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/import_checks.h"

using namespace kvlab::model;
using namespace kvlab::model::interop;

namespace {

const std::string kFile = "fuzz-model.json";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const ImportResult first = readNoSqlWorkbenchModel(text, kFile);
  if (!kvlab::fuzz::checkImport(first, kFile, text)) return 0;

  std::vector<const Design*> designs;
  for (const Design& design : first.project.designs) designs.push_back(&design);
  ExportOptions options;
  options.timestamp = "Jan 1, 2025, 9:00 AM";  // not the clock: the same input, the same output
  std::string exported;
  const kvlab::Status written = writeNoSqlWorkbenchModel(first.project, designs, options, exported);
  kvlab::fuzz::check(written.ok(), "an imported model does not export",
                     written.message() + "\n" + std::string(text));
  const ImportResult second = readNoSqlWorkbenchModel(exported, kFile);
  kvlab::fuzz::check(second.ok(), "an exported model does not import again",
                     second.status.message() + "\n" + exported);
  kvlab::fuzz::checkImport(second, kFile, exported);
  kvlab::fuzz::check(second.project.designs.size() == first.project.designs.size(),
                     "the round trip changes the number of tables", exported);
  return 0;
}
