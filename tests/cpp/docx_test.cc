// The DOCX and ODT readers (docx.cc): real Word and LibreOffice files of official documents
// (tests/data/docx, made by make_docx_fixtures.py), each feature in a package made here, and
// hostile XML.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "../../cpp/src/formats.h"
#include "../../cpp/src/numbering.h"
#include "../../cpp/src/text.h"
#include "gongwen/error.h"
#include "test_util.h"
#include "zip_builder.h"

namespace gongwen {
namespace {

using testing::MakeZip;
using testing::ReadFileBytes;
using testing::TestData;

constexpr const char* kW =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::vector<std::string> NonBlankLines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::size_t Count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

std::string Meta(const DecodedText& decoded, const std::string& key) {
  for (const auto& [k, v] : decoded.metadata) {
    if (k == key) return v;
  }
  return {};
}

// A DOCX whose body is `body` (w:body's content), with optional numbering and styles parts.
std::string MakeDocx(const std::string& body, const std::string& numbering = {},
                     const std::string& styles = {},
                     std::vector<std::pair<std::string, std::string>> extra = {}) {
  std::vector<std::pair<std::string, std::string>> members{
      {"word/document.xml",
       std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + kW +
           " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
           "<w:body>" +
           body + "</w:body></w:document>"}};
  if (!numbering.empty()) {
    members.emplace_back("word/numbering.xml",
                         std::string("<w:numbering ") + kW + ">" + numbering + "</w:numbering>");
  }
  if (!styles.empty()) {
    members.emplace_back("word/styles.xml",
                         std::string("<w:styles ") + kW + ">" + styles + "</w:styles>");
  }
  for (auto& member : extra) members.push_back(std::move(member));
  return MakeZip(members);
}

std::string DocxText(const std::string& bytes, ZipLimits limits = {}) {
  ZipReader package(bytes, "test.docx", limits);
  return ExtractDocx(package).text;
}

std::string P(const std::string& runs, const std::string& p_pr = {}) {
  return "<w:p>" + (p_pr.empty() ? "" : "<w:pPr>" + p_pr + "</w:pPr>") + runs + "</w:p>";
}
std::string R(const std::string& text) {
  return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}
std::string NumPr(int num_id, int level) {
  return "<w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" +
         std::to_string(num_id) + "\"/></w:numPr>";
}
std::string Lvl(int level, const std::string& format, const std::string& text, int start = 1) {
  return "<w:lvl w:ilvl=\"" + std::to_string(level) + "\"><w:start w:val=\"" +
         std::to_string(start) + "\"/><w:numFmt w:val=\"" + format + "\"/><w:lvlText w:val=\"" +
         text + "\"/></w:lvl>";
}

// --- The committed fixtures ---------------------------------------------------------------------

class DocxFixtureTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DocxFixtureTest, DocxGivesTheExpectedText) {
  const std::string bytes = ReadFileBytes(TestData("docx/" + GetParam() + ".docx"));
  ZipReader package(bytes, GetParam() + ".docx");
  const DecodedText decoded = ExtractDocx(package);
  EXPECT_EQ(decoded.format, "docx");
  EXPECT_EQ(decoded.encoding, "DOCX");
  EXPECT_EQ(NonBlankLines(decoded.text),
            NonBlankLines(ReadFileBytes(TestData("docx/" + GetParam() + ".expected.txt"))));
  EXPECT_EQ(decoded.text.find("页眉"), std::string::npos);
  EXPECT_EQ(decoded.text.find("页脚"), std::string::npos);
  EXPECT_FALSE(Meta(decoded, "title").empty());
  EXPECT_FALSE(Meta(decoded, "author").empty());
  EXPECT_EQ(Meta(decoded, "created").substr(0, 10), "2023-12-18");
}

TEST_P(DocxFixtureTest, OdtGivesTheExpectedText) {
  const std::string bytes = ReadFileBytes(TestData("docx/" + GetParam() + ".odt"));
  ZipReader package(bytes, GetParam() + ".odt");
  const DecodedText decoded = ExtractOdt(package);
  EXPECT_EQ(decoded.format, "odt");
  EXPECT_EQ(decoded.encoding, "ODT");
  EXPECT_EQ(NonBlankLines(decoded.text),
            NonBlankLines(ReadFileBytes(TestData("docx/" + GetParam() + ".expected.txt"))));
  EXPECT_FALSE(Meta(decoded, "title").empty());
  EXPECT_EQ(Meta(decoded, "created").substr(0, 10), "2023-12-18");
}

INSTANTIATE_TEST_SUITE_P(Documents, DocxFixtureTest,
                         ::testing::Values("city_notice", "measures_notice", "bulletin"));

TEST(DocxFixtures, CityNoticeHasEachFeatureOnce) {
  for (const char* suffix : {".docx", ".odt"}) {
    SCOPED_TRACE(suffix);
    const std::string bytes = ReadFileBytes(TestData(std::string("docx/city_notice") + suffix));
    ZipReader package(bytes, "city_notice");
    const std::string text =
        std::string(suffix) == ".docx" ? ExtractDocx(package).text : ExtractOdt(package).text;
    EXPECT_EQ(Count(text, "一、切实保障群众生活\n"), 1u);
    EXPECT_EQ(Count(text, "四、严格值班值守\n"), 1u);
    EXPECT_EQ(Count(text, "日期\t带班领导\t值班人员\n"), 1u);
    EXPECT_EQ(Count(text, "值班电话：0556-5500000"), 1u);  // the text box, not its fallback too
    EXPECT_EQ(Count(text, "及有关单位"), 0u);              // the deleted revision
    EXPECT_EQ(Count(text, "各县、市、区人民政府，市政府各部门："), 1u);  // the inserted one
    EXPECT_EQ(Count(text, "CREATEDATE"), 0u);                            // a field's instruction
    EXPECT_EQ(Count(text, "2023年12月18日"), 1u);                        // and its result
    EXPECT_TRUE(text.ends_with("1 本通知自印发之日起施行。\n"));         // the footnote, last
  }
}

TEST(DocxFixtures, BulletinHeadingsRestartPerArticle) {
  const std::string bytes = ReadFileBytes(TestData("docx/bulletin.docx"));
  ZipReader package(bytes, "bulletin.docx");
  const std::string text = ExtractDocx(package).text;
  // Each article numbers its sections from 一 again.
  EXPECT_GE(Count(text, "\n一、"), 3u);
  EXPECT_GE(Count(text, "\n五、"), 1u);
}

// --- Numbers as Word prints them ----------------------------------------------------------------

TEST(Numbering, FormatsNumbersAsPrinted) {
  using numbering::Format;
  using numbering::FormatNumber;
  EXPECT_EQ(FormatNumber(1, Format::kChineseCounting), "一");
  EXPECT_EQ(FormatNumber(10, Format::kChineseCounting), "十");
  EXPECT_EQ(FormatNumber(11, Format::kChineseCounting), "十一");
  EXPECT_EQ(FormatNumber(20, Format::kChineseCounting), "二十");
  EXPECT_EQ(FormatNumber(99, Format::kChineseCounting), "九十九");
  EXPECT_EQ(FormatNumber(105, Format::kChineseCounting), "一百零五");
  EXPECT_EQ(FormatNumber(110, Format::kChineseCounting), "一百一十");
  EXPECT_EQ(FormatNumber(1005, Format::kChineseCounting), "一千零五");
  EXPECT_EQ(FormatNumber(10010, Format::kChineseCounting), "一万零一十");
  EXPECT_EQ(FormatNumber(100000, Format::kChineseCounting), "十万");
  EXPECT_EQ(FormatNumber(12, Format::kChineseLegal), "壹拾贰");
  EXPECT_EQ(FormatNumber(105, Format::kJapaneseCounting), "百五");
  EXPECT_EQ(FormatNumber(3, Format::kIdeographTraditional), "丙");
  EXPECT_EQ(FormatNumber(11, Format::kIdeographTraditional), "甲");
  EXPECT_EQ(FormatNumber(1, Format::kDecimalEnclosedCircle), "①");
  EXPECT_EQ(FormatNumber(20, Format::kDecimalEnclosedCircle), "⑳");
  EXPECT_EQ(FormatNumber(21, Format::kDecimalEnclosedCircle), "㉑");
  EXPECT_EQ(FormatNumber(51, Format::kDecimalEnclosedCircle), "51");
  EXPECT_EQ(FormatNumber(12, Format::kDecimalFullWidth), "１２");
  EXPECT_EQ(FormatNumber(28, Format::kUpperLetter), "BB");
  EXPECT_EQ(FormatNumber(3, Format::kLowerLetter), "c");
  EXPECT_EQ(FormatNumber(1994, Format::kUpperRoman), "MCMXCIV");
  EXPECT_EQ(FormatNumber(4, Format::kLowerRoman), "iv");
  EXPECT_EQ(FormatNumber(5000, Format::kUpperRoman), "5000");
  EXPECT_EQ(FormatNumber(7, Format::kDecimalZero), "07");
  EXPECT_EQ(FormatNumber(1, Format::kBullet), "");
  // Hostile counters stay short.
  EXPECT_LE(FormatNumber(1000000000, Format::kUpperLetter).size(), 12u);
  EXPECT_LE(FormatNumber(1000000000, Format::kChineseCounting).size(), 12u);
}

TEST(DocxNumbering, GovernmentHeadingsLevelsAndRestarts) {
  const std::string abstract =
      "<w:abstractNum w:abstractNumId=\"7\">" + Lvl(0, "chineseCounting", "%1、") +
      Lvl(1, "chineseCounting", "（%2）") + Lvl(2, "decimal", "%3.") + Lvl(3, "decimal", "（%4）") +
      "</w:abstractNum>"
      "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"7\"/></w:num>"
      "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"7\"/>"
      "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>";
  const std::string body = P(R("总体要求"), NumPr(3, 0)) + P(R("指导思想"), NumPr(3, 1)) +
                           P(R("基本原则"), NumPr(3, 1)) + P(R("坚持党的领导"), NumPr(3, 2)) +
                           P(R("具体是"), NumPr(3, 3)) + P(R("坚持人民至上"), NumPr(3, 2)) +
                           P(R("主要任务"), NumPr(3, 0)) + P(R("强化基础"), NumPr(3, 1)) +
                           P(R("另一篇"), NumPr(4, 0)) + P(R("正文"));
  EXPECT_EQ(
      DocxText(MakeDocx(body, abstract)),
      "一、总体要求\n（一）指导思想\n（二）基本原则\n1.坚持党的领导\n（1）具体是\n2.坚持人民至上\n"
      "二、主要任务\n（一）强化基础\n一、另一篇\n正文\n");
}

TEST(DocxNumbering, EveryFormatMultiLevelTextAndStart) {
  const std::string abstract =
      "<w:abstractNum w:abstractNumId=\"1\">" + Lvl(0, "ideographTraditional", "%1、") +
      Lvl(1, "decimalEnclosedCircle", "%2") + Lvl(2, "upperRoman", "%3.", 3) +
      Lvl(3, "lowerLetter", "%4)") + Lvl(4, "decimalFullWidth", "%5．") +
      Lvl(5, "chineseCountingThousand", "第%6章") + Lvl(6, "japaneseCounting", "%7") +
      Lvl(7, "decimal", "%1.%8") + Lvl(8, "bullet", "\xEF\x82\xB7") +
      "</w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>";
  std::string body;
  for (int level = 0; level < 9; ++level)
    body += P(R("x"), NumPr(1, level)) + P(R("y"), NumPr(1, level));
  EXPECT_EQ(
      DocxText(MakeDocx(body, abstract)),
      "甲、x\n乙、y\n①x\n②y\nIII.x\nIV.y\na)x\nb)y\n１．x\n２．y\n第一章x\n第二章y\n一x\n二y\n"
      "乙.1x\n乙.2y\nx\ny\n");
}

TEST(DocxNumbering, FromTheStyleThroughBasedOnAndTurnedOff) {
  const std::string abstract = "<w:abstractNum w:abstractNumId=\"0\">" +
                               Lvl(0, "chineseCounting", "%1、") +
                               Lvl(1, "chineseCounting", "（%2）") +
                               "</w:abstractNum>"
                               "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/></w:num>";
  const std::string styles =
      "<w:style w:type=\"paragraph\" w:styleId=\"Base\"><w:pPr>" + NumPr(2, 0) +
      "</w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"H1\"><w:basedOn w:val=\"Base\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"H2\"><w:basedOn "
      "w:val=\"H1\"/><w:pPr><w:numPr><w:ilvl w:val=\"1\"/></w:numPr></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Loop\"><w:basedOn w:val=\"Loop\"/></w:style>";
  const std::string body =
      P(R("第一节"), "<w:pStyle w:val=\"H1\"/>") + P(R("小节"), "<w:pStyle w:val=\"H2\"/>") +
      P(R("不编号"), "<w:pStyle w:val=\"H1\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>") +
      P(R("第二节"), "<w:pStyle w:val=\"H1\"/>") + P(R("循环"), "<w:pStyle w:val=\"Loop\"/>") +
      P(R("无此编号"), NumPr(99, 0));
  EXPECT_EQ(DocxText(MakeDocx(body, abstract, styles)),
            "一、第一节\n（一）小节\n不编号\n二、第二节\n循环\n无此编号\n");
}

// 条 numbered straight through the 章 (w:lvlRestart 0: never restart), and a level that restarts
// only after level 1 (lvlRestart 1), not after level 2.
TEST(DocxNumbering, LevelRestartNeverAndAfterALevel) {
  const std::string never = "<w:lvlRestart w:val=\"0\"/>";
  const std::string after_first = "<w:lvlRestart w:val=\"1\"/>";
  const std::string abstract =
      "<w:abstractNum w:abstractNumId=\"0\">" + Lvl(0, "chineseCounting", "第%1章") +
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>" + never +
      "<w:lvlText w:val=\"第%2条\"/></w:lvl>" + Lvl(2, "decimal", "%3.") +
      "<w:lvl w:ilvl=\"3\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/>" + after_first +
      "<w:lvlText w:val=\"%4)\"/></w:lvl>" +
      "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
  const std::string body = P(R("总则"), NumPr(1, 0)) + P(R("甲"), NumPr(1, 1)) +
                           P(R("乙"), NumPr(1, 1)) + P(R("分则"), NumPr(1, 0)) +
                           P(R("丙"), NumPr(1, 1)) + P(R("项"), NumPr(1, 3)) +
                           P(R("款"), NumPr(1, 2)) + P(R("项"), NumPr(1, 3));
  EXPECT_EQ(DocxText(MakeDocx(body, abstract)),
            "第一章总则\n第一条甲\n第二条乙\n第二章分则\n第三条丙\na)项\n1.款\nb)项\n");
}

// A list style: the numbering that uses it (w:numStyleLink) prints the levels of the one that
// defines it (w:styleLink), through the style's numPr.
TEST(DocxNumbering, ListStylesThroughNumStyleLink) {
  const std::string numbering =
      "<w:abstractNum w:abstractNumId=\"0\"><w:styleLink w:val=\"L\"/>" +
      Lvl(0, "upperRoman", "%1.") + Lvl(1, "lowerLetter", "%2)") +
      "</w:abstractNum><w:abstractNum w:abstractNumId=\"1\"><w:numStyleLink w:val=\"L\"/>"
      "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>";
  const std::string styles =
      "<w:style w:type=\"numbering\" w:styleId=\"L\"><w:pPr>" + NumPr(1, 0) + "</w:pPr></w:style>";
  const std::string body =
      P(R("概述"), NumPr(2, 0)) + P(R("背景"), NumPr(2, 1)) + P(R("目标"), NumPr(2, 0));
  EXPECT_EQ(DocxText(MakeDocx(body, numbering, styles)), "I.概述\na)背景\nII.目标\n");
}

// --- Runs, fields, revisions, tables, text boxes ------------------------------------------------

TEST(Docx, RunsTabsBreaksSymbolsAndHiddenText) {
  const std::string body =
      P(R("甲") +
        "<w:r><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:cr/>"
        "<w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t><w:sym w:font=\"Symbol\" w:char=\"F0B7\"/>"
        "<w:sym w:font=\"Arial\" w:char=\"00A7\"/><w:softHyphen/>"
        "<w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/><w:sym w:font=\"Symbol\" w:char=\"F0B3\"/>"
        "<w:sym w:font=\"Wingdings 2\" w:char=\"F0FC\"/><w:sym w:font=\"Symbol\" w:char=\"F0FF\"/>"
        "</w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
        "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>显示</w:t></w:r>");
  // Symbol and Wingdings glyphs as the characters they draw; unknown ones (Wingdings 2) dropped.
  EXPECT_EQ(DocxText(MakeDocx(body)), "甲\t乙\n丙\nA-B•§✔≥显示\n");
}

TEST(Docx, FieldsShowTheirResultNotTheirInstruction) {
  const std::string begin = "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>";
  const std::string separate = "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
  const std::string end = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
  const std::string instr = "<w:r><w:instrText> REF _Ref1 \\h </w:instrText></w:r>";
  // A field whose instruction holds another field, and one that spans two paragraphs.
  const std::string body =
      P(R("见") + begin + instr + begin + "<w:r><w:instrText>PAGE</w:instrText></w:r>" + separate +
        R("9") + end + separate + R("第三条") + end + R("。")) +
      P(R("前") + begin + instr + separate + R("跨")) + P(R("段") + end + R("后")) +
      P("<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>12</w:t></w:r></w:fldSimple>");
  EXPECT_EQ(DocxText(MakeDocx(body)), "见第三条。\n前跨\n段后\n12\n");
}

TEST(Docx, RevisionsDeletedLeftOutInsertedKept) {
  const std::string body =
      P(R("保留") + "<w:del w:id=\"1\"><w:r><w:delText>删除</w:delText></w:r></w:del>" +
        "<w:ins w:id=\"2\"><w:r><w:t>插入</w:t></w:r></w:ins>" +
        "<w:moveFrom w:id=\"3\"><w:r><w:t>移走</w:t></w:r></w:moveFrom>" +
        "<w:moveTo w:id=\"4\"><w:r><w:t>移来</w:t></w:r></w:moveTo>");
  EXPECT_EQ(DocxText(MakeDocx(body)), "保留插入移来\n");
}

// A paragraph whose mark is a deleted revision runs on into the next one, as Word shows the
// revision accepted, and takes no number: the numbers after it are not shifted.
TEST(Docx, DeletedParagraphMarksJoinAndTakeNoNumber) {
  const std::string abstract =
      "<w:abstractNum w:abstractNumId=\"0\">" + Lvl(0, "chineseCounting", "%1、") +
      "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
  const std::string deleted_mark = "<w:rPr><w:del w:id=\"9\" w:author=\"x\"/></w:rPr>";
  const std::string body = P(R("总体要求"), NumPr(1, 0)) +
                           P("<w:del w:id=\"5\"><w:r><w:delText>主要职责</w:delText></w:r></w:del>",
                             NumPr(1, 0) + deleted_mark) +
                           P(R("工作任务"), NumPr(1, 0)) + P(R("成员如下"), deleted_mark) +
                           P(R("：张三、李四。")) + P(R("末段"), deleted_mark);
  EXPECT_EQ(DocxText(MakeDocx(body, abstract)),
            "一、总体要求\n二、工作任务\n成员如下：张三、李四。\n末段\n");
}

TEST(Docx, TablesAsRowsNestedTablesInTheirCell) {
  const auto cell = [](const std::string& content) {
    return "<w:tc><w:tcPr/>" + content + "</w:tc>";
  };
  const std::string inner = "<w:tbl><w:tr>" + cell(P(R("内1"))) + cell(P(R("内2"))) +
                            "</w:tr><w:tr>" + cell(P(R("内3"))) + cell(P(R("内4"))) +
                            "</w:tr></w:tbl>";
  const std::string body = "<w:tbl><w:tblPr/><w:tr>" + cell(P(R("项目"))) + cell(P(R("金额"))) +
                           "</w:tr>" + "<w:tr>" + cell(P(R("一段")) + P(R("二段"))) + cell(inner) +
                           "</w:tr>" + "<w:tr>" + cell(P("")) + cell(P("")) + "</w:tr></w:tbl>" +
                           P(R("表后"));
  EXPECT_EQ(DocxText(MakeDocx(body)), "项目\t金额\n一段 二段\t内1\t内2 内3\t内4\n表后\n");
}

TEST(Docx, TextBoxOnceAfterItsParagraph) {
  const std::string box = "<w:txbxContent>" + P(R("框内")) + "</w:txbxContent>";
  const std::string body =
      P(R("前") +
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx "
        "xmlns:wps=\"x\">" +
        box + "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v=\"y\">" +
        box + "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>" + R("后")) +
      P("<w:r><mc:AlternateContent><mc:Fallback><w:t>只有后备</w:t></mc:Fallback></"
        "mc:AlternateContent></w:r>");
  EXPECT_EQ(DocxText(MakeDocx(body)), "前后\n框内\n只有后备\n");
}

TEST(Docx, FootnotesAndEndnotesAtTheEndSeparatorsSkipped) {
  const std::string notes =
      std::string("<w:footnotes ") + kW +
      ">"
      "<w:footnote w:type=\"separator\" "
      "w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
      "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> "
      "注一</w:t></w:r></w:p></w:footnote>"
      "<w:footnote "
      "w:id=\"2\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>注二</w:t></w:r></w:p></w:footnote>"
      "</w:footnotes>";
  const std::string endnotes = std::string("<w:endnotes ") + kW + "><w:endnote w:id=\"1\">" +
                               P(R("尾注")) + "</w:endnote></w:endnotes>";
  const std::string body = P(R("正文") + "<w:r><w:footnoteReference w:id=\"1\"/></w:r>");
  EXPECT_EQ(DocxText(MakeDocx(body, {}, {},
                              {{"word/footnotes.xml", notes}, {"word/endnotes.xml", endnotes}})),
            "正文\n1 注一\n2注二\n尾注\n");
}

TEST(Docx, MainPartFoundThroughTheRelationships) {
  const std::string document = std::string("<w:document ") + kW + "><w:body>" + P(R("别处的正文")) +
                               "</w:body></w:document>";
  const std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"/doc/main.xml\"/>"
      "</Relationships>";
  EXPECT_EQ(DocxText(MakeZip({{"_rels/.rels", rels}, {"doc/main.xml", document}})), "别处的正文\n");
  // And a prefix other than w: (declared on the root).
  const std::string other =
      "<x:document xmlns:x=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<x:body><x:p><x:r><x:t>前缀</x:t></x:r></x:p></x:body></x:document>";
  EXPECT_EQ(DocxText(MakeZip({{"word/document.xml", other}})), "前缀\n");
}

TEST(Docx, DamagedPackagesRaiseDecodeError) {
  EXPECT_THROW(DocxText(MakeZip({{"other.txt", "x"}})), DecodeError);
  EXPECT_THROW(
      DocxText(MakeZip({{"word/document.xml", "<w:document><w:body><w:p><w:r><w:t>未闭合"}})),
      DecodeError);
  EXPECT_THROW(DocxText(MakeZip({{"word/document.xml",
                                  "<w:document><w:body><w:p></w:q></w:body></w:document>"}})),
               DecodeError);
  EXPECT_THROW(DocxText(MakeDocx(P(R("x")), "<w:abstractNum><")), DecodeError);
  try {
    DocxText(MakeZip(
        {{"word/document.xml", "<w:document><w:body><w:p a=1></w:p></w:body></w:document>"}}));
    FAIL();
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("word/document.xml"), std::string::npos) << e.what();
  }
}

