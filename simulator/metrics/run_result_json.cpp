#include "simulator/metrics/run_result_json.h"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace kvlab::sim {
namespace {

using Json = nlohmann::ordered_json;

Json latencyJson(const LatencySummary& l) {
  return Json{{"count", l.count}, {"p50", l.p50}, {"p95", l.p95},  {"p99", l.p99},
              {"p999", l.p999},   {"max", l.max}, {"mean", l.mean}};
}

std::string hex(std::uint64_t value) {
  char text[19];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

Json hotKeysJson(const std::vector<HotKey>& keys, const char* valueName) {
  Json out = Json::array();
  for (const HotKey& k : keys) {
    out.push_back(Json{{"owner", k.owner},
                       {"key", k.key},
                       {"keyId", k.keyId},
                       {valueName, k.value},
                       {"error", k.error}});
  }
  return out;
}

}  // namespace

std::string runResultJson(const RunResult& r) {
  Json doc;
  doc["format"] = "kvlab-run/1";
  doc["engine"] = r.engine;
  doc["design"] = r.design;
  doc["seed"] = r.seed;
  doc["durationSeconds"] = r.durationSeconds;
  doc["simulatedSeconds"] = r.simulatedSeconds;
  doc["bucketSeconds"] = r.bucketSeconds;
  doc["rate"] = r.rate;
  doc["cancelled"] = r.cancelled;
  doc["requests"] = r.requests;
  doc["succeeded"] = r.succeeded;
  doc["failed"] = r.failed;
  doc["throttled"] = r.throttled;
  doc["retries"] = r.retries;
  doc["events"] = r.events;
  doc["latencyMs"] = latencyJson(r.latency);

  Json patterns = Json::array();
  for (const PatternResult& p : r.patterns) {
    Json reasons = Json::object();
    for (const auto& [name, count] : p.throttlesByReason) reasons[name] = count;
    Json timeline = Json::array();
    for (const TimeBucket& b : p.timeline) {
      timeline.push_back(Json{{"second", b.startSeconds},
                              {"requests", b.requests},
                              {"succeeded", b.succeeded},
                              {"failed", b.failed},
                              {"throttled", b.throttled},
                              {"readUnits", b.readUnits},
                              {"writeUnits", b.writeUnits},
                              {"latencyMs", latencyJson(b.latency)}});
    }
    patterns.push_back(Json{{"id", p.id},
                            {"requests", p.requests},
                            {"succeeded", p.succeeded},
                            {"failed", p.failed},
                            {"throttled", p.throttled},
                            {"throttledRequests", p.throttledRequests},
                            {"retries", p.retries},
                            {"throttlesByReason", reasons},
                            {"latencyMs", latencyJson(p.latency)},
                            {"readUnits", p.readUnits},
                            {"writeUnits", p.writeUnits},
                            {"timeline", timeline}});
  }
  doc["patterns"] = patterns;

  Json owners = Json::array();
  for (const CapacityOwnerReport& o : r.partitions.owners) {
    Json scaling = Json::array();
    for (const ScalingEvent& e : o.scaling) {
      scaling.push_back(Json{{"second", e.second}, {"read", e.read}, {"write", e.write}});
    }
    owners.push_back(Json{{"name", o.name},
                          {"mode", o.mode},
                          {"provisionedRead", o.provisionedRead},
                          {"provisionedWrite", o.provisionedWrite},
                          {"initialPartitions", o.initialPartitions},
                          {"partitions", o.partitions},
                          {"splits", o.splits},
                          {"storageSplits", o.storageSplits},
                          {"storedBytes", o.storedBytes},
                          {"meanProvisionedRead", o.meanProvisionedRead},
                          {"meanProvisionedWrite", o.meanProvisionedWrite},
                          {"scaling", scaling},
                          {"throttles", o.throttles},
                          {"readUnits", o.readUnits},
                          {"writeUnits", o.writeUnits},
                          {"peakReadUnitsPerSecond", o.peakReadUnitsPerSecond},
                          {"peakWriteUnitsPerSecond", o.peakWriteUnitsPerSecond}});
  }
  Json heat = Json::array();
  for (const PartitionHeat& h : r.partitions.heat) {
    Json row{{"owner", h.owner},
             {"partition", h.id},
             {"parent", h.parent < 0 ? Json(nullptr) : Json(h.parent)},
             {"hashLow", hex(h.hashLow)},
             {"hashHigh", hex(h.hashHigh)},
             {"fromSecond", h.fromSecond},
             {"untilSecond", h.untilSecond ? Json(*h.untilSecond) : Json(nullptr)},
             {"throttles", h.throttles},
             {"readUnits", h.readUnits},
             {"writeUnits", h.writeUnits}};
    heat.push_back(std::move(row));
  }
  doc["partitions"] = Json{{"count", r.partitions.count},
                           {"throttledRequests", r.partitions.throttledRequests},
                           {"owners", owners},
                           {"heat", heat}};
  doc["hotKeys"] = Json{{"byUnits", hotKeysJson(r.hotKeysByUnits, "units")},
                        {"byThrottles", hotKeysJson(r.hotKeysByThrottles, "throttles")}};
  doc["monthlyCost"] = Json{{"capacityMode", r.monthlyCost.capacityMode},
                            {"priceSheet", r.monthlyCost.priceSheet},
                            {"onDemand", r.monthlyCost.onDemand},
                            {"provisioned", r.monthlyCost.provisioned},
                            {"storage", r.monthlyCost.storage},
                            {"instances", r.monthlyCost.instances},
                            {"total", r.monthlyCost.total},
                            {"currency", "USD"}};
  if (r.cache) {
    const CacheReport& c = *r.cache;
    doc["cache"] = Json{{"evictionPolicy", c.evictionPolicy},
                        {"maxMemoryBytes", c.maxMemoryBytes},
                        {"usedMemoryBytes", c.usedMemoryBytes},
                        {"hits", c.hits},
                        {"misses", c.misses},
                        {"hitRatio", c.hitRatio},
                        {"evictions", c.evictions},
                        {"expirations", c.expirations},
                        {"rejectedWrites", c.rejectedWrites},
                        {"hitRatioByBucket", c.hitRatioByBucket},
                        {"hitLatencyMs", latencyJson(c.hitLatency)},
                        {"missLatencyMs", latencyJson(c.missLatency)}};
  }
  if (!r.servers.empty()) {
    Json servers = Json::array();
    for (const ServerReport& s : r.servers) {
      servers.push_back(Json{{"name", s.name},
                             {"instance", s.instance},
                             {"cores", s.cores},
                             {"connections", s.connections},
                             {"utilization", s.utilization},
                             {"peakQueueLength", s.peakQueueLength},
                             {"busyCoreSeconds", s.busyCoreSeconds},
                             {"utilizationByBucket", s.utilizationByBucket}});
    }
    // The first server is "the" server of the issue's `server` {utilization, cores}.
    doc["server"] = servers.front();
    doc["servers"] = servers;
  }
  doc["notes"] = r.notes;
  return doc.dump(2) + "\n";
}

}  // namespace kvlab::sim
