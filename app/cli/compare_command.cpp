// kvlab compare FILE --design A --design B: two designs side by side.
#include <iomanip>
#include <iostream>
#include <sstream>

#include "app/cli/commands.h"
#include "app/cli/number_format.h"
#include "app/cli/project_loading.h"
#include "model/design/planner.h"

namespace kvlab::cli {
namespace {

struct CompareOptions {
  std::string file;
  std::vector<std::string> designs;
  std::string prices;
};

std::string how(const model::PatternPlan& p) {
  std::string out = p.index + " " + std::string(model::operationName(p.operation));
  if (!p.served) out += " (unserved)";
  return out;
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

  std::cout << std::left << std::setw(26) << "" << std::setw(28) << pa.design << pb.design << "\n";
  auto row = [](const std::string& label, const std::string& left, const std::string& right) {
    std::cout << std::left << std::setw(26) << label << std::setw(28) << left << right
              << (left == right ? "" : "   *") << "\n";
  };
  row("GSIs", std::to_string(pa.gsiCount), std::to_string(pb.gsiCount));
  row("LSIs", std::to_string(pa.lsiCount), std::to_string(pb.lsiCount));
  row("patterns served by key", std::to_string(pa.servedCount()), std::to_string(pb.servedCount()));
  row("read units/s (mean)", plainNumber(pa.readUnitsPerSecond),
      plainNumber(pb.readUnitsPerSecond));
  row("write units/s (mean)", plainNumber(pa.writeUnitsPerSecond),
      plainNumber(pb.writeUnitsPerSecond));
  row("on-demand a month", dollars(pa.monthlyCost.onDemand), dollars(pb.monthlyCost.onDemand));
  row("provisioned a month", dollars(pa.monthlyCost.provisioned),
      dollars(pb.monthlyCost.provisioned));
  row("storage a month", dollars(pa.monthlyCost.storage), dollars(pb.monthlyCost.storage));

  std::cout << "\nPatterns served differently:\n";
  int differences = 0;
  for (const model::PatternPlan& p : pa.patterns) {
    const model::PatternPlan* q = pb.find(p.patternId);
    if (q == nullptr) continue;
    const bool same = p.index == q->index && p.operation == q->operation &&
                      p.readUnitsPerRequest == q->readUnitsPerRequest &&
                      p.writeUnitsPerRequest == q->writeUnitsPerRequest;
    if (same) continue;
    ++differences;
    std::cout << "  " << std::left << std::setw(6) << p.patternId << std::setw(40)
              << (how(p) + ", " + plainNumber(p.readUnitsPerRequest + p.writeUnitsPerRequest) +
                  " u")
              << how(*q) << ", " << plainNumber(q->readUnitsPerRequest + q->writeUnitsPerRequest)
              << " u\n";
  }
  if (differences == 0) std::cout << "  none\n";
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