// --- Hostile XML --------------------------------------------------------------------------------

std::string BillionLaughs(const std::string& root_open, const std::string& inside,
                          const std::string& root_close) {
  std::string dtd = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">";
  for (int i = 1; i <= 9; ++i) {
    dtd += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j)
      dtd += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    dtd += "\">";
  }
  dtd += "<!ENTITY ext SYSTEM \"file:///etc/passwd\">]>";
  return dtd + root_open + inside + root_close;
}

TEST(DocxHostile, BillionLaughsAndExternalEntitiesAreNotExpanded) {
  const std::string document =
      BillionLaughs(std::string("<w:document ") + kW + "><w:body>", P(R("&lol9;&ext;正文&amp;")),
                    "</w:body></w:document>");
  const std::string numbering = BillionLaughs(
      std::string("<w:numbering ") + kW + ">",
      "<w:abstractNum w:abstractNumId=\"0\">" + Lvl(0, "decimal", "&lol9;%1") +
          "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>",
      "</w:numbering>");
  const auto start = std::chrono::steady_clock::now();
  const std::string text =
      DocxText(MakeZip({{"word/document.xml", document}, {"word/numbering.xml", numbering}}));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_LT(text.size(), 100u) << text;
  EXPECT_NE(text.find("正文&"), std::string::npos);
  EXPECT_EQ(text.find("root:"), std::string::npos);
  EXPECT_EQ(text.find("lollol"), std::string::npos);
}

