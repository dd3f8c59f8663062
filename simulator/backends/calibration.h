#pragma once

#include <string>
#include <vector>

#include "model/capacity/price_sheet.h"
#include "model/schema/project.h"
#include "model/status.h"

namespace kvlab::sim {

// Fitting the relational and cache engines' service models to a real server (docs/calibration.md).
//
// A calibration is a data file: the engine's own (data/engines/postgresql.json, redis.json) with
// its service times fitted to what was measured and a "calibration" member saying what, where and
// when. `kvlab simulate --calibration FILE` runs the engine with it (profile=FILE, data=FILE).
//
// - relational: the network round trip is the median of 50 `SELECT 1`s; the per-request time is
//   each pattern's median latency at a low load (about 50 requests a second) less the round trip,
//   and every core-time figure of the profile (per statement, per write, per SQLite step) is
//   scaled by one factor so that the model's median latencies, weighted by the mix, equal the
//   measured ones; the server's effective cores are the throughput it sustains under overload
//   times the scaled mean core time per request (written as an instance "calibrated").
// - cache: one factor scales every service time of the Redis model so that the node's time per
//   request is 1 / the throughput a closed loop sustains (what one Redis thread serves), and the
//   network round trip is the low-load median latency less that service time.
struct CalibrationRun {
  std::string engine;      // "relational" or "cache"
  std::string connection;  // the server measured; nothing else is contacted
  double seconds = 3;      // per measurement
  std::uint64_t seed = 1;
};

struct CalibrationOutcome {
  Status status = Status::Ok();
  std::string dataFile;            // the calibrated data file's JSON text
  std::vector<std::string> lines;  // what was measured and fitted, for the user
  double maxThroughput = 0;        // requests a second the server sustained
};

CalibrationOutcome calibrate(const model::Project& project,
                             const model::capacity::PriceSheet& prices, const CalibrationRun& run);

// One load level of an agreement check: the real server and the model at the same offered rate.
struct AgreementRow {
  double offered = 0;  // requests a second
  double realP50 = 0;  // ms
  double realP99 = 0;
  double realThroughput = 0;
  double modelP50 = 0;
  double modelP99 = 0;
  double modelThroughput = 0;
};

// Runs the project at `fractions` of `maxThroughput` on the real server and on the engine with
// the calibration file `calibrationFile` (empty: the default data), each for run.seconds.
Status checkAgreement(const model::Project& project, const model::capacity::PriceSheet& prices,
                      const CalibrationRun& run, const std::string& calibrationFile,
                      double maxThroughput, const std::vector<double>& fractions,
                      std::vector<AgreementRow>& rows);

// What a calibration file says of itself: its engine and the throughput measured; an error when
// it is not one.
Status readCalibrationHeader(const std::string& path, std::string& engine, double& maxThroughput);

}  // namespace kvlab::sim
