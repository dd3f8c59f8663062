#include "ui/models/number_text.h"

#include <gtest/gtest.h>

#include <QLocale>

namespace kvlab::ui {
namespace {

TEST(NumberTextTest, groupsThousandsAndDropsTrailingZeros) {
  EXPECT_EQ(numberText(0), "0");
  EXPECT_EQ(numberText(0.5), "0.5");
  EXPECT_EQ(numberText(12), "12");
  EXPECT_EQ(numberText(1500), "1,500");
  EXPECT_EQ(numberText(1655969.5), "1,655,969.5");
  EXPECT_EQ(numberText(0.004), "0");
  EXPECT_EQ(numberText(-0.001), "0");
}

TEST(NumberTextTest, writesDollarsWithCents) {
  EXPECT_EQ(dollarsText(55682.21), "$55,682.21");
  EXPECT_EQ(dollarsText(0), "$0.00");
}

TEST(NumberTextTest, ignoresTheSystemLocale) {
  const QLocale previous;
  QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
  EXPECT_EQ(numberText(1655969.5), "1,655,969.5");
  QLocale::setDefault(previous);
}

}  // namespace
}  // namespace kvlab::ui