TEST(DocxHostile, DeepNestingIsWalkedWithoutRecursion) {
  constexpr int kDepth = 100000;
  std::string open, close;
  for (int i = 0; i < kDepth; ++i) {
    open += "<w:sdt><w:sdtContent>";
    close += "</w:sdtContent></w:sdt>";
  }
  std::string tables;  // tables nested in cells, 20,000 deep
  for (int i = 0; i < 20000; ++i) tables += "<w:tbl><w:tr><w:tc>";
  tables += P(R("最深"));
  for (int i = 0; i < 20000; ++i) tables += "</w:tc></w:tr></w:tbl>";
  const std::string notes = std::string("<w:footnotes ") + kW + "><w:footnote w:id=\"1\">" + open +
                            P(R("深注")) + close + "</w:footnote></w:footnotes>";
  const std::string styles = "<w:style w:styleId=\"S\">" + open + close + "</w:style>";
  const std::string bytes =
      MakeDocx(open + P(R("深处")) + close + tables, {}, styles, {{"word/footnotes.xml", notes}});
  ZipLimits limits;  // markup this repetitive deflates more than any real document
  limits.max_ratio = 1u << 30;
  EXPECT_EQ(DocxText(bytes, limits), "深处\n最深\n深注\n");
  // Deep inline nesting inside one paragraph too.
  std::string inline_open, inline_close;
  for (int i = 0; i < kDepth; ++i) {
    inline_open += "<w:hyperlink>";
    inline_close += "</w:hyperlink>";
  }
  EXPECT_EQ(DocxText(MakeDocx(P(inline_open + R("链接") + inline_close)), limits), "链接\n");
}

