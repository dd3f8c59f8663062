// Fuzzes the planner: every design of a project that reads and validates without error is
// planned against the default price sheet, and the plan is written as JSON. Nothing may crash,
// hang or allocate without bound, and a plan's monthly cost is a finite, non-negative number.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "model/capacity/price_sheet.h"
#include "model/design/item_estimate.h"
#include "model/design/plan_json.h"
#include "model/design/planner.h"
#include "model/io/project_json.h"
#include "model/schema/project_validator.h"
#include "tests/fuzz/fuzz_check.h"

using namespace kvlab::model;

namespace {

const capacity::PriceSheet& prices() {
  static const capacity::PriceSheet sheet = [] {
    const auto path = capacity::defaultPriceSheetPath();
    auto load = capacity::PriceSheet::load(path);
    if (!load.ok()) {
      for (const auto& error : load.errors) std::fprintf(stderr, "%s\n", error.message().c_str());
      std::fprintf(stderr, "planner_fuzzer: cannot load the price sheet %s\n", path.c_str());
      std::abort();
    }
    return *load.sheet;
  }();
  return sheet;
}

bool finiteAndNonNegative(double value) { return std::isfinite(value) && value >= 0; }

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)prices();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const ProjectReadResult read = readProjectJson(text, "fuzz.kvlab.json");
  if (!read.parsed || read.diagnostics.hasErrors()) return 0;
  Diagnostics checks;
  validateProject(read.project, "fuzz.kvlab.json", checks);
  if (checks.hasErrors()) return 0;
  for (const Design& design : read.project.designs) {
    const DesignPlan plan = planDesign(read.project, design, prices());
    const std::string json = designPlanJson(plan);
    kvlab::fuzz::check(finiteAndNonNegative(plan.monthlyCost.onDemand) &&
                           finiteAndNonNegative(plan.monthlyCost.provisioned) &&
                           finiteAndNonNegative(plan.monthlyCost.storage),
                       "a monthly cost that is negative or not finite", json);
  }
  return 0;
}
