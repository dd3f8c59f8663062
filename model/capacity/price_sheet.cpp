#include "model/capacity/price_sheet.h"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

namespace kvlab::model::capacity {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kFormat = "kvlab-prices/1";
constexpr std::string_view kDefaultSheet = "prices/us-east-1-2024-11.json";

std::string describe(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "the number " + value.dump();
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    default:
      return "another value";
  }
}

std::string join(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string indexed(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

bool isDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == 4 || i == 7) continue;
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

// Reads fields of the parsed document, recording every fault with its JSON path.
class SheetReader {
 public:
  explicit SheetReader(std::string file) : file_(std::move(file)) {}

  void fail(std::string path, std::string problem) {
    errors_.push_back(PriceSheetError{file_, std::move(path), std::move(problem)});
  }

  // The member `key` of `object`, or null after recording that it is missing.
  const Json* required(const Json& object, std::string_view key, const std::string& parent,
                       std::string_view expected) {
    auto it = object.find(std::string(key));
    if (it == object.end()) {
      fail(join(parent, key), "missing; expected " + std::string(expected));
      return nullptr;
    }
    return &*it;
  }

  const Json* object(const Json& parent, std::string_view key, const std::string& parentPath) {
    const Json* value = required(parent, key, parentPath, "an object");
    if (value == nullptr) return nullptr;
    if (!value->is_object()) {
      fail(join(parentPath, key), "expected an object, found " + describe(*value));
      return nullptr;
    }
    return value;
  }

  std::string text(const Json& parent, std::string_view key, const std::string& parentPath,
                   bool isRequired) {
    const std::string path = join(parentPath, key);
    auto it = parent.find(std::string(key));
    if (it == parent.end()) {
      if (isRequired) fail(path, "missing; expected a non-empty string");
      return {};
    }
    if (!it->is_string()) {
      fail(path, "expected a string, found " + describe(*it));
      return {};
    }
    std::string value = it->get<std::string>();
    if (isRequired && value.empty()) fail(path, "expected a non-empty string");
    return value;
  }

  // A number >= 0 (a price or an allowance); 0 after recording a fault.
  double amount(const Json& parent, std::string_view key, const std::string& parentPath,
                std::string_view meaning) {
    const std::string expected = "a number >= 0 (" + std::string(meaning) + ")";
    const Json* value = required(parent, key, parentPath, expected);
    if (value == nullptr) return 0;
    const std::string path = join(parentPath, key);
    if (!value->is_number()) {
      fail(path, "expected " + expected + ", found " + describe(*value));
      return 0;
    }
    const double number = value->get<double>();
    if (number < 0) {
      fail(path, "expected " + expected + ", found the negative number " + value->dump());
      return 0;
    }
    return number;
  }

  ClassPrices classPrices(const Json& classes, TableClass tableClass, const std::string& parent) {
    ClassPrices prices;
    const std::string_view key = tableClassKey(tableClass);
    const Json* node = object(classes, key, parent);
    if (node == nullptr) return prices;
    const std::string path = join(parent, key);
    if (const Json* onDemand = object(*node, "onDemand", path)) {
      const std::string at = join(path, "onDemand");
      prices.onDemandReadPerMillion = amount(*onDemand, "readRequestUnitsPerMillion", at,
                                             "price per million read request units");
      prices.onDemandWritePerMillion = amount(*onDemand, "writeRequestUnitsPerMillion", at,
                                              "price per million write request units");
    }
    if (const Json* provisioned = object(*node, "provisioned", path)) {
      const std::string at = join(path, "provisioned");
      prices.provisionedReadUnitHour =
          amount(*provisioned, "readCapacityUnitHour", at, "price per read capacity unit-hour");
      prices.provisionedWriteUnitHour =
          amount(*provisioned, "writeCapacityUnitHour", at, "price per write capacity unit-hour");
    }
    if (const Json* storage = object(*node, "storage", path)) {
      prices.storageGbMonth =
          amount(*storage, "gbMonth", join(path, "storage"), "price per GB-month");
    }
    if (const Json* freeTier = object(*node, "freeTier", path)) {
      const std::string at = join(path, "freeTier");
      prices.freeTier.readCapacityUnitHoursPerMonth =
          amount(*freeTier, "readCapacityUnitHoursPerMonth", at, "free read capacity unit-hours");
      prices.freeTier.writeCapacityUnitHoursPerMonth =
          amount(*freeTier, "writeCapacityUnitHoursPerMonth", at, "free write capacity unit-hours");
      prices.freeTier.storageGbMonth =
          amount(*freeTier, "storageGbMonth", at, "free GB-months of storage");
    }
    return prices;
  }

  PriceSheetLoad read(const Json& root) {
    if (!root.is_object()) {
      fail("", "expected a price sheet object, found " + describe(root));
      return finish(PriceSheet{});
    }
    PriceSheet sheet;
    const std::string format = text(root, "format", "", true);
    if (!format.empty() && format != kFormat) {
      fail("format", "expected \"" + std::string(kFormat) + "\", found \"" + format + "\"");
    }
    sheet.region = text(root, "region", "", true);
    sheet.effective = text(root, "effective", "", true);
    if (!sheet.effective.empty() && !isDate(sheet.effective)) {
      fail("effective", "expected a date as YYYY-MM-DD, found \"" + sheet.effective + "\"");
    }
    sheet.currency = text(root, "currency", "", true);
    const std::size_t faultsBefore = errors_.size();
    sheet.hoursPerMonth = amount(root, "hoursPerMonth", "", "hours billed per month; AWS uses 730");
    if (errors_.size() == faultsBefore && sheet.hoursPerMonth <= 0) {
      fail("hoursPerMonth", "expected a number of hours > 0, found 0");
    }
    readSources(root, sheet);
    readNotes(root, sheet);
    if (const Json* classes = object(root, "tableClasses", "")) {
      sheet.standard = classPrices(*classes, TableClass::Standard, "tableClasses");
      sheet.standardInfrequentAccess =
          classPrices(*classes, TableClass::StandardInfrequentAccess, "tableClasses");
    }
    return finish(std::move(sheet));
  }

  PriceSheetLoad finish(PriceSheet sheet) {
    PriceSheetLoad load;
    load.errors = std::move(errors_);
    if (load.errors.empty()) load.sheet = std::move(sheet);
    return load;
  }

 private:
  void readSources(const Json& root, PriceSheet& sheet) {
    const Json* sources = required(root, "sources", "", "an array of sources");
    if (sources == nullptr) return;
    if (!sources->is_array() || sources->empty()) {
      fail("sources", "expected a non-empty array of sources, found " + describe(*sources));
      return;
    }
    for (std::size_t i = 0; i < sources->size(); ++i) {
      const Json& source = (*sources)[i];
      const std::string path = indexed("sources", i);
      if (!source.is_object()) {
        fail(path, "expected an object with a title, found " + describe(source));
        continue;
      }
      PriceSource entry;
      entry.title = text(source, "title", path, true);
      entry.url = text(source, "url", path, false);
      entry.note = text(source, "note", path, false);
      sheet.sources.push_back(std::move(entry));
    }
  }

  void readNotes(const Json& root, PriceSheet& sheet) {
    auto it = root.find("notes");
    if (it == root.end()) return;
    if (!it->is_array()) {
      fail("notes", "expected an array of strings, found " + describe(*it));
      return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const Json& note = (*it)[i];
      if (!note.is_string()) {
        fail(indexed("notes", i), "expected a string, found " + describe(note));
        continue;
      }
      sheet.notes.push_back(note.get<std::string>());
    }
  }

  std::string file_;
  std::vector<PriceSheetError> errors_;
};

}  // namespace

