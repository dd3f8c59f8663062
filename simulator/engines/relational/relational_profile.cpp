#include "simulator/engines/relational/relational_profile.h"

#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "model/capacity/price_sheet.h"

namespace kvlab::sim {
namespace {

using Json = nlohmann::json;

// The most connections or cores a profile may give: far beyond any server, well within an `int`.
constexpr int kMaxCount = 1000000;

// Reads numbers at JSON paths, remembering the first problem.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  const Json* at(const Json& parent, const std::string& parentPath, const std::string& key,
                 Json::value_t type) {
    const std::string path = parentPath.empty() ? key : parentPath + "." + key;
    if (!parent.is_object() || !parent.contains(key)) {
      fail(path, "is missing");
      return nullptr;
    }
    const Json& value = parent.at(key);
    const bool number = type == Json::value_t::number_float;
    if (number ? !value.is_number() : value.type() != type) {
      fail(path, std::string("must be ") + (number ? "a number" : Json(type).type_name()));
      return nullptr;
    }
    return &value;
  }
  double number(const Json& parent, const std::string& parentPath, const std::string& key,
                double minimum) {
    const Json* value = at(parent, parentPath, key, Json::value_t::number_float);
    if (!value) return 0;
    const double v = value->get<double>();
    if (!(v >= minimum))
      fail(parentPath + "." + key, "must be at least " + std::to_string(minimum));
    return v;
  }
  // A whole number in [minimum, maximum]: counts that become an `int`.
  int whole(const Json& parent, const std::string& parentPath, const std::string& key, int minimum,
            int maximum) {
    const Json* value = at(parent, parentPath, key, Json::value_t::number_float);
    if (!value) return minimum;
    const double v = value->get<double>();
    if (v != std::floor(v) || v < minimum || v > maximum) {
      fail(parentPath + "." + key, "must be a whole number from " + std::to_string(minimum) +
                                       " to " + std::to_string(maximum) + ", not " + value->dump());
      return minimum;
    }
    return static_cast<int>(v);
  }
  std::string text(const Json& parent, const std::string& parentPath, const std::string& key) {
    const Json* value = at(parent, parentPath, key, Json::value_t::string);
    return value ? value->get<std::string>() : std::string();
  }
  void fail(const std::string& path, const std::string& what) {
    if (problem_.empty()) problem_ = file_ + ": " + path + " " + what;
  }
  Status status() const { return problem_.empty() ? Status::Ok() : Status::Error(problem_); }

 private:
  std::string file_;
  std::string problem_;
};

}  // namespace

const DatabaseInstance* RelationalProfile::findInstance(const std::string& name) const {
  for (const DatabaseInstance& i : instances) {
    if (i.name == name) return &i;
  }
  return nullptr;
}

std::filesystem::path RelationalProfile::defaultPath() {
  return model::capacity::dataDirectory() / "engines" / "postgresql.json";
}

Status RelationalProfile::load(const std::filesystem::path& path, RelationalProfile& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path.string() + ": cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  return parse(text.str(), path.string(), out);
}

Status RelationalProfile::parse(std::string_view text, std::string fileName,
                                RelationalProfile& out) {
  Json root;
  try {
    root = Json::parse(text);
  } catch (const Json::exception& e) {
    return Status::Error(fileName + ": is not valid JSON: " + e.what());
  }
  Reader r(fileName);
  RelationalProfile p;
  p.file = std::move(fileName);
  if (r.text(root, "", "format") != "kvlab-engine/1")
    r.fail("format", "must be \"kvlab-engine/1\"");
  p.effective = r.text(root, "", "effective");
  if (const Json* s = r.at(root, "", "serviceModel", Json::value_t::object)) {
    p.statementMicros = r.number(*s, "serviceModel", "statementMicros", 0);
    p.writeStatementMicros = r.number(*s, "serviceModel", "writeStatementMicros", 0);
    p.perVmStepMicros = r.number(*s, "serviceModel", "perVmStepMicros", 0);
    p.commitFlushMillis = r.number(*s, "serviceModel", "commitFlushMillis", 0);
    p.networkRoundTripMillis = r.number(*s, "serviceModel", "networkRoundTripMillis", 0);
  }
  if (const Json* s = r.at(root, "", "pool", Json::value_t::object)) {
    p.poolConnections = r.whole(*s, "pool", "connections", 1, kMaxCount);
    p.connectionTimeoutMillis = r.number(*s, "pool", "connectionTimeoutMillis", 0);
  }
  if (const Json* s = r.at(root, "", "storage", Json::value_t::object)) {
    p.storageGbMonth = r.number(*s, "storage", "gbMonth", 0);
    p.minimumStorageGb = r.number(*s, "storage", "minimumGb", 0);
    p.rowOverheadBytes = r.number(*s, "storage", "rowOverheadBytes", 0);
    p.indexEntryOverheadBytes = r.number(*s, "storage", "indexEntryOverheadBytes", 0);
  }
  p.defaultInstance = r.text(root, "", "defaultInstance");
  if (const Json* list = r.at(root, "", "instances", Json::value_t::array)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string at = "instances[" + std::to_string(i) + "]";
      const Json& item = (*list)[i];
      DatabaseInstance instance;
      instance.name = r.text(item, at, "name");
      instance.vcpus = r.whole(item, at, "vcpus", 1, kMaxCount);
      instance.memoryGiB = r.number(item, at, "memoryGiB", 0);
      instance.hourly = r.number(item, at, "hourly", 0);
      p.instances.push_back(instance);
    }
  }
  if (r.status().ok() && !p.findInstance(p.defaultInstance)) {
    r.fail("defaultInstance", "must name one of the instances");
  }
  if (!r.status().ok()) return r.status();
  out = std::move(p);
  return Status::Ok();
}

}  // namespace kvlab::sim
