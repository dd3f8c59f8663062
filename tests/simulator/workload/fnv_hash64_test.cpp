#include "simulator/workload/fnv_hash64.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace kvlab::sim {
namespace {

TEST(FnvHash64, shouldHashTheWorkloadsMdVectorsExactlyAsYcsb) {
  EXPECT_EQ(fnvhash64(0), 6284781860667377211LL);
  EXPECT_EQ(fnvhash64(1), 8517097267634966620LL);
  EXPECT_EQ(fnvhash64(2), 1820151046732198393LL);
  EXPECT_EQ(fnvhash64(1000), 5952875239596136740LL);
  EXPECT_EQ(fnvhash64(999999), 2744965632448235251LL);
}

TEST(FnvHash64, shouldHashTheHottestScrambledKeyNumberToItsYcsbKeyDigits) {
  // workloads.md 2.3: key number 144 is `user1573987489603120213`.
  EXPECT_EQ(fnvhash64(144), 1573987489603120213LL);
}

TEST(FnvHash64, shouldReturnTheMagnitudeOfTheSignedHashLikeJavaMathAbs) {
  // Negative inputs hash all eight bytes of their two's complement; the result is never negative
  // for these (only a hash of exactly INT64_MIN would be).
  for (std::int64_t value : {std::int64_t{-1}, std::int64_t{-2}, std::int64_t{INT64_MIN},
                             std::int64_t{INT64_MAX}, std::int64_t{123456789}}) {
    EXPECT_GE(fnvhash64(value), 0) << value;
  }
  EXPECT_NE(fnvhash64(-1), fnvhash64(1));
}

TEST(FnvHash64, shouldReduceTheHashModuloTheItemCount) {
  EXPECT_EQ(fnvHashModulo(0, 1001), 144);
  EXPECT_EQ(fnvHashModulo(1, 1001), 610);
  EXPECT_EQ(fnvHashModulo(0, 1'000'001), 801320);
  EXPECT_EQ(fnvHashModulo(1, 1'000'001), 216074);
  EXPECT_EQ(fnvHashModulo(12345, 1), 0);
}

}  // namespace
}  // namespace kvlab::sim
