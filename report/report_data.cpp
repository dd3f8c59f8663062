#include "report/report_data.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <optional>
#include <tuple>

#include "model/design/item_estimate.h"
#include "model/schema/key_template.h"
#include "report/cell_text.h"

namespace kvlab::report {
namespace {

Cell text(std::string value) { return Cell(std::move(value)); }
Cell text(std::string_view value) { return Cell(std::string(value)); }
Cell text(const char* value) { return Cell(std::string(value)); }

Table makeTable(std::string id, std::string title, std::vector<std::string> columns) {
  Table t;
  t.id = std::move(id);
  t.title = std::move(title);
  t.columns = std::move(columns);
  return t;
}
Cell number(double value, int decimals = 0) { return Cell(Number{value, decimals}); }
Cell optionalNumber(const std::optional<std::int64_t>& value) {
  if (!value) return Cell();
  return number(static_cast<double>(*value));
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator = ", ") {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : separator) + part;
  return out;
}

std::string plainDecimal(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

// ---- The model ---------------------------------------------------------------------------

std::string rangeText(const model::AccessPattern& p) {
  if (!p.range) return "";
  return p.range->attribute + " " + std::string(model::rangeOpName(p.range->op));
}

std::string distributionText(const model::AccessPattern& p) {
  if (!p.keyDistribution) return "";
  const model::KeyDistribution& d = *p.keyDistribution;
  std::string out(model::keyDistributionKindName(d.kind));
  if (d.theta) out += " theta " + plainDecimal(*d.theta);
  if (d.hotFraction) out += " hot " + plainDecimal(*d.hotFraction);
  if (d.hotOpFraction) out += " of " + plainDecimal(*d.hotOpFraction);
  return out;
}

Section modelSection(const model::Project& project) {
  Section s;
  s.id = "model";
  s.title = "Model";
  if (project.description) s.paragraphs.push_back(*project.description);
  if (project.source) s.paragraphs.push_back("Source: " + *project.source);

  Table entities =
      makeTable("entities", "Entities", {"Entity", "Identifier", "Items", "Stored", "Attributes"});
  Table attributes =
      makeTable("attributes", "Attributes",
                {"Entity", "Attribute", "Type", "Bytes", "Format", "Distinct values"});
  for (const model::Entity& e : project.entities) {
    entities.rows.push_back({text(e.name), text(joined(e.identifier)),
                             number(model::entityCount(e)), text(e.isStored() ? "yes" : "no"),
                             number(static_cast<double>(e.attributes.size()))});
    for (const model::Attribute& a : e.attributes) {
      attributes.rows.push_back({text(e.name), text(a.name), text(model::attributeTypeName(a.type)),
                                 number(static_cast<double>(model::valueBytes(a))),
                                 text(a.format.value_or("")), optionalNumber(a.distinct)});
    }
  }
  entities.note = "Items: the stated count, or " + groupedNumber(model::kDefaultEntityCount, 0) +
                  " when none is stated. Bytes: the stated average size or the default.";
  s.tables.push_back(std::move(entities));
  s.tables.push_back(std::move(attributes));

  Table relationships = makeTable("relationships", "Relationships",
                                  {"Name", "From", "To", "Kind", "Fan-out mean", "Fan-out max"});
  for (const model::Relationship& r : project.relationships) {
    relationships.rows.push_back({text(r.name.value_or("")), text(r.from), text(r.to),
                                  text(model::relationshipKindName(r.kind)),
                                  r.fanout ? number(r.fanout->mean, 2) : Cell(),
                                  r.fanout ? optionalNumber(r.fanout->max) : Cell()});
  }
  s.tables.push_back(std::move(relationships));

  Table patterns =
      makeTable("access-patterns", "Access patterns",
                {"ID", "Name", "Action", "Entities", "Key attributes", "Range", "Order", "Limit",
                 "Consistency", "Rate mean (req/s)", "Rate peak (req/s)", "Key distribution"});
  for (const model::AccessPattern& p : project.accessPatterns) {
    std::string order;
    if (p.order) order = std::string(model::sortOrderName(*p.order));
    if (p.sortBy) order = "by " + *p.sortBy + (order.empty() ? "" : " " + order);
    patterns.rows.push_back(
        {text(p.id), text(p.name), text(model::actionName(p.action)), text(joined(p.entities)),
         text(joined(p.equals)), text(rangeText(p)), text(order), optionalNumber(p.limit),
         text(model::consistencyName(p.consistencyOrDefault())),
         p.rate ? number(p.rate->mean, 2) : Cell(),
         p.rate ? number(p.rate->peakOrMean(), 2) : Cell(), text(distributionText(p))});
  }
  s.tables.push_back(std::move(patterns));
  return s;
}

// ---- The design --------------------------------------------------------------------------

std::string entityNames(const std::vector<model::EntityKeys>& keys) {
  std::vector<std::string> names;
  for (const model::EntityKeys& k : keys) names.push_back(k.entity);
  return joined(names);
}

// The key attributes of the table and its indexes, each once, in table, GSI, LSI order.
std::vector<std::string> keyColumns(const model::Design& design) {
  std::vector<std::string> out;
  auto add = [&out](const std::optional<std::string>& name) {
    if (name && std::find(out.begin(), out.end(), *name) == out.end()) out.push_back(*name);
  };
  add(design.table.pk);
  add(design.table.sk);
  for (const model::SecondaryIndex& g : design.gsis) {
    add(g.pk);
    add(g.sk);
  }
  for (const model::SecondaryIndex& l : design.lsis) add(l.sk);
  return out;
}

// The attribute whose example values stand for `name` everywhere: the declaration in the entity
// that has it as (part of) its identifier, else the first declaration. So a child's copy of its
// parent's id (declared without the parent's format) shows the parent's value.
using CanonicalAttributes = std::map<std::string, const model::Attribute*>;

CanonicalAttributes canonicalAttributes(const model::Project& project) {
  CanonicalAttributes out;
  for (const model::Entity& e : project.entities) {
    for (const std::string& id : e.identifier) {
      if (e.identifier.size() != 1) continue;
      if (const model::Attribute* a = e.findAttribute(id)) out.emplace(id, a);
    }
  }
  for (const model::Entity& e : project.entities) {
    for (const model::Attribute& a : e.attributes) out.emplace(a.name, &a);
  }
  return out;
}

std::string example(const CanonicalAttributes& canonical, const model::Attribute& attribute,
                    int item) {
  auto it = canonical.find(attribute.name);
  const model::Attribute& chosen =
      it != canonical.end() && it->second->type == attribute.type ? *it->second : attribute;
  return exampleValue(chosen, item);
}

std::string renderTemplate(const CanonicalAttributes& canonical, const model::Entity& entity,
                           const std::string& templateText, int item) {
  auto parsed = model::KeyTemplate::parse(templateText);
  if (!parsed) return templateText;
  return parsed->render([&](std::string_view name) {
    const model::Attribute* a = entity.findAttribute(name);
    if (a == nullptr) return "{" + std::string(name) + "}";
    return example(canonical, *a, item);
  });
}

Table aggregateView(const model::Project& project, const model::Design& design) {
  const std::vector<std::string> keys = keyColumns(design);
  const CanonicalAttributes canonical = canonicalAttributes(project);
  Table t;
  t.id = "aggregate-view";
  t.title = "Aggregate view: example items in table " + design.table.name;
  t.columns = {"Entity", "Example"};
  t.columns.insert(t.columns.end(), keys.begin(), keys.end());
  t.columns.push_back("Other attributes");

  struct Row {
    std::string pk;
    std::string sk;
    std::vector<Cell> cells;
  };
  std::vector<Row> rows;
  for (const model::EntityKeys& ek : design.entityKeys) {
    const model::Entity* entity = project.findEntity(ek.entity);
    if (entity == nullptr || !entity->isStored()) continue;
    for (int item = 1; item <= 2; ++item) {
      Row row;
      row.cells = {text(entity->name), number(item)};
      std::vector<std::string> values(keys.size());
      auto fill = [&](const model::EntityKeys* source) {
        if (source == nullptr) return;
        for (const auto& [attribute, templateText] : source->templates) {
          auto at = std::find(keys.begin(), keys.end(), attribute);
          if (at == keys.end()) continue;
          values[static_cast<std::size_t>(at - keys.begin())] =
              renderTemplate(canonical, *entity, templateText, item);
        }
      };
      fill(&ek);
      for (const model::SecondaryIndex& g : design.gsis) fill(g.findEntity(ek.entity));
      for (const model::SecondaryIndex& l : design.lsis) fill(l.findEntity(ek.entity));
      for (const std::string& v : values) row.cells.push_back(v.empty() ? Cell() : text(v));
      std::vector<std::string> others;
      for (const model::Attribute& a : entity->attributes) {
        if (std::find(keys.begin(), keys.end(), a.name) != keys.end()) continue;
        others.push_back(a.name + "=" + example(canonical, a, item));
      }
      row.cells.push_back(text(joined(others)));
      row.pk = values.empty() ? "" : values[0];
      row.sk = values.size() > 1 && design.table.sk ? values[1] : "";
      rows.push_back(std::move(row));
    }
  }
  // Sorted by the table's keys, so that an item collection (one partition key) reads together.
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.pk, a.sk) < std::tie(b.pk, b.sk);
  });
  for (Row& r : rows) t.rows.push_back(std::move(r.cells));
  t.note =
      "Two example items per entity, keys filled from the templates with made-up values, sorted "
      "by the table's keys: rows with the same " +
      design.table.pk + " form one item collection.";
  return t;
}

