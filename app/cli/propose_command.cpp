// kvlab propose FILE: ranked single-table designs for a project's access patterns, with reasons.
#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/project_loading.h"
#include "model/design/plan_json.h"
#include "model/io/project_file.h"
#include "model/io/project_json.h"
#include "model/modeler/modeler.h"

namespace kvlab::cli {
namespace {

struct ProposeOptions {
  std::string file;
  int top = 3;
  bool json = false;
  std::string output;
  std::string prices;
  bool compactKeys = false;
};

// One design in kvlab/1 form: the project's writer is the one place that knows the format.
nlohmann::ordered_json designJson(const model::Design& design) {
  model::Project holder;
  holder.name = "holder";
  holder.designs.push_back(design);
  return nlohmann::ordered_json::parse(model::writeProjectJson(holder))["designs"][0];
}

void printProposal(const model::Proposal& proposal, std::ostream& out) {
  const model::DesignPlan& plan = proposal.plan;
  out << proposal.design.name << ": " << plan.gsiCount << " GSIs, served " << plan.servedCount()
      << " of " << plan.patterns.size() << " patterns by key";
  if (proposal.scans > 0) out << " (" << proposal.scans << " left to a Scan)";
  out << std::fixed << std::setprecision(2) << "; $" << plan.monthlyCost.onDemand
      << " a month on demand, $" << plan.monthlyCost.provisioned << " provisioned, $"
      << plan.monthlyCost.storage << " storage\n";
  for (const std::string& reason : proposal.reasons) out << "  - " << reason << "\n";
  for (const model::PatternPlan& p : plan.patterns) {
    out << "    " << std::left << std::setw(7) << p.patternId << std::setw(8) << p.index
        << std::setw(20) << model::operationName(p.operation) << p.keyCondition << "\n";
  }
  out << "\n";
}

int runPropose(const ProposeOptions& options) {
  auto project = loadValidProject(options.file);
  if (!project) return kExitInvalid;
  auto prices = loadPrices(options.prices);
  if (!prices) return kExitInvalid;
  model::ModelerOptions modelerOptions;
  modelerOptions.proposals = options.top;
  modelerOptions.compactKeys = options.compactKeys;
  const model::ModelerResult result = model::proposeDesigns(*project, *prices, modelerOptions);
  if (!result.error.empty()) {
    std::cerr << "kvlab propose: " << result.error << "\n";
    return kExitInvalid;
  }
  if (options.json) {
    nlohmann::ordered_json out = {{"proposals", nlohmann::ordered_json::array()}};
    for (const model::Proposal& proposal : result.proposals) {
      out["proposals"].push_back(
          {{"name", proposal.design.name},
           {"design", designJson(proposal.design)},
           {"plan", nlohmann::ordered_json::parse(model::designPlanJson(proposal.plan))},
           {"reasons", proposal.reasons}});
    }
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << result.proposals.size() << " proposals for " << project->name << " ("
              << result.candidateKeys << " candidate keys, " << result.candidatePlans
              << " ways to serve the patterns considered)\n\n";
    for (const model::Proposal& proposal : result.proposals) printProposal(proposal, std::cout);
  }
  if (!options.output.empty()) {
    model::Project withProposals = *project;
    for (const model::Proposal& proposal : result.proposals) {
      std::erase_if(withProposals.designs,
                    [&](const model::Design& d) { return d.name == proposal.design.name; });
      withProposals.designs.push_back(proposal.design);
    }
    if (Status saved = model::saveProjectFile(withProposals, options.output); !saved.ok()) {
      std::cerr << "kvlab propose: " << saved.message() << "\n";
      return kExitInvalid;
    }
    std::cerr << "wrote " << options.output << " with " << result.proposals.size()
              << " proposals added as designs\n";
  }
  return kExitOk;
}

}  // namespace

void addProposeCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<ProposeOptions>();
  CLI::App* command = app.add_subcommand(
      "propose",
      "Propose ranked single-table designs (table keys, GSIs) for the project's access patterns, "
      "each with its plan, its monthly cost and a reason for every choice");
  command->add_option("FILE", options->file, "The project")->required();
  command->add_option("--top", options->top, "How many designs, at most (default 3)")
      ->check(CLI::Range(1, 20));
  command->add_flag("--json", options->json,
                    "Print {\"proposals\": [{\"name\", \"design\", \"plan\", \"reasons\"}]}");
  command->add_option("-o,--output", options->output,
                      "Write the project with the proposals added as designs proposal-1...");
  command->add_option("--prices", options->prices, "A price sheet (default: us-east-1, Nov 2024)");
  command->add_flag("--compact-keys", options->compactKeys,
                    "Key prefixes as initials (c#{customerId}) rather than names "
                    "(CUSTOMER#{customerId}): smaller items, less readable");
  command->callback([options, &exitCode] { exitCode = runPropose(*options); });
}

}  // namespace kvlab::cli
