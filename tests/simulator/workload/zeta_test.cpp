#include "simulator/workload/zeta.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

namespace kvlab::sim {
namespace {

struct ZetaVector {
  std::int64_t n;
  double value;  // 30-digit reference from workloads.md 2.1
};

TEST(Zeta, shouldMatchTheThirtyDigitReferenceValuesForTheta099) {
  const ZetaVector vectors[] = {
      {2, 1.5034777750283594},
      {10, 2.9561075165103639},
      {100, 5.2945688313771638},
      {1'000, 7.7289532172847384},
      {10'000, 10.224361459595526},
      {100'000, 12.77833806255117},
      {1'000'000, 15.391849746036803},
      {10'000'000, 18.066242574969643},
      {100'000'000, 20.802930490024424},
      {1'000'000'000, 23.6033641041251},
      {10'000'000'000, 26.469028201751479},
  };
  for (const ZetaVector& v : vectors) {
    // A few units in the last place.
    EXPECT_NEAR(zeta(v.n, 0.99), v.value, 1e-15 * v.value) << "n = " << v.n;
  }
}

TEST(Zeta, shouldBeZeroForNoTermsAndOneForOneTerm) {
  EXPECT_EQ(zeta(0, 0.99), 0.0);
  EXPECT_EQ(zeta(1, 0.99), 1.0);
}

TEST(Zeta, shouldAgreeWithADirectSumForOtherThetas) {
  for (double theta : {0.1, 0.5, 0.8, 1.0, 1.2}) {
    double direct = 0;
    for (int i = 5000; i >= 1; --i) direct += std::pow(i, -theta);
    EXPECT_NEAR(zeta(5000, theta), direct, 1e-13 * direct) << "theta = " << theta;
  }
}

TEST(Zeta, shouldGiveTheHarmonicNumberForThetaOne) {
  // H(10^6) = ln(10^6) + gamma + 1/(2n) - 1/(12 n^2).
  const double n = 1e6;
  const double harmonic = std::log(n) + 0.57721566490153286 + 1 / (2 * n) - 1 / (12 * n * n);
  EXPECT_NEAR(zeta(1'000'000, 1.0), harmonic, 1e-13);
}

TEST(ZetaYcsb, shouldReproduceYcsbsNaiveSumForAMillionItems) {
  // YCSB's forward loop in double gives 15.391849746037371, 5.7e-13 above the exact value.
  EXPECT_DOUBLE_EQ(zetaYcsb(1'000'000, 0.99), 15.391849746037371);
  EXPECT_GT(zetaYcsb(1'000'000, 0.99) - zeta(1'000'000, 0.99), 4e-13);
}

TEST(ZetaYcsb, shouldGiveZeta2ExactlyAsYcsb) { EXPECT_EQ(zetaYcsb(2, 0.99), 1.5034777750283594); }

TEST(ZetaYcsb, shouldContinueAPartialSumIncrementally) {
  const double first = zetaYcsb(1000, 0.99);
  EXPECT_EQ(zetaYcsb(1000, 5000, 0.99, first), zetaYcsb(5000, 0.99));
  EXPECT_EQ(zetaYcsb(5000, 1000, 0.99, 3.0), 3.0);
}

}  // namespace
}  // namespace kvlab::sim
