#include "report/escaping.h"

#include <gtest/gtest.h>

namespace kvlab::report {
namespace {

TEST(Escaping, htmlShouldTurnMarkupIntoEntities) {
  EXPECT_EQ(htmlEscape("<script>alert(\"x\" & 'y')</script>"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
}

TEST(Escaping, htmlShouldDropControlCharactersThatXmlCannotHold) {
  EXPECT_EQ(htmlEscape(std::string("a\x01z\tb\n", 6)), "az\tb\n");
}

TEST(Escaping, markdownCellShouldKeepPipesAndLineBreaksInsideTheCell) {
  EXPECT_EQ(markdownCell("a|b\nc\r\nd"), "a\\|b<br>c<br>d");
}

TEST(Escaping, markdownShouldNotLetUserTextBecomeMarkupOrHtml) {
  EXPECT_EQ(markdownCell("<b>*x*</b> [l](u) `c`"), "&lt;b&gt;\\*x\\*&lt;/b&gt; \\[l\\](u) \\`c\\`");
  EXPECT_EQ(markdownText("# not a heading"), "\\# not a heading");
  EXPECT_EQ(markdownText("ORDER#{id}"), "ORDER#{id}");
}

TEST(Escaping, csvShouldQuoteCommasQuotesAndLineBreaks) {
  EXPECT_EQ(csvField("plain"), "plain");
  EXPECT_EQ(csvField("a,b"), "\"a,b\"");
  EXPECT_EQ(csvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csvField("two\nlines"), "\"two\nlines\"");
}

TEST(Escaping, csvShouldDisarmTextThatASpreadsheetWouldRunAsAFormula) {
  EXPECT_EQ(csvField("=cmd()"), "'=cmd()");
  EXPECT_EQ(csvField("+1"), "'+1");
  EXPECT_EQ(csvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csvField("-2.5", true), "-2.5");  // a number stays a number
}

}  // namespace
}  // namespace kvlab::report
