#include "simulator/workload/csv_rate.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/test_files.h"

namespace kvlab::sim {
namespace {

std::optional<CsvRate> parseOk(const std::string& text) {
  RateFileError error;
  std::optional<CsvRate> rate = CsvRate::parse(text, "rates.csv", &error);
  EXPECT_TRUE(rate.has_value()) << error.toString();
  return rate;
}

RateFileError parseError(const std::string& text, std::size_t maxRows = CsvRate::kDefaultMaxRows) {
  RateFileError error;
  EXPECT_FALSE(CsvRate::parse(text, "rates.csv", &error, maxRows).has_value()) << text;
  return error;
}

TEST(CsvRate, shouldHoldEachRowsRateUntilTheNextRow) {
  const auto rate = parseOk("0,100\n60,250.5\n120,0\n");
  ASSERT_TRUE(rate);
  EXPECT_EQ(rate->rateAt(0), 100);
  EXPECT_EQ(rate->rateAt(59.999), 100);
  EXPECT_EQ(rate->rateAt(60), 250.5);
  EXPECT_EQ(rate->rateAt(119), 250.5);
  EXPECT_EQ(rate->rateAt(120), 0);
  EXPECT_EQ(rate->kind(), "csv");
}

TEST(CsvRate, shouldKeepTheLastRateAfterTheLastRowAndZeroBeforeTheFirst) {
  const auto rate = parseOk("30,100\n60,200\n");
  ASSERT_TRUE(rate);
  EXPECT_EQ(rate->rateAt(10), 0);
  EXPECT_EQ(rate->rateAt(1e6), 200);
}

TEST(CsvRate, shouldSkipAHeaderCommentsBlankLinesAndCarriageReturns) {
  const auto rate = parseOk(
      "\xEF\xBB\xBF# exported from CloudWatch\r\nseconds,requestsPerSecond\r\n\r\n"
      " 0 , 1e2 \r\n# a note\r\n+60,200\r\n");
  ASSERT_TRUE(rate);
  ASSERT_EQ(rate->rows().size(), 2U);
  EXPECT_EQ(rate->rows()[0].rate, 100);
  EXPECT_EQ(rate->rows()[1].seconds, 60);
}

TEST(CsvRate, shouldBoundAWindowByTheLargestRowInForceDuringIt) {
  const auto rate = parseOk("0,100\n10,500\n20,50\n30,80\n");
  ASSERT_TRUE(rate);
  EXPECT_EQ(rate->maxRateBetween(0, 9), 100);
  EXPECT_EQ(rate->maxRateBetween(5, 10), 500);
  EXPECT_EQ(rate->maxRateBetween(12, 15), 500);
  EXPECT_EQ(rate->maxRateBetween(20, 29), 50);
  EXPECT_EQ(rate->maxRateBetween(25, 100), 80);
}

TEST(CsvRate, shouldReportABadNumberWithItsLine) {
  const RateFileError error = parseError("seconds,rate\n0,100\n60,lots\n");
  EXPECT_EQ(error.file, "rates.csv");
  EXPECT_EQ(error.line, 3);
  EXPECT_EQ(error.message, "expected a rate in requests per second, got 'lots'");
  EXPECT_EQ(error.toString(), "rates.csv:3: expected a rate in requests per second, got 'lots'");
}

TEST(CsvRate, shouldReportABadTimeWithItsLine) {
  const RateFileError error = parseError("0,100\n1O,100\n");
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.message, "expected a time in seconds, got '1O'");
}

TEST(CsvRate, shouldTreatInfinityAndNanAsBadNumbers) {
  EXPECT_EQ(parseError("0,100\n5,inf\n").line, 2);
  EXPECT_EQ(parseError("0,100\n5,nan\n").line, 2);
}

TEST(CsvRate, shouldReportANegativeRateWithItsLine) {
  const RateFileError error = parseError("0,100\n# dip\n60,-5\n");
  EXPECT_EQ(error.line, 3);
  EXPECT_EQ(error.message, "rate -5 is negative; expected requests per second >= 0");
}

TEST(CsvRate, shouldReportANegativeTime) {
  const RateFileError error = parseError("-1,100\n");
  EXPECT_EQ(error.line, 1);
  EXPECT_EQ(error.message, "time -1 is negative; expected seconds >= 0");
}

TEST(CsvRate, shouldReportAnUnsortedTimeWithBothLines) {
  const RateFileError error = parseError("0,100\n60,100\n\n30,100\n");
  EXPECT_EQ(error.line, 4);
  EXPECT_EQ(error.message,
            "time 30 is not after the previous row's 60 (line 2); expected rows in increasing "
            "time order");
  EXPECT_EQ(parseError("0,100\n0,200\n").line, 2);  // a repeated time too
}

TEST(CsvRate, shouldReportALineWithoutExactlyTwoFields) {
  EXPECT_EQ(parseError("0,100\n60\n").message,
            "expected two fields, seconds,requestsPerSecond; got '60'");
  EXPECT_EQ(parseError("0,100,7\n").line, 1);
}

TEST(CsvRate, shouldReportAnEmptyFileForTheWholeFile) {
  for (const std::string& text : {std::string(), std::string("seconds,rate\n# nothing\n\n")}) {
    const RateFileError error = parseError(text);
    EXPECT_EQ(error.line, 0);
    EXPECT_EQ(error.toString(),
              "rates.csv: no rows; expected lines of seconds,requestsPerSecond such as '0,100'");
  }
}

TEST(CsvRate, shouldRefuseMoreRowsThanTheLimitAtTheFirstRowOver) {
  std::string text;
  for (int i = 0; i < 11; ++i) text += std::to_string(i) + ",1\n";
  EXPECT_TRUE(CsvRate::parse(text, "rates.csv", nullptr, 11).has_value());
  const RateFileError error = parseError(text, 10);
  EXPECT_EQ(error.line, 11);
  EXPECT_NE(error.message.find("more than 10 rows"), std::string::npos);
}

TEST(CsvRate, shouldLoadAFileAndNameItInErrors) {
  test::TempDir dir;
  test::writeFile(dir / "good.csv", "0,10\n5,20\n");
  RateFileError error;
  const auto rate = CsvRate::load(dir / "good.csv", &error);
  ASSERT_TRUE(rate.has_value()) << error.toString();
  EXPECT_EQ(rate->rateAt(6), 20);

  test::writeFile(dir / "bad.csv", "0,10\n5,x\n");
  EXPECT_FALSE(CsvRate::load(dir / "bad.csv", &error).has_value());
  EXPECT_EQ(error.file, (dir / "bad.csv").string());
  EXPECT_EQ(error.line, 2);
}

TEST(CsvRate, shouldReportAFileThatCannotBeOpened) {
  test::TempDir dir;
  RateFileError error;
  EXPECT_FALSE(CsvRate::load(dir / "missing.csv", &error).has_value());
  EXPECT_EQ(error.line, 0);
  EXPECT_EQ(error.message, "cannot open the file for reading");
}

}  // namespace
}  // namespace kvlab::sim
