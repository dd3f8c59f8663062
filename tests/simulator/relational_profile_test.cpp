// The relational engine's data file (data/engines/postgresql.json, kvlab-engine/1): the file as
// shipped, and a catalogue of malformed files, each refused with the file, the JSON path and what
// was expected, leaving the profile it was given as it was.
#include "simulator/engines/relational/relational_profile.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/test_files.h"

namespace kvlab::sim {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// A small valid profile; `replace` swaps one fragment for another to break it.
std::string profileText(const std::string& from = "", const std::string& to = "") {
  std::string text = R"({"format": "kvlab-engine/1", "effective": "2025-01-01",
  "serviceModel": {"statementMicros": 10, "writeStatementMicros": 5, "perVmStepMicros": 0.01,
                   "commitFlushMillis": 1, "networkRoundTripMillis": 0.5},
  "pool": {"connections": 20, "connectionTimeoutMillis": 30000},
  "storage": {"gbMonth": 0.115, "minimumGb": 20, "rowOverheadBytes": 24,
              "indexEntryOverheadBytes": 16},
  "defaultInstance": "db.x", "instances": [{"name": "db.x", "vcpus": 2, "memoryGiB": 4, "hourly": 0.1}]})";
  if (!from.empty()) {
    const std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
  }
  return text;
}

TEST(RelationalProfile, shouldReadTheShippedFileThroughLoadAndParseAlike) {
  RelationalProfile loaded;
  ASSERT_TRUE(RelationalProfile::load(RelationalProfile::defaultPath(), loaded).ok());
  RelationalProfile parsed;
  const Status status = RelationalProfile::parse(test::readFile(RelationalProfile::defaultPath()),
                                                 "postgresql.json", parsed);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(parsed.file, "postgresql.json");
  EXPECT_EQ(parsed.poolConnections, loaded.poolConnections);
  EXPECT_EQ(parsed.instances.size(), loaded.instances.size());
  EXPECT_NE(parsed.findInstance(parsed.defaultInstance), nullptr);
}

TEST(RelationalProfile, shouldReadASmallProfile) {
  RelationalProfile profile;
  const Status status = RelationalProfile::parse(profileText(), "p.json", profile);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(profile.poolConnections, 20);
  EXPECT_EQ(profile.instances.at(0).vcpus, 2);
}

// relational_profile_fuzzer: a count beyond an int (`"connections": 1e10`) was cast from double
// to int, undefined behaviour (UBSan: "1e+10 is outside the range of representable values of type
// 'int'"). Counts are now whole numbers from 1 to 1,000,000.
TEST(RelationalProfile, shouldRefuseACountBeyondAnIntInsteadOfCastingIt) {
  RelationalProfile profile;
  const Status connections = RelationalProfile::parse(
      profileText("\"connections\": 20", "\"connections\": 1e10"), "p.json", profile);
  EXPECT_EQ(connections.message(),
            "p.json: pool.connections must be a whole number from 1 to 1000000, not "
            "10000000000.0");
  const Status vcpus = RelationalProfile::parse(
      profileText("\"vcpus\": 2", "\"vcpus\": -3000000000"), "p.json", profile);
  EXPECT_EQ(vcpus.message(),
            "p.json: instances[0].vcpus must be a whole number from 1 to 1000000, not "
            "-3000000000");
  EXPECT_TRUE(profile.instances.empty());
}

struct Malformed {
  const char* label;
  std::string text;
  std::string message;
};

TEST(RelationalProfile, shouldNameTheFileThePlaceAndWhatWasExpectedForEveryMalformedFile) {
  const std::vector<Malformed> cases = {
      {"not JSON", "{\"format\": ",
       "p.json: is not valid JSON: [json.exception.parse_error.101] "
       "parse error at line 1, column 12: syntax error while parsing "
       "value - unexpected end of input; expected '[', '{', or a "
       "literal"},
      {"not an object", "[]", "p.json: format is missing"},
      {"another format", profileText("kvlab-engine/1", "kvlab-redis/1"),
       "p.json: format must be \"kvlab-engine/1\""},
      {"a section missing", profileText("\"pool\"", "\"pools\""), "p.json: pool is missing"},
      {"a section of the wrong type", profileText("\"storage\": {", "\"storage\": 5, \"was\": {"),
       "p.json: storage must be object"},
      {"a string for a number",
       profileText("\"statementMicros\": 10", "\"statementMicros\": \"10\""),
       "p.json: serviceModel.statementMicros must be a number"},
      {"a negative time", profileText("\"commitFlushMillis\": 1", "\"commitFlushMillis\": -1"),
       "p.json: serviceModel.commitFlushMillis must be at least 0.000000"},
      {"no connection", profileText("\"connections\": 20", "\"connections\": 0"),
       "p.json: pool.connections must be a whole number from 1 to 1000000, not 0"},
      {"a fraction of a core", profileText("\"vcpus\": 2", "\"vcpus\": 1.5"),
       "p.json: instances[0].vcpus must be a whole number from 1 to 1000000, not 1.5"},
      {"an instance without a name", profileText("\"name\": \"db.x\", ", ""),
       "p.json: instances[0].name is missing"},
      {"a default instance not listed",
       profileText("\"defaultInstance\": \"db.x\"", "\"defaultInstance\": \"db.y\""),
       "p.json: defaultInstance must name one of the instances"},
  };
  for (const Malformed& c : cases) {
    RelationalProfile profile;
    profile.effective = "before";
    const Status status = RelationalProfile::parse(c.text, "p.json", profile);
    EXPECT_EQ(status.message(), c.message) << c.label;
    EXPECT_EQ(profile.effective, "before") << c.label << ": a refused file changed the profile";
  }
}

TEST(RelationalProfile, shouldNameAFileThatCannotBeRead) {
  RelationalProfile profile;
  EXPECT_THAT(RelationalProfile::load("/nonexistent/postgresql.json", profile).message(),
              StartsWith("/nonexistent/postgresql.json: cannot be read"));
}

}  // namespace
}  // namespace kvlab::sim
