#include "gongwen/clean.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_util.h"

namespace gongwen {
namespace {

std::vector<std::string> Lines(const std::string& text, const CleanOptions& options = {}) {
  std::vector<std::string> out;
  for (const CleanLine& line : CleanText(text, options).lines) out.push_back(line.text);
  return out;
}

using Strings = std::vector<std::string>;

// A wrapped paragraph of full lines (16 characters), as a justified page prints it.
const std::string kWrapped =
    "党的十八大以来，桐城市深入学习贯彻习近\n"
    "平总书记关于党的建设的重要思想，认真贯\n"
    "彻落实韩俊书记在桐城调研基层治理工作时\n"
    "讲话精神，基层治理水平得到明显提升。\n";

TEST(CleanTest, JoinsHardWrappedLines) {
  EXPECT_EQ(Lines(kWrapped),
            Strings{"党的十八大以来，桐城市深入学习贯彻习近平总书记关于党的建设的重要思想，认真"
                    "贯彻落实韩俊书记在桐城调研基层治理工作时讲话精神，基层治理水平得到明显提升"
                    "。"});
}

TEST(CleanTest, DropsPageNumbersOfEveryStyle) {
  for (const std::string number : {"— 3 —", "- 3 -", "-3-", "第3页", "第 3 页 共 9 页", "3/9"}) {
    const std::string text =
        "党的十八大以来，桐城市深入学习贯彻习近\n"
        "平总书记关于党的建设的重要思想，认真贯\n" +
        number +
        "\n"
        "彻落实韩俊书记在桐城调研基层治理工作时\n"
        "讲话精神，基层治理水平得到明显提升。\n";
    const Strings lines = Lines(text);
    ASSERT_EQ(lines.size(), 1u) << number;
    EXPECT_EQ(lines[0].find('3'), std::string::npos) << number;
    EXPECT_NE(lines[0].find("认真贯彻落实"), std::string::npos) << number;
  }
}

TEST(CleanTest, KeepsNumbersThatAreText) {
  EXPECT_EQ(Lines("全区成立50个招商组。\n\n2022年以来，召开说事会1000余场次。"),
            (Strings{"全区成立50个招商组。", "2022年以来，召开说事会1000余场次。"}));
  // A bare number is a page number only at a page boundary (a form feed).
  EXPECT_EQ(Lines("第一段文字到此为止。\n12\f第二页的文字。"),
            (Strings{"第一段文字到此为止。", "第二页的文字。"}));
  EXPECT_EQ(Lines("表中数字\n\n12\n\n完。"), (Strings{"表中数字", "12", "完。"}));
}

TEST(CleanTest, IgnoresBlankLinesWhenEveryLineHasOne) {
  std::string interleaved;
  for (char c : kWrapped) {
    interleaved += c;
    if (c == '\n') interleaved += "\n";
  }
  EXPECT_EQ(Lines(interleaved), Lines(kWrapped));
}

TEST(CleanTest, DropsRunningHeadsAtPageEdges) {
  const std::string page =
      "党的十八大以来，桐城市深入学习贯彻习近\n"
      "平总书记关于党的建设的重要思想，认真贯\n"
      "彻落实韩俊书记在桐城调研基层治理工作时\n";
  const std::string text = "安庆组工信息\n第24期\n" + page + "— 1 —\f安庆组工信息\n" + page +
                           "— 2 —\f安庆组工信息\n" + page + "讲话精神。\n";
  const Strings lines = Lines(text);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "安庆组工信息");  // the header on the first page stays
  EXPECT_EQ(lines[2].find("安庆组工信息"), std::string::npos);
}

TEST(CleanTest, ShortLinesOfAShortDocumentAreNotJoined) {
  // Only prose lines tell the width of the page; header and title lines here are all alike.
  const std::string text =
      "党建动态\n2024年第3期（总第45期）\n中共望江县委组织部 2024年3月15日\n"
      "如何破解村级集体经济发展难题？\n望江县委组织部供稿\n"
      "今年以来，望江县聚焦村级集体经济薄弱问题，盘活资源、拓宽渠道，全县村级集体经济\n"
      "收入均超过 20 万元。一是盘活资源。清理闲置校舍、厂房 36 处。二是拓宽渠道。发展\n"
      "光伏、物业、劳务等项目 58 个。\n";
  const Strings lines = Lines(text);
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_EQ(lines[1], "2024年第3期（总第45期）");
  EXPECT_EQ(lines[5].rfind("今年以来", 0), 0u);
}

TEST(CleanTest, TheNextNumberedItemStartsAParagraph) {
  // Items of equal length without a full stop look like wrapped lines; their numbers say not.
  const std::string text =
      "一、废止《北京市社会治安综合治理条例》（1992年9月19日通过）\n\n"
      "二、废止《北京市反不正当竞争条例》（1994年7月22日会议通过）\n\n"
      "三、废止《北京市邮政通信条例》（1994年7月22日常委会议通过）\n\n"
      "四、废止《北京市信息化促进条例》（2007年9月14日会议通过）\n";
  EXPECT_EQ(Lines(text).size(), 4u);
}

TEST(CleanTest, KeepsBlankLinesAsParagraphBreaksOtherwise) {
  const std::string text = "第一段。\n\n第二段的内容。\n第二段继续。\n";
  EXPECT_EQ(Lines(text).front(), "第一段。");
}

TEST(CleanTest, RemovesSpacesBetweenChineseAndDigits) {
  EXPECT_EQ(Lines("2022 年以来，共 6 家单位，占 31 %，达 43.9 万亩，全区 GDP 增幅。"),
            Strings{"2022年以来，共6家单位，占31%，达43.9万亩，全区GDP增幅。"});
  EXPECT_EQ(Lines("工作 。 “ 红色 ”"), Strings{"工作。“红色”"});
}

TEST(CleanTest, KeepsSpacesBetweenTitleParts) {
  EXPECT_EQ(Lines(" 以党建为引领   以人民为中心\n"), Strings{"以党建为引领 以人民为中心"});
  EXPECT_EQ(Lines("Xi Jinping"), Strings{"Xi Jinping"});
}

TEST(CleanTest, RemovesLetterSpacing) { EXPECT_EQ(Lines("工 作 简 报\n"), Strings{"工作简报"}); }

TEST(CleanTest, CanLeaveTheTextAsItIs) {
  CleanOptions keep;
  keep.join_lines = false;
  keep.drop_page_numbers = false;
  keep.fix_spaces = false;
  EXPECT_EQ(Lines("共 6 家\n— 3 —\n单位", keep), (Strings{"共 6 家", "— 3 —", "单位"}));
}

TEST(CleanTest, OffsetsAreCodePointsIntoTheText) {
  const CleanedText cleaned = CleanText("标题\n\n正文第一段。\n\n第二段。");
  ASSERT_EQ(cleaned.lines.size(), 3u);
  EXPECT_EQ(cleaned.text, "标题\n正文第一段。\n第二段。");
  EXPECT_EQ(cleaned.lines[1].start, 3u);
  EXPECT_EQ(cleaned.lines[1].end, 9u);
  EXPECT_EQ(cleaned.lines[2].start, 10u);
}

TEST(CleanTest, HandlesLineEndingsControlsAndEmptyInput) {
  EXPECT_TRUE(CleanText("").lines.empty());
  EXPECT_TRUE(CleanText("\n\n \n").lines.empty());
  EXPECT_EQ(Lines("一行\r\n\r\n二行\r三行"), (Strings{"一行", "二行", "三行"}));
  EXPECT_EQ(Lines(std::string("含\0控制\x01字符", 17)), Strings{"含控制字符"});
  EXPECT_EQ(Lines("\xEF\xBB\xBF开头"), Strings{"开头"});
  EXPECT_EQ(Lines("坏\xFF字节"), Strings{"坏\uFFFD字节"});
}

TEST(CleanTest, ReferenceDocumentLosesItsPageNumberAndBrokenWords) {
  const CleanedText cleaned = CleanText(testing::ReadFileBytes(testing::ReferencePath()));
  EXPECT_EQ(cleaned.text.find("— 3 —"), std::string::npos);
  EXPECT_NE(cleaned.text.find("会议召开。"), std::string::npos);
  EXPECT_NE(cleaned.text.find("吸收为兼职委员，"), std::string::npos);  // across the page break
  EXPECT_NE(cleaned.text.find("\n以党建为引领 以人民为中心\n奋力推进基层治理水平迈上新台阶\n"
                              "中共桐城市委\n"),
            std::string::npos);
  EXPECT_NE(cleaned.text.find("2023年8月31日"), std::string::npos);
}

TEST(CleanTest, LongSingleLineIsLinear) {
  std::string line;
  for (int i = 0; i < 200000; ++i) line += "党建引领基层治理，";
  const CleanedText cleaned = CleanText(line);
  ASSERT_EQ(cleaned.lines.size(), 1u);
  EXPECT_EQ(cleaned.text.size(), line.size());
}

// The cleaner decodes a long line a piece (64 KiB) at a time. Whatever byte a piece would end
// at, a "\r\n" or "\f\n" is one break (after a form feed, "3" is a page number at the top of a
// page), a character is not cut, and a bad byte is one U+FFFD.
TEST(CleanTest, LongLinesAreSplitTheSameWhereverAPieceEnds) {
  const CleanOptions no_joins{.drop_page_numbers = true, .join_lines = false, .fix_spaces = true};
  for (std::size_t length = 65520; length <= 65545; ++length) {
    SCOPED_TRACE(length);
    std::string first(length % 3, 'a');
    while (first.size() < length) first += "党";
    for (const std::string ending : {"\r\n", "\f\n", "\f\r\n", "\xE5\x85\r\n"}) {
      SCOPED_TRACE(ending);
      const bool page_break = ending[0] == '\f';
      const bool bad_byte = ending[0] == '\xE5';
      Strings expected{bad_byte ? first + "\uFFFD" : first};
      if (!page_break) expected.push_back("3");
      expected.insert(expected.end(), {"二行", "三行"});
      EXPECT_EQ(Lines(first + ending + "3\n二行\n三行", no_joins), expected);
    }
  }
}

}  // namespace
}  // namespace gongwen