std::string_view tableClassKey(TableClass tableClass) {
  return tableClass == TableClass::Standard ? "standard" : "standardInfrequentAccess";
}

std::string PriceSheetError::message() const {
  std::string text = file + ": error: ";
  if (!path.empty()) text += path + ": ";
  return text + problem;
}

const ClassPrices& PriceSheet::prices(TableClass tableClass) const {
  return tableClass == TableClass::Standard ? standard : standardInfrequentAccess;
}

PriceSheetLoad PriceSheet::load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    SheetReader reader(path.string());
    reader.fail("", "cannot be read; expected a price sheet file");
    return reader.finish(PriceSheet{});
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path.string());
}

PriceSheetLoad PriceSheet::parse(std::string_view jsonText, std::string_view fileName) {
  SheetReader reader{std::string(fileName)};
  Json root;
  try {
    root = Json::parse(jsonText);
  } catch (const Json::parse_error& error) {
    // nlohmann reports bad text by exception only with its position; it becomes a value here.
    std::string where = error.what();
    const std::size_t at = where.find("parse error");
    if (at != std::string::npos) where = where.substr(at);
    reader.fail("", "is not valid JSON: " + where);
    return reader.finish(PriceSheet{});
  } catch (const Json::out_of_range& error) {
    // A number beyond a double's range ("[json.exception.out_of_range.406] number overflow
    // parsing '1e400'"): not a parse_error, so before this catch it ended the program.
    std::string what = error.what();
    const std::size_t bracket = what.find("] ");
    if (bracket != std::string::npos) what = what.substr(bracket + 2);
    reader.fail("",
                "is not valid JSON: " + what + "; expected a number of magnitude at most 1.8e308");
    return reader.finish(PriceSheet{});
  }
  return reader.read(root);
}

std::filesystem::path dataDirectory() {
  const char* dataDir = std::getenv("KVLAB_DATA_DIR");
  if (dataDir != nullptr && *dataDir != '\0') return std::filesystem::path(dataDir);
  return std::filesystem::path(KVLAB_SOURCE_DATA_DIR);
}

std::filesystem::path defaultPriceSheetPath() { return dataDirectory() / kDefaultSheet; }

}  // namespace kvlab::model::capacity
