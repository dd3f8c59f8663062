#include "model/interop/json_support.h"

#include <algorithm>

#include "model/io/json_path.h"
#include "model/schema/project_validator.h"

namespace kvlab::model::interop {

Status failureStatus(const std::string& file, const ReadFailure& failure) {
  Diagnostic d{Severity::Error, file, failure.path, failure.line, failure.column, failure.message};
  return Status::Error(formatDiagnostic(d));
}

namespace {

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

}  // namespace

Json parseJsonText(std::string_view text) {
  constexpr int kMaxDepth = 128;
  try {
    return Json::parse(text.begin(), text.end(), [](int depth, Json::parse_event_t, Json&) {
      if (depth > kMaxDepth) {
        throw ReadFailure{
            "", "the document nests more than " + std::to_string(kMaxDepth) + " levels deep"};
      }
      return true;
    });
  } catch (const Json::parse_error& e) {
    const auto [line, column] = lineAndColumn(text, e.byte);
    const std::string what = e.what();
    const std::size_t colon = what.find(": ");
    throw ReadFailure{
        "", "malformed JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)), line,
        column};
  } catch (const Json::out_of_range& e) {
    // A number beyond a double's range ("[json.exception.out_of_range.406] number overflow
    // parsing '1e400'"), which nlohmann reports without a place.
    std::string what = e.what();
    const std::size_t bracket = what.find("] ");
    if (bracket != std::string::npos) what = what.substr(bracket + 2);
    throw ReadFailure{
        "", "malformed JSON: " + what + "; expected a number of magnitude at most 1.8e308"};
  } catch (const Json::exception& e) {
    throw ReadFailure{"", std::string("malformed JSON: ") + e.what()};
  }
}

std::string jsonTypeName(const Json& value) {
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

std::string shortJson(const Json& value) {
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

const Json& expectObject(const Json& value, const std::string& path) {
  if (!value.is_object())
    throw ReadFailure{path, "expected an object, found " + jsonTypeName(value)};
  return value;
}

const Json& expectArray(const Json& value, const std::string& path) {
  if (!value.is_array()) throw ReadFailure{path, "expected an array, found " + jsonTypeName(value)};
  return value;
}

const std::string& expectString(const Json& value, const std::string& path) {
  if (!value.is_string())
    throw ReadFailure{path, "expected a string, found " + jsonTypeName(value)};
  return value.get_ref<const std::string&>();
}

const Json& requireMember(const Json& object, const std::string& key, const std::string& path) {
  auto it = object.find(key);
  if (it == object.end()) {
    throw ReadFailure{jsonPathMember(path, key), "missing required field \"" + key + "\""};
  }
  return *it;
}

const Json* optionalMember(const Json& object, const std::string& key) {
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

const std::string& requireString(const Json& object, const std::string& key,
                                 const std::string& path) {
  const Json& value = requireMember(object, key, path);
  const std::string& text = expectString(value, jsonPathMember(path, key));
  if (text.empty()) throw ReadFailure{jsonPathMember(path, key), "expected a non-empty string"};
  return text;
}

std::optional<std::string> optionalString(const Json& object, const std::string& key,
                                          const std::string& path) {
  const Json* value = optionalMember(object, key);
  if (value == nullptr || value->is_null()) return std::nullopt;
  return expectString(*value, jsonPathMember(path, key));
}

std::optional<long long> optionalCount(const Json& object, const std::string& key,
                                       const std::string& path) {
  const Json* value = optionalMember(object, key);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (value->is_number_integer() && value->get<long long>() >= 0) return value->get<long long>();
  if (value->is_number_float() && value->get<double>() >= 0 &&
      value->get<double>() == static_cast<double>(static_cast<long long>(value->get<double>()))) {
    return static_cast<long long>(value->get<double>());
  }
  if (value->is_string()) {
    const std::string& text = value->get_ref<const std::string&>();
    if (!text.empty() && text.size() < 18 &&
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return std::stoll(text);
    }
  }
  throw ReadFailure{jsonPathMember(path, key),
                    "expected a non-negative integer, found " + shortJson(*value)};
}

void checkTableName(const std::string& name, const std::string& path, const char* what) {
  if (!isValidTableName(name)) {
    throw ReadFailure{path, std::string("expected a") + (what[0] == 'i' ? "n " : " ") + what +
                                " name of 3 to 255 letters, digits, '_', '-' or '.', found " +
                                shortJson(Json(name))};
  }
}

void requireValidProject(const Project& project) {
  Diagnostics diagnostics;
  validateProject(project, "", diagnostics);
  for (const Diagnostic& d : diagnostics.items()) {
    if (d.severity != Severity::Error) continue;
    throw ReadFailure{"", "the project it makes does not validate: " +
                              (d.path.empty() ? std::string() : d.path + ": ") + d.message};
  }
}

Json unknownMembers(const Json& object, std::initializer_list<std::string_view> known) {
  Json out = Json::object();
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (std::find(known.begin(), known.end(), it.key()) == known.end()) out[it.key()] = it.value();
  }
  return out;
}

Json extraJson(const ExtraFields& extra, std::string_view key) {
  for (const auto& [name, text] : extra) {
    if (name == key) return Json::parse(text, nullptr, false);
  }
  return Json();
}

void setExtra(ExtraFields& extra, const std::string& key, const Json& value) {
  const std::string text = value.dump();
  for (auto& [name, existing] : extra) {
    if (name == key) {
      existing = text;
      return;
    }
  }
  extra.emplace_back(key, text);
}

}  // namespace kvlab::model::interop
