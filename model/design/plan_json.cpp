#include "model/design/plan_json.h"

#include <cmath>

#include <nlohmann/json.hpp>

namespace kvlab::model {
namespace {

using Json = nlohmann::ordered_json;

// Numbers rounded to what a reader can use, so that output is stable across platforms.
Json rounded(double value, int digits = 4) {
  const double scale = std::pow(10.0, digits);
  const double r = std::round(value * scale) / scale;
  if (r == std::floor(r) && std::fabs(r) < 9e15) return Json(static_cast<std::int64_t>(r));
  return Json(r);
}

Json warningsJson(const std::vector<PlanWarning>& warnings) {
  Json out = Json::array();
  for (const PlanWarning& w : warnings) out.push_back({{"code", w.code}, {"message", w.message}});
  return out;
}

}  // namespace

std::string designPlanJson(const DesignPlan& plan) {
  Json root = Json::object();
  root["design"] = plan.design;
  root["table"] = plan.tableName;
  root["patterns"] = Json::array();
  for (const PatternPlan& p : plan.patterns) {
    Json pattern = {
        {"id", p.patternId},
        {"name", p.patternName},
        {"served", p.served},
        {"index", p.index},
        {"operation", operationName(p.operation)},
        {"keyCondition", p.keyCondition},
        {"scan", p.scan},
        {"filter", p.filter},
        {"itemsPerRequest", rounded(p.itemsPerRequest, 2)},
        {"readUnitsPerRequest", rounded(p.readUnitsPerRequest)},
        {"writeUnitsPerRequest", rounded(p.writeUnitsPerRequest)},
        {"requestsPerSecond",
         {{"mean", rounded(p.requestsPerSecondMean)}, {"peak", rounded(p.requestsPerSecondPeak)}}},
        {"reason", p.reason},
        {"warnings", warningsJson(p.warnings)}};
    if (p.stated) {
      Json stated = Json::object();
      if (p.stated->index) stated["index"] = *p.stated->index;
      if (p.stated->operation) stated["operation"] = operationName(*p.stated->operation);
      if (p.stated->keyCondition) stated["keyCondition"] = *p.stated->keyCondition;
      stated["agrees"] = p.agreesWithStated;
      pattern["stated"] = std::move(stated);
    }
    root["patterns"].push_back(std::move(pattern));
  }
  root["gsiCount"] = plan.gsiCount;
  root["lsiCount"] = plan.lsiCount;
  root["unitsPerSecond"] = {{"read", rounded(plan.readUnitsPerSecond)},
                            {"write", rounded(plan.writeUnitsPerSecond)},
                            {"readPeak", rounded(plan.readUnitsPerSecondPeak)},
                            {"writePeak", rounded(plan.writeUnitsPerSecondPeak)}};
  root["capacity"] = Json::array();
  for (const CapacityLoad& load : plan.capacity) {
    root["capacity"].push_back(
        {{"name", load.name},
         {"readUnitsPerSecond",
          {{"mean", rounded(load.readUnitsMean)}, {"peak", rounded(load.readUnitsPeak)}}},
         {"writeUnitsPerSecond",
          {{"mean", rounded(load.writeUnitsMean)}, {"peak", rounded(load.writeUnitsPeak)}}},
         {"items", rounded(load.items, 0)},
         {"storedBytes", rounded(load.storedBytes, 0)},
         {"provisioned",
          {{"read", load.provisionedReadCapacity}, {"write", load.provisionedWriteCapacity}}},
         {"monthlyCost",
          {{"onDemand", rounded(load.onDemandMonthly, 2)},
           {"provisioned", rounded(load.provisionedMonthly, 2)},
           {"storage", rounded(load.storageMonthly, 2)}}}});
  }
  root["monthlyCost"] = {{"onDemand", rounded(plan.monthlyCost.onDemand, 2)},
                         {"provisioned", rounded(plan.monthlyCost.provisioned, 2)},
                         {"storage", rounded(plan.monthlyCost.storage, 2)},
                         {"currency", "USD"},
                         {"provisionedHeadroom", rounded(plan.provisionedHeadroom, 3)}};
  root["priceSheet"] = plan.priceSheet;
  root["items"] = Json::array();
  for (const ItemEstimate& item : plan.items) {
    root["items"].push_back({{"entity", item.entity},
                             {"averageBytes", item.averageBytes},
                             {"maxBytes", item.maxBytes}});
  }
  root["warnings"] = warningsJson(plan.warnings);
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace kvlab::model
