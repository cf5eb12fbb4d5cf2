// ExtractOfd over real OFD files (ofdrw's test documents, Apache-2.0,
// tests/data/ofd/LICENSE-ofdrw.txt) and generated ones (tests/data/make_ofd_fixtures.py). The
// expected lines were read off each file's XML (positions of its text objects) before the reader
// was run.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "../../cpp/src/formats.h"
#include "gongwen/clean.h"
#include "gongwen/error.h"
#include "test_util.h"
#include "zip_builder.h"

namespace gongwen {
namespace {

using testing::MakeZip;
using testing::ReadFileBytes;
using testing::TestData;

DecodedText ExtractBytes(const std::string& bytes, const std::string& name = "<ofd>") {
  ZipReader zip(bytes, name);
  return ExtractOfd(zip);
}

DecodedText Extract(const std::string& fixture) {
  return ExtractBytes(ReadFileBytes(TestData(fixture)), fixture);
}

// The lines of one page's text, trailing spaces kept, the final empty piece dropped.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::vector<std::string> Pages(const std::string& text) {
  std::vector<std::string> pages;
  std::size_t start = 0;
  while (true) {
    const std::size_t ff = text.find('\f', start);
    pages.push_back(text.substr(start, ff == std::string::npos ? ff : ff - start));
    if (ff == std::string::npos) return pages;
    start = ff + 1;
  }
}

// The position of the line equal to `line` once leading spaces are trimmed, or -1.
int Find(const std::vector<std::string>& lines, const std::string& line) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::size_t lead = lines[i].find_first_not_of(' ');
    if (lead != std::string::npos && lines[i].substr(lead) == line) return static_cast<int>(i);
  }
  return -1;
}

int Indent(const std::string& line) { return static_cast<int>(line.find_first_not_of(' ')); }

