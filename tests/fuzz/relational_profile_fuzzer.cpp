// Fuzzes the reader of data/engines/postgresql.json (kvlab-engine/1): RelationalProfile::parse on
// any text. A profile comes with figures that are finite and not negative, at least one
// connection and one core per instance, and a default instance that is listed; a refusal names
// the file and leaves the profile it was given as it was.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "simulator/engines/relational/relational_profile.h"
#include "tests/fuzz/fuzz_check.h"

using namespace kvlab::sim;

namespace {

const std::string kFile = "fuzz-postgresql.json";

void checkAmount(double value, const char* what) {
  kvlab::fuzz::check(std::isfinite(value) && value >= 0, what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  RelationalProfile profile;
  profile.effective = "untouched";
  const kvlab::Status status = RelationalProfile::parse(text, kFile, profile);
  if (!status.ok()) {
    kvlab::fuzz::check(status.message().rfind(kFile + ": ", 0) == 0,
                       "an error that does not name the file", status.message());
    kvlab::fuzz::check(profile.effective == "untouched" && profile.instances.empty(),
                       "a refused profile changed its output", status.message());
    return 0;
  }
  kvlab::fuzz::check(profile.file == kFile, "the profile does not name its file", text);
  kvlab::fuzz::check(profile.findInstance(profile.defaultInstance) != nullptr,
                     "the default instance is not listed", text);
  kvlab::fuzz::check(profile.poolConnections >= 1, "a pool without a connection", text);
  for (const double value :
       {profile.statementMicros, profile.writeStatementMicros, profile.perVmStepMicros,
        profile.commitFlushMillis, profile.networkRoundTripMillis, profile.connectionTimeoutMillis,
        profile.storageGbMonth, profile.minimumStorageGb, profile.rowOverheadBytes,
        profile.indexEntryOverheadBytes}) {
    checkAmount(value, "a figure that is negative or not finite");
  }
  for (const DatabaseInstance& instance : profile.instances) {
    kvlab::fuzz::check(instance.vcpus >= 1, "an instance without a core", text);
    checkAmount(instance.memoryGiB, "an instance's memory is negative or not finite");
    checkAmount(instance.hourly, "an instance's price is negative or not finite");
  }
  return 0;
}
