#include "../../cpp/src/text.h"

#include <gtest/gtest.h>

namespace gongwen::text {
namespace {

TEST(TextTest, DecodeReplacesEachInvalidSequenceOnce) {
  EXPECT_EQ(Decode("a\xFF"
                   "b"),
            U"a\uFFFDb");
  EXPECT_EQ(Decode("\xE4\xB8"), U"\uFFFD");                  // truncated 中
  EXPECT_EQ(Decode("\xED\xA0\x80"), U"\uFFFD\uFFFD\uFFFD");  // an encoded surrogate
  EXPECT_EQ(Decode("中文"), U"中文");
  EXPECT_EQ(Decode(std::string_view("a\0b", 3)), std::u32string(U"a\0b", 3));
}

TEST(TextTest, EncodeRoundTripsAndReplacesSurrogates) {
  const std::string s = "党建引领 e家 𠀀 😀";
  EXPECT_EQ(Encode(Decode(s)), s);
  EXPECT_EQ(Encode(std::u32string(1, 0xD800)), "\uFFFD");
  EXPECT_EQ(CountCodePoints(s), Decode(s).size());
}

TEST(TextTest, ParsesChineseAndArabicNumbers) {
  EXPECT_EQ(ParseNumber(U"二十四"), 24);
  EXPECT_EQ(ParseNumber(U"十二"), 12);
  EXPECT_EQ(ParseNumber(U"一百零五"), 105);
  EXPECT_EQ(ParseNumber(U"二〇二三"), 2023);
  EXPECT_EQ(ParseNumber(U"三十一"), 31);
  EXPECT_EQ(ParseNumber(U"24"), 24);
  EXPECT_EQ(ParseNumber(U"２４"), 24);
  EXPECT_EQ(ParseNumber(U""), std::nullopt);
  EXPECT_EQ(ParseNumber(U"二三"), 23);  // digit by digit, as years are written
  EXPECT_EQ(ParseNumber(U"三十三十"), std::nullopt);
  EXPECT_EQ(ParseNumber(U"1234567"), std::nullopt);
}

TEST(TextTest, MeasuresWidthInHalfEms) {
  EXPECT_EQ(HalfEmWidth(U"党建"), 4);
  EXPECT_EQ(HalfEmWidth(U"2022年"), 6);
  EXPECT_EQ(HalfEmWidth(U"“书记”"), 8);
  EXPECT_TRUE(AllFullWidth(U"党建，引领。"));
  EXPECT_FALSE(AllFullWidth(U"“党建”"));
  EXPECT_FALSE(AllFullWidth(U"2022年"));
}

TEST(TextTest, KnowsSentenceEnds) {
  EXPECT_TRUE(EndsSentence(U"供各地各单位学习借鉴。"));
  EXPECT_TRUE(EndsSentence(U"实现“一肩挑”。"));
  EXPECT_TRUE(EndsSentence(U"商量着办”。”"));
  EXPECT_TRUE(EndsSentence(U"主要做法是："));
  EXPECT_FALSE(EndsSentence(U"中共桐城市委"));
  EXPECT_FALSE(EndsSentence(U"“擂台比武”"));
  EXPECT_FALSE(EndsSentence(U""));
}

TEST(TextTest, ClassifiesCharacters) {
  EXPECT_TRUE(IsHan(U'党'));
  EXPECT_TRUE(IsHan(U'\U00020000'));
  EXPECT_TRUE(IsHan(U'〇'));
  EXPECT_FALSE(IsHan(U'，'));
  EXPECT_TRUE(IsSpace(U'\u3000'));
  EXPECT_TRUE(IsSpace(U'\u00A0'));
  EXPECT_FALSE(IsSpace(U'党'));
  EXPECT_EQ(Trim(U" \u3000党建 "), U"党建");
}

}  // namespace
}  // namespace gongwen::text