// Collapses runs of spaces to one, for lines whose gaps are columns of a form.
std::string Squeeze(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool HasSqueezedLine(const std::string& text, const std::string& line) {
  for (const std::string& l : Lines(text)) {
    if (Squeeze(l) == line) return true;
  }
  return false;
}

TEST(OfdTest, HelloWorldIsOneLineWithFormatAndEncoding) {
  const DecodedText d = Extract("ofd/helloworld.ofd");
  EXPECT_EQ(d.text, "你好呀，OFD Reader&Writer！\n");
  EXPECT_EQ(d.format, "ofd");
  EXPECT_EQ(d.encoding, "OFD");
  ASSERT_FALSE(d.metadata.empty());
  EXPECT_EQ(d.metadata.back(), (std::pair<std::string, std::string>("created", "2020-09-21")));
}

TEST(OfdTest, ChineseFolderNamesAndLongTextCode) {
  EXPECT_EQ(Extract("ofd/chineseDir.ofd").text, "你好呀，OFD Reader&Writer！\n");
  EXPECT_EQ(Extract("ofd/multiKeywordInTextCode.ofd").text,
            "打发打发打发打发打发哈哈打发哈哈哈哈哈哈哈哈哈打发\n");
}

// SplitParagraph.ofd: a label at the top left, a centred title, four paragraphs whose first
// lines are indented two characters (10 mm at 5 mm type) with extra space above, a second page.
TEST(OfdTest, ParagraphIndentsBlankLinesAndPages) {
  const DecodedText d = Extract("ofd/SplitParagraph.ofd");
  const std::vector<std::string> pages = Pages(d.text);
  ASSERT_EQ(pages.size(), 2u);
  const std::vector<std::string> lines = Lines(pages[0]);
  EXPECT_EQ(lines[0], "报告：");
  const int title = Find(lines, "“超长文档“裁切测试");
  ASSERT_GT(title, 0);
  EXPECT_GT(Indent(lines[title]), 10);  // centred
  for (const char* head : {"第一段：", "第二段：", "第三段：", "第四段："}) {
    const auto it = std::find_if(lines.begin(), lines.end(), [&](const std::string& l) {
      return l.find(head) != std::string::npos;
    });
    ASSERT_NE(it, lines.end()) << head;
    EXPECT_EQ(Indent(*it), 4) << head;  // two characters = four half-ems past the body's margin
    EXPECT_EQ(*(it - 1), "") << head;   // the wider gap above is a blank line
    EXPECT_EQ(Indent(*(it + 1)), 0) << head;
  }
  // The body's lines start at the page's body margin: the label further left does not indent
  // them all.
  EXPECT_EQ(
      lines[Find(lines, "划区区D”区有，别位)*S位，目别目别”位南(南B判，D位有B别南”有，区，，K")],
      "划区区D”区有，别位)*S位，目别目别”位南(南B判，D位有B别南”有，区，，K");
  const std::vector<std::string> second = Lines(pages[1]);
  ASSERT_EQ(second.size(), 7u);
  EXPECT_EQ(second[6], "区有*，较*，*位，区，，B*(区*别D有区位结过位结区划”(");
}

// Paths written against the standard: "/Doc_0/..." from the root, "KingGridTPLS" templates, a
// leading-space-indented TextCode, a second page under an odd folder name.
TEST(OfdTest, NonstandardPathsAndTemplates) {
  const DecodedText d = Extract("ofd/path_unstd.ofd");
  const std::vector<std::string> pages = Pages(d.text);
  ASSERT_EQ(pages.size(), 2u);
  const std::vector<std::string> first = Lines(pages[0]);
  EXPECT_EQ(Find(first, "测试数据var-gaj"), 0);
  EXPECT_EQ(Find(first, "立案决定书"), 1);
  // "    根据…第" carries its indent as four spaces of 2.8 mm: the run starts past them.
  const int basis = Find(first, "根据《中华人民共和国刑事诉讼法》第     测试数据FLTK");
  ASSERT_GE(basis, 0);
  EXPECT_EQ(Indent(first[basis]), 4);
  EXPECT_EQ(Find(first, "立案侦查。"), basis + 2);
  const std::vector<std::string> second = Lines(pages[1]);
  EXPECT_GE(Find(second, "（存根）"), 0);
  EXPECT_GE(Find(second, "案件名称测试数据AJMC"), 0);
  EXPECT_LT(Find(second, "案件名称测试数据AJMC"), Find(second, "填 发 人测试数据TFR"));
}

// The page is "Content_0.xml" straight in Doc_0, the template under "TPLS/TPL_0".
TEST(OfdTest, PageWithoutContainerFolder) {
  const DecodedText d = Extract("ofd/no_page_container.ofd");
  EXPECT_EQ(d.text.find('\f'), std::string::npos);
  EXPECT_TRUE(HasSqueezedLine(d.text, "上海增值税电子普通发票")) << d.text;
  EXPECT_TRUE(
      HasSqueezedLine(d.text, "名 称：上海浪潮云计算服务有限公司 040+9<834*>3*6/5>>189899<87"));
  EXPECT_TRUE(HasSqueezedLine(d.text, "收款人：刘冬梅 复核：张闻一 开票人：admin"));
}

// An invoice: the form's labels are in the template, the values on the page; both print on one
// line where they share a baseline, left to right.
TEST(OfdTest, InvoiceTemplateAndPageTextShareLines) {
  const DecodedText d = Extract("ofd/1.ofd");
  EXPECT_TRUE(HasSqueezedLine(d.text, "发票代码：033002000211")) << d.text;
  EXPECT_TRUE(HasSqueezedLine(d.text, "机器编号：927000236092 校 验 码：16197 83356 74145 07415"));
  EXPECT_TRUE(HasSqueezedLine(d.text, "价税合计（大写） 伍佰贰拾陆圆整 （小写）¥526.00"));
  EXPECT_TRUE(HasSqueezedLine(d.text, "收 款 人：管理员 复 核：管理员 开 票 人：管理员"));
  // The cipher block: one TextCode stepping back (DeltaX -67.5) and down (DeltaY 4.5) is four
  // lines, interleaved with the labels beside them.
  EXPECT_NE(d.text.find("0062477>548-1109>61*9-52160+\n"), std::string::npos);
  const std::vector<std::string> lines = Lines(d.text);
  EXPECT_LT(Find(lines, "浙江增值税电子普通发票"),
            Find(lines, "名        称：江苏京利华新材料有限公司"));
}

TEST(OfdTest, InvoiceWithCondensedTypeAndWrappedItem) {
  const DecodedText d = Extract("ofd/20240531141733.ofd");
  EXPECT_TRUE(HasSqueezedLine(d.text, "电子发票（增值税专用发票） 发票号码：24112000000048542163"));
  const std::vector<std::string> lines = Lines(d.text);
  const int item = static_cast<int>(
      std::find_if(lines.begin(), lines.end(),
                   [](const std::string& l) { return l.rfind("*信息技术服务*技术服务", 0) == 0; }) -
      lines.begin());
  ASSERT_LT(item, static_cast<int>(lines.size()));
  EXPECT_EQ(lines[item + 1], "费");  // the item's name wraps onto a line of its own
}

TEST(OfdTest, FivePageInvoiceWithItemList) {
  const DecodedText d = Extract("ofd/999.ofd");
  const std::vector<std::string> pages = Pages(d.text);
  ASSERT_EQ(pages.size(), 5u);
  EXPECT_TRUE(HasSqueezedLine(pages[0], "开户行及账号：建设银行625555888900998711") ||
              HasSqueezedLine(pages[0], "方开户行及账号：建设银行625555888900998711"));
  EXPECT_TRUE(HasSqueezedLine(pages[1], "1 *餐饮服务*餐费 100.00 6% 6.00") ||
              pages[1].find("*餐饮服务*餐费") != std::string::npos);
  const std::vector<std::string> lines = Lines(pages[1]);
  int previous = -1;
  for (int n = 1; n <= 9; ++n) {  // the list's rows in order
    const std::string head = std::to_string(n) + "   *餐饮服务*餐费";
    const auto it = std::find_if(lines.begin(), lines.end(),
                                 [&](const std::string& l) { return l.rfind(head, 0) == 0; });
    ASSERT_NE(it, lines.end()) << head;
    EXPECT_GT(it - lines.begin(), previous);
    previous = static_cast<int>(it - lines.begin());
  }
}

// One TextCode holds three lines (negative DeltaX, positive DeltaY); a serial number runs down
// the margin (a column: one run); a watermark is rotated 45 degrees by its CTM.
TEST(OfdTest, MultiLineTextCodeVerticalColumnAndRotatedText) {
  const DecodedText d = Extract("ofd/keyword.ofd");
  const std::vector<std::string> lines = Lines(d.text);
  EXPECT_EQ(lines[0], "鲁（2020）泰安市不动产证明第0014777号");
  const int a = Find(lines, "不动产权证书号：");
  ASSERT_GE(a, 0);
  EXPECT_EQ(Find(lines, "鲁(2020)泰安市不动产权第0009455号"), a + 1);
  EXPECT_EQ(Find(lines, "抵押方式：一般抵押"), a + 2);
  EXPECT_EQ(Find(lines, "担保债权数额：35万元"), a + 3);
  EXPECT_GE(Find(lines, "事由户籍办理房产证明"), 0);
  EXPECT_GE(Find(lines,
                 "1.2.156.3005.2.11100000MB03271699022.11370000MB2852565A."
                 "301213AF0610489FBEC46E8AB9C5C25F.001.T"),
            0);
}

// The standard's own chapter on glyph transforms: CGTransform clusters share positions, and the
// document's Title is metadata.
TEST(OfdTest, GlyphTransformsAndTitle) {
  const DecodedText d = Extract("ofd/z.ofd");
  ASSERT_EQ(Pages(d.text).size(), 4u);
  EXPECT_EQ(d.metadata.front(), (std::pair<std::string, std::string>("title", "11.4 字型变换")));
  const std::vector<std::string> lines = Lines(d.text);
  EXPECT_EQ(Find(lines, "11.4字型变换"), 0);
  EXPECT_TRUE(
      HasSqueezedLine(d.text, "CodePosition xs:int TextCode中字符编码的起始位置，从0开始 必选"));
  // "ff" and "fi" each drawn as one glyph: the text is whole, in order, once per TextCode.
  std::size_t count = 0;
  for (std::size_t p = d.text.find("Heaffixedhisfinesign."); p != std::string::npos;
       p = d.text.find("Heaffixedhisfinesign.", p + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 2u);
  EXPECT_GE(Find(lines, "ฤำ"), 0);  // one code drawn as two glyphs stays one run
  EXPECT_GE(Find(lines, "போ"), 0);
}

TEST(OfdTest, OfficialFormInPointsScaledByCtm) {
  const DecodedText d = Extract("ofd/signout.ofd");
  EXPECT_TRUE(HasSqueezedLine(d.text, "XX 市政府文件处理"));
  EXPECT_TRUE(HasSqueezedLine(d.text, "公文标题 市委主要领导同志调研后续落实事项的通知"));
  EXPECT_TRUE(HasSqueezedLine(d.text, "收文机关 秘书股 收文登记人 陈小明"));
}

TEST(OfdTest, OutlineOnlyTextNeedsOcr) {
  for (const char* fixture : {"ofd/h.ofd", "hostile/ofd_outlines_only.ofd"}) {
    try {
      Extract(fixture);
      ADD_FAILURE() << fixture << " did not throw";
    } catch (const DecodeError& e) {
      EXPECT_NE(std::string(e.what()).find("drawn as outlines or images"), std::string::npos)
          << e.what();
      EXPECT_NE(std::string(e.what()).find("OCR"), std::string::npos);
    }
  }
}

// The generated 公文: template 版头, centred title, 主送 in points under a CTM, paragraphs
// indented two characters, a page break, the objects shuffled in the XML.
TEST(OfdTest, GeneratedOfficialDocumentInReadingOrder) {
  const DecodedText d = Extract("ofd/generated_official.ofd");
  const std::vector<std::string> pages = Pages(d.text);
  ASSERT_EQ(pages.size(), 2u);
  const std::vector<std::string> lines = Lines(pages[0]);
  EXPECT_EQ(Find(lines, "某某市人民政府文件"), 0);
  EXPECT_EQ(Find(lines, "某政办发〔2024〕5号"), 2);
  EXPECT_EQ(Find(lines, "关于加强机关作风建设的通知"), 4);
  EXPECT_EQ(lines[5], "各县（市、区）人民政府，市政府各部门：");
  EXPECT_EQ(lines[6], "");
  EXPECT_EQ(lines[7], "    为进一步加强和改进机关作风建设，切实提高工作效率和服");
  EXPECT_EQ(lines[8], "务水平，经市政府同意，现就有关事项通知如下。");
  EXPECT_EQ(lines[9], "    一、提高思想认识。各单位要把作风建设摆在突出位置，主");
  // The cleaner re-joins the wraps: each paragraph is one line.
  const CleanedText clean = CleanText(d.text);
  const std::string first =
      "为进一步加强和改进机关作风建设，切实提高工作效率和服务水平，经市政府同意，现就有关事项通知如"
      "下。";
  EXPECT_NE(clean.text.find("\n" + first + "\n"), std::string::npos) << clean.text;
  EXPECT_NE(
      clean.text.find("二、强化督促检查。市政府办公室将会同有关部门适时开展专项督查，对工作推进不"
                      "力的单位予以通报。"),
      std::string::npos)
      << clean.text;
  const std::vector<std::string> last = Lines(pages[1]);
  EXPECT_LT(Find(last, "某某市人民政府办公室"), Find(last, "2024年3月1日"));
}

TEST(OfdTest, TwoColumnsKeepPrintedRows) {
  const std::vector<std::string> lines = Lines(Extract("ofd/generated_two_columns.ofd").text);
  ASSERT_EQ(lines.size(), 3u);
  for (int k = 0; k < 3; ++k) {
    const std::string n = std::to_string(k + 1);
    EXPECT_EQ(Squeeze(lines[k]), "左栏第" + n + "行文字 右栏第" + n + "行文字");
  }
}

// ---- Hostile packages --------------------------------------------------------------------

TEST(OfdHostileTest, EntitiesAreNeverExpanded) {
  const DecodedText d = Extract("hostile/ofd_billion_laughs.ofd");
  EXPECT_NE(d.text.find("正常文字"), std::string::npos);
  EXPECT_LT(d.text.size(), 200u);
}

TEST(OfdHostileTest, DeepNestingIsCutOffNotRecursed) {
  const DecodedText d = Extract("hostile/ofd_deep_nesting.ofd");
  EXPECT_EQ(d.text, "正常文字\n");  // the text 30,000 PageBlocks down is past the depth limit
}

TEST(OfdHostileTest, GarbageNumbersAreSkipped) {
  const DecodedText d = Extract("hostile/ofd_bad_numbers.ofd");
  EXPECT_NE(d.text.find("正常文字"), std::string::npos);
  EXPECT_NE(d.text.find("己庚辛"), std::string::npos);
  for (const char* skipped : {"甲", "乙", "丙", "丁"}) {
    EXPECT_EQ(d.text.find(skipped), std::string::npos) << skipped;
  }
}

// A page listed twice and used as its own template, a DocRoot listed twice, paths out of the
// package: each content file is read once, nothing outside is looked for.
TEST(OfdHostileTest, ReferenceTrapsReadEachPartOnce) {
  const DecodedText d = Extract("hostile/ofd_reference_cycle.ofd");
  EXPECT_EQ(d.text, "正常文字\n\f\f\f");
}

TEST(OfdHostileTest, NotAnOfdPackage) {
  EXPECT_THROW(Extract("ofd/LICENSE-ofdrw.txt"), DecodeError);  // not a zip at all
}

const char kNs[] = "http://www.ofdspec.org/2016";

std::string OfdXml() {
  return std::string("<ofd:OFD xmlns:ofd=\"") + kNs +
         "\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>";
}

std::string PageXml(const std::string& text) {
  return std::string("<ofd:Page xmlns:ofd=\"") + kNs +
         "\"><ofd:Content><ofd:Layer><ofd:TextObject Boundary=\"20 20 100 8\" Size=\"5\">"
         "<ofd:TextCode X=\"0\" Y=\"4\">" +
         text + "</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>";
}

// 10,000 tiny pages: read in well under a few seconds, one page of text each.
TEST(OfdHostileTest, TenThousandTinyPages) {
  constexpr int kPages = 10000;
  std::vector<std::pair<std::string, std::string>> members;
  std::string pages;
  for (int i = 0; i < kPages; ++i) {
    const std::string loc = "Pages/Page_" + std::to_string(i) + "/Content.xml";
    pages += "<ofd:Page ID=\"" + std::to_string(i + 1) + "\" BaseLoc=\"" + loc + "\"/>";
    members.emplace_back("Doc_0/" + loc, PageXml("第" + std::to_string(i + 1) + "页"));
  }
  members.emplace_back("OFD.xml", OfdXml());
  members.emplace_back("Doc_0/Document.xml", std::string("<ofd:Document xmlns:ofd=\"") + kNs +
                                                 "\"><ofd:Pages>" + pages +
                                                 "</ofd:Pages></ofd:Document>");
  const std::string bytes = MakeZip(members);
  const auto start = std::chrono::steady_clock::now();
  const DecodedText d = ExtractBytes(bytes);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::vector<std::string> split = Pages(d.text);
  ASSERT_EQ(split.size(), static_cast<std::size_t>(kPages));
  EXPECT_EQ(split[9999], "第10000页\n");
  EXPECT_LT(seconds, 10.0);
}

TEST(OfdHostileTest, TooManyPagesIsAnError) {
  std::string pages;
  for (int i = 0; i < 50001; ++i) pages += "<ofd:Page BaseLoc=\"Pages/P/Content.xml\"/>";
  const std::string bytes =
      MakeZip({{"OFD.xml", OfdXml()},
               {"Doc_0/Document.xml", std::string("<ofd:Document xmlns:ofd=\"") + kNs +
                                          "\"><ofd:Pages>" + pages + "</ofd:Pages></ofd:Document>"},
               {"Doc_0/Pages/P/Content.xml", PageXml("页")}});
  EXPECT_THROW(ExtractBytes(bytes), DecodeError);
}

TEST(OfdHostileTest, DamagedXmlNamesTheMember) {
  const std::string bytes =
      MakeZip({{"OFD.xml", OfdXml()}, {"Doc_0/Document.xml", "<ofd:Document><ofd:Pages"}});
  try {
    ExtractBytes(bytes, "broken.ofd");
    ADD_FAILURE() << "no error";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("Document.xml"), std::string::npos) << e.what();
  }
}

TEST(OfdHostileTest, NoOfdXml) {
  const std::string bytes = MakeZip({{"word/document.xml", "<w:document/>"}});
  try {
    ExtractBytes(bytes, "x.ofd");
    ADD_FAILURE() << "no error";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("no OFD.xml"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace gongwen

namespace gongwen {
namespace {

// Text in a symbol font is mapped to what the font draws (its codes are bytes, not Unicode):
// Wingdings' F0FC is ✔ and Symbol's B3 ≥; text in other fonts is left as it is.
TEST(OfdTest, SymbolFontsAreMappedToTheCharactersTheyDraw) {
  const std::string ns = std::string("xmlns:ofd=\"") + kNs + "\"";
  const std::string page =
      "<ofd:Page " + ns +
      "><ofd:Content><ofd:Layer>"
      "<ofd:TextObject Boundary=\"20 20 100 8\" Size=\"5\" Font=\"3\">"
      "<ofd:TextCode X=\"0\" Y=\"4\">\xEF\x83\xBC</ofd:TextCode></ofd:TextObject>"
      "<ofd:TextObject Boundary=\"30 20 100 8\" Size=\"5\" Font=\"4\">"
      "<ofd:TextCode X=\"0\" Y=\"4\">\xC2\xB3</ofd:TextCode></ofd:TextObject>"
      "<ofd:TextObject Boundary=\"40 20 100 8\" Size=\"5\" Font=\"5\">"
      "<ofd:TextCode X=\"0\" Y=\"4\">\xC2\xB3同意</ofd:TextCode></ofd:TextObject>"
      "</ofd:Layer></ofd:Content></ofd:Page>";
  const std::string res = "<ofd:Res " + ns +
                          " BaseLoc=\"Res\"><ofd:Fonts>"
                          "<ofd:Font ID=\"3\" FontName=\"Wingdings\"/>"
                          "<ofd:Font ID=\"4\" FontName=\"Symbol\"/>"
                          "<ofd:Font ID=\"5\" FontName=\"宋体\"/></ofd:Fonts></ofd:Res>";
  const std::string document = "<ofd:Document " + ns +
                               "><ofd:CommonData><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"
                               "</ofd:CommonData><ofd:Pages><ofd:Page ID=\"1\" "
                               "BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>";
  const DecodedText d = ExtractBytes(MakeZip({{"OFD.xml", OfdXml()},
                                              {"Doc_0/Document.xml", document},
                                              {"Doc_0/PublicRes.xml", res},
                                              {"Doc_0/Pages/Page_0/Content.xml", page}}));
  EXPECT_NE(d.text.find("✔"), std::string::npos) << d.text;
  EXPECT_NE(d.text.find("≥"), std::string::npos) << d.text;
  EXPECT_NE(d.text.find("³同意"), std::string::npos) << d.text;
}

}  // namespace
}  // namespace gongwen