Section designSection(const model::Project& project, const model::Design& design,
                      const model::DesignPlan& plan) {
  Section s;
  s.id = "design";
  s.title = "Design " + design.name;
  s.paragraphs.push_back("Table " + design.table.name + ": partition key " + design.table.pk +
                         (design.table.sk ? ", sort key " + *design.table.sk : ", no sort key") +
                         "; " + std::to_string(design.gsis.size()) + " GSIs, " +
                         std::to_string(design.lsis.size()) + " LSIs.");

  Table indexes =
      makeTable("indexes", "Table and indexes",
                {"Kind", "Name", "Partition key", "Sort key", "Projection", "Entities"});
  indexes.rows.push_back({text("table"), text(design.table.name), text(design.table.pk),
                          text(design.table.sk.value_or("")), text("ALL"),
                          text(entityNames(design.entityKeys))});
  auto addIndex = [&](const model::SecondaryIndex& i, const char* kind) {
    std::string projection(model::projectionName(i.projection.value_or(model::Projection::All)));
    if (i.include && !i.include->empty()) projection += " (" + joined(*i.include) + ")";
    indexes.rows.push_back({text(kind), text(i.name), text(i.pk.value_or(design.table.pk)),
                            text(i.sk.value_or("")), text(projection),
                            text(entityNames(i.entityKeys))});
  };
  for (const model::SecondaryIndex& g : design.gsis) addIndex(g, "GSI");
  for (const model::SecondaryIndex& l : design.lsis) addIndex(l, "LSI");
  s.tables.push_back(std::move(indexes));

  Table templates = makeTable("key-templates", "Key templates per entity",
                              {"Entity", "Index", "Key attribute", "Template"});
  auto addTemplates = [&](const std::vector<model::EntityKeys>& keys, const std::string& index) {
    for (const model::EntityKeys& k : keys) {
      for (const auto& [attribute, templateText] : k.templates) {
        templates.rows.push_back(
            {text(k.entity), text(index), text(attribute), text(templateText)});
      }
    }
  };
  addTemplates(design.entityKeys, "table");
  for (const model::SecondaryIndex& g : design.gsis) addTemplates(g.entityKeys, g.name);
  for (const model::SecondaryIndex& l : design.lsis) addTemplates(l.entityKeys, l.name);
  s.tables.push_back(std::move(templates));

  s.tables.push_back(aggregateView(project, design));

  Table sizes = makeTable("item-sizes", "Item sizes", {"Entity", "Average bytes", "Max bytes"});
  for (const model::ItemEstimate& e : plan.items) {
    sizes.rows.push_back({text(e.entity), number(static_cast<double>(e.averageBytes)),
                          number(static_cast<double>(e.maxBytes))});
  }
  sizes.note = "Estimated from the declared attributes, key attributes included.";
  s.tables.push_back(std::move(sizes));
  return s;
}

