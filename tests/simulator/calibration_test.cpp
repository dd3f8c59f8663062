// Calibration against real servers the test starts: the fitted data file is the engine's own,
// scaled consistently, and the engines run with it.
#include "simulator/backends/calibration.h"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>

#include <nlohmann/json.hpp>

#include "model/design/planner.h"
#include "model/io/project_file.h"
#include "simulator/core/runner.h"
#include "simulator/engines/cache/cache_engine.h"
#include "simulator/engines/relational/relational_engine.h"
#include "tests/support/postgres_server.h"
#include "tests/support/redis_server.h"
#include "tests/support/test_files.h"

namespace kvlab::sim {
namespace {

using Json = nlohmann::json;

const model::capacity::PriceSheet& prices() {
  static const model::capacity::PriceSheet sheet = [] {
    auto load =
        model::capacity::PriceSheet::load(test::sourceDir() / "data/prices/us-east-1-2024-11.json");
    EXPECT_TRUE(load.ok());
    return *load.sheet;
  }();
  return sheet;
}

model::Project sample(const std::string& name) {
  model::ProjectLoadResult loaded = model::loadProjectFile(test::sourceDir() / "samples" / name);
  EXPECT_TRUE(loaded.ok());
  return loaded.project.value_or(model::Project{});
}

std::filesystem::path writeTemp(const std::string& name, const std::string& text) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path;
}

TEST(Calibration, shouldFitTheCacheModelToARealRedisAndRunTheEngineWithIt) {
  test::RedisServer server;
  ASSERT_TRUE(server.error().empty()) << server.error();
  CalibrationRun run;
  run.engine = "cache";
  run.connection = server.url();
  run.seconds = 2;
  const model::Project project = sample("redis-patterns.kvlab.json");
  const CalibrationOutcome outcome = calibrate(project, prices(), run);
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.message();
  EXPECT_GT(outcome.maxThroughput, 1000);
  const Json data = Json::parse(outcome.dataFile);
  const Json defaults = Json::parse(std::ifstream(defaultRedisParametersPath()));
  const double scale = data["calibration"]["serviceScale"].get<double>();
  EXPECT_GT(scale, 0);
  // Every service time scaled by the one factor; memory figures untouched.
  EXPECT_DOUBLE_EQ(
      data["service"]["commands"]["GET"]["processingMicros"].get<double>(),
      defaults["service"]["commands"]["GET"]["processingMicros"].get<double>() * scale);
  EXPECT_DOUBLE_EQ(data["service"]["roundTripCpuMicros"].get<double>(),
                   defaults["service"]["roundTripCpuMicros"].get<double>() * scale);
  EXPECT_EQ(data["memory"], defaults["memory"]);
  EXPECT_FALSE(data["calibration"]["lowLoad"].empty());

  // The engine reads it, and its thread now takes the measured time per request.
  const std::filesystem::path file = writeTemp("kvlab-calibration-cache.json", outcome.dataFile);
  std::string engineName;
  double maxThroughput = 0;
  ASSERT_TRUE(readCalibrationHeader(file.string(), engineName, maxThroughput).ok());
  EXPECT_EQ(engineName, "cache");
  EXPECT_DOUBLE_EQ(maxThroughput, outcome.maxThroughput);
  const model::Design& design = project.designs.front();
  const model::DesignPlan plan = model::planDesign(project, design, prices());
  CacheOptions options;
  options.dataFile = file.string();
  CacheEngine engine(options);
  RunOptions runOptions;
  runOptions.durationSeconds = 2;
  Runner runner(runOptions);
  const RunOutcome simulated = runner.run(engine, {project, design, plan, prices(), 1, 2});
  ASSERT_TRUE(simulated.status.ok()) << simulated.status.message();
  EXPECT_NEAR(engine.parameters().networkRoundTripMicros,
              data["service"]["networkRoundTripMicros"].get<double>(), 1e-9);
  std::filesystem::remove(file);
}

TEST(Calibration, shouldFitTheRelationalModelToARealPostgresAndCountItsCores) {
  test::PostgresServer server;
  ASSERT_TRUE(server.error().empty()) << server.error();
  CalibrationRun run;
  run.engine = "relational";
  run.connection = server.connectionString();
  run.seconds = 2;
  const CalibrationOutcome outcome = calibrate(sample("online-shop.kvlab.json"), prices(), run);
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.message();
  EXPECT_GT(outcome.maxThroughput, 50);
  const Json data = Json::parse(outcome.dataFile);
  const double scale = data["calibration"]["serviceScale"].get<double>();
  const Json defaults = Json::parse(std::ifstream(RelationalProfile::defaultPath()));
  EXPECT_DOUBLE_EQ(data["serviceModel"]["statementMicros"].get<double>(),
                   defaults["serviceModel"]["statementMicros"].get<double>() * scale);
  EXPECT_EQ(data["defaultInstance"], "calibrated");
  EXPECT_GE(data["calibration"]["effectiveCores"].get<double>(), 1);
  // The password-free connection is recorded, so that the file says what it was measured on.
  EXPECT_FALSE(data["calibration"]["measuredOn"].get<std::string>().empty());

  const std::filesystem::path file =
      writeTemp("kvlab-calibration-relational.json", outcome.dataFile);
  RelationalProfile profile;
  ASSERT_TRUE(RelationalProfile::load(file, profile).ok());
  ASSERT_NE(profile.findInstance("calibrated"), nullptr);
  EXPECT_EQ(profile.findInstance("calibrated")->vcpus,
            static_cast<int>(data["calibration"]["effectiveCores"].get<double>()));
  std::filesystem::remove(file);
}

TEST(Calibration, shouldRefuseAFileThatIsNotACalibration) {
  std::string engine;
  double maxThroughput = 0;
  const Status s = readCalibrationHeader((test::sourceDir() / "data/engines/redis.json").string(),
                                         engine, maxThroughput);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("redis.json"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace kvlab::sim
