#include "model/interop/table_definition.h"

namespace kvlab::model::interop {
namespace {

Json keySchemaJson(const KeyAttributeSpec& pk, const std::optional<KeyAttributeSpec>& sk) {
  Json schema = Json::array();
  schema.push_back(Json{{"AttributeName", pk.name}, {"KeyType", "HASH"}});
  if (sk) schema.push_back(Json{{"AttributeName", sk->name}, {"KeyType", "RANGE"}});
  return schema;
}

Json throughputJson(const ThroughputSpec& spec) {
  return Json{{"ReadCapacityUnits", spec.read}, {"WriteCapacityUnits", spec.write}};
}

}  // namespace

Json tableDefinitionJson(const TableSpec& spec) {
  const std::string billing = spec.billingMode.value_or("PAY_PER_REQUEST");
  const bool provisioned = billing == "PROVISIONED";
  Json out = Json::object();
  out["TableName"] = spec.name;
  Json definitions = Json::array();
  for (const KeyAttributeSpec& key : spec.attributeDefinitions()) {
    definitions.push_back(Json{{"AttributeName", key.name}, {"AttributeType", key.type}});
  }
  out["AttributeDefinitions"] = definitions;
  out["KeySchema"] = keySchemaJson(spec.pk, spec.sk);
  auto indexJson = [&](const IndexSpec& index, bool global) {
    Json value = Json::object();
    value["IndexName"] = index.name;
    value["KeySchema"] = keySchemaJson(index.pk, index.sk);
    Json projection{{"ProjectionType", std::string(projectionName(index.projection))}};
    if (index.projection == Projection::Include) projection["NonKeyAttributes"] = index.include;
    value["Projection"] = projection;
    if (global && provisioned) {
      if (index.throughput) {
        value["ProvisionedThroughput"] = throughputJson(*index.throughput);
      } else if (spec.throughput) {
        value["ProvisionedThroughput"] = throughputJson(*spec.throughput);
      }
    }
    return value;
  };
  if (!spec.gsis.empty()) {
    Json gsis = Json::array();
    for (const IndexSpec& index : spec.gsis) gsis.push_back(indexJson(index, true));
    out["GlobalSecondaryIndexes"] = gsis;
  }
  if (!spec.lsis.empty()) {
    Json lsis = Json::array();
    for (const IndexSpec& index : spec.lsis) lsis.push_back(indexJson(index, false));
    out["LocalSecondaryIndexes"] = lsis;
  }
  out["BillingMode"] = billing;
  if (provisioned && spec.throughput)
    out["ProvisionedThroughput"] = throughputJson(*spec.throughput);
  return out;
}

}  // namespace kvlab::model::interop