// ---- The plan and the cost ----------------------------------------------------------------

Section planSection(const model::DesignPlan& plan) {
  Section s;
  s.id = "plan";
  s.title = "Plan";
  int scans = 0;
  for (const model::PatternPlan& p : plan.patterns) scans += p.scan ? 1 : 0;
  s.paragraphs.push_back("Served " + std::to_string(plan.servedCount()) + " of " +
                         std::to_string(plan.patterns.size()) + " patterns" +
                         (scans > 0 ? "; " + std::to_string(scans) + " by Scan" : "") + ".");
  Table t = makeTable("plan", "How each access pattern runs",
                      {"ID", "Name", "Served", "Index", "Operation", "Key condition", "Filter",
                       "Items/req", "RU/req", "WU/req", "Req/s mean", "Req/s peak", "RU/s mean",
                       "WU/s mean", "RU/s peak", "WU/s peak", "Reason"});
  Table warnings = makeTable("plan-warnings", "Warnings", {"Pattern", "Code", "Message"});
  for (const model::PatternPlan& p : plan.patterns) {
    t.rows.push_back({text(p.patternId), text(p.patternName), text(p.served ? "yes" : "no"),
                      text(p.index), text(model::operationName(p.operation)), text(p.keyCondition),
                      text(joined(p.filter)), number(p.itemsPerRequest, 2),
                      number(p.readUnitsPerRequest, 2), number(p.writeUnitsPerRequest, 2),
                      number(p.requestsPerSecondMean, 2), number(p.requestsPerSecondPeak, 2),
                      number(p.readUnitsPerRequest * p.requestsPerSecondMean, 1),
                      number(p.writeUnitsPerRequest * p.requestsPerSecondMean, 1),
                      number(p.readUnitsPerRequest * p.requestsPerSecondPeak, 1),
                      number(p.writeUnitsPerRequest * p.requestsPerSecondPeak, 1), text(p.reason)});
    for (const model::PlanWarning& w : p.warnings) {
      warnings.rows.push_back({text(p.patternId), text(w.code), text(w.message)});
    }
  }
  for (const model::PlanWarning& w : plan.warnings) {
    warnings.rows.push_back({text("(design)"), text(w.code), text(w.message)});
  }
  t.note =
      "Units per request by DynamoDB's rules; units per second are per request times the rate.";
  s.tables.push_back(std::move(t));
  s.tables.push_back(std::move(warnings));
  return s;
}

