#include "model/schema/key_template.h"

#include <gtest/gtest.h>

namespace kvlab::model {
namespace {

TEST(KeyTemplate, shouldSplitLiteralsAndPlaceholders) {
  auto parsed = KeyTemplate::parse("ORDER#{orderDate}#{orderId}");
  ASSERT_TRUE(parsed);
  ASSERT_EQ(parsed->segments().size(), 4u);
  EXPECT_FALSE(parsed->segments()[0].isAttribute);
  EXPECT_EQ(parsed->segments()[0].text, "ORDER#");
  EXPECT_TRUE(parsed->segments()[1].isAttribute);
  EXPECT_EQ(parsed->segments()[1].text, "orderDate");
  EXPECT_EQ(parsed->attributes(), (std::vector<std::string>{"orderDate", "orderId"}));
  EXPECT_EQ(parsed->literalPrefix(), "ORDER#");
  EXPECT_FALSE(parsed->isConstant());
}

TEST(KeyTemplate, shouldRenderWithTheItemsValues) {
  auto parsed = KeyTemplate::parse("CUSTOMER#{customerId}");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->render([](std::string_view name) {
    return name == "customerId" ? std::string("c-42") : std::string("?");
  }),
            "CUSTOMER#c-42");
}

TEST(KeyTemplate, shouldReadDoubledBracesAsLiteralBraces) {
  auto parsed = KeyTemplate::parse("{{v1}}#{id}");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->literalPrefix(), "{v1}#");
  EXPECT_EQ(parsed->attributes(), std::vector<std::string>{"id"});
  EXPECT_EQ(parsed->toString(), "{{v1}}#{id}");
}

TEST(KeyTemplate, shouldTreatATemplateWithoutPlaceholdersAsConstant) {
  auto parsed = KeyTemplate::parse("METADATA");
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(parsed->isConstant());
  EXPECT_EQ(parsed->literalPrefix(), "METADATA");
}

TEST(KeyTemplate, shouldListARepeatedAttributeOnce) {
  auto parsed = KeyTemplate::parse("{a}#{b}#{a}");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->attributes(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(parsed->literalPrefix(), "");
}

struct BadTemplate {
  const char* text;
  std::size_t offset;
  const char* fragment;
};

class KeyTemplateErrors : public ::testing::TestWithParam<BadTemplate> {};

TEST_P(KeyTemplateErrors, shouldSayWhereAndWhyATemplateIsMalformed) {
  KeyTemplate::ParseError error;
  EXPECT_FALSE(KeyTemplate::parse(GetParam().text, &error));
  EXPECT_EQ(error.offset, GetParam().offset);
  EXPECT_NE(error.message.find(GetParam().fragment), std::string::npos) << error.message;
}

INSTANTIATE_TEST_SUITE_P(Malformed, KeyTemplateErrors,
                         ::testing::Values(BadTemplate{"ORDER#{orderDate", 6, "not closed"},
                                           BadTemplate{"ORDER#orderDate}", 15, "no opening"},
                                           BadTemplate{"A#{}", 2, "empty placeholder"},
                                           BadTemplate{"{a{b}}", 0, "not closed"}));

}  // namespace
}  // namespace kvlab::model