TEST(DocxHostile, PartsPastTheZipLimitsAreRefused) {
  std::string body;
  for (int i = 0; i < 20000; ++i) body += P(R("第" + std::to_string(i) + "段"));
  ZipLimits limits;
  limits.max_member_bytes = 256 * 1024;
  EXPECT_THROW(DocxText(MakeDocx(body), limits), DecodeError);
  EXPECT_NO_THROW(DocxText(MakeDocx(body)));
}

TEST(DocxHostile, HugeCountersAndSpaceCountsStayBounded) {
  const std::string abstract =
      "<w:abstractNum w:abstractNumId=\"0\">" + Lvl(0, "upperLetter", "%1", 2000000000) +
      "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
  EXPECT_LT(DocxText(MakeDocx(P(R("x"), NumPr(1, 0)), abstract)).size(), 40u);
}

// --- ODT
// ------------------------------------------------------------------------------------------

std::string MakeOdt(const std::string& body, const std::string& automatic_styles = {}) {
  const std::string ns =
      " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
      " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
      " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
      " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
      " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""
      " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";
  return MakeZip(
      {{"mimetype", "application/vnd.oasis.opendocument.text"},
       {"content.xml", "<office:document-content" + ns + "><office:automatic-styles>" +
                           automatic_styles +
                           "</office:automatic-styles><office:body><office:text>" + body +
                           "</office:text></office:body></office:document-content>"},
       {"meta.xml",
        "<office:document-meta" + ns +
            "><office:meta><dc:title>标题</dc:title></office:meta></office:document-meta>"}});
}