Section costSection(const model::DesignPlan& plan) {
  Section s;
  s.id = "cost";
  s.title = "Monthly cost";
  s.paragraphs.push_back("US dollars a month, prices " + plan.priceSheet +
                         ": on-demand at the mean rates, provisioned sized to the peak with " +
                         plainDecimal(plan.provisionedHeadroom * 100) +
                         "% headroom, storage with 100 bytes per item.");
  Table owners = makeTable("capacity", "Load and cost per table and GSI",
                           {"Owner", "Read u/s mean", "Read u/s peak", "Write u/s mean",
                            "Write u/s peak", "Provisioned RCU", "Provisioned WCU", "Items",
                            "Stored GB", "On-demand $", "Provisioned $", "Storage $"});
  for (const model::CapacityLoad& c : plan.capacity) {
    owners.rows.push_back({text(c.name), number(c.readUnitsMean, 1), number(c.readUnitsPeak, 1),
                           number(c.writeUnitsMean, 1), number(c.writeUnitsPeak, 1),
                           number(c.provisionedReadCapacity), number(c.provisionedWriteCapacity),
                           number(c.items), number(c.storedBytes / 1e9, 3),
                           number(c.onDemandMonthly, 2), number(c.provisionedMonthly, 2),
                           number(c.storageMonthly, 2)});
  }
  owners.rows.push_back(
      {text("total"), number(plan.readUnitsPerSecond, 1), number(plan.readUnitsPerSecondPeak, 1),
       number(plan.writeUnitsPerSecond, 1), number(plan.writeUnitsPerSecondPeak, 1), Cell(), Cell(),
       Cell(), Cell(), number(plan.monthlyCost.onDemand, 2),
       number(plan.monthlyCost.provisioned, 2), number(plan.monthlyCost.storage, 2)});
  s.tables.push_back(std::move(owners));

  const model::MonthlyCost& m = plan.monthlyCost;
  Table totals =
      makeTable("cost-totals", "Monthly cost", {"Mode", "Capacity $", "Storage $", "Total $"});
  totals.rows.push_back({text("on-demand"), number(m.onDemand, 2), number(m.storage, 2),
                         number(m.onDemand + m.storage, 2)});
  totals.rows.push_back({text("provisioned"), number(m.provisioned, 2), number(m.storage, 2),
                         number(m.provisioned + m.storage, 2)});
  s.tables.push_back(std::move(totals));
  return s;
}

// ---- A run -------------------------------------------------------------------------------

