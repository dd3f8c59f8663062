#include "model/capacity/price_sheet.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "tests/support/test_files.h"

namespace kvlab::model::capacity {
namespace {

using ::testing::HasSubstr;

constexpr const char* kFile = "sheet.json";

// A complete, valid sheet that the tests below break one field at a time.
const std::string kValidSheet = R"({
  "format": "kvlab-prices/1",
  "region": "us-east-1",
  "effective": "2024-11-01",
  "currency": "USD",
  "hoursPerMonth": 730,
  "sources": [ { "title": "AWS Price List", "url": "https://example.invalid/prices" } ],
  "tableClasses": {
    "standard": {
      "onDemand": { "readRequestUnitsPerMillion": 0.125, "writeRequestUnitsPerMillion": 0.625 },
      "provisioned": { "readCapacityUnitHour": 0.00013, "writeCapacityUnitHour": 0.00065 },
      "storage": { "gbMonth": 0.25 },
      "freeTier": { "readCapacityUnitHoursPerMonth": 18600,
                    "writeCapacityUnitHoursPerMonth": 18600, "storageGbMonth": 25 }
    },
    "standardInfrequentAccess": {
      "onDemand": { "readRequestUnitsPerMillion": 0.155, "writeRequestUnitsPerMillion": 0.78 },
      "provisioned": { "readCapacityUnitHour": 0.00016, "writeCapacityUnitHour": 0.00081 },
      "storage": { "gbMonth": 0.10 },
      "freeTier": { "readCapacityUnitHoursPerMonth": 0,
                    "writeCapacityUnitHoursPerMonth": 0, "storageGbMonth": 0 }
    }
  }
})";

// `text` with its one occurrence of `from` replaced by `to`.
std::string replaced(const std::string& text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << from << " is not unique";
  if (at == std::string::npos) return text;
  return text.substr(0, at) + to + text.substr(at + from.size());
}

// The one error of parsing `text`, expecting it to name the file and `path`.
PriceSheetError onlyError(const std::string& text, const std::string& path) {
  const PriceSheetLoad load = PriceSheet::parse(text, kFile);
  EXPECT_FALSE(load.ok());
  EXPECT_EQ(load.errors.size(), 1u);
  if (load.errors.empty()) return {};
  const PriceSheetError& error = load.errors.front();
  EXPECT_EQ(error.file, kFile);
  EXPECT_EQ(error.path, path);
  EXPECT_THAT(error.message(), HasSubstr(kFile));
  EXPECT_THAT(error.message(), HasSubstr(path));
  return error;
}

