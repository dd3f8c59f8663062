// kvlab plan FILE --design NAME: how every access pattern runs on a design, and what it costs.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "app/cli/commands.h"
#include "app/cli/number_format.h"
#include "app/cli/project_loading.h"
#include "model/design/plan_json.h"
#include "model/design/planner.h"

namespace kvlab::cli {
namespace {

struct PlanOptions {
  std::string file;
  std::string design;
  std::string prices;
  double headroom = 0.2;
  bool json = false;
};

void printPlan(const model::DesignPlan& plan, std::ostream& out) {
  out << "Design " << plan.design << ": table " << plan.tableName << ", " << plan.gsiCount
      << " GSIs, " << plan.lsiCount << " LSIs; prices " << plan.priceSheet << "\n\n";
  // Ids are as long as their authors make them: the column is one wider than the longest.
  int idWidth = 7;
  for (const model::PatternPlan& p : plan.patterns) {
    idWidth = std::max(idWidth, static_cast<int>(p.patternId.size()) + 1);
  }
  out << std::left << std::setw(idWidth) << "ID" << std::setw(10) << "Index" << std::setw(20)
      << "Operation" << std::right << std::setw(12) << "Items" << std::setw(12) << "RU/req"
      << std::setw(9) << "WU/req" << std::setw(16) << "req/s mean/pk"
      << "  Key condition\n";
  int agreeing = 0;
  int stated = 0;
  int scans = 0;
  for (const model::PatternPlan& p : plan.patterns) {
    std::string rate =
        plainNumber(p.requestsPerSecondMean) + "/" + plainNumber(p.requestsPerSecondPeak);
    out << std::left << std::setw(idWidth) << p.patternId << std::setw(10) << p.index
        << std::setw(20)
        << (std::string(model::operationName(p.operation)) + (p.served ? "" : " (unserved)"))
        << std::right << std::setw(12) << plainNumber(p.itemsPerRequest) << std::setw(12)
        << plainNumber(p.readUnitsPerRequest) << std::setw(9) << plainNumber(p.writeUnitsPerRequest)
        << std::setw(16) << rate << "  " << p.keyCondition << (p.filter.empty() ? "" : "  [filter]")
        << "\n";
    if (!p.served) out << "       not served: " << p.reason << "\n";
    for (const model::PlanWarning& w : p.warnings) {
      out << "       ! " << w.code << ": " << w.message << "\n";
    }
    if (p.stated) {
      ++stated;
      if (p.agreesWithStated) ++agreeing;
    }
    if (p.scan) ++scans;
  }
  out << "\n"
      << std::left << std::setw(12) << "Capacity" << std::right << std::setw(20)
      << "read u/s mean/pk" << std::setw(20) << "write u/s mean/pk" << std::setw(12) << "stored GB"
      << std::setw(14) << "on-demand $" << std::setw(15) << "provisioned $" << std::setw(11)
      << "storage $"
      << "\n";
  for (const model::CapacityLoad& load : plan.capacity) {
    out << std::left << std::setw(12) << load.name << std::right << std::setw(20)
        << (fixedDecimals(load.readUnitsMean, 1) + "/" + fixedDecimals(load.readUnitsPeak, 1))
        << std::setw(20)
        << (fixedDecimals(load.writeUnitsMean, 1) + "/" + fixedDecimals(load.writeUnitsPeak, 1))
        << std::setw(12) << fixedDecimals(static_cast<double>(load.storedBytes) / 1e9, 3)
        << std::setw(14) << fixedDecimals(load.onDemandMonthly, 2) << std::setw(15)
        << fixedDecimals(load.provisionedMonthly, 2) << std::setw(11)
        << fixedDecimals(load.storageMonthly, 2) << "\n";
  }
  out << std::left << std::setw(12) << "total" << std::right << std::setw(20)
      << (fixedDecimals(plan.readUnitsPerSecond, 1) + "/" +
          fixedDecimals(plan.readUnitsPerSecondPeak, 1))
      << std::setw(20)
      << (fixedDecimals(plan.writeUnitsPerSecond, 1) + "/" +
          fixedDecimals(plan.writeUnitsPerSecondPeak, 1))
      << std::setw(12) << "" << std::setw(14) << fixedDecimals(plan.monthlyCost.onDemand, 2)
      << std::setw(15) << fixedDecimals(plan.monthlyCost.provisioned, 2) << std::setw(11)
      << fixedDecimals(plan.monthlyCost.storage, 2) << "\n";
  out << "\nMonthly cost in US dollars: on-demand at the mean rates, provisioned sized to the peak"
      << " with " << fixedDecimals(plan.provisionedHeadroom * 100, 0)
      << "% headroom, storage with 100 bytes per item.\n";
  for (const model::PlanWarning& w : plan.warnings)
    out << "! " << w.code << ": " << w.message << "\n";
  out << "Served " << plan.servedCount() << " of " << plan.patterns.size() << " patterns";
  if (scans > 0) out << "; " << scans << " by Scan";
  if (stated > 0) out << "; agrees with the stated plan on " << agreeing << " of " << stated;
  out << ".\n";
}

int runPlan(const PlanOptions& options) {
  auto loaded = loadValidProject(options.file);
  if (!loaded) return kExitInvalid;
  const model::Design* design = chooseDesign(*loaded, options.design, options.file);
  if (design == nullptr) return kExitUsage;
  auto prices = loadPrices(options.prices);
  if (!prices) return kExitInvalid;
  model::PlannerOptions plannerOptions;
  plannerOptions.provisionedHeadroom = options.headroom;
  const model::DesignPlan plan = model::planDesign(*loaded, *design, *prices, plannerOptions);
  if (options.json) {
    std::cout << model::designPlanJson(plan);
  } else {
    printPlan(plan, std::cout);
  }
  return kExitOk;
}

}  // namespace

void addPlanCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<PlanOptions>();
  CLI::App* command = app.add_subcommand(
      "plan",
      "Show how every access pattern runs on a design (index, operation, key condition, items, "
      "read and write units per request, warnings) and what the design costs a month");
  command->add_option("FILE", options->file, "The project")->required();
  command->add_option("--design", options->design,
                      "The design to plan (may be left out when the project has one)");
  command->add_flag("--json", options->json, "Print the plan as JSON");
  command->add_option("--prices", options->prices,
                      "A price sheet (default: data/prices/us-east-1-2024-11.json)");
  command
      ->add_option("--headroom", options->headroom,
                   "Provisioned capacity above the peak, as a fraction (default 0.2)")
      ->check(CLI::Range(0.0, 10.0));
  command->callback([options, &exitCode] { exitCode = runPlan(*options); });
}

}  // namespace kvlab::cli