std::string patternName(const model::Project& project, const std::string& id) {
  const model::AccessPattern* p = project.findPattern(id);
  return p == nullptr ? "" : p->name;
}

HeatMap heatMap(const sim::RunResult& r) {
  HeatMap map;
  std::vector<const sim::PartitionHeat*> parts;
  for (const sim::PartitionHeat& h : r.partitions.heat) parts.push_back(&h);
  if (parts.empty()) return map;
  auto total = [](const sim::PartitionHeat* h) {
    return std::accumulate(h->readUnits.begin(), h->readUnits.end(), 0.0) +
           std::accumulate(h->writeUnits.begin(), h->writeUnits.end(), 0.0);
  };
  if (static_cast<int>(parts.size()) > kHeatMapMaxRows) {
    std::stable_sort(parts.begin(), parts.end(),
                     [&](auto* a, auto* b) { return total(a) > total(b); });
    map.partitionsLeftOut = static_cast<int>(parts.size()) - kHeatMapMaxRows;
    parts.resize(kHeatMapMaxRows);
  }
  // The owners in the run's order, then each owner's partitions in key order.
  std::map<std::string, int> ownerOrder;
  for (const sim::CapacityOwnerReport& o : r.partitions.owners) {
    ownerOrder.emplace(o.name, static_cast<int>(ownerOrder.size()));
  }
  auto orderOf = [&](const std::string& owner) {
    auto it = ownerOrder.find(owner);
    return it == ownerOrder.end() ? static_cast<int>(ownerOrder.size()) : it->second;
  };
  std::stable_sort(parts.begin(), parts.end(), [&](auto* a, auto* b) {
    return std::make_tuple(orderOf(a->owner), a->owner, a->hashLow, a->fromSecond) <
           std::make_tuple(orderOf(b->owner), b->owner, b->hashLow, b->fromSecond);
  });

  std::int64_t first = parts.front()->fromSecond;
  std::int64_t end = first;
  for (const sim::PartitionHeat* h : parts) {
    first = std::min(first, h->fromSecond);
    const auto length =
        static_cast<std::int64_t>(std::max(h->readUnits.size(), h->writeUnits.size()));
    end = std::max(end, h->fromSecond + length);
  }
  const std::int64_t span = std::max<std::int64_t>(1, end - first);
  const std::int64_t fold = (span + kHeatMapMaxColumns - 1) / kHeatMapMaxColumns;
  map.firstSecond = static_cast<double>(first);
  map.secondsPerColumn = static_cast<double>(fold);
  map.columns = static_cast<int>((span + fold - 1) / fold);
  for (const sim::PartitionHeat* h : parts) {
    map.rows.push_back(h->owner + " #" + std::to_string(h->id));
    std::vector<double> values(static_cast<std::size_t>(map.columns), 0.0);
    std::vector<bool> present(static_cast<std::size_t>(map.columns), false);
    const std::size_t length = std::max(h->readUnits.size(), h->writeUnits.size());
    for (std::size_t i = 0; i < length; ++i) {
      const double units = (i < h->readUnits.size() ? h->readUnits[i] : 0.0) +
                           (i < h->writeUnits.size() ? h->writeUnits[i] : 0.0);
      const std::int64_t second = h->fromSecond + static_cast<std::int64_t>(i);
      const auto column = static_cast<std::size_t>((second - first) / fold);
      values[column] = std::max(values[column], units);
      present[column] = true;
      map.maxValue = std::max(map.maxValue, units);
    }
    map.values.push_back(std::move(values));
    map.present.push_back(std::move(present));
  }
  return map;
}

Timeline timeline(const sim::RunResult& r) {
  std::map<double, std::size_t> index;
  Timeline t;
  for (const sim::PatternResult& p : r.patterns) {
    for (const sim::TimeBucket& b : p.timeline) index.emplace(b.startSeconds, 0);
  }
  for (auto& [second, i] : index) {
    i = t.seconds.size();
    t.seconds.push_back(second);
  }
  t.requests.assign(t.seconds.size(), 0);
  t.throttled.assign(t.seconds.size(), 0);
  t.failed.assign(t.seconds.size(), 0);
  for (const sim::PatternResult& p : r.patterns) {
    for (const sim::TimeBucket& b : p.timeline) {
      const std::size_t i = index[b.startSeconds];
      t.requests[i] += static_cast<double>(b.requests);
      t.throttled[i] += static_cast<double>(b.throttled);
      t.failed[i] += static_cast<double>(b.failed);
    }
  }
  return t;
}