// Sets (or, with no value, unsets) an environment variable for the scope, then restores it.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value.has_value()) {
      ::setenv(name, value->c_str(), 1);
    } else {
      ::unsetenv(name);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;
  ~ScopedEnv() {
    if (old_.has_value()) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(PriceSheet, parsesAValidSheet) {
  const PriceSheetLoad load = PriceSheet::parse(kValidSheet, kFile);
  ASSERT_TRUE(load.ok()) << load.errors.front().message();
  EXPECT_TRUE(load.errors.empty());
  EXPECT_EQ(load.sheet->region, "us-east-1");
  EXPECT_EQ(load.sheet->prices(TableClass::StandardInfrequentAccess).storageGbMonth, 0.10);
  EXPECT_EQ(load.sheet->sources.front().url, "https://example.invalid/prices");
}

TEST(PriceSheet, theShippedUsEast1SheetHoldsTheReferencePrices) {
  const PriceSheetLoad load =
      PriceSheet::load(test::sourceDir() / "data" / "prices" / "us-east-1-2024-11.json");
  ASSERT_TRUE(load.ok()) << load.errors.front().message();
  const PriceSheet& sheet = *load.sheet;
  EXPECT_EQ(sheet.region, "us-east-1");
  EXPECT_EQ(sheet.effective, "2024-11-01");
  EXPECT_EQ(sheet.currency, "USD");
  EXPECT_EQ(sheet.hoursPerMonth, 730);
  EXPECT_FALSE(sheet.sources.empty());

  const ClassPrices& standard = sheet.prices(TableClass::Standard);
  EXPECT_EQ(standard.onDemandReadPerMillion, 0.125);
  EXPECT_EQ(standard.onDemandWritePerMillion, 0.625);
  EXPECT_EQ(standard.provisionedReadUnitHour, 0.00013);
  EXPECT_EQ(standard.provisionedWriteUnitHour, 0.00065);
  EXPECT_EQ(standard.storageGbMonth, 0.25);
  EXPECT_EQ(standard.freeTier.readCapacityUnitHoursPerMonth, 18600);
  EXPECT_EQ(standard.freeTier.writeCapacityUnitHoursPerMonth, 18600);
  EXPECT_EQ(standard.freeTier.storageGbMonth, 25);

  const ClassPrices& ia = sheet.prices(TableClass::StandardInfrequentAccess);
  EXPECT_EQ(ia.onDemandReadPerMillion, 0.155);
  EXPECT_EQ(ia.onDemandWritePerMillion, 0.78);
  EXPECT_EQ(ia.provisionedReadUnitHour, 0.00016);
  EXPECT_EQ(ia.provisionedWriteUnitHour, 0.00081);
  EXPECT_EQ(ia.storageGbMonth, 0.10);
}

TEST(PriceSheet, theDefaultPathIsTheSourceTreesUsEast1Sheet) {
  ScopedEnv env("KVLAB_DATA_DIR", std::nullopt);
  const std::filesystem::path path = defaultPriceSheetPath();
  EXPECT_EQ(path.filename(), "us-east-1-2024-11.json");
  EXPECT_TRUE(std::filesystem::exists(path)) << path;
  EXPECT_TRUE(PriceSheet::load(path).ok());
}

TEST(PriceSheet, theDefaultPathHonoursKvlabDataDir) {
  test::TempDir dir;
  ScopedEnv env("KVLAB_DATA_DIR", dir.path().string());
  EXPECT_EQ(defaultPriceSheetPath(), dir.path() / "prices" / "us-east-1-2024-11.json");
}

TEST(PriceSheetErrors, aMissingPriceIsReportedWithItsJsonPath) {
  const std::string text = replaced(kValidSheet, R"("readRequestUnitsPerMillion": 0.125, )", "");
  const PriceSheetError error =
      onlyError(text, "tableClasses.standard.onDemand.readRequestUnitsPerMillion");
  EXPECT_THAT(error.problem, HasSubstr("missing"));
}

TEST(PriceSheetErrors, aNegativePriceIsReportedWithItsJsonPath) {
  const std::string text = replaced(kValidSheet, R"("writeCapacityUnitHour": 0.00081)",
                                    R"("writeCapacityUnitHour": -0.00081)");
  const PriceSheetError error =
      onlyError(text, "tableClasses.standardInfrequentAccess.provisioned.writeCapacityUnitHour");
  EXPECT_THAT(error.problem, HasSubstr("negative"));
}

TEST(PriceSheetErrors, aPriceOfTheWrongTypeIsReportedWithItsJsonPath) {
  const std::string text = replaced(kValidSheet, R"("gbMonth": 0.25)", R"("gbMonth": "0.25")");
  const PriceSheetError error = onlyError(text, "tableClasses.standard.storage.gbMonth");
  EXPECT_THAT(error.problem, HasSubstr("found a string"));
}

TEST(PriceSheetErrors, aFreeTierOfTheWrongTypeIsReportedWithItsJsonPath) {
  const std::string text =
      replaced(kValidSheet, R"("storageGbMonth": 25)", R"("storageGbMonth": true)");
  onlyError(text, "tableClasses.standard.freeTier.storageGbMonth");
}

TEST(PriceSheetErrors, aMissingTableClassIsReportedWithItsJsonPath) {
  const std::string text = replaced(kValidSheet, R"("standardInfrequentAccess")", R"("ia")");
  onlyError(text, "tableClasses.standardInfrequentAccess");
}

TEST(PriceSheetErrors, aSectionThatIsNotAnObjectIsReportedWithItsJsonPath) {
  const std::string text =
      replaced(kValidSheet, R"("storage": { "gbMonth": 0.10 })", R"("storage": [0.10])");
  const PriceSheetError error = onlyError(text, "tableClasses.standardInfrequentAccess.storage");
  EXPECT_THAT(error.problem, HasSubstr("expected an object"));
}

TEST(PriceSheetErrors, aSourceWithoutATitleIsReportedWithItsIndex) {
  const std::string text = replaced(kValidSheet, R"("title": "AWS Price List")", R"("title": 7)");
  onlyError(text, "sources[0].title");
}

TEST(PriceSheetErrors, aSheetWithoutSourcesIsRefused) {
  const std::string text = replaced(
      kValidSheet, R"([ { "title": "AWS Price List", "url": "https://example.invalid/prices" } ])",
      "[]");
  onlyError(text, "sources");
}

TEST(PriceSheetErrors, aDateThatIsNotYearMonthDayIsReportedWithItsJsonPath) {
  const std::string text = replaced(kValidSheet, R"("2024-11-01")", R"("Nov 2024")");
  onlyError(text, "effective");
}

TEST(PriceSheetErrors, anUnknownFormatIsReported) {
  const std::string text = replaced(kValidSheet, R"("kvlab-prices/1")", R"("kvlab-prices/9")");
  onlyError(text, "format");
}

TEST(PriceSheetErrors, zeroHoursPerMonthIsRefused) {
  const std::string text =
      replaced(kValidSheet, R"("hoursPerMonth": 730)", R"("hoursPerMonth": 0)");
  onlyError(text, "hoursPerMonth");
}

TEST(PriceSheetErrors, everyFaultIsReportedNotOnlyTheFirst) {
  std::string text = replaced(kValidSheet, R"("region": "us-east-1",)", "");
  text = replaced(text, R"("readCapacityUnitHour": 0.00013)", R"("readCapacityUnitHour": -1)");
  text = replaced(text, R"("writeRequestUnitsPerMillion": 0.78)",
                  R"("writeRequestUnitsPerMillion": null)");
  const PriceSheetLoad load = PriceSheet::parse(text, kFile);
  EXPECT_FALSE(load.ok());
  ASSERT_EQ(load.errors.size(), 3u);
  EXPECT_EQ(load.errors[0].path, "region");
  EXPECT_EQ(load.errors[1].path, "tableClasses.standard.provisioned.readCapacityUnitHour");
  EXPECT_EQ(load.errors[2].path,
            "tableClasses.standardInfrequentAccess.onDemand.writeRequestUnitsPerMillion");
}

TEST(PriceSheetErrors, textThatIsNotJsonIsReportedForTheWholeFile) {
  const PriceSheetLoad load = PriceSheet::parse("{ \"region\": ", kFile);
  ASSERT_FALSE(load.ok());
  ASSERT_EQ(load.errors.size(), 1u);
  EXPECT_EQ(load.errors[0].path, "");
  EXPECT_THAT(load.errors[0].message(), HasSubstr("sheet.json: error: is not valid JSON"));
}

TEST(PriceSheetErrors, aFileThatCannotBeReadIsReportedByName) {
  test::TempDir dir;
  const PriceSheetLoad load = PriceSheet::load(dir / "missing.json");
  ASSERT_FALSE(load.ok());
  ASSERT_EQ(load.errors.size(), 1u);
  EXPECT_THAT(load.errors[0].message(), HasSubstr("missing.json"));
}

TEST(PriceSheetErrors, aLoadedFileIsNamedInItsErrors) {
  test::TempDir dir;
  const std::filesystem::path path = dir / "broken.json";
  test::writeFile(path, replaced(kValidSheet, R"("currency": "USD")", R"("currency": 1)"));
  const PriceSheetLoad load = PriceSheet::load(path);
  ASSERT_EQ(load.errors.size(), 1u);
  EXPECT_EQ(load.errors[0].path, "currency");
  EXPECT_THAT(load.errors[0].message(), HasSubstr(path.string() + ": error: currency: "));
}

}  // namespace
}  // namespace kvlab::model::capacity
