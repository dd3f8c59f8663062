#include "model/io/project_json.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "model/io/json_path.h"

namespace kvlab::model {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::int64_t kMaxCount = 1'000'000'000'000'000;  // 10^15
constexpr std::int64_t kMaxItemBytes = 409600;             // DynamoDB's 400 KB item limit
constexpr double kMaxRate = 1e8;                           // requests per second, per pattern
constexpr std::int64_t kMaxItemsPerRequest = 1'000'000;
constexpr double kMaxSeconds = 366.0 * 24 * 3600;  // a simulated year

std::string typeName(const Json& value) {
  switch (value.type()) {
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::null:
      return "null";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "a number";
    default:
      return "an unsupported value";
  }
}

bool isPlainKey(const std::string& key) {
  if (key.empty()) return false;
  for (char c : key) {
    if (c == '.' || c == '[' || c == ']' || c == '"' || c == ' ' || c == '\\') return false;
  }
  return true;
}

}  // namespace

// Shared with the validator: `designs[0].entityKeys.Order.SK`, or `["a b"]` for odd keys.
std::string jsonPathMember(const std::string& parent, const std::string& key) {
  if (!isPlainKey(key)) return parent + "[" + Json(key).dump() + "]";
  return parent.empty() ? key : parent + "." + key;
}

