// kvlab compare FILE --design A --design B: two designs side by side.
#include <iomanip>
#include <iostream>
#include <optional>
#include <string>

#include "app/cli/commands.h"
#include "app/cli/number_format.h"
#include "app/cli/project_loading.h"
#include "model/design/design_comparison.h"
#include "model/design/planner.h"

namespace kvlab::cli {
namespace {

struct CompareOptions {
  std::string file;
  std::vector<std::string> designs;
  std::string prices;
};

// "GSI2 Query, 51.5 u": where and how the pattern runs, and its read and write units per
// request; "-" for a plan without the pattern.
std::string how(const std::optional<model::PatternPlan>& p) {
  if (!p) return "-";
  std::string out = p->index + " " + std::string(model::operationName(p->operation));
  if (!p->served) out += " (unserved)";
  return out + ", " + plainNumber(p->readUnitsPerRequest + p->writeUnitsPerRequest) + " u";
}

std::string valueText(model::ComparisonValueKind kind, double value) {
  return kind == model::ComparisonValueKind::Dollars ? dollars(value) : plainNumber(value);
}

int runCompare(const CompareOptions& options) {
  auto project = loadValidProject(options.file);
  if (!project) return kExitInvalid;
  if (options.designs.size() != 2) {
    std::cerr << "kvlab compare: name two designs, --design A --design B\n";
    return kExitUsage;
  }
  const model::Design* a = chooseDesign(*project, options.designs[0], options.file);
  const model::Design* b = chooseDesign(*project, options.designs[1], options.file);
  if (a == nullptr || b == nullptr) return kExitUsage;
  auto prices = loadPrices(options.prices);
  if (!prices) return kExitInvalid;
  const model::DesignPlan pa = model::planDesign(*project, *a, *prices);
  const model::DesignPlan pb = model::planDesign(*project, *b, *prices);

  const model::DesignComparison comparison = model::compareDesignPlans(pa, pb);

  std::cout << std::left << std::setw(26) << "" << std::setw(28) << comparison.designA
            << comparison.designB << "\n";
  for (const model::ComparisonSummaryRow& row : comparison.rows) {
    std::cout << std::left << std::setw(26) << model::comparisonMeasureLabel(row.measure)
              << std::setw(28) << valueText(row.kind, row.a) << valueText(row.kind, row.b)
              << (row.differs ? "   *" : "") << "\n";
  }

  std::cout << "\nPatterns served differently:\n";
  for (const model::PatternDifference& difference : comparison.patterns) {
    std::cout << "  " << std::left << std::setw(6) << difference.patternId << std::setw(40)
              << how(difference.a) << how(difference.b) << "\n";
  }
  if (comparison.patterns.empty()) std::cout << "  none\n";
  return kExitOk;
}

}  // namespace

void addCompareCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<CompareOptions>();
  CLI::App* command = app.add_subcommand(
      "compare",
      "Show two designs side by side: GSIs, units per second, monthly cost, and the patterns "
      "they serve differently");
  command->add_option("FILE", options->file, "The project")->required();
  command->add_option("--design", options->designs, "A design to compare (give two)")->required();
  command->add_option("--prices", options->prices, "A price sheet");
  command->callback([options, &exitCode] { exitCode = runCompare(*options); });
}

}  // namespace kvlab::cli
