#pragma once
// Private to model/interop's .cpp files: it includes nlohmann/json, so no public header may
// include it (public headers of model/ carry no third-party type).

#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "model/io/diagnostic.h"
#include "model/schema/extra_fields.h"
#include "model/schema/project.h"
#include "model/status.h"

namespace kvlab::model::interop {

using Json = nlohmann::ordered_json;

// What a reader found wrong at one place of a foreign document. Thrown inside a reader's .cpp
// and caught at its public function, which turns it into a Status: it never crosses the API.
struct ReadFailure {
  ReadFailure(std::string path, std::string message, std::optional<int> line = std::nullopt,
              std::optional<int> column = std::nullopt)
      : path(std::move(path)), message(std::move(message)), line(line), column(column) {}

  std::string path;  // JSON path, empty for the whole document
  std::string message;
  std::optional<int> line;
  std::optional<int> column;
};

// "FILE:LINE:COL: error: PATH: MESSAGE" for a failure of `file`.
Status failureStatus(const std::string& file, const ReadFailure& failure);

// Parses JSON text (duplicate keys: the last wins, as JavaScript tools do). Throws ReadFailure
// with the line and column of malformed text.
Json parseJsonText(std::string_view text);

// "a string", "an object", ... for messages.
std::string jsonTypeName(const Json& value);
// The value, compact and cut to about 60 characters, for messages.
std::string shortJson(const Json& value);

// Reading helpers: each throws ReadFailure naming `path` (the object's path) and the key when the
// value is missing or of the wrong type.
const Json& expectObject(const Json& value, const std::string& path);
const Json& expectArray(const Json& value, const std::string& path);
const std::string& expectString(const Json& value, const std::string& path);
const Json& requireMember(const Json& object, const std::string& key, const std::string& path);
const Json* optionalMember(const Json& object, const std::string& key);
const std::string& requireString(const Json& object, const std::string& key,
                                 const std::string& path);
std::optional<std::string> optionalString(const Json& object, const std::string& key,
                                          const std::string& path);
// A non-negative integer (a number, or a string of digits as some tools write it).
std::optional<long long> optionalCount(const Json& object, const std::string& key,
                                       const std::string& path);

// Throws ReadFailure at `path` unless `name` is a valid DynamoDB table or index name; `what` is
// "table" or "index".
void checkTableName(const std::string& name, const std::string& path, const char* what);

// Throws ReadFailure unless `project`, made by a reader, validates without error: the net under
// the readers' own checks, so that an import never gives a project that fails validation. The
// message gives the project's JSON path of the first error and what was expected there.
void requireValidProject(const Project& project);

// The members of `object` whose key is not in `known`, in file order.
Json unknownMembers(const Json& object, std::initializer_list<std::string_view> known);

// ExtraFields access: the field `key` parsed, or null JSON when absent; set or replace a field.
Json extraJson(const ExtraFields& extra, std::string_view key);
void setExtra(ExtraFields& extra, const std::string& key, const Json& value);

}  // namespace kvlab::model::interop