std::string jsonPathIndex(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

namespace {

std::string shortValue(const Json& value) {
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

// Reads the fields of one JSON object, remembering which it knows, so that the rest can be kept
// as unknown fields and named in a warning.
class ObjectReader {
 public:
  ObjectReader(const std::string& file, Diagnostics& diagnostics, const Json& object,
               std::string path)
      : file_(file), diagnostics_(diagnostics), object_(object), path_(std::move(path)) {}

  const std::string& path() const { return path_; }
  std::string pathOf(const std::string& key) const { return jsonPathMember(path_, key); }

  void error(const std::string& key, const std::string& message) const {
    diagnostics_.error(file_, key.empty() ? path_ : pathOf(key), message);
  }

  // The field `key`, or null when absent; marks it as known.
  const Json* field(const std::string& key) {
    known_.insert(key);
    auto it = object_.find(key);
    return it == object_.end() ? nullptr : &*it;
  }

  const Json* required(const std::string& key, const char* expected) {
    const Json* value = field(key);
    if (value == nullptr) error(key, "missing required field; expected " + std::string(expected));
    return value;
  }

  bool typeIs(const std::string& key, const Json& value, bool ok, const char* expected) const {
    if (!ok) error(key, std::string("expected ") + expected + ", found " + typeName(value));
    return ok;
  }

  std::optional<std::string> string(const std::string& key, bool isRequired,
                                    bool allowEmpty = false) {
    const Json* value = isRequired ? required(key, "a string") : field(key);
    if (value == nullptr || !typeIs(key, *value, value->is_string(), "a string")) {
      return std::nullopt;
    }
    std::string text = value->get<std::string>();
    if (text.empty() && !allowEmpty) {
      error(key, "expected a non-empty string");
      return std::nullopt;
    }
    return text;
  }

  std::optional<std::int64_t> integer(const std::string& key, std::int64_t min, std::int64_t max,
                                      bool isRequired = false) {
    const Json* value = isRequired ? required(key, "an integer") : field(key);
    if (value == nullptr || !typeIs(key, *value, value->is_number(), "an integer")) {
      return std::nullopt;
    }
    const std::string range = " from " + std::to_string(min) + " to " + std::to_string(max);
    if (value->is_number_float()) {
      const double d = value->get<double>();
      if (d != std::floor(d) || d < static_cast<double>(min) || d > static_cast<double>(max)) {
        error(key, "expected an integer" + range + ", found " + shortValue(*value));
        return std::nullopt;
      }
      return static_cast<std::int64_t>(d);
    }
    if (value->is_number_unsigned() &&
        value->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
      error(key, "expected an integer" + range + ", found " + shortValue(*value));
      return std::nullopt;
    }
    const std::int64_t n = value->get<std::int64_t>();
    if (n < min || n > max) {
      error(key, "expected an integer" + range + ", found " + shortValue(*value));
      return std::nullopt;
    }
    return n;
  }

  std::optional<double> number(const std::string& key, double min, double max,
                               bool isRequired = false, bool minExclusive = false,
                               bool maxExclusive = false) {
    const Json* value = isRequired ? required(key, "a number") : field(key);
    if (value == nullptr || !typeIs(key, *value, value->is_number(), "a number")) {
      return std::nullopt;
    }
    const double d = value->get<double>();
    const bool belowMin = minExclusive ? d <= min : d < min;
    const bool aboveMax = maxExclusive ? d >= max : d > max;
    if (belowMin || aboveMax) {
      error(key, std::string("expected a number ") + (minExclusive ? "greater than " : "from ") +
                     shortValue(Json(min)) + (maxExclusive ? " and less than " : " to ") +
                     shortValue(Json(max)) + ", found " + shortValue(*value));
      return std::nullopt;
    }
    return d;
  }

  std::optional<bool> boolean(const std::string& key) {
    const Json* value = field(key);
    if (value == nullptr || !typeIs(key, *value, value->is_boolean(), "true or false")) {
      return std::nullopt;
    }
    return value->get<bool>();
  }

  template <typename Enum>
  std::optional<Enum> enumeration(const std::string& key, bool isRequired,
                                  std::optional<Enum> (*parse)(std::string_view),
                                  const char* choices) {
    const Json* value = isRequired ? required(key, choices) : field(key);
    if (value == nullptr) return std::nullopt;
    if (value->is_string()) {
      if (auto parsed = parse(value->get_ref<const std::string&>())) return parsed;
    }
    error(key, std::string("expected one of ") + choices + ", found " + shortValue(*value));
    return std::nullopt;
  }

  // A list of non-empty strings, or nothing when absent or of the wrong type.
  std::optional<std::vector<std::string>> stringList(const std::string& key, bool isRequired) {
    const Json* value = isRequired ? required(key, "an array of strings") : field(key);
    if (value == nullptr || !typeIs(key, *value, value->is_array(), "an array of strings")) {
      return std::nullopt;
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < value->size(); ++i) {
      const Json& element = (*value)[i];
      const std::string elementPath = jsonPathIndex(pathOf(key), i);
      if (!element.is_string()) {
        diagnostics_.error(file_, elementPath, "expected a string, found " + typeName(element));
      } else if (element.get_ref<const std::string&>().empty()) {
        diagnostics_.error(file_, elementPath, "expected a non-empty string");
      } else {
        out.push_back(element.get<std::string>());
      }
    }
    return out;
  }

  const Json* object(const std::string& key, bool isRequired) {
    const Json* value = isRequired ? required(key, "an object") : field(key);
    if (value == nullptr || !typeIs(key, *value, value->is_object(), "an object")) return nullptr;
    return value;
  }

  const Json* array(const std::string& key, bool isRequired) {
    const Json* value = isRequired ? required(key, "an array") : field(key);
    if (value == nullptr || !typeIs(key, *value, value->is_array(), "an array")) return nullptr;
    return value;
  }

  // The fields not asked for, in file order, each named in a warning.
  ExtraFields unknownFields() const {
    ExtraFields extra;
    for (auto it = object_.begin(); it != object_.end(); ++it) {
      if (known_.count(it.key()) != 0) continue;
      diagnostics_.warning(file_, pathOf(it.key()),
                           "unknown field \"" + it.key() + "\" (kept as is when saved)");
      extra.emplace_back(it.key(), it->dump(-1, ' ', false, Json::error_handler_t::replace));
    }
    return extra;
  }

  const std::string& file() const { return file_; }
  Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  const std::string& file_;
  Diagnostics& diagnostics_;
  const Json& object_;
  std::string path_;
  std::set<std::string> known_;
};

class DocumentReader {
 public:
  DocumentReader(const std::string& file, Diagnostics& diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  Project readProject(const Json& root) {
    Project project;
    if (!root.is_object()) {
      diagnostics_.error(file_, "",
                         "expected a kvlab/1 project (a JSON object), found " + typeName(root));
      return project;
    }
    ObjectReader r(file_, diagnostics_, root, "");
    if (auto format = r.string("format", true)) {
      if (*format != kFormatName) {
        r.error("format", "expected \"kvlab/1\", found \"" + *format +
                              "\" (a file of another format or a newer version)");
      }
      project.format = *format;
    }
    project.name = r.string("name", true).value_or("");
    project.description = r.string("description", false, true);
    project.source = r.string("source", false, true);
    if (const Json* list = r.array("entities", true)) {
      readList(*list, r.pathOf("entities"), project.entities, &DocumentReader::readEntity);
    }
    if (const Json* list = r.array("relationships", false)) {
      readList(*list, r.pathOf("relationships"), project.relationships,
               &DocumentReader::readRelationship);
    }
    if (const Json* list = r.array("accessPatterns", false)) {
      readList(*list, r.pathOf("accessPatterns"), project.accessPatterns,
               &DocumentReader::readPattern);
    }
    if (const Json* list = r.array("designs", false)) {
      readList(*list, r.pathOf("designs"), project.designs, &DocumentReader::readDesign);
    }
    if (const Json* list = r.array("workloads", false)) {
      readList(*list, r.pathOf("workloads"), project.workloads, &DocumentReader::readWorkload);
    }
    if (const Json* diagram = r.object("diagram", false)) {
      ObjectReader dr(file_, diagnostics_, *diagram, r.pathOf("diagram"));
      project.diagram = readDiagram(dr);
    }
    project.extra = r.unknownFields();
    return project;
  }

 private:
  template <typename T>
  void readList(const Json& list, const std::string& path, std::vector<T>& out,
                T (DocumentReader::*readOne)(ObjectReader&)) {
    if (list.size() > kMaxListLength) {
      diagnostics_.error(file_, path,
                         "more than " + std::to_string(kMaxListLength) + " elements (the limit)");
      return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string elementPath = jsonPathIndex(path, i);
      if (!list[i].is_object()) {
        diagnostics_.error(file_, elementPath, "expected an object, found " + typeName(list[i]));
        continue;
      }
      ObjectReader element(file_, diagnostics_, list[i], elementPath);
      out.push_back((this->*readOne)(element));
    }
  }

  // The studio's `diagram`: {"positions": {"Entity": [x, y]}}. Names that refer to no entity are
  // the validator's to report.
  Diagram readDiagram(ObjectReader& r) {
    Diagram diagram;
    const Json* positions = r.object("positions", false);
    if (positions != nullptr && positions->size() > kMaxListLength) {
      r.error("positions",
              "more than " + std::to_string(kMaxListLength) + " positions (the limit)");
      positions = nullptr;
    }
    if (positions != nullptr) {
      for (auto it = positions->begin(); it != positions->end(); ++it) {
        const std::string path = jsonPathMember(r.pathOf("positions"), it.key());
        if (auto point = readPoint(*it, path)) {
          diagram.positions.push_back(DiagramPosition{it.key(), point->first, point->second});
        }
      }
    }
    diagram.extra = r.unknownFields();
    return diagram;
  }

  // [x, y] with both coordinates within +-kMaxDiagramCoordinate, or nothing (and an error at
  // `path`, or at the coordinate that is wrong).
  std::optional<std::pair<double, double>> readPoint(const Json& value, const std::string& path) {
    const std::string range =
        "from -" + std::to_string(static_cast<std::int64_t>(kMaxDiagramCoordinate)) + " to " +
        std::to_string(static_cast<std::int64_t>(kMaxDiagramCoordinate));
    if (!value.is_array() || value.size() != 2) {
      diagnostics_.error(file_, path,
                         "expected [x, y], two numbers " + range + ", found " + shortValue(value));
      return std::nullopt;
    }
    bool ok = true;
    for (std::size_t i = 0; i < 2; ++i) {
      const Json& coordinate = value[i];
      if (!coordinate.is_number() || std::fabs(coordinate.get<double>()) > kMaxDiagramCoordinate) {
        diagnostics_.error(file_, jsonPathIndex(path, i),
                           "expected a number " + range + ", found " + shortValue(coordinate));
        ok = false;
      }
    }
    if (!ok) return std::nullopt;
    return std::make_pair(value[0].get<double>(), value[1].get<double>());
  }

  Attribute readAttribute(ObjectReader& r) {
    Attribute a;
    a.name = r.string("name", true).value_or("");
    a.type = r.enumeration<AttributeType>("type", true, &parseAttributeType,
                                          "S, N, B, BOOL, NULL, L, M, SS, NS or BS")
                 .value_or(AttributeType::S);
    a.size = r.integer("size", 0, kMaxItemBytes);
    a.format = r.string("format", false);
    if (a.format && a.format->starts_with("enum:") && a.format->size() == 5) {
      r.error("format", "expected at least one value after \"enum:\" (enum:a|b|c)");
    }
    a.distinct = r.integer("distinct", 1, kMaxCount);
    a.presence = r.number("presence", 0, 1, false, true, false);
    a.extra = r.unknownFields();
    return a;
  }

  Entity readEntity(ObjectReader& r) {
    Entity e;
    e.name = r.string("name", true).value_or("");
    e.identifier = r.stringList("identifier", true).value_or(std::vector<std::string>{});
    if (const Json* list = r.array("attributes", true)) {
      readList(*list, r.pathOf("attributes"), e.attributes, &DocumentReader::readAttribute);
    }
    e.count = r.integer("count", 0, kMaxCount);
    e.stored = r.boolean("stored");
    e.extra = r.unknownFields();
    return e;
  }

  Relationship readRelationship(ObjectReader& r) {
    Relationship rel;
    rel.name = r.string("name", false);
    rel.from = r.string("from", true).value_or("");
    rel.to = r.string("to", true).value_or("");
    rel.kind = r.enumeration<RelationshipKind>("kind", true, &parseRelationshipKind,
                                               "one-to-one, one-to-many or many-to-many")
                   .value_or(RelationshipKind::OneToMany);
    if (const Json* fanout = r.object("fanout", false)) {
      ObjectReader f(file_, diagnostics_, *fanout, r.pathOf("fanout"));
      Fanout out;
      out.mean = f.number("mean", 0, static_cast<double>(kMaxCount), true).value_or(0);
      out.max = f.integer("max", 0, kMaxCount);
      if (out.max && static_cast<double>(*out.max) < out.mean) {
        f.error("max", "expected a maximum of at least the mean (" + shortValue(Json(out.mean)) +
                           "), found " + std::to_string(*out.max));
      }
      out.extra = f.unknownFields();
      rel.fanout = out;
    }
    rel.extra = r.unknownFields();
    return rel;
  }

  AccessPattern readPattern(ObjectReader& r) {
    AccessPattern p;
    p.id = r.string("id", true).value_or("");
    p.name = r.string("name", true, true).value_or("");
    p.action = r.enumeration<Action>("action", true, &parseAction,
                                     "get, query, scan, put, update, delete, transaction or "
                                     "aggregate")
                   .value_or(Action::Get);
    p.entities = r.stringList("entities", true).value_or(std::vector<std::string>{});
    if (p.entities.empty() && r.field("entities") != nullptr && r.field("entities")->is_array()) {
      r.error("entities", "expected at least one entity: a pattern must read or write something");
    }
    p.equals = r.stringList("equals", false).value_or(std::vector<std::string>{});
    if (const Json* range = r.object("range", false)) {
      ObjectReader rr(file_, diagnostics_, *range, r.pathOf("range"));
      KeyRange out;
      out.attribute = rr.string("attribute", true).value_or("");
      out.op =
          rr.enumeration<RangeOp>("op", true, &parseRangeOp, "between, begins_with, <, <=, > or >=")
              .value_or(RangeOp::Between);
      out.extra = rr.unknownFields();
      p.range = out;
    }
    p.order = r.enumeration<SortOrder>("order", false, &parseSortOrder, "asc or desc");
    p.sortBy = r.string("sortBy", false);
    p.filter = r.stringList("filter", false);
    p.limit = r.integer("limit", 1, kMaxCount);
    if (const Json* aggregate = r.object("aggregate", false)) {
      ObjectReader ar(file_, diagnostics_, *aggregate, r.pathOf("aggregate"));
      AggregateSpec out;
      out.function = ar.enumeration<AggregateFunction>("function", true, &parseAggregateFunction,
                                                       "count, sum, min or max")
                         .value_or(AggregateFunction::Count);
      out.attribute = ar.string("attribute", false);
      if (!out.attribute && out.function != AggregateFunction::Count &&
          ar.field("attribute") == nullptr) {
        ar.error("attribute", "missing required field; expected the attribute to " +
                                  std::string(aggregateFunctionName(out.function)));
      }
      out.extra = ar.unknownFields();
      p.aggregate = out;
    }
    p.consistency =
        r.enumeration<Consistency>("consistency", false, &parseConsistency, "eventual or strong");
    p.itemsPerRequest = r.integer("itemsPerRequest", 1, kMaxItemsPerRequest);
    if (const Json* rate = r.object("rate", false)) {
      ObjectReader rr(file_, diagnostics_, *rate, r.pathOf("rate"));
      Rate out;
      out.mean = rr.number("mean", 0, kMaxRate, true).value_or(0);
      out.peak = rr.number("peak", 0, kMaxRate);
      if (out.peak && *out.peak < out.mean) {
        rr.error("peak", "expected a peak of at least the mean rate (" +
                             shortValue(Json(out.mean)) + "), found " +
                             shortValue(Json(*out.peak)));
      }
      out.extra = rr.unknownFields();
      p.rate = out;
    }
    p.keyDistribution = readKeyDistribution(r);
    p.cache = readCacheSpec(r);
    p.extra = r.unknownFields();
    return p;
  }

  // A pattern's `cache`: the shape here; known commands and positive times in the validator.
  std::optional<CacheSpec> readCacheSpec(ObjectReader& r) {
    const Json* cache = r.object("cache", false);
    if (cache == nullptr) return std::nullopt;
    ObjectReader cr(file_, diagnostics_, *cache, r.pathOf("cache"));
    CacheSpec out;
    out.command = cr.string("command", false);
    out.ttlSeconds = cr.number("ttlSeconds", -kMaxSeconds, kMaxSeconds);
    out.top = cr.integer("top", 1, kMaxCount);
    if (const Json* limit = cr.object("rateLimit", false)) {
      ObjectReader lr(file_, diagnostics_, *limit, cr.pathOf("rateLimit"));
      CacheRateLimit rl;
      rl.algorithm =
          lr.enumeration<CacheRateLimitAlgorithm>("algorithm", true, &parseCacheRateLimitAlgorithm,
                                                  "fixed-window, sliding-window or token-bucket")
              .value_or(CacheRateLimitAlgorithm::FixedWindow);
      rl.limit = lr.integer("limit", 1, kMaxCount, true).value_or(1);
      rl.windowSeconds = lr.number("windowSeconds", -kMaxSeconds, kMaxSeconds, true).value_or(1);
      rl.extra = lr.unknownFields();
      out.rateLimit = rl;
    }
    out.extra = cr.unknownFields();
    return out;
  }

  std::optional<KeyDistribution> readKeyDistribution(ObjectReader& r) {
    const Json* distribution = r.object("keyDistribution", false);
    if (distribution == nullptr) return std::nullopt;
    ObjectReader dr(file_, diagnostics_, *distribution, r.pathOf("keyDistribution"));
    KeyDistribution out;
    out.kind = dr.enumeration<KeyDistributionKind>(
                     "kind", true, &parseKeyDistributionKind,
                     "uniform, zipfian, ycsb-scrambled, hotspot, latest or exponential")
                   .value_or(KeyDistributionKind::Uniform);
    // YCSB's generator (Gray et al.) needs 0 < theta < 1: alpha = 1 / (1 - theta).
    out.theta = dr.number("theta", 0, 1, false, true, true);
    out.hotFraction = dr.number("hotFraction", 0, 1, false, true, false);
    out.hotOpFraction = dr.number("hotOpFraction", 0, 1);
    out.extra = dr.unknownFields();
    return out;
  }

  // A rate over time: the fields its shape needs are required, the others refused.
  RateSpec readRateSpec(ObjectReader& r) {
    RateSpec spec;
    spec.shape = r.enumeration<RateShape>("shape", true, &parseRateShape,
                                          "constant, ramp, spike, daily or csv")
                     .value_or(RateShape::Constant);
    struct Field {
      const char* name;
      std::optional<double> RateSpec::*member;
      bool isRate;
    };
    const Field fields[] = {{"rate", &RateSpec::rate, true},
                            {"from", &RateSpec::from, true},
                            {"to", &RateSpec::to, true},
                            {"base", &RateSpec::base, true},
                            {"mean", &RateSpec::mean, true},
                            {"peak", &RateSpec::peak, true},
                            {"startSeconds", &RateSpec::startSeconds, false},
                            {"durationSeconds", &RateSpec::durationSeconds, false},
                            {"lengthSeconds", &RateSpec::lengthSeconds, false},
                            {"dayLengthSeconds", &RateSpec::dayLengthSeconds, false}};
    std::vector<std::string> needed;
    switch (spec.shape) {
      case RateShape::Constant:
        needed = {"rate"};
        break;
      case RateShape::Ramp:
        needed = {"from", "to", "durationSeconds"};
        break;
      case RateShape::Spike:
        needed = {"base", "peak", "startSeconds", "lengthSeconds"};
        break;
      case RateShape::Daily:
        needed = {"mean", "peak"};
        break;
      case RateShape::Csv:
        break;
    }
    for (const Field& field : fields) {
      const bool isNeeded = std::find(needed.begin(), needed.end(), field.name) != needed.end();
      spec.*field.member = r.number(field.name, 0, field.isRate ? kMaxRate : kMaxSeconds, isNeeded);
    }
    spec.file = r.string("file", spec.shape == RateShape::Csv);
    if (spec.shape == RateShape::Daily && spec.mean && spec.peak && *spec.peak < *spec.mean) {
      r.error("peak", "expected a peak of at least the mean rate");
    }
    if (spec.shape == RateShape::Spike && spec.base && spec.peak && *spec.peak < *spec.base) {
      r.error("peak", "expected a peak of at least the base rate");
    }
    spec.extra = r.unknownFields();
    return spec;
  }

  Workload readWorkload(ObjectReader& r) {
    Workload w;
    w.name = r.string("name", true).value_or("");
    w.durationSeconds = r.number("durationSeconds", 0, kMaxSeconds, false, true);
    if (auto seed = r.integer("seed", 0, std::numeric_limits<std::int64_t>::max())) {
      w.seed = static_cast<std::uint64_t>(*seed);
    }
    if (const Json* patterns = r.object("patterns", false)) {
      for (auto it = patterns->begin(); it != patterns->end(); ++it) {
        const std::string path = jsonPathMember(r.pathOf("patterns"), it.key());
        if (!it->is_object()) {
          diagnostics_.error(file_, path, "expected an object, found " + typeName(*it));
          continue;
        }
        ObjectReader pr(file_, diagnostics_, *it, path);
        PatternWorkload pw;
        pw.patternId = it.key();
        if (const Json* rate = pr.object("rate", false)) {
          ObjectReader rr(file_, diagnostics_, *rate, pr.pathOf("rate"));
          pw.rate = readRateSpec(rr);
        }
        pw.keyDistribution = readKeyDistribution(pr);
        pw.consistency = pr.enumeration<Consistency>("consistency", false, &parseConsistency,
                                                     "eventual or strong");
        pw.extra = pr.unknownFields();
        w.patterns.push_back(std::move(pw));
      }
    }
    w.extra = r.unknownFields();
    return w;
  }

  // {"Order": {"PK": "...", "SK": "..."}, ...} at `path`.
  std::vector<EntityKeys> readEntityKeys(const Json& object, const std::string& path) {
    std::vector<EntityKeys> out;
    for (auto it = object.begin(); it != object.end(); ++it) {
      const std::string entityPath = jsonPathMember(path, it.key());
      if (!it->is_object()) {
        diagnostics_.error(file_, entityPath,
                           "expected an object of key templates, found " + typeName(*it));
        continue;
      }
      EntityKeys keys{it.key(), {}};
      for (auto key = it->begin(); key != it->end(); ++key) {
        if (!key->is_string()) {
          diagnostics_.error(file_, jsonPathMember(entityPath, key.key()),
                             "expected a key template string, found " + typeName(*key));
          continue;
        }
        keys.templates.emplace_back(key.key(), key->get<std::string>());
      }
      out.push_back(std::move(keys));
    }
    return out;
  }

  SecondaryIndex readIndex(ObjectReader& r, bool isLocal) {
    SecondaryIndex index;
    index.name = r.string("name", true).value_or("");
    index.pk = r.string("pk", !isLocal);
    if (const Json* sk = r.field("sk"); sk != nullptr && !sk->is_null()) {
      index.sk = r.string("sk", false);
    } else if (isLocal) {
      r.error("sk", "missing required field; expected the local index's sort key attribute");
    }
    index.projection = r.enumeration<Projection>("projection", false, &parseProjection,
                                                 "ALL, KEYS_ONLY or INCLUDE");
    index.include = r.stringList("include", false);
    if (const Json* keys = r.object("entityKeys", false)) {
      index.entityKeys = readEntityKeys(*keys, r.pathOf("entityKeys"));
    }
    index.extra = r.unknownFields();
    return index;
  }
  SecondaryIndex readGsi(ObjectReader& r) { return readIndex(r, false); }
  SecondaryIndex readLsi(ObjectReader& r) { return readIndex(r, true); }

  Design readDesign(ObjectReader& r) {
    Design d;
    d.name = r.string("name", true).value_or("");
    if (const Json* table = r.object("table", true)) {
      ObjectReader t(file_, diagnostics_, *table, r.pathOf("table"));
      d.table.name = t.string("name", true).value_or("");
      d.table.pk = t.string("pk", true).value_or("");
      if (const Json* sk = t.field("sk"); sk != nullptr && !sk->is_null()) {
        d.table.sk = t.string("sk", false);
      }
      d.table.extra = t.unknownFields();
    }
    if (const Json* keys = r.object("entityKeys", true)) {
      d.entityKeys = readEntityKeys(*keys, r.pathOf("entityKeys"));
    }
    if (const Json* list = r.array("gsis", false)) {
      readList(*list, r.pathOf("gsis"), d.gsis, &DocumentReader::readGsi);
    }
    if (const Json* list = r.array("lsis", false)) {
      readList(*list, r.pathOf("lsis"), d.lsis, &DocumentReader::readLsi);
    }
    if (const Json* plan = r.object("plan", false)) {
      std::vector<StatedPlan> stated;
      for (auto it = plan->begin(); it != plan->end(); ++it) {
        const std::string planPath = jsonPathMember(r.pathOf("plan"), it.key());
        if (!it->is_object()) {
          diagnostics_.error(file_, planPath, "expected an object, found " + typeName(*it));
          continue;
        }
        ObjectReader p(file_, diagnostics_, *it, planPath);
        StatedPlan out;
        out.patternId = it.key();
        out.index = p.string("index", false);
        out.operation = p.enumeration<Operation>(
            "operation", false, &parseOperation,
            "GetItem, Query, Scan, BatchGetItem, PutItem, UpdateItem, DeleteItem, "
            "TransactWriteItems or TransactGetItems");
        out.keyCondition = p.string("keyCondition", false, true);
        out.extra = p.unknownFields();
        stated.push_back(std::move(out));
      }
      d.plan = std::move(stated);
    }
    d.extra = r.unknownFields();
    return d;
  }

  const std::string& file_;
  Diagnostics& diagnostics_;
};

// Thrown from the parser callback to stop at a limit; caught in readProjectJson.
struct JsonLimitExceeded {
  std::string path;
  std::string message;
};

// Follows the parse to know the JSON path of each event, so that duplicate keys can be reported
// where they are, and stops nesting beyond the limit.
class ParseTracker {
 public:
  explicit ParseTracker(std::vector<Diagnostic>& duplicates, const std::string& file)
      : duplicates_(duplicates), file_(file) {}

  bool onEvent(int depth, Json::parse_event_t event, Json& parsed) {
    using E = Json::parse_event_t;
    switch (event) {
      case E::object_start:
      case E::array_start: {
        if (depth >= kMaxJsonDepth) {
          throw JsonLimitExceeded{
              childPath(),
              "nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels (the limit)"};
        }
        std::string path = childPath();
        frames_.push_back(Frame{event == E::array_start, std::move(path), 0, {}, {}});
        return true;
      }
      case E::object_end:
      case E::array_end:
        if (!frames_.empty()) frames_.pop_back();
        return true;
      case E::key: {
        Frame& frame = frames_.back();
        frame.key = parsed.get<std::string>();
        if (!frame.keys.insert(frame.key).second) {
          duplicates_.push_back(
              Diagnostic{Severity::Error, file_, jsonPathMember(frame.path, frame.key),
                         std::nullopt, std::nullopt,
                         "duplicate key \"" + frame.key + "\" in one object (the first is kept)"});
          return false;
        }
        return true;
      }
      case E::value:
        if (!frames_.empty() && frames_.back().isArray) ++frames_.back().count;
        return true;
    }
    return true;
  }

 private:
  struct Frame {
    bool isArray = false;
    std::string path;
    std::size_t count = 0;
    std::string key;
    std::unordered_set<std::string> keys;
  };

  // The path of the value that starts now, advancing the index of an enclosing array.
  std::string childPath() {
    if (frames_.empty()) return {};
    Frame& frame = frames_.back();
    if (frame.isArray) return jsonPathIndex(frame.path, frame.count++);
    return jsonPathMember(frame.path, frame.key);
  }

  std::vector<Frame> frames_;
  std::vector<Diagnostic>& duplicates_;
  const std::string& file_;
};

// 1-based line and column of the 1-based byte position `byte` in `text`.
std::pair<int, int> lineAndColumn(std::string_view text, std::size_t byte) {
  int line = 1;
  std::size_t lineStart = 0;
  const std::size_t end = std::min(byte > 0 ? byte - 1 : 0, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      lineStart = i + 1;
    }
  }
  return {line, static_cast<int>(end - lineStart + 1)};
}

// nlohmann's message without its "[json.exception.parse_error.101] parse error at line 1, ..."
// prefix, which repeats what the diagnostic already says.
std::string parseErrorMessage(const std::string& what) {
  const std::size_t colon = what.find(": ");
  std::string message = colon == std::string::npos ? what : what.substr(colon + 2);
  return "malformed JSON: " + message;
}

// nlohmann's "[json.exception.out_of_range.406] number overflow parsing '1e400'": a number beyond
// a double's range, the one malformed text it reports with another exception and no position.
std::string numberOverflowMessage(const std::string& what) {
  const std::size_t bracket = what.find("] ");
  const std::string message = bracket == std::string::npos ? what : what.substr(bracket + 2);
  return "malformed JSON: " + message + "; expected a number of magnitude at most 1.8e308";
}

// --- writing ---

Json numberJson(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 9.0e15) {
    return Json(static_cast<std::int64_t>(value));
  }
  return Json(value);
}

void putExtra(Json& object, const ExtraFields& extra) {
  for (const auto& [key, text] : extra) {
    object[key] = Json::parse(text, nullptr, false);
  }
}

Json entityKeysJson(const std::vector<EntityKeys>& keys) {
  Json out = Json::object();
  for (const EntityKeys& entity : keys) {
    Json templates = Json::object();
    for (const auto& [attribute, text] : entity.templates) templates[attribute] = text;
    out[entity.entity] = std::move(templates);
  }
  return out;
}

Json indexJson(const SecondaryIndex& index) {
  Json out = Json::object();
  out["name"] = index.name;
  if (index.pk) out["pk"] = *index.pk;
  out["sk"] = index.sk ? Json(*index.sk) : Json(nullptr);
  if (index.projection) out["projection"] = projectionName(*index.projection);
  if (index.include) out["include"] = *index.include;
  out["entityKeys"] = entityKeysJson(index.entityKeys);
  putExtra(out, index.extra);
  return out;
}

Json keyDistributionJson(const KeyDistribution& d) {
  Json distribution = {{"kind", keyDistributionKindName(d.kind)}};
  if (d.theta) distribution["theta"] = numberJson(*d.theta);
  if (d.hotFraction) distribution["hotFraction"] = numberJson(*d.hotFraction);
  if (d.hotOpFraction) distribution["hotOpFraction"] = numberJson(*d.hotOpFraction);
  putExtra(distribution, d.extra);
  return distribution;
}

Json workloadJson(const Workload& w) {
  Json out = Json::object();
  out["name"] = w.name;
  if (w.durationSeconds) out["durationSeconds"] = numberJson(*w.durationSeconds);
  if (w.seed) out["seed"] = *w.seed;
  Json patterns = Json::object();
  for (const PatternWorkload& p : w.patterns) {
    Json pattern = Json::object();
    if (p.rate) {
      const RateSpec& r = *p.rate;
      Json rate = {{"shape", rateShapeName(r.shape)}};
      const std::pair<const char*, const std::optional<double>*> fields[] = {
          {"rate", &r.rate},
          {"from", &r.from},
          {"to", &r.to},
          {"base", &r.base},
          {"mean", &r.mean},
          {"peak", &r.peak},
          {"startSeconds", &r.startSeconds},
          {"durationSeconds", &r.durationSeconds},
          {"lengthSeconds", &r.lengthSeconds},
          {"dayLengthSeconds", &r.dayLengthSeconds}};
      for (const auto& [name, value] : fields) {
        if (*value) rate[name] = numberJson(**value);
      }
      if (r.file) rate["file"] = *r.file;
      putExtra(rate, r.extra);
      pattern["rate"] = std::move(rate);
    }
    if (p.keyDistribution) pattern["keyDistribution"] = keyDistributionJson(*p.keyDistribution);
    if (p.consistency) pattern["consistency"] = consistencyName(*p.consistency);
    putExtra(pattern, p.extra);
    patterns[p.patternId] = std::move(pattern);
  }
  out["patterns"] = std::move(patterns);
  putExtra(out, w.extra);
  return out;
}

Json patternJson(const AccessPattern& p) {
  Json out = Json::object();
  out["id"] = p.id;
  out["name"] = p.name;
  out["action"] = actionName(p.action);
  out["entities"] = p.entities;
  if (!p.equals.empty()) out["equals"] = p.equals;
  if (p.range) {
    Json range = {{"attribute", p.range->attribute}, {"op", rangeOpName(p.range->op)}};
    putExtra(range, p.range->extra);
    out["range"] = std::move(range);
  }
  if (p.order) out["order"] = sortOrderName(*p.order);
  if (p.sortBy) out["sortBy"] = *p.sortBy;
  if (p.filter) out["filter"] = *p.filter;
  if (p.limit) out["limit"] = *p.limit;
  if (p.aggregate) {
    Json aggregate = {{"function", aggregateFunctionName(p.aggregate->function)}};
    if (p.aggregate->attribute) aggregate["attribute"] = *p.aggregate->attribute;
    putExtra(aggregate, p.aggregate->extra);
    out["aggregate"] = std::move(aggregate);
  }
  if (p.consistency) out["consistency"] = consistencyName(*p.consistency);
  if (p.itemsPerRequest) out["itemsPerRequest"] = *p.itemsPerRequest;
  if (p.rate) {
    Json rate = {{"mean", numberJson(p.rate->mean)}};
    if (p.rate->peak) rate["peak"] = numberJson(*p.rate->peak);
    putExtra(rate, p.rate->extra);
    out["rate"] = std::move(rate);
  }
  if (p.keyDistribution) out["keyDistribution"] = keyDistributionJson(*p.keyDistribution);
  if (p.cache) {
    Json cache = Json::object();
    if (p.cache->command) cache["command"] = *p.cache->command;
    if (p.cache->ttlSeconds) cache["ttlSeconds"] = numberJson(*p.cache->ttlSeconds);
    if (p.cache->top) cache["top"] = *p.cache->top;
    if (p.cache->rateLimit) {
      const CacheRateLimit& rl = *p.cache->rateLimit;
      Json limit = {{"algorithm", cacheRateLimitAlgorithmName(rl.algorithm)},
                    {"limit", rl.limit},
                    {"windowSeconds", numberJson(rl.windowSeconds)}};
      putExtra(limit, rl.extra);
      cache["rateLimit"] = std::move(limit);
    }
    putExtra(cache, p.cache->extra);
    out["cache"] = std::move(cache);
  }
  putExtra(out, p.extra);
  return out;
}

Json designJson(const Design& d) {
  Json out = Json::object();
  out["name"] = d.name;
  Json table = {{"name", d.table.name}, {"pk", d.table.pk}};
  table["sk"] = d.table.sk ? Json(*d.table.sk) : Json(nullptr);
  putExtra(table, d.table.extra);
  out["table"] = std::move(table);
  out["entityKeys"] = entityKeysJson(d.entityKeys);
  out["gsis"] = Json::array();
  for (const SecondaryIndex& gsi : d.gsis) out["gsis"].push_back(indexJson(gsi));
  if (!d.lsis.empty()) {
    out["lsis"] = Json::array();
    for (const SecondaryIndex& lsi : d.lsis) out["lsis"].push_back(indexJson(lsi));
  }
  if (d.plan) {
    Json plan = Json::object();
    for (const StatedPlan& stated : *d.plan) {
      Json entry = Json::object();
      if (stated.index) entry["index"] = *stated.index;
      if (stated.operation) entry["operation"] = operationName(*stated.operation);
      if (stated.keyCondition) entry["keyCondition"] = *stated.keyCondition;
      putExtra(entry, stated.extra);
      plan[stated.patternId] = std::move(entry);
    }
    out["plan"] = std::move(plan);
  }
  putExtra(out, d.extra);
  return out;
}

}  // namespace

ProjectReadResult readProjectJson(std::string_view text, const std::string& file) {
  ProjectReadResult result;
  if (text.size() > kMaxDocumentBytes) {
    result.diagnostics.error(file, "",
                             "the file is " + std::to_string(text.size()) +
                                 " bytes; a kvlab/1 document may be at most " +
                                 std::to_string(kMaxDocumentBytes) + " bytes");
    return result;
  }
  std::vector<Diagnostic> duplicates;
  ParseTracker tracker(duplicates, file);
  Json root;
  try {
    root = Json::parse(text.begin(), text.end(),
                       [&tracker](int depth, Json::parse_event_t event, Json& parsed) {
                         return tracker.onEvent(depth, event, parsed);
                       });
  } catch (const Json::parse_error& e) {
    const auto [line, column] = lineAndColumn(text, e.byte);
    result.diagnostics.add(
        Diagnostic{Severity::Error, file, "", line, column, parseErrorMessage(e.what())});
    return result;
  } catch (const Json::out_of_range& e) {
    // Not a parse_error, so before this catch such a number ended the program.
    result.diagnostics.error(file, "", numberOverflowMessage(e.what()));
    return result;
  } catch (const JsonLimitExceeded& e) {
    result.diagnostics.error(file, e.path, e.message);
    return result;
  }
  result.parsed = true;
  for (Diagnostic& d : duplicates) result.diagnostics.add(std::move(d));
  DocumentReader reader(file, result.diagnostics);
  result.project = reader.readProject(root);
  return result;
}

std::string writeProjectJson(const Project& project) {
  Json root = Json::object();
  root["format"] = project.format;
  root["name"] = project.name;
  if (project.description) root["description"] = *project.description;
  if (project.source) root["source"] = *project.source;

  root["entities"] = Json::array();
  for (const Entity& e : project.entities) {
    Json entity = Json::object();
    entity["name"] = e.name;
    entity["identifier"] = e.identifier;
    if (e.count) entity["count"] = *e.count;
    if (e.stored) entity["stored"] = *e.stored;
    entity["attributes"] = Json::array();
    for (const Attribute& a : e.attributes) {
      Json attribute = {{"name", a.name}, {"type", attributeTypeName(a.type)}};
      if (a.size) attribute["size"] = *a.size;
      if (a.format) attribute["format"] = *a.format;
      if (a.distinct) attribute["distinct"] = *a.distinct;
      if (a.presence) attribute["presence"] = *a.presence;
      putExtra(attribute, a.extra);
      entity["attributes"].push_back(std::move(attribute));
    }
    putExtra(entity, e.extra);
    root["entities"].push_back(std::move(entity));
  }

  root["relationships"] = Json::array();
  for (const Relationship& r : project.relationships) {
    Json relationship = Json::object();
    if (r.name) relationship["name"] = *r.name;
    relationship["from"] = r.from;
    relationship["to"] = r.to;
    relationship["kind"] = relationshipKindName(r.kind);
    if (r.fanout) {
      Json fanout = {{"mean", numberJson(r.fanout->mean)}};
      if (r.fanout->max) fanout["max"] = *r.fanout->max;
      putExtra(fanout, r.fanout->extra);
      relationship["fanout"] = std::move(fanout);
    }
    putExtra(relationship, r.extra);
    root["relationships"].push_back(std::move(relationship));
  }

  root["accessPatterns"] = Json::array();
  for (const AccessPattern& p : project.accessPatterns)
    root["accessPatterns"].push_back(patternJson(p));
  root["designs"] = Json::array();
  for (const Design& d : project.designs) root["designs"].push_back(designJson(d));
  if (!project.workloads.empty()) {
    root["workloads"] = Json::array();
    for (const Workload& w : project.workloads) root["workloads"].push_back(workloadJson(w));
  }
  if (project.diagram) {
    Json diagram = Json::object();
    Json positions = Json::object();
    for (const DiagramPosition& p : project.diagram->positions) {
      positions[p.entity] = Json::array({numberJson(p.x), numberJson(p.y)});
    }
    diagram["positions"] = std::move(positions);
    putExtra(diagram, project.diagram->extra);
    root["diagram"] = std::move(diagram);
  }
  putExtra(root, project.extra);
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace kvlab::model
