#include "simulator/workload/rate_file_error.h"

#include <gtest/gtest.h>

namespace kvlab::sim {
namespace {

TEST(RateFileError, shouldPrintFileLineAndMessage) {
  EXPECT_EQ((RateFileError{"r.csv", 7, "bad"}).toString(), "r.csv:7: bad");
}

TEST(RateFileError, shouldLeaveOutTheLineWhenTheErrorIsAboutTheWholeFile) {
  EXPECT_EQ((RateFileError{"r.csv", 0, "empty"}).toString(), "r.csv: empty");
}

}  // namespace
}  // namespace kvlab::sim
