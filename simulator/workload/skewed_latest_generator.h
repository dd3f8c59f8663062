#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "simulator/workload/key_generator.h"
#include "simulator/workload/zipfian_generator.h"

namespace kvlab::sim {

// YCSB's SkewedLatestGenerator (core/src/main/java/site/ycsb/generator/SkewedLatestGenerator.java),
// `requestdistribution=latest`: the newest key is the most popular. With `latest` the newest key
// number, a draw is latest - zipfian.nextLong(latest), where the inner Gray Zipfian (theta 0.99)
// was built over `latest` items at construction and grows as keys are inserted.
//
// YCSB's quirk is kept: the result lies in [1, latest], so key 0 is never read. The newest key
// gets 1/zeta(latest, 0.99). In CoreWorkload, `latest` starts at recordcount - 1 (the last key the
// load inserted). Not thread-safe while `advanceLatest` runs; `valueAt` alone is.
class SkewedLatestGenerator final : public KeyGenerator {
 public:
  // Why `latest` cannot make a generator, or empty: needs latest >= 1.
  static std::string check(std::int64_t latest);

  // Requires `check(latest)` to be empty (throws std::invalid_argument otherwise).
  explicit SkewedLatestGenerator(std::int64_t latest);

  std::string_view kind() const override { return "latest"; }

  std::int64_t valueAt(double u) const override { return latest_ - zipfian_.valueAt(u, latest_); }
  std::int64_t minValue() const override { return 1; }
  std::int64_t maxValue() const override { return latest_; }

  // Key numbers up to `newestKey` now exist: the inner Zipfian grows to newestKey items, adding
  // zeta's new terms as YCSB does. A smaller value is ignored.
  void advanceLatest(std::int64_t newestKey) override;

  std::int64_t latest() const { return latest_; }
  const ZipfianGenerator& zipfian() const { return zipfian_; }

 private:
  std::int64_t latest_;
  ZipfianGenerator zipfian_;
};

}  // namespace kvlab::sim