std::string OdtText(const std::string& bytes) {
  ZipLimits limits;  // the deep nesting below deflates more than any real document
  limits.max_ratio = 1u << 30;
  ZipReader package(bytes, "test.odt", limits);
  return ExtractOdt(package).text;
}

TEST(Odt, SpacesTabsBreaksAnnotationsAndChanges) {
  const std::string body =
      "<text:tracked-changes><text:changed-region><text:deletion><text:p>删掉的</text:p></"
      "text:deletion>"
      "</text:changed-region></text:tracked-changes>"
      "<text:h text:outline-level=\"1\">标题</text:h>"
      "<text:p>甲<text:s text:c=\"3\"/>乙<text:tab/>丙<text:line-break/>丁"
      "<office:annotation><text:p>批注</text:p></office:annotation>戊\n   "
      "<text:span>己</text:span> 庚</text:p>"
      "<text:p>巨<text:s text:c=\"999999999\"/>大</text:p>";
  const std::string text = OdtText(MakeOdt(body));
  EXPECT_TRUE(text.starts_with("标题\n甲   乙\t丙\n丁戊 己 庚\n巨")) << text;
  EXPECT_EQ(text.find("删掉的"), std::string::npos);
  EXPECT_EQ(text.find("批注"), std::string::npos);
  EXPECT_LT(text.size(), 1100u);
}

