#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace kvlab::model {

// A simulation run kept with its project, to look at again and compare with later runs. The
// result is the document the simulator writes (`kvlab simulate --json`, format kvlab-run/1),
// kept as text: the model does not read it (report/run_result_reader.h does), so a result from
// a newer simulator survives a save unchanged. Kept only in the native file (`NAME.kvlab`); the
// kvlab/1 text form has no runs.
struct SavedRun {
  std::string name;    // as the user calls it; need not be unique
  std::string design;  // the design it ran, as it was named then
  std::string engine;
  std::uint64_t seed = 0;
  // Shared and immutable: a result can be megabytes, and the studio copies the project for
  // every undo step and every worker.
  std::shared_ptr<const std::string> result;

  const std::string& resultJson() const;
};

}  // namespace kvlab::model