Table hotKeyTable(const std::string& id, const std::string& title, const std::string& valueName,
                  const std::vector<sim::HotKey>& keys) {
  Table t = makeTable(id, title, {"Owner", "Key", valueName, "Error (at most)"});
  for (const sim::HotKey& k : keys) {
    t.rows.push_back({text(k.owner), text(k.key), number(k.value, 1), number(k.error, 1)});
  }
  t.note =
      "From a Count-Min sketch: a key's value is at least the true value and at most the "
      "error above it.";
  return t;
}

RunSection runSection(const model::Project& project, const sim::RunResult& r, int number1) {
  RunSection s;
  const std::string prefix = "run" + std::to_string(number1) + "-";
  s.title = "Run " + std::to_string(number1) + ": " + r.engine + " engine, design " + r.design +
            ", seed " + std::to_string(r.seed) + ", " + plainDecimal(r.durationSeconds) + " s";

  Table summary = makeTable(prefix + "summary", "Summary", {"Measure", "Value"});
  auto row = [&summary](const std::string& name, Cell value) {
    summary.rows.push_back({text(name), std::move(value)});
  };
  row("Engine", text(r.engine));
  row("Design", text(r.design));
  row("Seed", number(static_cast<double>(r.seed)));
  row("Duration (s)", number(r.durationSeconds, 1));
  row("Simulated (s)", number(r.simulatedSeconds, 1));
  row("Rate", text(r.rate));
  row("Cancelled", text(r.cancelled ? "yes" : "no"));
  row("Requests", number(static_cast<double>(r.requests)));
  row("Succeeded", number(static_cast<double>(r.succeeded)));
  row("Failed", number(static_cast<double>(r.failed)));
  row("Throttled attempts", number(static_cast<double>(r.throttled)));
  row("Retries", number(static_cast<double>(r.retries)));
  if (r.latency.count > 0) {
    row("Latency p50 (ms)", number(r.latency.p50, 2));
    row("Latency p99 (ms)", number(r.latency.p99, 2));
  }
  if (r.partitions.count > 0) row("Partitions at the end", number(r.partitions.count));
  if (r.cache) row("Cache hit ratio", number(r.cache->hitRatio, 3));
  for (const sim::ServerReport& server : r.servers) {
    row("Utilization of " + server.name + " (" + server.instance + ")",
        number(server.utilization, 3));
  }
  s.tables.push_back(std::move(summary));

  Table patterns = makeTable(prefix + "patterns", "Requests and latency per pattern",
                             {"ID", "Name", "Requests", "Succeeded", "Failed", "Throttled attempts",
                              "Throttled requests", "Retries", "p50 ms", "p95 ms", "p99 ms",
                              "p99.9 ms", "Max ms", "Mean ms", "Read units", "Write units"});
  Table reasons =
      makeTable(prefix + "throttles", "Throttles by reason", {"Pattern", "Reason", "Attempts"});
  for (const sim::PatternResult& p : r.patterns) {
    const sim::LatencySummary& l = p.latency;
    patterns.rows.push_back(
        {text(p.id), text(patternName(project, p.id)), number(static_cast<double>(p.requests)),
         number(static_cast<double>(p.succeeded)), number(static_cast<double>(p.failed)),
         number(static_cast<double>(p.throttled)), number(static_cast<double>(p.throttledRequests)),
         number(static_cast<double>(p.retries)), number(l.p50, 2), number(l.p95, 2),
         number(l.p99, 2), number(l.p999, 2), number(l.max, 2), number(l.mean, 2),
         number(p.readUnits, 1), number(p.writeUnits, 1)});
    for (const auto& [reason, count] : p.throttlesByReason) {
      reasons.rows.push_back({text(p.id), text(reason), number(static_cast<double>(count))});
    }
    s.latency.bars.push_back({p.id, l.p50, l.p95, l.p99});
  }
  patterns.note = "Latency of the requests that succeeded, in milliseconds of virtual time.";
  s.tables.push_back(std::move(patterns));
  s.tables.push_back(std::move(reasons));

  if (!r.partitions.owners.empty()) {
    Table owners = makeTable(prefix + "owners", "Tables and GSIs",
                             {"Owner", "Mode", "Provisioned RCU", "Provisioned WCU",
                              "Partitions at start", "Partitions at end", "Splits", "Throttles",
                              "Read units", "Write units", "Peak read u/s", "Peak write u/s"});
    for (const sim::CapacityOwnerReport& o : r.partitions.owners) {
      owners.rows.push_back({text(o.name), text(o.mode), number(o.provisionedRead),
                             number(o.provisionedWrite), number(o.initialPartitions),
                             number(o.partitions), number(o.splits),
                             number(static_cast<double>(o.throttles)), number(o.readUnits, 1),
                             number(o.writeUnits, 1), number(o.peakReadUnitsPerSecond, 1),
                             number(o.peakWriteUnitsPerSecond, 1)});
    }
    s.tables.push_back(std::move(owners));
  }

  s.heat = heatMap(r);
  if (!r.partitions.heat.empty()) {
    Table partitions =
        makeTable(prefix + "partitions", "Partitions",
                  {"Owner", "Partition", "Parent", "Hash low", "Hash high", "From second",
                   "Split at second", "Throttles", "Read units", "Write units", "Peak units/s"});
    for (const sim::PartitionHeat& h : r.partitions.heat) {
      double peak = 0;
      const std::size_t length = std::max(h.readUnits.size(), h.writeUnits.size());
      for (std::size_t i = 0; i < length; ++i) {
        peak = std::max(peak, (i < h.readUnits.size() ? h.readUnits[i] : 0.0) +
                                  (i < h.writeUnits.size() ? h.writeUnits[i] : 0.0));
      }
      char low[24];
      char high[24];
      std::snprintf(low, sizeof low, "%016llx", static_cast<unsigned long long>(h.hashLow));
      std::snprintf(high, sizeof high, "%016llx", static_cast<unsigned long long>(h.hashHigh));
      partitions.rows.push_back(
          {text(h.owner), number(h.id), h.parent < 0 ? Cell() : number(h.parent), text(low),
           text(high), number(static_cast<double>(h.fromSecond)),
           h.untilSecond ? number(static_cast<double>(*h.untilSecond)) : Cell(),
           number(static_cast<double>(h.throttles)),
           number(std::accumulate(h.readUnits.begin(), h.readUnits.end(), 0.0), 1),
           number(std::accumulate(h.writeUnits.begin(), h.writeUnits.end(), 0.0), 1),
           number(peak, 1)});
    }
    s.tables.push_back(std::move(partitions));

    // The heat map as numbers: one row per partition, one column per (folded) second.
    Table heat =
        makeTable(prefix + "heat", "Partition heat (read + write units per second)", {"Partition"});
    heat.wide = true;
    for (int c = 0; c < s.heat.columns; ++c) {
      heat.columns.push_back(plainDecimal(s.heat.firstSecond + c * s.heat.secondsPerColumn));
    }
    for (std::size_t i = 0; i < s.heat.rows.size(); ++i) {
      std::vector<Cell> cells{text(s.heat.rows[i])};
      for (int c = 0; c < s.heat.columns; ++c) {
        const auto column = static_cast<std::size_t>(c);
        cells.push_back(s.heat.present[i][column] ? number(s.heat.values[i][column], 1) : Cell());
      }
      heat.rows.push_back(std::move(cells));
    }
    heat.note = "Columns are seconds";
    if (s.heat.secondsPerColumn > 1) {
      heat.note += " folded by " + plainDecimal(s.heat.secondsPerColumn) + " (each the maximum)";
    }
    heat.note += "; an empty cell: the partition did not exist then.";
    if (s.heat.partitionsLeftOut > 0) {
      heat.note +=
          " The " + std::to_string(s.heat.partitionsLeftOut) + " coolest partitions are left out.";
    }
    s.tables.push_back(std::move(heat));
  }

  if (!r.hotKeysByUnits.empty()) {
    s.tables.push_back(
        hotKeyTable(prefix + "hot-keys-units", "Hot keys by units", "Units", r.hotKeysByUnits));
  }
  if (!r.hotKeysByThrottles.empty()) {
    s.tables.push_back(hotKeyTable(prefix + "hot-keys-throttles", "Hot keys by throttles",
                                   "Throttles", r.hotKeysByThrottles));
  }

  if (r.cache) {
    const sim::CacheReport& c = *r.cache;
    Table cache = makeTable(prefix + "cache", "Cache", {"Measure", "Value"});
    cache.rows = {{text("Eviction policy"), text(c.evictionPolicy)},
                  {text("Max memory (MB)"), number(c.maxMemoryBytes / 1048576.0, 1)},
                  {text("Used memory (MB)"), number(c.usedMemoryBytes / 1048576.0, 1)},
                  {text("Hits"), number(static_cast<double>(c.hits))},
                  {text("Misses"), number(static_cast<double>(c.misses))},
                  {text("Hit ratio"), number(c.hitRatio, 3)},
                  {text("Evictions"), number(static_cast<double>(c.evictions))},
                  {text("Expirations"), number(static_cast<double>(c.expirations))},
                  {text("Rejected writes"), number(static_cast<double>(c.rejectedWrites))}};
    s.tables.push_back(std::move(cache));
  }
  if (!r.servers.empty()) {
    Table servers = makeTable(
        prefix + "servers", "Servers",
        {"Server", "Instance", "Cores", "Connections", "Utilization", "Peak queue length"});
    for (const sim::ServerReport& server : r.servers) {
      servers.rows.push_back({text(server.name), text(server.instance), number(server.cores),
                              number(server.connections), number(server.utilization, 3),
                              number(server.peakQueueLength, 1)});
    }
    s.tables.push_back(std::move(servers));
  }

  const sim::CostReport& c = r.monthlyCost;
  Table cost = makeTable(
      prefix + "cost", "The run's load as a month of cost (US dollars)",
      {"Capacity mode", "On-demand $", "Provisioned $", "Storage $", "Instances $", "Total $"});
  cost.rows.push_back({text(c.capacityMode), number(c.onDemand, 2), number(c.provisioned, 2),
                       number(c.storage, 2), number(c.instances, 2), number(c.total, 2)});
  if (!c.priceSheet.empty()) cost.note = "Prices " + c.priceSheet + ".";
  s.tables.push_back(std::move(cost));

  if (!r.notes.empty()) {
    Table notes = makeTable(prefix + "notes", "Notes", {"Note"});
    for (const std::string& n : r.notes) notes.rows.push_back({text(n)});
    s.tables.push_back(std::move(notes));
  }

  s.timeline = timeline(r);
  return s;
}

}  // namespace