TEST(Odt, ListsNumberedByTheirStyleAndContinued) {
  const std::string styles =
      "<text:list-style style:name=\"L1\">"
      "<text:list-level-style-number text:level=\"1\" style:num-format=\"一, 二, 三, ...\" "
      "style:num-suffix=\"、\"/>"
      "<text:list-level-style-number text:level=\"2\" style:num-format=\"1\" "
      "style:num-prefix=\"（\" style:num-suffix=\"）\"/>"
      "<text:list-level-style-bullet text:level=\"3\" text:bullet-char=\"•\"/>"
      "</text:list-style>";
  const std::string body =
      "<text:list xml:id=\"a\" text:style-name=\"L1\"><text:list-item><text:p>一项</text:p>"
      "<text:list><text:list-item><text:p>子项</text:p><text:p>续段</text:p></text:list-item>"
      "<text:list-item><text:p>子项二</text:p></text:list-item></text:list></text:list-item></"
      "text:list>"
      "<text:p>插入的段落</text:p>"
      "<text:list text:continue-list=\"a\" "
      "text:style-name=\"L1\"><text:list-item><text:p>二项</text:p></text:list-item></text:list>"
      "<text:list text:continue-numbering=\"true\" "
      "text:style-name=\"L1\"><text:list-item><text:p>三项</text:p></text:list-item>"
      "<text:list-item text:start-value=\"7\"><text:p>七项</text:p></text:list-item>"
      "<text:list-header><text:p>无号</text:p></text:list-header></text:list>"
      "<text:list "
      "text:style-name=\"L1\"><text:list-item><text:p>新列表</text:p></text:list-item></text:list>"
      "<table:table><table:table-row><table:table-cell><text:p>格一</text:p></table:table-cell>"
      "<table:covered-table-cell/><table:table-cell><text:p>格二</text:p></table:table-cell></"
      "table:table-row></table:table>"
      "<text:p>注在此<text:note><text:note-citation>1</"
      "text:note-citation><text:note-body><text:p>注文</text:p>"
      "</text:note-body></text:note>。</text:p>";
  const std::string bytes = MakeOdt(body, styles);
  ZipReader package(bytes, "test.odt");
  const DecodedText decoded = ExtractOdt(package);
  EXPECT_EQ(decoded.text,
            "一、一项\n（1）子项\n续段\n（2）子项二\n插入的段落\n二、二项\n三、三项\n七、七项\n无号"
            "\n一、新列表\n"
            "格一\t格二\n注在此。\n1 注文\n");
  EXPECT_EQ(Meta(decoded, "title"), "标题");
}

TEST(OdtHostile, DeepNestingAndBillionLaughs) {
  std::string open, close;
  for (int i = 0; i < 100000; ++i) {
    open += "<text:section>";
    close += "</text:section>";
  }
  EXPECT_EQ(OdtText(MakeOdt(open + "<text:p>深</text:p>" + close)), "深\n");
  std::string lists;
  for (int i = 0; i < 50000; ++i) lists += "<text:list><text:list-item>";
  lists += "<text:p>列</text:p>";
  for (int i = 0; i < 50000; ++i) lists += "</text:list-item></text:list>";
  EXPECT_EQ(OdtText(MakeOdt(lists)), "列\n");
  const std::string laughs = BillionLaughs(
      "<office:document-content "
      "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"><office:body><office:"
      "text>",
      "<text:p>&lol9;笑</text:p>", "</office:text></office:body></office:document-content>");
  EXPECT_LT(OdtText(MakeZip({{"content.xml", laughs}})).size(), 100u);
  EXPECT_THROW(OdtText(MakeZip({{"word/document.xml", "x"}})), DecodeError);
}

}  // namespace
}  // namespace gongwen
