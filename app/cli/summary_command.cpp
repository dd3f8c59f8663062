// kvlab summary FILE: what a project holds, at a glance.
#include <iomanip>
#include <iostream>
#include <sstream>

#include "app/cli/commands.h"
#include "model/io/project_file.h"

namespace kvlab::cli {
namespace {

std::string joined(const std::vector<std::string>& names, const char* separator = ", ") {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? separator : "") + names[i];
  return out;
}

std::string number(double value) {
  std::ostringstream out;
  if (value == static_cast<double>(static_cast<long long>(value))) {
    out << static_cast<long long>(value);
  } else {
    out << std::setprecision(4) << value;
  }
  return out.str();
}

std::string describeDistribution(const model::KeyDistribution& d) {
  std::string out(model::keyDistributionKindName(d.kind));
  if (d.theta) out += " theta " + number(*d.theta);
  if (d.hotFraction) out += " hot " + number(*d.hotFraction);
  return out;
}

std::string describePattern(const model::AccessPattern& p) {
  std::string out = std::string(model::actionName(p.action)) + " " + joined(p.entities, "+");
  if (!p.equals.empty()) out += " by " + joined(p.equals);
  if (p.range) {
    out += ", " + p.range->attribute + " " + std::string(model::rangeOpName(p.range->op));
  }
  if (p.sortBy) out += ", sorted by " + *p.sortBy;
  if (p.order) out += std::string(" ") + std::string(model::sortOrderName(*p.order));
  if (p.filter && !p.filter->empty()) out += ", filter " + joined(*p.filter);
  if (p.limit) out += ", limit " + std::to_string(*p.limit);
  if (p.itemsPerRequest) out += ", " + std::to_string(*p.itemsPerRequest) + " items";
  return out;
}

std::string describeIndexKeys(const std::optional<std::string>& pk,
                              const std::optional<std::string>& sk) {
  return "(" + pk.value_or("?") + (sk ? ", " + *sk : std::string()) + ")";
}

void printSummary(const model::Project& project, std::ostream& out) {
  out << project.name << " (" << project.format << ")\n";
  if (project.source) out << "  source: " << *project.source << "\n";

  out << "\nEntities (" << project.entities.size() << ")\n";
  for (const model::Entity& e : project.entities) {
    out << "  " << std::left << std::setw(22) << e.name << " id " << std::setw(26)
        << (e.identifier.empty() ? "-" : joined(e.identifier)) << " " << e.attributes.size()
        << " attributes";
    if (e.count) out << ", " << *e.count << " items";
    if (!e.isStored()) out << ", embedded (not stored)";
    out << "\n";
  }

  out << "\nRelationships (" << project.relationships.size() << ")\n";
  for (const model::Relationship& r : project.relationships) {
    out << "  " << r.from << " -> " << r.to << "  " << model::relationshipKindName(r.kind);
    if (r.name) out << " (" << *r.name << ")";
    if (r.fanout) {
      out << ", fan-out mean " << number(r.fanout->mean);
      if (r.fanout->max) out << ", max " << *r.fanout->max;
    }
    out << "\n";
  }

  out << "\nAccess patterns (" << project.accessPatterns.size() << ")\n";
  for (const model::AccessPattern& p : project.accessPatterns) {
    out << "  " << std::left << std::setw(6) << p.id << std::setw(46) << p.name << " "
        << describePattern(p);
    if (p.rate) {
      out << "; " << number(p.rate->mean) << "/s";
      if (p.rate->peak) out << " (peak " << number(*p.rate->peak) << "/s)";
    }
    if (p.consistency) out << "; " << model::consistencyName(*p.consistency);
    if (p.keyDistribution) out << "; " << describeDistribution(*p.keyDistribution);
    out << "\n";
  }

  out << "\nDesigns (" << project.designs.size() << ")\n";
  for (const model::Design& d : project.designs) {
    out << "  " << d.name << ": table " << d.table.name << " "
        << describeIndexKeys(d.table.pk, d.table.sk) << ", " << d.entityKeys.size()
        << " entities keyed, " << d.gsis.size() << " GSIs, " << d.lsis.size() << " LSIs";
    if (d.plan) out << ", stated plan for " << d.plan->size() << " patterns";
    out << "\n";
    for (const model::EntityKeys& keys : d.entityKeys) {
      out << "    " << std::setw(20) << keys.entity;
      for (const auto& [attribute, text] : keys.templates) out << " " << attribute << "=" << text;
      out << "\n";
    }
    for (const auto* list : {&d.gsis, &d.lsis}) {
      for (const model::SecondaryIndex& index : *list) {
        const bool local = list == &d.lsis;
        out << "    " << (local ? "LSI " : "GSI ") << index.name << " "
            << describeIndexKeys(local ? std::optional(d.table.pk) : index.pk, index.sk) << " "
            << model::projectionName(index.projection.value_or(model::Projection::All)) << ": ";
        std::vector<std::string> entities;
        for (const model::EntityKeys& keys : index.entityKeys) entities.push_back(keys.entity);
        out << (entities.empty() ? "no entities" : joined(entities)) << "\n";
      }
    }
  }
}

int runSummary(const std::string& file) {
  model::ProjectLoadResult result = model::loadProjectFile(file);
  for (const model::Diagnostic& d : result.diagnostics.items()) {
    if (d.severity == model::Severity::Error) std::cerr << model::formatDiagnostic(d) << "\n";
  }
  if (!result.ok()) {
    std::cerr << file << ": invalid; run 'kvlab validate " << file << "' for every finding\n";
    return kExitInvalid;
  }
  printSummary(*result.project, std::cout);
  return kExitOk;
}

}  // namespace

void addSummaryCommand(CLI::App& app, int& exitCode) {
  auto file = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "summary",
      "Summarize a project: entities, relationships, access patterns with their rates, "
      "and designs with their keys and indexes");
  command->add_option("FILE", *file, "The project to summarize")->required();
  command->callback([file, &exitCode] { exitCode = runSummary(*file); });
}

}  // namespace kvlab::cli