std::string exampleValue(const model::Attribute& attribute, int item) {
  const std::string format = attribute.format.value_or("");
  switch (attribute.type) {
    case model::AttributeType::N:
      return std::to_string(100 * item + static_cast<int>(attribute.name.size()));
    case model::AttributeType::BOOL:
      return item % 2 == 1 ? "true" : "false";
    case model::AttributeType::NULL_:
      return "null";
    case model::AttributeType::B:
    case model::AttributeType::BS:
      return "(binary)";
    case model::AttributeType::L:
    case model::AttributeType::M:
      return "(" + std::string(model::attributeTypeName(attribute.type)) + ")";
    default:
      break;
  }
  char buffer[64];
  if (format == "iso8601" || format == "date-time" || format == "timestamp") {
    std::snprintf(buffer, sizeof buffer, "2024-05-%02dT10:%02d:00Z", 10 + item, 15 * item);
    return buffer;
  }
  if (format == "uuid") {
    std::snprintf(buffer, sizeof buffer, "%08x-%04d",
                  static_cast<unsigned>(std::hash<std::string>{}(attribute.name) & 0xffffffffu),
                  item);
    return buffer;
  }
  if (format == "email") return "user" + std::to_string(item) + "@example.com";
  if (const std::vector<std::string> values = model::enumValues(format); !values.empty()) {
    const std::string& chosen = values[static_cast<std::size_t>(item - 1) % values.size()];
    if (!chosen.empty()) return chosen;
  }
  return attribute.name + "-" + std::to_string(item);
}

ReportData buildReportData(const ReportInputs& in) {
  ReportData d;
  d.projectName = in.project.name;
  d.designName = in.design.name;
  d.sourceFile = in.sourceFile;
  d.priceSheet = in.plan.priceSheet;
  d.title = "KV Lab report: " + in.project.name + ", design " + in.design.name;
  d.sections.push_back(modelSection(in.project));
  d.sections.push_back(designSection(in.project, in.design, in.plan));
  d.sections.push_back(planSection(in.plan));
  d.sections.push_back(costSection(in.plan));
  int n = 0;
  for (const sim::RunResult& r : in.runs) d.runs.push_back(runSection(in.project, r, ++n));
  return d;
}

}  // namespace kvlab::report
