#pragma once

#include <string>
#include <vector>

#include "model/capacity/price_sheet.h"
#include "model/design/plan.h"
#include "model/schema/project.h"

namespace kvlab::model {

struct ModelerOptions {
  int proposals = 3;  // how many distinct designs to return, at most
  // Requests per second assumed for a pattern that states no rate: small, so that without rates
  // the storage decides (as the planner prices it) and requests only break ties.
  double defaultRate = 0.01;
  double timeLimitSeconds = 30;  // for the integer program, per solve
  // Key prefixes: readable (CUSTOMER#{customerId}) by default, or compact initials (c#{customerId})
  // as some published designs write them, which makes every item a little smaller.
  bool compactKeys = false;
};

// One proposed design with its plan and the reasons for each choice.
struct Proposal {
  Design design;
  DesignPlan plan;
  std::vector<std::string> reasons;  // one line per entity, per GSI, per pattern left to a Scan
  double monthlyCost = 0;            // on-demand + storage, US dollars, from the plan
  int scans = 0;                     // patterns served only by a Scan
};

struct ModelerResult {
  std::vector<Proposal> proposals;  // best first
  std::string error;                // set when the modeler could not run (the solver failed)
  int candidateKeys = 0;            // table key and GSI entry candidates considered
  int candidatePlans = 0;           // ways to serve a pattern considered
};

// Proposes single-table designs for `project`: enumerates, from the access patterns and the
// entity graph, the keys that could serve each pattern (a partition key from its equality
// attributes, a child in its parent's item collection, a sort key from its range or order, type
// prefixes, GSIs overloaded across entities, adjacency lists with an inverted index on the
// table's SK and PK, sparse GSIs on attributes few items carry), prices each way of serving each
// pattern with the planner, and chooses with an integer program (GLPK) the table keys and GSIs
// that serve every pattern without a Scan where any design can, at the least rate-weighted
// monthly cost (read and write units with GSI write amplification, updates that may change a key
// priced as the planner prices them, plus storage), then fewer GSIs, then shorter keys.
// Later proposals must differ in their keys or indexes. The result does not depend on the order of
// the project's lists. Requires a project that validates. Thread-safe (no shared state).
ModelerResult proposeDesigns(const Project& project, const capacity::PriceSheet& prices,
                             const ModelerOptions& options = {});

}  // namespace kvlab::model
