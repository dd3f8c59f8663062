#include "simulator/workload/number_text.h"

#include <gtest/gtest.h>

namespace kvlab::sim {
namespace {

TEST(NumberText, shouldWriteTheShortestDecimalThatReadsBackTheSame) {
  EXPECT_EQ(numberText(0.99), "0.99");
  EXPECT_EQ(numberText(250.5), "250.5");
  EXPECT_EQ(numberText(-5), "-5");
  EXPECT_EQ(numberText(0.8571428571), "0.8571428571");
  EXPECT_EQ(numberText(1e20), "1e+20");
}

}  // namespace
}  // namespace kvlab::sim
